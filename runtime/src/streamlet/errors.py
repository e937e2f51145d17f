"""Exception classes named and worded as in Streamlit.

The classes claim ``streamlit.errors`` as their module, so a script that prints
one, or the page that shows it, names it exactly as Streamlit does.
"""
from __future__ import annotations

from typing import Any

SESSION_STATE_DOCS = (
    "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)


class Error(Exception):
    """Base of every Streamlit error."""


class MarkdownFormattedException(Error):
    """An error whose message is markdown."""


class StreamlitAPIException(MarkdownFormattedException):
    """The script used the API in a way Streamlit does not allow."""

    def __init__(self, *args: Any, error_id: str | None = None) -> None:
        super().__init__(*args)
        self.error_id = error_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(repr(a) for a in self.args)})"


class LocalizableStreamlitException(StreamlitAPIException):
    """An API error whose message is a template filled from keyword arguments."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        error_id = kwargs.pop("error_id", None)
        super().__init__(message.format(**kwargs), error_id=error_id)
        self.exec_kwargs = kwargs


class DuplicateWidgetID(StreamlitAPIException):
    """Two elements of one run got the same id or the same key."""


class StreamlitDuplicateElementId(DuplicateWidgetID):
    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are multiple `{element_type}` elements with the same auto-generated ID. "
            "When this element is created, it is assigned an internal ID based on the element "
            "type and provided parameters. Multiple elements with the same type and parameters "
            "will cause this error.\n\n"
            f"To fix this error, please pass a unique `key` argument to the `{element_type}` element."
        )


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    def __init__(self, user_key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{user_key}'`. To fix this, please "
            "make sure that the `key` argument is unique for each element you create."
        )


class UnserializableSessionStateError(StreamlitAPIException):
    """A value in session state cannot be pickled while the runner demands it."""


class StreamlitInvalidFormCallbackError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """A command was used where the layout does not allow it (a button in a form, ...)."""


def code_span(text: str) -> str:
    """Markdown code span around ``text``, with a fence longer than any backtick run in it."""
    fence = "`"
    while fence in text:
        fence += "`"
    return f"{fence}{text}{fence}"


def session_state_item(key: str) -> str:
    return code_span(f"st.session_state[{key!r}]")


class StreamlitValueAssignmentNotAllowedError(LocalizableStreamlitException):
    def __init__(self, key: str) -> None:
        super().__init__(
            "{session_state_item} is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set.",
            session_state_item=session_state_item(key),
            key=key,
        )


class StreamlitWidgetAlreadyInstantiatedError(LocalizableStreamlitException):
    def __init__(self, key: str) -> None:
        super().__init__(
            "{session_state_item} cannot be modified after the widget with that key is "
            "instantiated. Assign {session_state_item} before creating the widget, or update it "
            "from an `on_change` or `on_click` callback, which runs before the widget is "
            "instantiated. If this is a read-only session state key (buttons, file and media "
            "inputs, `st.data_editor`, forms, chart or `ButtonColumn` selections), store the "
            "value under a different session state key.",
            session_state_item=session_state_item(key),
            key=key,
        )


class StreamlitValueError(LocalizableStreamlitException):
    def __init__(self, parameter: str, valid_values: list[str], *, detail: str | None = None) -> None:
        message = "Invalid `{parameter}` value. Supported values: {valid_values}."
        if detail:
            message += " {detail}"
        super().__init__(
            message, parameter=parameter, valid_values=", ".join(valid_values), detail=detail
        )


def missing_key_message(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Did you forget to initialize it? '
        f"More info: {SESSION_STATE_DOCS}"
    )


def missing_attr_message(name: str) -> str:
    return (
        f'st.session_state has no attribute "{name}". Did you forget to initialize it? '
        f"More info: {SESSION_STATE_DOCS}"
    )


def _claim_streamlit_module() -> None:
    for value in list(globals().values()):
        if isinstance(value, type) and issubclass(value, BaseException):
            value.__module__ = "streamlit.errors"




class StreamlitMixedNumericTypesError(LocalizableStreamlitException):
    def __init__(self, value: Any, min_value: Any, max_value: Any, step: Any) -> None:
        message = "All numerical arguments must be of the same type."
        names = {"value": value, "min_value": min_value, "max_value": max_value, "step": step}
        kinds = {}
        for name, given in names.items():
            if given is not None:
                kinds[f"{name}_type"] = type(given).__name__
                message += f"\n`{name}` has {{{name}_type}} type."
        super().__init__(message, **kinds)


class StreamlitValueBelowMinError(LocalizableStreamlitException):
    def __init__(self, value: Any, min_value: Any) -> None:
        super().__init__("The `value` {value} is less than the `min_value` {min_value}.",
                         value=value, min_value=min_value)


class StreamlitValueAboveMaxError(LocalizableStreamlitException):
    def __init__(self, value: Any, max_value: Any) -> None:
        super().__init__("The `value` {value} is greater than the `max_value` {max_value}.",
                         value=value, max_value=max_value)


class StreamlitInvalidMinMaxError(LocalizableStreamlitException):
    def __init__(self, min_value: Any, max_value: Any) -> None:
        if min_value == max_value:
            message = "The `min_value` and `max_value` parameters are both set to {min_value}. They must not be equal."
        else:
            message = ("The `min_value`, set to {min_value}, cannot be greater than the `max_value`, "
                       "set to {max_value}.")
        super().__init__(message, min_value=min_value, max_value=max_value)


class StreamlitValueOutOfRangeError(LocalizableStreamlitException):
    def __init__(self, parameter: str, value: Any, min_value: Any, max_value: Any, *, detail: str | None = None) -> None:
        message = "The `{parameter}` parameter, set to {value}, is outside the required range [{min_value}, {max_value}]."
        if detail:
            message += " {detail}"
        super().__init__(message, parameter=parameter, value=value, min_value=min_value, max_value=max_value,
                         detail=detail)


class StreamlitJSNumberBoundsError(LocalizableStreamlitException):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class StreamlitInvalidNumberFormatError(LocalizableStreamlitException):
    def __init__(self, format: str) -> None:
        super().__init__("Format string for `st.number_input` contains invalid characters: {format}", format=format)


class StreamlitMissingRequiredParameterError(LocalizableStreamlitException):
    def __init__(self, parameter: str, *, detail: str | None = None) -> None:
        message = "The `{parameter}` parameter is required."
        if detail:
            message += " {detail}"
        super().__init__(message, parameter=parameter, detail=detail)


class StreamlitSelectionCountExceedsMaxError(LocalizableStreamlitException):
    def __init__(self, current_selections_count: int, max_selections_count: int) -> None:
        super().__init__(
            "Multiselect has {current_selections_count} {current_selections_noun} selected but "
            "`max_selections` is set to {max_selections_count}. This happened because you either gave "
            "too many options to `default` or you manipulated the widget's state through "
            "`st.session_state`. Note that the latter can happen before the line indicated in the "
            "traceback. Please select at most {max_selections_count} {options_noun}.",
            current_selections_count=current_selections_count,
            current_selections_noun="option" if current_selections_count == 1 else "options",
            max_selections_count=max_selections_count,
            options_noun="option" if max_selections_count == 1 else "options",
        )


class StreamlitInvalidParameterTypeError(LocalizableStreamlitException):
    def __init__(self, parameter: str, provided_type: str, expected_types: list[str], *,
                 detail: str | None = None) -> None:
        message = "Invalid `{parameter}` type. Expected one of: {expected_types}. Provided type: {provided_type}."
        if detail:
            message += " {detail}"
        super().__init__(message, parameter=parameter, expected_types=", ".join(expected_types),
                         provided_type=provided_type, detail=detail)


class StreamlitDefaultNotInOptionsError(LocalizableStreamlitException):
    def __init__(self, value: Any) -> None:
        super().__init__("The default value '{value}' is not part of the options. Please make sure that every "
                         "default value also exists in the options.", value=value)


class StreamlitInvalidColumnSpecError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__(
            "The `spec` argument to `st.columns` must be either a positive integer (number of columns) or a "
            "list of positive numbers (width ratios of the columns). See [documentation]"
            "(https://docs.streamlit.io/develop/api-reference/layout/st.columns) for more information."
        )


class StreamlitUnsupportedError(StreamlitAPIException):
    """A Streamlit feature this runtime does not reproduce (for example anything needing pandas)."""


class StreamlitUnavailableCommandError(StreamlitUnsupportedError):
    """A real Streamlit command (``st.balloons``) that the browser runtime of this site does not have.

    Not an AttributeError: ``from streamlit import balloons`` then says the same instead of
    Python's ImportError (the price: ``hasattr(st, "balloons")`` raises it too).
    """

    def __init__(self, command: str) -> None:
        super().__init__(
            f"`st.{command}` is not available in the browser runtime of this site: its live examples "
            "cover session state, callbacks and the widgets they use."
        )
        self.command = f"st.{command}"


_claim_streamlit_module()
