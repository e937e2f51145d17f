"""The worker protocol's definition (``protocol.json``, beside this module) and a checker for it.

Build- and test-time only, so outside the runtime wheel: nothing in the browser reads it.

The JSON file is the one description of the messages between the page, its Web Worker and
:mod:`streamlet.bridge`; the page's sources and the bridge are tested against it. Nothing
here runs in the worker: the bridge does not validate what it answers, the tests do.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
    "object": (dict,), "array": (list,), "null": (type(None),),
}


@cache
def definition() -> dict[str, Any]:
    """The parsed ``protocol.json``."""
    return json.loads(resources.files(__package__).joinpath("protocol.json").read_text(encoding="utf-8"))


def fields(name: str) -> dict[str, dict[str, Any]]:
    """The fields of a message type or of a shape (``replay_event``), without ``type``."""
    spec = definition()["messages"].get(name) or definition()["shapes"][name]
    return dict(spec["fields"])


def makers(name: str) -> list[str]:
    made_by = definition()["messages"][name]["from"]
    return [made_by] if isinstance(made_by, str) else list(made_by)


def problems(message: Any, sender: str | None = None) -> list[str]:
    """What in ``message`` the definition does not allow; ``sender`` checks who may make it."""
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        return [f"not a message: {message!r:.80}"]
    kind = message["type"]
    if kind not in definition()["messages"]:
        return [f"unknown message type {kind!r}"]
    found = [] if sender is None or sender in makers(kind) else [f"{sender} does not send {kind!r}"]
    body = {k: v for k, v in message.items() if k != "type"}
    return found + _shape_problems(kind, body, fields(kind), sender)


def _shape_problems(where: str, body: dict[str, Any], spec: dict[str, dict[str, Any]],
                    sender: str | None) -> list[str]:
    found = [f"{where}: undeclared field {key!r}" for key in body if key not in spec]
    for key, field in spec.items():
        if key not in body:
            if field["required"]:
                found.append(f"{where}: missing required field {key!r}")
            continue
        if sender is not None and field.get("from", sender) != sender:
            found.append(f"{where}.{key}: only the {field['from']} adds it")
        found += _value_problems(f"{where}.{key}", body[key], field)
    return found


def _value_problems(where: str, value: Any, field: dict[str, Any]) -> list[str]:
    if not _has_type(value, field["type"]):
        return [f"{where}: {type(value).__name__} is not {field['type']}"]
    if "enum" in field and value not in field["enum"]:
        return [f"{where}: {value!r} is not one of {field['enum']}"]
    if "shape" in field and isinstance(value, dict):
        return _shape_problems(where, value, fields(field["shape"]), None)
    items = field.get("items")
    if items is None or not isinstance(value, list):
        return []
    if items in definition()["shapes"]:
        spec = fields(items)
        return [p for i, item in enumerate(value)
                for p in (_shape_problems(f"{where}[{i}]", item, spec, None) if isinstance(item, dict)
                          else [f"{where}[{i}]: not an object"])]
    return [p for i, item in enumerate(value) for p in _value_problems(f"{where}[{i}]", item, {"type": items})]


def _has_type(value: Any, declared: str | list[str]) -> bool:
    names = [declared] if isinstance(declared, str) else declared
    if "any" in names:
        return True
    python_types = tuple(t for name in names for t in JSON_TYPES.get(name, ()))
    if isinstance(value, bool) and bool not in python_types:
        return False  # JSON keeps true apart from 1
    return isinstance(value, python_types)
