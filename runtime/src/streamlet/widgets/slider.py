"""``st.slider``: its argument rules (types, defaults, ranges, dates and times) and its value.

The page gets numbers as numbers and dates/times as ISO strings; a range is a
list of two. Out-of-range values coming back fall back to the default, as in
Streamlit's serde.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from numbers import Integral, Real
from typing import Any

from ..errors import (
    StreamlitInvalidMinMaxError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueAboveMaxError,
    StreamlitValueBelowMinError,
    StreamlitValueError,
)
from ..memo import by_arguments
from .base import WidgetBase, compute_element_id, to_key

SCALARS = (Integral, Real, date, time, datetime)
SLIDER_IDENTITY = frozenset({"min_value", "max_value", "step"})


_FAST_KINDS = {int: "int", bool: "int", float: "float", datetime: "datetime", date: "date", time: "time"}


def kind_of(value: Any) -> str:
    fast = _FAST_KINDS.get(type(value))
    if fast is not None:
        return fast
    if isinstance(value, Integral):
        return "int"
    if isinstance(value, Real):
        return "float"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    raise KeyError(type(value))


def _is_scalar(value: Any) -> bool:
    try:
        kind_of(value)
    except KeyError:
        return False
    return True


def _window(value: Any, delta: timedelta) -> tuple[Any, Any]:
    return value - delta, value + delta


DEFAULTS: dict[str, dict[str, Any]] = {
    "int": {"min_value": 0, "max_value": 100, "step": 1, "format": "%d"},
    "float": {"min_value": 0.0, "max_value": 1.0, "step": 0.01, "format": "%0.2f"},
    "datetime": {"step": timedelta(days=1), "format": "YYYY-MM-DD"},
    "date": {"step": timedelta(days=1), "format": "YYYY-MM-DD"},
    "time": {"step": timedelta(minutes=15), "format": "HH:mm"},
}
TIMELIKE = {"datetime", "date", "time"}


def _to_text(kind: str, value: Any) -> Any:
    if kind == "date" and isinstance(value, datetime):
        value = value.date()  # a date slider set to a datetime takes its day, as Streamlit's serde does
    if kind in TIMELIKE:
        return value.isoformat()
    return float(value) if kind == "float" else int(value)


def _from_text(kind: str, value: Any) -> Any:
    if kind == "datetime":
        return datetime.fromisoformat(value)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "time":
        return time.fromisoformat(value)
    if kind == "int":
        return int(value)
    return float(value)


@dataclass
class SliderSpec:
    kind: str
    values: list[Any]
    single: bool
    min: Any
    max: Any
    step: Any
    format: str

    def _comparable(self, value: Any) -> Any:
        # Times compare on a common day, as Streamlit compares them as datetimes.
        return datetime.combine(date(2000, 1, 1), value) if self.kind == "time" else value

    def _in_range(self, value: Any) -> bool:
        if self.kind == "float" and not math.isfinite(value):
            return False
        return bool(self._comparable(self.min) <= self._comparable(value) <= self._comparable(self.max))

    def deserialize(self, shown: Any) -> Any:
        kind = type(shown)
        if self.single and (kind is float or kind is int) and self.kind in ("int", "float"):
            # The common case (a number slider's number), as the general path below reads it.
            try:
                number = float(shown) if self.kind == "float" else int(shown)
            except ValueError:  # int(nan)
                return self.values[0]
            if self.min <= number <= self.max and (self.kind == "int" or math.isfinite(number)):
                return number
            return self.values[0]
        values = self.values
        if shown is not None:
            items = [shown] if self.single and not isinstance(shown, list) else shown
            try:
                parsed = [_from_text(self.kind, v) for v in items]
            except (TypeError, ValueError):
                parsed = []
            if len(parsed) == (1 if self.single else 2) and all(self._in_range(v) for v in parsed):
                values = parsed
        return values[0] if self.single else tuple(values)

    def serialize(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [_to_text(self.kind, v) for v in value]
        # One value: a range slider whose key holds one number shows it, as Streamlit's serde does.
        return _to_text(self.kind, value) if self.single else [_to_text(self.kind, value)]

    def fields(self) -> dict[str, Any]:
        step = self.step.total_seconds() if isinstance(self.step, timedelta) else self.step
        return {"min": _to_text(self.kind, self.min), "max": _to_text(self.kind, self.max), "step": step,
                "data_type": self.kind, "format": self.format}

    def check_numbers(self, value: Any) -> None:
        """What Streamlit's AppTest does to each item to write it into the slider's state: a number
        through ``float()``, a date or a time combined into a datetime, a datetime given a time zone
        (so a time set on a date slider, or a datetime on a time slider, fails with Python's error)."""
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if self.kind in ("int", "float"):
                float(item)
            elif self.kind == "date":
                datetime.combine(item, time())
            elif self.kind == "time":
                datetime.combine(date(2000, 1, 1), item)
            else:
                item.replace(tzinfo=timezone.utc)

    def check_in_range(self, value: Any) -> None:
        """A value the page must be told (set through session state) must lie within the slider's
        bounds. A number is read with ``float()`` first, as Streamlit's serde writes it: a numeric
        string passes, None fails with float()'s TypeError, and an int slider names the value as an int."""
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if self.kind in ("int", "float"):
                item = float(item)
                low, high, shown = float(self.min), float(self.max), int(item) if self.kind == "int" else item
            else:
                item, low, high, shown = self._comparable(item), self._comparable(self.min), self._comparable(self.max), item
            if item < low:
                raise StreamlitValueBelowMinError(value=shown, min_value=self.min)
            if item > high:
                raise StreamlitValueAboveMaxError(value=shown, max_value=self.max)


_SPECS: dict[tuple[Any, ...], SliderSpec] = {}


def prepare_slider(min_value: Any, max_value: Any, value: Any, step: Any, format: str | None,
                   key_in_state: bool, state_value: Any) -> SliderSpec:
    """Check the slider's arguments as Streamlit does; reruns with the same arguments reuse the result."""
    state_is_scalar = _is_scalar(state_value) if key_in_state and value is None else None
    return by_arguments(
        _SPECS, (min_value, max_value, value, step, format, key_in_state, state_is_scalar),
        lambda: _check_slider_args(min_value, max_value, value, step, format, key_in_state, state_value))


def _check_slider_args(min_value: Any, max_value: Any, value: Any, step: Any, format: str | None,
                       key_in_state: bool, state_value: Any) -> SliderSpec:
    if value is None:
        single = _is_scalar(state_value) if key_in_state else True
        if single:
            value = min_value if min_value is not None else 0
        else:
            value = [min_value if min_value is not None else 0, max_value if max_value is not None else 100]
    single = _is_scalar(value)
    is_range = isinstance(value, (list, tuple)) and len(value) in (0, 1, 2)
    if not single and not is_range:
        if isinstance(value, (list, tuple)):
            raise StreamlitValueError("value", ["int", "float", "date", "time", "datetime",
                                                "a list containing up to two such values",
                                                "a tuple containing up to two such values"])
        raise StreamlitInvalidParameterTypeError("value", type(value).__name__,
                                                 ["int", "float", "date", "time", "datetime", "list", "tuple"])
    values = [value] if single else list(value)
    if len({kind_of(v) for v in values}) > 1:
        raise StreamlitInvalidParameterTypeError("value", ", ".join(type(v).__name__ for v in values),
                                                 ["list or tuple containing values of the same type"])
    kind = "int" if not values else kind_of(values[0])
    defaults = dict(DEFAULTS[kind])
    if kind == "time":
        tz = values[0].tzinfo
        defaults["min_value"], defaults["max_value"] = time.min.replace(tzinfo=tz), time.max.replace(tzinfo=tz)
    elif kind in ("date", "datetime"):
        defaults["min_value"], defaults["max_value"] = _window(values[0], timedelta(days=14))
    if min_value is None:
        min_value = defaults["min_value"]
    if max_value is None:
        max_value = defaults["max_value"]
    if step is None:
        step = defaults["step"]
        if kind in ("date", "datetime") and abs(max_value - min_value) < timedelta(days=1):
            step = timedelta(minutes=15)
    if format is None:
        format = defaults["format"]
    if (isinstance(step, timedelta) and step == timedelta(0)) or (not isinstance(step, timedelta) and step == 0):
        raise StreamlitValueError("step", ["a timedelta" if isinstance(step, timedelta) else "a number"],
                                  detail="Zero is not allowed.")
    bounds = [min_value, max_value, step]
    bound_kinds = {_FAST_KINDS.get(type(a)) or (kind_of(a) if _is_scalar(a) else None) for a in bounds}
    int_args = bound_kinds == {"int"}
    float_args = bound_kinds == {"float"}
    time_args = kind in TIMELIKE and isinstance(step, timedelta) and type(min_value) is type(max_value)
    if not (int_args or float_args or time_args):
        raise StreamlitInvalidParameterTypeError(
            "value", f"min_value={type(min_value).__name__}, max_value={type(max_value).__name__}, "
            f"step={type(step).__name__}", ["matching numeric types", "matching date/time types"])
    if not ((kind == "int" and int_args) or (kind == "float" and float_args) or (kind in TIMELIKE and time_args)):
        raise StreamlitInvalidParameterTypeError(
            "value", f"value={type(value).__name__}, min_value={type(min_value).__name__}, "
            f"max_value={type(max_value).__name__}", ["value and arguments with matching types"])
    spec = SliderSpec(kind, values, single, min_value, max_value, step, format)
    if spec._comparable(min_value) > spec._comparable(max_value):
        spec.min, spec.max = max_value, min_value
    if len(values) == 1:
        spec.min = min(values[0], spec.min, key=spec._comparable)
        spec.max = max(values[0], spec.max, key=spec._comparable)
    elif len(values) == 2:
        start, end = sorted(values, key=spec._comparable)
        spec.values = [start, end]
        spec.min = min(start, spec.min, key=spec._comparable)
        spec.max = max(end, spec.max, key=spec._comparable)
    else:
        spec.values = [spec.min, spec.max]
    if spec._comparable(spec.min) == spec._comparable(spec.max):
        raise StreamlitInvalidMinMaxError(spec.min, spec.max)
    return spec


class SliderMixin(WidgetBase):
    def slider(self, label: str, min_value: Any = None, max_value: Any = None, value: Any = None, step: Any = None,
               format: str | None = None, key: Any = None, help: str | None = None, on_change: Any = "rerun",
               args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible",
               width: Any = "stretch", bind: Any = None, persist_state: Any = None) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id(
            "slider", key, key_as_main_identity=SLIDER_IDENTITY, form_id=dg._form_id,
            root=dg._root, label=label, min_value=min_value, max_value=max_value, value=value, step=step,
            format=format, help=help)
        state = dg._ctx().state
        in_state, state_value = False, None
        if value is None and key is not None:
            try:
                state_value, in_state = state.lookup(key), True
            except KeyError:
                pass
        spec = prepare_slider(min_value, max_value, value, step, format, in_state, state_value)
        return dg._value_widget(
            "slider", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, serde=spec,
            fields={**spec.fields(), "width": width}, field=spec.check_in_range,
            client_check=spec.check_numbers)

