"""Drive one scenario through an ``AppTest`` class and return a normalized, JSON-able trace.

Imported by both interpreters: the reference one (real Streamlit, in its own
virtual environment, see ``reference_runner.py``) and ours (``streamlet``).
So: standard library only, Python 3.11 syntax, and no knowledge of which
engine it drives beyond duck typing.

A scenario is a dict::

    {"name": "counter", "script": "import streamlit as st\\n...",
     "steps": [[op, op, ...], [], ...], "config": {"runner.x": True}}

The script runs once, then each step's operations are applied and the app is
run again (an empty step is a plain rerun). Operations use only the public
AppTest API both engines share:

- ``{"op": "call", "list": "slider", "index": 0, "method": "set_value", "args": [3]}``
  is ``at.slider[0].set_value(3)``; ``"key": "k"`` instead of ``"index"`` is
  ``at.slider(key="k")``;
- ``{"op": "set_state", "key": "k", "value": v}`` is ``at.session_state["k"] = v``;
- ``{"op": "del_state", "key": "k"}`` is ``del at.session_state["k"]``;
- ``{"op": "get_state", "key": "k", "attr": False}`` reads ``at.session_state["k"]``
  (or ``at.session_state.k``) and records the value or the error.
- ``{"op": "read", "list": "header", "index": 0, "attrs": ["anchor", "divider"]}`` reads
  those attributes of ``at.header[0]`` (display attributes the tree does not compare
  everywhere: ``help``, ``placeholder``, ``label_visibility``, ...) and records each one.

Arguments and state values are JSON, with tagged forms for what JSON lacks:
``{"$date": "2024-01-31"}``, ``{"$time": "10:30:00"}``, ``{"$datetime": ...}``,
``{"$tuple": [...]}``.

The trace holds, after the first run and after each step, the element tree in
order (blocks nest their children), ``session_state`` and the result of each
operation. Every value is stored as JSON text (``default=repr``, sorted keys)
so that ``1``, ``1.0`` and ``True`` stay distinct. What the engine lacks (an
attribute, a verb, an element list) is recorded as an error text where the
value would be: the driver never works around a missing API.
"""
from __future__ import annotations

import contextlib
import datetime
import json
import re
from typing import Any

__all__ = ["run_scenario", "encode", "decode"]

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_ELEMENT_ID = re.compile(r"\$\$ID-[0-9a-f]+-")
"""Element ids hash the widget's arguments each engine's own way: they are not compared."""

# Fields read from each element type, besides ``type`` (and ``key`` for widgets).
WIDGET_FIELDS = ("label", "key", "disabled", "value")
EXTRA_FIELDS: dict[str, tuple[str, ...]] = {
    "number_input": ("min", "max", "step"),
    "slider": ("min", "max", "step"),
    "date_input": ("min", "max", "is_range"),
    "select_slider": ("options",),
    "selectbox": ("options",),
    "radio": ("options",),
    "multiselect": ("options", "max_selections"),
    "code": ("language",),
    "json": ("expanded",),
    "error": ("icon",),
    "warning": ("icon",),
    "info": ("icon",),
    "success": ("icon",),
}
NUMERIC_BOUNDS = frozenset({"min", "max", "step"})
"""Streamlit's AppTest reads these from the proto, as doubles (``0.0`` for ``min_value=0``);
tests compare them with ``==``, so the trace compares them as numbers, not as JSON text."""
DETAIL_FIELDS = frozenset({"min", "max", "step", "max_selections", "is_range", "language", "expanded",
                           "icon", "is_markdown", "weight"})
"""Attributes of the AppTest API that are not values: a difference in one of them is
reported only when the values, types, labels, keys, messages and state all agree."""
DATA_EDITOR_FIELDS = ("key", "value")
EXCEPTION_FIELDS = ("message", "is_warning", "is_markdown")


# -- values --------------------------------------------------------------------
def _default(value: Any) -> Any:
    """JSON fallback: tables by content, everything else by ``repr`` (addresses scrubbed)."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and hasattr(value, "columns"):
        with contextlib.suppress(Exception):
            split = to_dict(orient="split")
            return {"columns": list(split["columns"]), "data": [list(r) for r in split["data"]]}
    return _scrub(repr(value))


def encode(value: Any) -> str:
    """A value as JSON text: ``default=repr`` and sorted keys, as the trace stores it."""
    try:
        return _scrub(json.dumps(value, default=_default, sort_keys=True))
    except (TypeError, ValueError):
        # Mixed key types cannot be sorted; keys that are not strings cannot be JSON keys.
        return json.dumps(_scrub(repr(value)))


def decode(value: Any) -> Any:
    """Scenario JSON -> Python: the tagged forms become dates, times and tuples."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            (tag, inner), = value.items()
            if tag == "$date":
                return datetime.date.fromisoformat(inner)
            if tag == "$time":
                return datetime.time.fromisoformat(inner)
            if tag == "$datetime":
                return datetime.datetime.fromisoformat(inner)
            if tag == "$tuple":
                return tuple(decode(v) for v in inner)
        return {k: decode(v) for k, v in value.items()}
    return value


def _scrub(text: str) -> str:
    return _ELEMENT_ID.sub("$$ID-?-", _ADDRESS.sub(" at 0x?", text))


def _error(err: BaseException) -> str:
    return "!" + type(err).__name__ + ": " + _scrub(str(err))


def _as_float(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_as_float(v) for v in value]
    return value


def _read(obj: Any, name: str) -> str:
    """``obj.name`` as JSON text, or ``!ErrorType: message`` when reading it fails."""
    try:
        value = getattr(obj, name)
        if name in NUMERIC_BOUNDS:
            value = _as_float(value)
        return encode(value)
    except Exception as err:  # noqa: BLE001 - a failed read is part of the trace
        return _error(err)


def _read_display(obj: Any, name: str) -> str:
    """A display attribute as JSON text; a protobuf repeated field (Streamlit's ``Radio.captions``)
    reads as the list it compares equal to."""
    try:
        value = getattr(obj, name)
    except Exception as err:  # noqa: BLE001 - a failed read is part of the trace
        return _error(err)
    if type(value).__name__.startswith("Repeated"):
        value = list(value)
    return encode(value)


# -- the tree ------------------------------------------------------------------
def _is_a(node: Any, class_name: str) -> bool:
    return any(cls.__name__ == class_name for cls in type(node).__mro__)


def _children(block: Any) -> list[Any]:
    """A block's children in page order (Streamlit keys them by delta index, streamlet lists them)."""
    children = block.children
    if isinstance(children, dict):
        return [children[k] for k in sorted(children)]
    return list(children)


def _block_type(block: Any, children: list[Any]) -> str:
    kind = str(block.type)
    if kind == "flex_container":
        # Streamlit draws st.container and the row of st.columns as the same flex block.
        is_row = bool(children) and all(_is_a(c, "Block") and c.type == "column" for c in children)
        kind = "columns" if is_row else "container"
    return kind


def _element_type(node: Any) -> str:
    kind = str(node.type)
    if kind == "button" and getattr(node, "form_id", ""):
        kind = "form_submit_button"  # Streamlit's AppTest types both buttons "button"
    elif kind == "dataframe":
        with contextlib.suppress(Exception):
            if node.editing_mode != "read_only":
                kind = "data_editor"
    return kind


def _exception_type(node: Any) -> str:
    """The exception class as the page prints it: Streamlit keeps it in the proto's ``type``."""
    try:
        proto = node.proto
        if isinstance(proto, dict):
            return encode(proto["exc_type"])
        return encode(proto.type)
    except Exception as err:  # noqa: BLE001
        return _error(err)


def _node(node: Any) -> dict[str, Any]:
    if _is_a(node, "Block"):
        children = _children(node)
        out: dict[str, Any] = {"type": _block_type(node, children)}
        if out["type"] in ("form", "container"):
            out["key"] = _read(node, "key")
        elif out["type"] == "expander":
            out["label"] = _read(node, "label")
        elif out["type"] == "column":
            out["weight"] = _read(node, "weight")
        out["children"] = [_node(c) for c in children]
        return out
    kind = _element_type(node)
    out = {"type": kind}
    if kind == "exception":
        out["exc_type"] = _exception_type(node)
        fields: tuple[str, ...] = EXCEPTION_FIELDS
    elif kind == "data_editor":
        fields = DATA_EDITOR_FIELDS
    elif _is_a(node, "Widget"):
        fields = WIDGET_FIELDS + EXTRA_FIELDS.get(kind, ())
    else:
        fields = ("value",) + EXTRA_FIELDS.get(kind, ())
    for name in fields:
        out[name] = _read(node, name)
    if kind == "json":
        out["value"] = _canonical_json(out["value"])
    return out


def _canonical_json(text: str) -> str:
    """st.json's body with sorted keys: Streamlit's ``st.session_state`` iterates a set, so the
    order it writes keys in changes from process to process and cannot be compared."""
    try:
        return encode(json.dumps(json.loads(json.loads(text)), sort_keys=True))
    except (TypeError, ValueError):
        return text


def _block_children(at: Any, name: str) -> list[dict[str, Any]] | str:
    try:
        return [_node(c) for c in _children(getattr(at, name))]
    except Exception as err:  # noqa: BLE001
        return _error(err)


def _session_state(at: Any) -> dict[str, str] | str:
    try:
        state = at.session_state
        return {str(k): encode(v) for k, v in sorted(state.items(), key=lambda kv: str(kv[0]))}
    except Exception as err:  # noqa: BLE001
        return _error(err)


def snapshot(at: Any) -> dict[str, Any]:
    return {"main": _block_children(at, "main"), "sidebar": _block_children(at, "sidebar"),
            "session_state": _session_state(at)}


# -- the steps -----------------------------------------------------------------
def _apply(at: Any, op: dict[str, Any]) -> str | None:
    """Apply one operation; return what it read, an error text, or None."""
    kind = op["op"]
    try:
        if kind == "call":
            elements = getattr(at, op["list"])
            element = elements(key=op["key"]) if "key" in op else elements[op.get("index", 0)]
            getattr(element, op["method"])(*decode(op.get("args", [])))
            return None
        if kind == "set_state":
            at.session_state[op["key"]] = decode(op["value"])
            return None
        if kind == "del_state":
            del at.session_state[op["key"]]
            return None
        if kind == "read":
            elements = getattr(at, op["list"])
            element = elements(key=op["key"]) if "key" in op else elements[op.get("index", 0)]
            return encode({name: _read_display(element, name) for name in op["attrs"]})
        if kind == "get_state":
            if op.get("attr"):
                return encode(getattr(at.session_state, op["key"]))
            return encode(at.session_state[op["key"]])
        raise ValueError(f"unknown operation {kind!r}")
    except Exception as err:  # noqa: BLE001 - the engine's answer, recorded
        return _error(err)


def _run(at: Any, record: dict[str, Any]) -> None:
    try:
        at.run()
    except Exception as err:  # noqa: BLE001
        record["run_error"] = _error(err)
    record.update(snapshot(at))


def run_scenario(app_test: Any, scenario: dict[str, Any], patch_config_options: Any = None) -> dict[str, Any]:
    """Run ``scenario`` with ``app_test`` (an AppTest class); return its trace.

    ``patch_config_options`` is the engine's context manager for config options;
    it is used when the scenario sets ``config``, around every run.
    """
    config = scenario.get("config") or {}
    patch = patch_config_options(config) if config else contextlib.nullcontext()
    snapshots: list[dict[str, Any]] = []
    with patch:
        at = app_test.from_string(scenario["script"], default_timeout=scenario.get("timeout", 10))
        first: dict[str, Any] = {"step": 0}
        _run(at, first)
        snapshots.append(first)
        for number, step in enumerate(scenario.get("steps", []), start=1):
            record: dict[str, Any] = {"step": number}
            if step:
                # What each operation read or raised (None: done), before anything the run shows.
                record["ops"] = [_apply(at, op) for op in step]
            _run(at, record)
            snapshots.append(record)
    return {"name": scenario.get("name", ""), "snapshots": snapshots}
