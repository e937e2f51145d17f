"""Widgets that pick from options: selectbox, radio, multiselect, select_slider.

The page shows ``format_func(option)`` labels and sends back indices; a value
set through session state that is no longer among the options falls back to
the default and session state follows, as in Streamlit.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from numbers import Integral
from typing import Any

from ..errors import (
    StreamlitDefaultNotInOptionsError,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitSelectionCountExceedsMaxError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from .base import WidgetBase, compute_element_id, to_key


def as_options(options: Any) -> list[Any]:
    if options is None:
        return []
    if isinstance(options, dict):
        return list(options.keys())
    if isinstance(options, (str, bytes)):
        return [options]
    if isinstance(options, Iterable):
        return list(options)
    if type(options).__module__.startswith("pandas"):
        from ..errors import StreamlitUnsupportedError

        raise StreamlitUnsupportedError("pandas objects as options need pandas, which live examples do not have.")
    return [options]


def _formats_into(format_func: Callable[[Any], Any], value: Any, shown: set[Any]) -> bool:
    """``format_func(value)`` is one of the options' shown texts (False when format_func fails on it)."""
    try:
        return format_func(value) in shown
    except Exception:  # noqa: BLE001 - a format_func that fails on a value: not an option
        return False


def _among(formatted: list[str], format_func: Callable[[Any], Any]) -> Callable[[Any], None]:
    """What Streamlit's AppTest checks before sending a selectbox's or radio's value: its shown text
    is one of the options' (``ValueError: 'x' is not in list``); None sends nothing."""

    def check(value: Any) -> None:
        if value is not None and formatted:
            formatted.index(format_for_widget(format_func, value))

    return check


def format_for_widget(format_func: Callable[[Any], Any], value: Any) -> Any:
    """An option's shown text as AppTest computes it: a str that format_func fails on is its own text."""
    try:
        return format_func(value)
    except Exception:
        if isinstance(value, str):
            return value
        raise


def index_of(options: list[Any], value: Any) -> int:
    for i, option in enumerate(options):
        if value == option:
            return i
    raise ValueError(f"{value} is not in iterable")


@dataclass(frozen=True, slots=True)
class SingleChoiceSerde:
    """selectbox and radio: the page sends an option's index; a value is sent back as its index."""

    options: list[Any]
    default: Any
    format_func: Callable[[Any], Any]

    def deserialize(self, shown: Any) -> Any:
        if type(shown) is int and 0 <= shown < len(self.options):
            return self.options[shown]
        return self.default

    def serialize(self, value: Any) -> Any:
        if value is None:
            return None
        shown = str(self.format_func(value))
        for i, option in enumerate(self.options):
            if str(self.format_func(option)) == shown and option == value:
                return i
        return None


@dataclass(frozen=True, slots=True)
class MultiSelectSerde:
    """multiselect: a list of option indices, in the order picked. A value that is not an option
    travels as its shown text and comes back as that text, as in Streamlit's serde (the widget
    then drops it); an index outside the options is dropped."""

    options: list[Any]
    defaults: list[int]
    format_func: Callable[[Any], Any] = str

    def deserialize(self, shown: Any) -> list[Any]:
        options = self.options
        if not isinstance(shown, list):
            return [options[i] for i in self.defaults]
        texts = [str(self.format_func(o)) for o in options]
        picked: list[Any] = []
        for item in shown:
            if type(item) is int and 0 <= item < len(options):
                picked.append(options[item])
            elif isinstance(item, str):
                picked.append(options[texts.index(item)] if item in texts else item)
        return picked

    def serialize(self, value: Any) -> list[int | str]:
        texts = [str(self.format_func(o)) for o in self.options]
        sent: list[int | str] = []
        for item in value:
            try:
                text = str(self.format_func(item))
            except Exception:  # noqa: BLE001 - as Streamlit: a value format_func fails on is sent as str()
                text = str(item)
            sent.append(texts.index(text) if text in texts else text)
        return sent


@dataclass(frozen=True, slots=True)
class SelectSliderSerde:
    """select_slider: one index, or two for a range (a tuple in Python). A value that is not an
    option travels as its shown text, as in Streamlit's serde, and reads back as the default."""

    options: list[Any]
    indices: list[int]
    is_range: bool
    format_func: Callable[[Any], Any] = str

    def _texts(self) -> list[str]:
        return [str(self.format_func(o)) for o in self.options]

    def deserialize(self, shown: Any) -> Any:
        """As Streamlit's serde: nothing or the wrong count gives the default; an item that is not an
        option's index or text takes the default's at its place; a range comes back in ascending order."""
        chosen = [] if shown is None else (shown if isinstance(shown, list) else [shown])
        if len(chosen) != len(self.indices):
            chosen = list(self.indices)
        texts = self._texts()
        picked = []
        for place, item in enumerate(chosen):
            if type(item) is int and 0 <= item < len(self.options):
                picked.append(item)
            elif isinstance(item, str) and item in texts:
                picked.append(texts.index(item))
            else:
                picked.append(self.indices[place])
        if self.is_range:
            return tuple(self.options[i] for i in sorted(picked))
        return self.options[picked[0]]

    def serialize(self, current: Any) -> Any:
        if current is None:
            return None  # session state may hold None: the page shows the first option
        texts = self._texts()

        def one(value: Any) -> int | str:
            text = str(self.format_func(value))
            return texts.index(text) if text in texts else text

        # A list or a tuple is a range, unless it is one of the options itself.
        if isinstance(current, (tuple, list)) and str(self.format_func(current)) not in texts:
            return [one(v) for v in current]
        return one(current)


class ChoiceBase(WidgetBase):
    """What the choice widgets share; each command is in a mixin named as Streamlit's (``SelectboxMixin``, ...),
    so a misspelt keyword raises the same TypeError text."""

    def _options_fields(self, options: list[Any], format_func: Callable[[Any], Any]) -> list[str]:
        return [str(format_func(o)) for o in options]

    def _single_choice(self, kind: str, label: Any, options: Any, index: int | None, format_func: Any, key: Any,
                       help: str | None, on_change: Any, args: Any, kwargs: Any, disabled: bool,
                       label_visibility: str, extra: dict[str, Any], look: dict[str, Any]) -> Any:
        key = to_key(key)
        callback = self._policies(key, on_change, default=None if index == 0 else index)
        label = self._label(label, label_visibility)
        opts = as_options(options)
        if kind == "radio":
            formatted = self._options_fields(opts, format_func)
            element_id = compute_element_id(kind, key, key_as_main_identity=True, form_id=self.form_id,
                                            root=self._root_name(), label=label, options=formatted, index=index,
                                            help=help, **{k: repr(v) for k, v in extra.items()})
        if not isinstance(index, int) and index is not None:
            raise StreamlitInvalidParameterTypeError("index", type(index).__name__, ["int", "None"])
        if index is not None and len(opts) > 0 and not 0 <= index < len(opts):
            raise StreamlitValueOutOfRangeError("index", index, 0, len(opts) - 1)
        if kind == "selectbox":
            formatted = self._options_fields(opts, format_func)
            element_id = compute_element_id(kind, key, key_as_main_identity=set(), form_id=self.form_id,
                                            root=self._root_name(), label=label, options=formatted, index=index,
                                            help=help, **{k: repr(v) for k, v in extra.items()})
        if key is not None and self._state_says_none(key):
            index = None
        default = opts[index] if index is not None and opts else None

        def sync_with_options(value: Any) -> Any:
            """A value no longer among the options resets to the default; session state follows."""
            if value is None or any(value == o for o in opts):
                return value
            if key is not None:
                self._ctx().state.new_user[key] = default
            return default

        return self._value_widget(
            kind, label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id,
            serde=SingleChoiceSerde(opts, default, format_func), fields={"options": formatted, **extra, **look},
            format_func=format_func, after=sync_with_options, client_check=_among(formatted, format_func))


class SelectboxMixin(ChoiceBase):
    def selectbox(self, label: str, options: Any, index: int | None = 0, format_func: Callable[[Any], Any] = str,
                  key: Any = None, help: str | None = None, on_change: Any = "rerun", args: Any = None,
                  kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False,
                  required: bool = False, label_visibility: str = "visible", icon: str | None = None,
                  accept_new_options: bool = False, filter_mode: Any = "fuzzy", width: Any = "stretch",
                  bind: Any = None, persist_state: Any = None) -> Any:
        dg = self._target()
        look = {"required": required, "icon": icon, "accept_new_options": accept_new_options,
                "filter_mode": filter_mode, "width": width}
        return dg._single_choice("selectbox", label, options, index, format_func, key, help, on_change, args,
                                 kwargs, disabled, label_visibility, {"placeholder": placeholder}, look)


class RadioMixin(ChoiceBase):
    def radio(self, label: str, options: Any, index: int | None = 0, format_func: Callable[[Any], Any] = str,
              key: Any = None, help: str | None = None, on_change: Any = "rerun", args: Any = None,
              kwargs: Any = None, *, disabled: bool = False, horizontal: bool = False, captions: Any = None,
              label_visibility: str = "visible", width: Any = "content", bind: Any = None,
              persist_state: Any = None) -> Any:
        dg = self._target()
        return dg._single_choice("radio", label, options, index, format_func, key, help, on_change, args, kwargs,
                                 disabled, label_visibility, {"horizontal": horizontal, "captions": captions},
                                 {"width": width})


class MultiSelectMixin(ChoiceBase):
    def multiselect(self, label: str, options: Any, default: Any = None, format_func: Callable[[Any], Any] = str,
                    key: Any = None, help: str | None = None, on_change: Any = "rerun", args: Any = None,
                    kwargs: Any = None, *, max_selections: int | None = None, placeholder: str | None = None,
                    disabled: bool = False, label_visibility: str = "visible", accept_new_options: bool = False,
                    filter_mode: Any = "fuzzy", select_all: bool | int = 1000, width: Any = "stretch",
                    wrap: bool | None = None, bind: Any = None, persist_state: Any = None) -> list[Any]:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=default)
        label = dg._label(label, label_visibility)
        if max_selections is not None and (isinstance(max_selections, bool) or not isinstance(max_selections, Integral)
                                           or max_selections < 1):
            detail = ("To disable `st.multiselect`, use `disabled=True`."
                      if isinstance(max_selections, Integral) and max_selections == 0 else None)
            raise StreamlitValueError("max_selections", ["a positive integer"], detail=detail)
        opts = as_options(options)
        formatted = dg._options_fields(opts, format_func)
        defaults: list[int] = []
        if default is not None:
            for item in as_options(default) if not isinstance(default, (str, int, float)) else [default]:
                if item not in opts:
                    raise StreamlitDefaultNotInOptionsError(item)
                defaults.append(opts.index(item))
        element_id = compute_element_id(
            "multiselect", key, key_as_main_identity={"max_selections"}, form_id=dg.form_id,
            root=dg._root_name(), label=label, options=formatted, default=defaults, help=help,
            max_selections=max_selections, placeholder=placeholder)

        def check(value: Any) -> Any:
            """As Streamlit: too many fail; values not among the options (by their shown text) are
            dropped, and session state follows; a value with nothing dropped is returned as it is."""
            count = 0 if value is None else len(list(value)) if isinstance(value, Iterable) else 1
            if max_selections is not None and count > max_selections:
                raise StreamlitSelectionCountExceedsMaxError(count, max_selections)
            list(value)  # None, or one value that is not a list, fails here as in Streamlit
            if not value:
                return value
            shown = {format_func(o) for o in opts}
            kept = [v for v in value if _formats_into(format_func, v, shown)]
            if len(kept) == len(value):
                return value
            if key is not None:
                dg._ctx().state.new_user[key] = kept
            return kept

        return dg._value_widget(  # type: ignore[no-any-return]
            "multiselect", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id,
            serde=MultiSelectSerde(opts, defaults, format_func), client_check=list,
            fields={"options": formatted, "max_selections": max_selections, "placeholder": placeholder,
                    "accept_new_options": accept_new_options, "filter_mode": filter_mode, "select_all": select_all,
                    "width": width, "wrap": wrap},
            format_func=format_func, after=check)


class SelectSliderMixin(ChoiceBase):
    def select_slider(self, label: str, options: Any = (), value: Any = None,
                      format_func: Callable[[Any], Any] = str, key: Any = None, help: str | None = None,
                      on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                      label_visibility: str = "visible", width: Any = "stretch", bind: Any = None,
                      persist_state: Any = None) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value)
        label = dg._label(label, label_visibility)
        opts = as_options(options)
        if not opts:
            raise StreamlitMissingRequiredParameterError("options", detail="Provide at least one option.")
        is_range = isinstance(value, (list, tuple)) and len(value) == 2
        if is_range:
            start, end = index_of(opts, value[0]), index_of(opts, value[1])
            indices = [min(start, end), max(start, end)]
        else:
            try:
                indices = [index_of(opts, value)]
            except ValueError:
                if value is not None:
                    raise
                indices = [0]
        formatted = dg._options_fields(opts, format_func)
        element_id = compute_element_id("select_slider", key, key_as_main_identity=True, form_id=dg.form_id,
                                        root=dg._root_name(), label=label, options=formatted, value=indices,
                                        help=help)

        return dg._value_widget(
            "select_slider", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id,
            serde=SelectSliderSerde(opts, indices, is_range, format_func),
            fields={"options": formatted, "is_range": is_range, "width": width},
            format_func=format_func, after=dg._options_sync(key, opts, indices, format_func))

    def _options_sync(self, key: str | None, opts: list[Any], indices: list[int],
                      format_func: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """select_slider's check of its value against its options, as Streamlit's: by the shown text;
        None stays; a value (or either end of a range) not among them resets to the default, and
        session state follows."""
        shown = {format_func(o) for o in opts}

        def is_option(value: Any) -> bool:
            return _formats_into(format_func, value, shown)

        def sync(value: Any) -> Any:
            if isinstance(value, tuple):
                if is_option(value[0]) and is_option(value[-1]):
                    return value
                end = indices[1] if len(indices) > 1 else len(opts) - 1
                default: Any = (opts[indices[0]], opts[end])
            elif value is None or is_option(value):
                return value
            else:
                default = opts[indices[0]]
            if key is not None:
                self._ctx().state.new_user[key] = default
            return default

        return sync
