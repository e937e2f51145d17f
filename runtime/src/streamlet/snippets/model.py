"""A snippet, its options and its documented steps, as plain data that crosses to JSON."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from typing import Any

ACTIONS = ("click", "set", "rerun")
"""What a step may do before its expectations are checked; a step without one is the first run."""


_TAGS: dict[str, Any] = {"$datetime": datetime, "$date": date, "$time": time}


def encode_value(value: Any) -> Any:
    """A step's value as JSON: dates and times as ``{"$date": "2024-01-02"}`` (exact round trip)."""
    for tag, cls in _TAGS.items():  # datetime first: it is a date too
        if isinstance(value, cls):
            return {tag: value.isoformat()}
    if isinstance(value, dict):
        return {k: encode_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode_value(v) for v in value]
    return value


def decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in _TAGS:
            ((tag, text),) = value.items()
            return _TAGS[tag].fromisoformat(text)
        return {k: decode_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    return value


@dataclass
class Step:
    action: str | None = None
    target: str | None = None
    value: Any = None
    expect: dict[str, Any] = field(default_factory=dict)
    line: int = 0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Step:
        fields = {k: data[k] for k in ("action", "target", "value", "expect", "line") if k in data}
        for name in ("value", "expect"):
            if name in fields:
                fields[name] = decode_value(fields[name])
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able: the page and Node get the steps this way and hand them back to ``from_dict``."""
        data = asdict(self)
        data["value"], data["expect"] = encode_value(self.value), encode_value(self.expect)
        return data

    def describe(self) -> str:
        if self.action == "click":
            return f"click {self.target}"
        if self.action == "set":
            return f"set {self.target} to {self.value!r}"
        if self.action == "rerun":
            return "rerun"
        return "first run"


@dataclass
class Snippet:
    """One Python fence of a page: its code, options and the steps written after it."""

    path: str
    line: int
    code: str
    id: str | None = None
    live: bool = False
    options: dict[str, str] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    steps_line: int | None = None
    config: str | None = None
    """A ``toml`` fence placed before the snippet with ``for="id"``: its config."""

    @property
    def norun(self) -> str | None:
        return self.options.get("norun")

    @property
    def example(self) -> str | None:
        """The fence's ``example="playground"``: the id of the live block whose picker offers this snippet."""
        return self.options.get("example")

    @property
    def timeout(self) -> int | float | None:
        """The fence's ``timeout=30``: seconds a run may take before the page stops it (None: the page's default)."""
        text = self.options.get("timeout")
        if text is None:
            return None
        value = float(text)
        return int(value) if value.is_integer() else value

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["steps"] = [s.to_dict() for s in self.steps]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Snippet:
        data = dict(data)
        data["steps"] = [Step.from_dict(s) for s in data.get("steps", [])]
        return cls(**data)
