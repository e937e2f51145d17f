"""Widgets holding one value: checkbox, toggle, text, numbers, sliders, colours, dates and times.

Each widget follows Streamlit's order: policies, label, id, argument checks,
registration, then the checks that need the registered value. Values cross to
the page in JSON (``serialize``) and come back through ``deserialize``, which
falls back to the default for anything out of range, as Streamlit's serdes do.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from numbers import Integral
from typing import Any

from .errors import (
    StreamlitAPIException,
    StreamlitInvalidMinMaxError,
    StreamlitInvalidNumberFormatError,
    StreamlitInvalidParameterTypeError,
    StreamlitJSNumberBoundsError,
    StreamlitMixedNumericTypesError,
    StreamlitValueAboveMaxError,
    StreamlitValueBelowMinError,
    StreamlitValueError,
)
from .dates import DateSpec, TimeSpec
from .inputs import InputMixin, to_key
from .memo import by_arguments
from .sliders import prepare_slider
from .widgets import WidgetMeta, compute_element_id

MAX_SAFE_INTEGER = (1 << 53) - 1
MIN_SAFE_INTEGER = -MAX_SAFE_INTEGER
MAX_FLOAT = 1.7976931348623157e308
TEXT_INPUT_TYPES = ("default", "password")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


SLIDER_IDENTITY = frozenset({"min_value", "max_value", "step"})
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


def _same(value: Any) -> Any:
    return value


class ScalarMixin(InputMixin):
    def _value_widget(self, kind: str, label: Any, key: str | None, *, callback: Any, args: Any, kwargs: Any,
                      disabled: bool, help: str | None, label_visibility: str, element_id: str,
                      deserialize: Callable[[Any], Any], serialize: Callable[[Any], Any],
                      fields: dict[str, Any], format_func: Callable[[Any], Any] | None = None,
                      after: Callable[[Any], Any] | None = None) -> Any:
        meta = WidgetMeta(id=element_id, type=kind, key=key, default=deserialize(None), callback=callback,
                          args=tuple(args or ()), kwargs=dict(kwargs or {}), form_id=self.form_id,
                          disabled=disabled, deserialize=deserialize, serialize=serialize,
                          format_func=format_func)
        element = {"type": kind, "label": label, "help": help, "disabled": disabled,
                   "label_visibility": label_visibility, **fields}
        return self._register(element, meta, after)

    # -- checkbox and toggle -------------------------------------------------
    def _checkbox(self, kind: str, label: Any, value: bool, key: Any, help: str | None, on_change: Any,
                  args: Any, kwargs: Any, disabled: bool, label_visibility: str) -> bool:
        key = to_key(key)
        callback = self._policies(key, on_change, default=None if value is False else value)
        label = self._label(label, label_visibility)
        element_id = compute_element_id(kind, key, key_as_main_identity=True, form_id=self.form_id,
                                        root=self._root_name(), label=label, value=bool(value), help=help)
        default = bool(value)
        return bool(self._value_widget(
            kind, label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id,
            deserialize=lambda v: bool(v if v is not None else default), serialize=bool, fields={}))

    def checkbox(self, label: str, value: bool = False, key: Any = None, help: str | None = None,
                 on_change: Any = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                 label_visibility: str = "visible", **_: Any) -> bool:
        dg = self._target()
        return dg._checkbox("checkbox", label, value, key, help, on_change, args, kwargs, disabled,
                            label_visibility)

    def toggle(self, label: str, value: bool = False, key: Any = None, help: str | None = None,
               on_change: Any = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False,
               label_visibility: str = "visible", **_: Any) -> bool:
        dg = self._target()
        return dg._checkbox("toggle", label, value, key, help, on_change, args, kwargs, disabled,
                            label_visibility)

    # -- text ----------------------------------------------------------------
    def _text(self, kind: str, label: Any, value: Any, max_chars: int | None, key: Any, help: str | None,
              on_change: Any, args: Any, kwargs: Any, placeholder: str | None, disabled: bool,
              label_visibility: str, type: str = "default") -> str | None:
        key = to_key(key)
        if kind == "text_input" and type not in TEXT_INPUT_TYPES:
            raise StreamlitValueError("type", [repr(t) for t in TEXT_INPUT_TYPES])
        callback = self._policies(key, on_change, default=None if value == "" else value)
        label = self._label(label, label_visibility)
        value = str(value) if value is not None else None
        element_id = compute_element_id(
            kind, key, key_as_main_identity={"max_chars"}, form_id=self.form_id, root=self._root_name(),
            label=label, value=value, max_chars=max_chars, type=type, help=help, placeholder=str(placeholder))
        if key is not None and self._state_says_none(key):
            value = None
        default = value

        def deserialize(v: Any) -> str | None:
            result = v if isinstance(v, str) else default
            if result is not None and max_chars is not None:
                result = result[:max_chars]
            return result  # type: ignore[no-any-return]

        fields = {"placeholder": placeholder, "max_chars": max_chars}
        if kind == "text_input":
            fields["input_type"] = type
        return self._value_widget(kind, label, key, callback=callback, args=args, kwargs=kwargs,  # type: ignore[no-any-return]
                                  disabled=disabled, help=help, label_visibility=label_visibility,
                                  element_id=element_id, deserialize=deserialize, serialize=lambda v: v,
                                  fields=fields)

    def text_input(self, label: str, value: Any = "", max_chars: int | None = None, key: Any = None,
                   type: str = "default", help: str | None = None, autocomplete: str | None = None,
                   on_change: Any = None, args: Any = None, kwargs: Any = None, *, placeholder: str | None = None,
                   disabled: bool = False, label_visibility: str = "visible", **_: Any) -> str | None:
        dg = self._target()
        return dg._text("text_input", label, value, max_chars, key, help, on_change, args, kwargs, placeholder,
                        disabled, label_visibility, type)

    def text_area(self, label: str, value: Any = "", height: Any = None, max_chars: int | None = None,
                  key: Any = None, help: str | None = None, on_change: Any = None, args: Any = None,
                  kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False,
                  label_visibility: str = "visible", **_: Any) -> str | None:
        dg = self._target()
        return dg._text("text_area", label, value, max_chars, key, help, on_change, args, kwargs, placeholder,
                        disabled, label_visibility)

    # -- number_input --------------------------------------------------------
    def number_input(self, label: str, min_value: Any = None, max_value: Any = None, value: Any = "min",
                     step: Any = None, format: str | None = None, key: Any = None, help: str | None = None,
                     on_change: Any = None, args: Any = None, kwargs: Any = None, *,
                     placeholder: str | None = None, disabled: bool = False, label_visibility: str = "visible",
                     **_: Any) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value if value != "min" else None)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id(
            "number_input", key, key_as_main_identity=True, form_id=dg.form_id, root=dg._root_name(),
            label=label, min_value=min_value, max_value=max_value, value=value, step=step, format=format,
            help=help, placeholder=None if placeholder is None else str(placeholder))
        spec = number_spec(min_value, max_value, value, step, format,
                           key is not None and dg._state_says_none(key))
        for line in spec.logs:
            dg._log(line)
        value, step, number_format, all_ints = spec.value, spec.step, spec.format, spec.all_ints
        has_min, has_max = min_value is not None, max_value is not None

        def reset_out_of_range(current: Any) -> Any:
            if current is not None and ((has_min and current < min_value) or (has_max and current > max_value)):
                current = value
                if key is not None:
                    dg._ctx().state.new_user[key] = current
            return current

        return dg._value_widget(
            "number_input", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, deserialize=spec.deserialize,
            serialize=_same, after=reset_out_of_range if has_min or has_max else None,
            fields={"min": min_value, "max": max_value, "step": step, "format": number_format,
                    "data_type": "int" if all_ints else "float", "placeholder": placeholder})

    # -- slider --------------------------------------------------------------
    def slider(self, label: str, min_value: Any = None, max_value: Any = None, value: Any = None, step: Any = None,
               format: str | None = None, key: Any = None, help: str | None = None, on_change: Any = None,
               args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible",
               **_: Any) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id(
            "slider", key, key_as_main_identity=SLIDER_IDENTITY, form_id=dg.form_id,
            root=dg._root_name(), label=label, min_value=min_value, max_value=max_value, value=value, step=step,
            format=format, help=help)
        state = dg._ctx().state
        in_state, state_value = False, None
        if value is None and key is not None:
            try:
                state_value, in_state = state.lookup(key), True
            except KeyError:
                pass
        spec = prepare_slider(min_value, max_value, value, step, format, in_state, state_value)
        def check(current: Any) -> Any:
            if key is not None and state.is_new_state_value(key):
                spec.check_in_range(current)
            return current

        return dg._value_widget(
            "slider", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, deserialize=spec.deserialize,
            serialize=spec.serialize, fields=spec.fields(), after=check)

    # -- color_picker --------------------------------------------------------
    def color_picker(self, label: str, value: str | None = None, key: Any = None, help: str | None = None,
                     on_change: Any = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                     label_visibility: str = "visible", **_: Any) -> str:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id("color_picker", key, key_as_main_identity=True, form_id=dg.form_id,
                                        root=dg._root_name(), label=label, value=str(value), help=help)
        if value is None:
            value = "#000000"
        if not isinstance(value, str):
            raise StreamlitInvalidParameterTypeError("value", type(value).__name__, ["str"],
                                                     detail="Pass a hex string like `'#00FFAA'` or `'#000'`.")
        if not _HEX.match(value):
            raise StreamlitAPIException(f"'{value}' is not a valid hex code for colors. Valid ones are like "
                                        "'#00FFAA' or '#000'.")
        default = value
        return dg._value_widget(  # type: ignore[no-any-return]
            "color_picker", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id,
            deserialize=lambda v: str(v if v is not None else default), serialize=str, fields={})

    # -- date_input and time_input -------------------------------------------
    def date_input(self, label: str, value: Any = "today", min_value: Any = None, max_value: Any = None,
                   key: Any = None, help: str | None = None, on_change: Any = None, args: Any = None,
                   kwargs: Any = None, *, format: str = "YYYY/MM/DD", disabled: bool = False,
                   label_visibility: str = "visible", **_: Any) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value if value != "today" else None)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id(
            "date_input", key, key_as_main_identity={"min_value", "max_value"}, form_id=dg.form_id,
            root=dg._root_name(), label=label, value=repr(value), min_value=repr(min_value),
            max_value=repr(max_value), help=help, format=format)
        if key is not None and dg._state_says_none(key):
            value = None
        spec = DateSpec.from_raw(value, min_value, max_value)
        return dg._value_widget(
            "date_input", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, deserialize=spec.deserialize,
            serialize=spec.serialize, fields={"min": spec.min.isoformat(), "max": spec.max.isoformat(),
                                              "is_range": spec.is_range, "format": format})

    def time_input(self, label: str, value: Any = "now", key: Any = None, help: str | None = None,
                   on_change: Any = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                   label_visibility: str = "visible", step: Any = timedelta(minutes=15), **_: Any) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value if value != "now" else None)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id("time_input", key, key_as_main_identity=True, form_id=dg.form_id,
                                        root=dg._root_name(), label=label, value=repr(value), help=help,
                                        step=repr(step))
        if key is not None and dg._state_says_none(key):
            value = None
        spec = TimeSpec.from_raw(value, step)
        return dg._value_widget(
            "time_input", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, deserialize=spec.deserialize,
            serialize=spec.serialize, fields={"step": spec.step_seconds})

