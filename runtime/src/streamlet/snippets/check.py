"""Replay a snippet's steps through AppTest and say where the page stops telling the truth.

Steps are what a reader does in the page: a value set in a form's widget is held,
with no rerun, until the form's submit button is clicked (AppTest then sends it).

Each check returns ``None`` when it holds, else a ``Failure``; a snippet's result is
the list of messages, empty when the page is right: the developer's English (with
the markdown line of the step) by default, or the reader's sentences in the page's
language (``lang``, worded by ``failure_text``) for the page's docs check.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, time
from typing import Any

from ..config import Config
from ..testing import AppTest, AppTestError, Element, Widget
from . import failure_text
from .failure_text import MISSING, Failure
from .model import Step

NO_EXCEPTION = object()


def _find_widget(at: AppTest, target: str) -> Widget | None:
    widgets = [e for e in at if isinstance(e, Widget)]
    for widget in widgets:
        if widget.key == target:
            return widget
    matches = [w for w in widgets if w.label == target]
    return matches[0] if len(matches) == 1 else None


def _comparable(element: Element) -> Any:
    if element.type == "json":
        return json.loads(element.value)
    return element.value


def _check_type(at: AppTest, kind: str, expected: Any) -> Failure | None:
    actual = [_comparable(e) for e in at.get(kind)]
    wanted = expected if isinstance(expected, list) else [expected]
    if actual != wanted:
        return Failure("element", f"{kind}: expected {wanted!r}, got {actual!r}",
                       {"type": kind, "expected": wanted, "actual": actual})
    return None


def _check_state(at: AppTest, expected: dict[str, Any]) -> Failure | None:
    wrong, found = [], []
    for key, value in expected.items():
        if key not in at.session_state:
            wrong.append(f"{key} is missing")
            found.append((key, MISSING, value))
        elif at.session_state[key] != value:
            wrong.append(f"{key} is {at.session_state[key]!r}, expected {value!r}")
            found.append((key, at.session_state[key], value))
    return Failure("state", "session state: " + "; ".join(wrong), {"wrong": found}) if wrong else None


def _exception_matches(node: dict[str, Any], expected: Any) -> bool:
    wanted = expected if isinstance(expected, dict) else {"type": expected}
    name = node["exc_type"].rpartition(".")[2]
    if "type" in wanted and wanted["type"].rpartition(".")[2] != name:
        return False
    if "message" in wanted and wanted["message"] != node["message"]:
        return False
    return True


def _check_exception(at: AppTest, expected: Any) -> Failure | None:
    raised = [e.node for e in at.get("exception")]
    if expected is NO_EXCEPTION or expected is None:
        if raised:
            first = raised[0]
            return Failure("unexpected", f"unexpected exception {first['exc_type']}: {first['message']}",
                           {"raised": first})
        return None
    if not any(_exception_matches(node, expected) for node in raised):
        got = [f"{n['exc_type']}: {n['message']}" for n in raised] or "no exception"
        return Failure("exception", f"exception: expected {expected!r}, got {got!r}",
                       {"expected": expected, "raised": raised})
    return None


def _check_log(at: AppTest, expected: list[str]) -> Failure | None:
    if at.log != expected:
        return Failure("log", f"log: expected {expected!r}, got {at.log!r}",
                       {"expected": list(expected), "actual": list(at.log)})
    return None


CHECKS: dict[str, Callable[[AppTest, Any], Failure | None]] = {
    "state": _check_state,
    "exception": _check_exception,
    "log": _check_log,
}
"""Expectations with a meaning of their own; any other key names an element type."""


def _as_widget_value(widget: Widget, value: Any) -> Any:
    """A date or time written as text in the steps (``"10:30"``) becomes the value the widget holds."""
    if isinstance(value, str):
        parse = {"date_input": date.fromisoformat, "time_input": time.fromisoformat}.get(widget.type)
        if parse is not None:
            try:
                return parse(value)
            except ValueError:
                return value
    return value


def _held_by_a_form(at: AppTest, step: Step) -> bool:
    """A reader's change to a form's widget reruns nothing: the page holds it until the submit button."""
    if step.action != "set":
        return False
    widget = _find_widget(at, str(step.target))
    return widget is not None and bool(widget.form_id)


def _apply(at: AppTest, step: Step) -> Failure | None:
    if step.action not in (None, "click", "set", "rerun"):
        return Failure("action", f"unknown action {step.action!r}; use click, set or rerun",
                       {"action": step.action})
    if step.action in ("click", "set"):
        widget = _find_widget(at, str(step.target))
        if widget is None:
            matches = sum(1 for e in at if isinstance(e, Widget) and e.label == str(step.target))
            return Failure("no-widget", f"no single widget with key or label {step.target!r}",
                           {"target": str(step.target), "matches": matches})
        try:
            if step.action == "click":
                widget.set_value(True)
            else:
                widget.set_value(_as_widget_value(widget, step.value))
        except AppTestError as err:
            return Failure("disabled", str(err), {"label": widget.label or str(step.target)})
    return None


def check_steps(code: str, steps: list[Step], *, config_toml: str | None = None,
                lang: str | None = None) -> list[str]:
    """Run ``code`` and replay ``steps``; return one message per expectation that fails.

    Without ``lang``, each message is the developer's: ``step 2 (click Add, line 12): markdown:
    expected [...], got [...]``. With ``lang`` ("en", "zh" or "ja"), the reader's sentences in
    that language, one per wrong value: ``Step 2 (click “Add”): the page should show ...``.
    """
    if lang is not None and lang not in failure_text.LANGS:
        lang = "en"
    at = AppTest(code, config=Config.from_toml(config_toml) if config_toml else None)
    failures: list[str] = []

    def report(step: Step, number: int, failure: Failure, widget: tuple[str, str] | None) -> None:
        if lang is None:
            failures.append(_where(step, number, failure.text))
        else:
            action = failure_text.step_action(step.action, step.target, step.value, lang, widget)
            failures.extend(failure_text.lines(failure, number, action, lang))

    at.run()
    for number, step in enumerate(steps or [Step()], 1):
        widget = None
        if step.action or number > 1:
            if step.action in ("click", "set"):
                found = _find_widget(at, str(step.target))
                widget = (found.type, found.label) if found is not None else None
            held = _held_by_a_form(at, step)
            problem = _apply(at, step)
            if problem:
                report(step, number, problem, widget)
                break
            if not held:
                at.run()
        expect = dict(step.expect)
        expect.setdefault("exception", NO_EXCEPTION)
        for key, expected in expect.items():
            check = CHECKS.get(key)
            problem = check(at, expected) if check else _check_type(at, key, expected)
            if problem:
                report(step, number, problem, widget)
    return failures


def _where(step: Step, number: int, problem: str) -> str:
    line = f", line {step.line}" if step.line else ""
    return f"step {number} ({step.describe()}{line}): {problem}"
