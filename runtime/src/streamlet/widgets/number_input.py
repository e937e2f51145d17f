"""``st.number_input``: its argument rules (Streamlit's order and messages) and its value."""
from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral
from typing import Any

from ..errors import (
    StreamlitInvalidMinMaxError,
    StreamlitInvalidNumberFormatError,
    StreamlitJSNumberBoundsError,
    StreamlitMixedNumericTypesError,
    StreamlitValueAboveMaxError,
    StreamlitValueBelowMinError,
)
from ..memo import by_arguments
from .base import WidgetBase, compute_element_id, to_key
from .fields import optional_double_field

MAX_SAFE_INTEGER = (1 << 53) - 1
MIN_SAFE_INTEGER = -MAX_SAFE_INTEGER
MAX_FLOAT = 1.7976931348623157e308
_FLOATISH = frozenset({float, str, type(None)})
_INTISH = frozenset({int, bool, str, type(None)})


def _is_int_like(value: Any) -> bool:
    """Integral, None or a string (``"min"``), with a fast path around the ABC check."""
    return type(value) in _INTISH or isinstance(value, (Integral, str))


def _validate_int(value: int, name: str) -> None:
    if value < MIN_SAFE_INTEGER:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be >= -((1 << 53) - 1)")
    if value > MAX_SAFE_INTEGER:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be <= (1 << 53) - 1")


def _validate_float(value: float, name: str) -> None:
    if not isinstance(value, (int, float)):
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) is not a float")
    if value < -MAX_FLOAT:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be >= -1.797e+308")
    if value > MAX_FLOAT:
        raise StreamlitJSNumberBoundsError(f"{name} ({value}) must be <= 1.797e+308")


@dataclass(frozen=True)
class NumberSpec:
    """What ``st.number_input``'s arguments come to, once checked: the same arguments, the same spec."""

    value: Any
    step: Any
    format: str
    all_ints: bool
    low: Any
    high: Any
    logs: tuple[str, ...]

    def deserialize(self, shown: Any) -> Any:
        """The client's number, or the default when it is missing or outside the bounds."""
        result = shown if shown is not None else self.value
        if result is not None:
            result = int(result) if self.all_ints else float(result)
            if (not self.all_ints and not math.isfinite(result)) or result < self.low or result > self.high:
                return self.value
        return result

    def serialize(self, value: Any) -> Any:
        return value


_NUMBER_SPECS: dict[tuple[Any, ...], NumberSpec] = {}


def number_spec(min_value: Any, max_value: Any, value: Any, step: Any, format: str | None,
                state_none: bool) -> NumberSpec:
    """Check number_input's arguments as Streamlit does; reruns with the same arguments reuse the result."""
    args = (min_value, max_value, value, step, format, state_none)
    return by_arguments(_NUMBER_SPECS, args, lambda: _check_number_args(*args))


def _check_number_args(min_value: Any, max_value: Any, value: Any, step: Any, format: str | None,
                       state_none: bool) -> NumberSpec:
    given = [min_value, max_value, value, step]
    all_int = all(_is_int_like(a) for a in given)
    all_float = all(type(a) in _FLOATISH or isinstance(a, (float, str)) for a in given)
    if not all_int and not all_float:
        raise StreamlitMixedNumericTypesError(value=value, min_value=min_value, max_value=max_value, step=step)
    if state_none:
        value = None
    if value == "min":
        if min_value is not None:
            value = min_value
        elif all_int and all_float:
            value = 0.0
        elif all_int:
            value = 0
        else:
            value = 0.0
    int_value = type(value) is int or isinstance(value, Integral)
    float_value = type(value) is float or isinstance(value, float)
    if value is None:
        int_value = all_int and not all_float
        float_value = not int_value
    number_format = ("%d" if int_value else "%0.2f") if format is None else format
    logs: list[str] = []
    if number_format in {"%d", "%u", "%i"} and float_value:
        logs.append(f"st.number_input value has type float, but format {number_format} displays as integer.")
    elif number_format[-1] == "f" and int_value:
        logs.append("st.number_input value has type int so is displayed as int despite format string "
                    f"{number_format}.")
    if step is None:
        step = 1 if int_value else 0.01
    try:
        float(number_format % 2)
    except (TypeError, ValueError):
        raise StreamlitInvalidNumberFormatError(number_format) from None
    all_ints = int_value and all_int
    if min_value is not None and max_value is not None and min_value > max_value:
        raise StreamlitInvalidMinMaxError(min_value, max_value)
    if min_value is not None and value is not None and min_value > value:
        raise StreamlitValueBelowMinError(value=value, min_value=min_value)
    if max_value is not None and value is not None and max_value < value:
        raise StreamlitValueAboveMaxError(value=value, max_value=max_value)
    check = _validate_int if all_ints else _validate_float
    for name, given_value in (("`min_value`", min_value), ("`max_value`", max_value), ("`step`", step),
                              ("`value`", value)):
        if given_value is not None:
            check(int(given_value) if all_ints else given_value, name)
    low = min_value if min_value is not None else (MIN_SAFE_INTEGER if all_ints else -MAX_FLOAT)
    high = max_value if max_value is not None else (MAX_SAFE_INTEGER if all_ints else MAX_FLOAT)
    return NumberSpec(value, step, number_format, bool(all_ints), low, high, tuple(logs))


class NumberInputMixin(WidgetBase):
    def number_input(self, label: str, min_value: Any = None, max_value: Any = None, value: Any = "min",
                     step: Any = None, format: str | None = None, key: Any = None, help: str | None = None,
                     on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *,
                     placeholder: str | None = None, disabled: bool = False, required: bool = False,
                     label_visibility: str = "visible", icon: str | None = None, width: Any = "stretch",
                     bind: Any = None, persist_state: Any = None) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value if value != "min" else None)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id(
            "number_input", key, key_as_main_identity=True, form_id=dg._form_id, root=dg._root,
            label=label, min_value=min_value, max_value=max_value, value=value, step=step, format=format,
            help=help, placeholder=None if placeholder is None else str(placeholder))
        spec = number_spec(min_value, max_value, value, step, format,
                           key is not None and dg._state_says_none(key))
        for line in spec.logs:
            dg._log(line)
        value, step, number_format, all_ints = spec.value, spec.step, spec.format, spec.all_ints
        has_min, has_max = min_value is not None, max_value is not None

        def reset_out_of_range(current: Any) -> Any:
            # Compared with the bounds as the element holds them, doubles (a str fails as Streamlit's does).
            if current is not None and ((has_min and current < float(min_value))
                                        or (has_max and current > float(max_value))):
                current = value
                if key is not None:
                    dg._ctx().state.new_user[key] = current
            return current

        return dg._value_widget(
            "number_input", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, serde=spec, after=reset_out_of_range if has_min or has_max else None,
            fields={"min": min_value, "max": max_value, "step": step, "format": number_format,
                    "data_type": "int" if all_ints else "float", "placeholder": placeholder,
                    "required": required, "icon": icon, "width": width}, field=optional_double_field)
