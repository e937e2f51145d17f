"""Replay a snippet's steps through AppTest and say where the page stops telling the truth.

Steps are what a reader does in the page: a value set in a form's widget is held,
with no rerun, until the form's submit button is clicked (AppTest then sends it).

Each check returns ``None`` when it holds, else a message; a snippet's result is
the list of messages, empty when the page is right.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, time
from typing import Any

from ..config import Config
from ..testing import AppTest, AppTestError, Element, Widget
from .model import Step

NO_EXCEPTION = object()


def _find_widget(at: AppTest, target: str) -> Widget | None:
    widgets = [e for e in at._elements if isinstance(e, Widget)]
    for widget in widgets:
        if widget.key == target:
            return widget
    matches = [w for w in widgets if w.label == target]
    return matches[0] if len(matches) == 1 else None


def _comparable(element: Element) -> Any:
    if element.type == "json":
        return json.loads(element.value)
    return element.value


def _check_type(at: AppTest, kind: str, expected: Any) -> str | None:
    actual = [_comparable(e) for e in at.get(kind)]
    wanted = expected if isinstance(expected, list) else [expected]
    if actual != wanted:
        return f"{kind}: expected {wanted!r}, got {actual!r}"
    return None


def _check_state(at: AppTest, expected: dict[str, Any]) -> str | None:
    wrong = []
    for key, value in expected.items():
        if key not in at.session_state:
            wrong.append(f"{key} is missing")
        elif at.session_state[key] != value:
            wrong.append(f"{key} is {at.session_state[key]!r}, expected {value!r}")
    return ("session state: " + "; ".join(wrong)) if wrong else None


def _exception_matches(node: dict[str, Any], expected: Any) -> bool:
    wanted = expected if isinstance(expected, dict) else {"type": expected}
    name = node["exc_type"].rpartition(".")[2]
    if "type" in wanted and wanted["type"].rpartition(".")[2] != name:
        return False
    if "message" in wanted and wanted["message"] != node["message"]:
        return False
    return True


def _check_exception(at: AppTest, expected: Any) -> str | None:
    raised = [e.node for e in at.get("exception")]
    if expected is NO_EXCEPTION or expected is None:
        if raised:
            first = raised[0]
            return f"unexpected exception {first['exc_type']}: {first['message']}"
        return None
    if not any(_exception_matches(node, expected) for node in raised):
        got = [f"{n['exc_type']}: {n['message']}" for n in raised] or "no exception"
        return f"exception: expected {expected!r}, got {got!r}"
    return None


def _check_log(at: AppTest, expected: list[str]) -> str | None:
    if at.log != expected:
        return f"log: expected {expected!r}, got {at.log!r}"
    return None


CHECKS: dict[str, Callable[[AppTest, Any], str | None]] = {
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


def _apply(at: AppTest, step: Step) -> str | None:
    if step.action not in (None, "click", "set", "rerun"):
        return f"unknown action {step.action!r}; use click, set or rerun"
    if step.action in ("click", "set"):
        widget = _find_widget(at, str(step.target))
        if widget is None:
            return f"no single widget with key or label {step.target!r}"
        try:
            if step.action == "click":
                widget.set_value(True)
            else:
                widget.set_value(_as_widget_value(widget, step.value))
        except AppTestError as err:
            return str(err)
    return None


def check_steps(code: str, steps: list[Step], *, config_toml: str | None = None) -> list[str]:
    """Run ``code`` and replay ``steps``; return one message per expectation that fails."""
    at = AppTest(code, config=Config.from_toml(config_toml) if config_toml else None)
    failures: list[str] = []
    at.run()
    for number, step in enumerate(steps or [Step()], 1):
        if step.action or number > 1:
            held = _held_by_a_form(at, step)
            problem = _apply(at, step)
            if problem:
                failures.append(_where(step, number, problem))
                break
            if not held:
                at.run()
        expect = dict(step.expect)
        expect.setdefault("exception", NO_EXCEPTION)
        for key, expected in expect.items():
            check = CHECKS.get(key)
            problem = check(at, expected) if check else _check_type(at, key, expected)
            if problem:
                failures.append(_where(step, number, problem))
    return failures


def _where(step: Step, number: int, problem: str) -> str:
    line = f", line {step.line}" if step.line else ""
    return f"step {number} ({step.describe()}{line}): {problem}"
