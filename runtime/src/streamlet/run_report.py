"""What a run did that Streamlit does not show: the page's timeline under a live block.

A :class:`RunRecorder` watches one :meth:`streamlet.runner.Session.run` when it is asked
for (``report=True``): which widgets the reader changed, which callbacks ran with which
arguments, how many ``st.rerun()`` passes followed, how long it took, and how
``st.session_state`` changed. Values are kept only as their ``repr``, cut short by
:data:`REPR`, so a large value costs no more than a short one; nothing is computed for a
run that was not asked about.

The report (a JSON-ready dict)::

    {"trigger": [{"id", "kind", "label", "key", "value", "click"}],
     "callbacks": [{"name", "args", "kwargs", "widget"}],
     "reruns": 0, "ms": 1.2,
     "diff": [{"key", "change": "added" | "changed" | "removed", "old"?, "new"?, "widget"}],
     "state": [{"key", "value", "widget"}]}

``value``, ``old``, ``new``, ``args`` and ``kwargs`` are reprs; ``widget`` says the key
is a widget's key; ``state`` is sorted by key.
"""
from __future__ import annotations

import reprlib
import time
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from .state import SessionState
from .widget_meta import WidgetMeta

MAX_REPR = 120
"""No repr in a report is longer than this (characters); the cut keeps both ends."""

REPR = reprlib.Repr()
REPR.maxstring = 80
REPR.maxother = 80
REPR.maxlist = REPR.maxtuple = REPR.maxset = REPR.maxfrozenset = REPR.maxdeque = 8
REPR.maxdict = 6
REPR.maxlevel = 3


_PLAIN = frozenset({int, float, bool, type(None)})


def short_repr(value: Any) -> str:
    """``repr(value)`` as Python writes it, cut to :data:`MAX_REPR` characters."""
    kind = type(value)
    if kind in _PLAIN or (kind is str and len(value) <= REPR.maxstring):
        text = repr(value)  # most state is a number or a short string: no need for reprlib's dispatch
    else:
        text = _cut_repr(value)
    if len(text) > MAX_REPR:
        half = (MAX_REPR - 3) // 2
        text = text[:half] + "..." + text[-half:]
    return text


def _cut_repr(value: Any) -> str:
    try:
        return REPR.repr(value)
    except Exception as err:  # noqa: BLE001 - reprlib catches a broken __repr__, not a broken __len__
        return f"<{type(value).__name__}: repr raised {type(err).__name__}>"


def callable_name(func: Any) -> str:
    """A callback's qualified name (``increment``, ``Counter.add``), else its repr."""
    name = getattr(func, "__qualname__", None)
    return name if isinstance(name, str) else short_repr(func)


def snapshot(state: SessionState) -> dict[str, str]:
    """``st.session_state`` as reprs, by key."""
    return {key: short_repr(value) for key, value in state.filtered().items()}


def state_diff(before: Mapping[str, str], after: Mapping[str, str], widget_keys: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Keys added, changed (old -> new) and removed between two snapshots, in key order."""
    widgets = set(widget_keys)
    out: list[dict[str, Any]] = []
    for key in sorted(before.keys() | after.keys()):
        if key not in before:
            entry: dict[str, Any] = {"key": key, "change": "added", "new": after[key]}
        elif key not in after:
            entry = {"key": key, "change": "removed", "old": before[key]}
        elif before[key] != after[key]:
            entry = {"key": key, "change": "changed", "old": before[key], "new": after[key]}
        else:
            continue
        entry["widget"] = key in widgets
        out.append(entry)
    return out


def find_node(elements: Iterable[dict[str, Any]], widget_id: str) -> dict[str, Any] | None:
    for node in elements:
        if node.get("id") == widget_id:
            return node
        found = find_node(node.get("children", ()), widget_id)
        if found is not None:
            return found
    return None


class PreviousRun(Protocol):
    """What the recorder reads of the run before (a :class:`streamlet.runner.RunResult`)."""

    elements: list[dict[str, Any]]
    report: dict[str, Any] | None


class RunRecorder:
    """Watches one run; the runner tells it what happened, :meth:`finish` writes the report."""

    def __init__(self, state: SessionState, previous: PreviousRun | None) -> None:
        """``previous``: the run the reader acted on. Its elements give the widgets' labels, and its
        report, when it has one, the state before this run: nothing but a test's writes changes
        session state between two runs, and those then count as this run's changes."""
        self.shown = previous.elements if previous is not None else []
        if previous is not None and previous.report is not None:
            self.before = {entry["key"]: entry["value"] for entry in previous.report["state"]}
        else:
            self.before = snapshot(state)
        self.trigger: list[dict[str, Any]] = []
        self.callbacks: list[dict[str, Any]] = []
        self.started = time.perf_counter()

    def widgets_changed(self, state: SessionState) -> None:
        """Once the client's values are in: the widgets whose value differs from the last run's."""
        for widget_id in state.changed_widgets():
            meta = state.widget_meta(widget_id)
            if meta is None:
                continue
            node = find_node(self.shown, widget_id) or {}
            self.trigger.append({
                "id": widget_id, "kind": meta.type, "label": str(node.get("label", "")), "key": meta.key,
                "value": short_repr(state.new_widgets.get(widget_id)), "click": meta.trigger,
            })

    def callback(self, meta: WidgetMeta) -> None:
        """A callback about to be called, with the arguments it is called with."""
        node = find_node(self.shown, meta.id) or {}
        self.callbacks.append({
            "name": callable_name(meta.callback),
            "args": [short_repr(arg) for arg in meta.args],
            "kwargs": {str(name): short_repr(value) for name, value in meta.kwargs.items()},
            "widget": str(node.get("label", meta.key or "")),
        })

    def finish(self, state: SessionState, reruns: int) -> dict[str, Any]:
        """The report, once the run and its reruns are over (the time is taken before the snapshot)."""
        ms = (time.perf_counter() - self.started) * 1000
        after = snapshot(state)
        widget_keys = state.key_to_id.keys()
        return {
            "trigger": self.trigger,
            "callbacks": self.callbacks,
            "reruns": reruns,
            "ms": round(ms, 2),
            "diff": state_diff(self.before, after, widget_keys),
            "state": [{"key": key, "value": after[key], "widget": key in widget_keys} for key in sorted(after)],
        }
