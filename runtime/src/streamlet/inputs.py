"""Widgets: each registers with session state and returns its value for this run."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .delta import DeltaGeneratorBase
from .errors import (
    StreamlitAPIException,
    StreamlitValueError,
    StreamlitInvalidFormCallbackError,
    StreamlitInvalidLayoutContextError,
    StreamlitValueAssignmentNotAllowedError,
)
from .state import require_valid_user_key
from .widgets import WidgetMeta, compute_element_id

FORM_DOCS_INFO = (
    "\n\nFor more information, refer to the\n"
    "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)

DEFAULT_AND_STATE_WARNING = (
    'The widget with key "{key}" was created with a default value but also had its value '
    "set via the Session State API."
)


EMPTY_LABEL_WARNING = (
    "`label` got an empty value. This is discouraged for accessibility reasons and may be disallowed in "
    "the future by raising an exception. Please provide a non-empty label and hide it with "
    "label_visibility if needed."
)
LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")
ON_CHANGE_MODES = ("rerun", "ignore")


def validate_on_change_mode(callback: Any, supported: tuple[str, ...], param: str = "on_change") -> Any:
    """A callable, or None for no callback / a supported mode; anything else is Streamlit's error."""
    if callback is None or callable(callback):
        return callback
    if isinstance(callback, str) and callback in ON_CHANGE_MODES:
        if callback in supported:
            return None
        raise StreamlitAPIException(f'`{param}="{callback}"` is not supported on this widget. '
                                    f"Pass a callback, or omit `{param}`.")
    valid = [repr(mode) for mode in supported] + ["a callback function"]
    raise StreamlitValueError(param, valid)


def to_key(key: Any) -> str | None:
    return None if key is None else str(key)


class InputMixin(DeltaGeneratorBase):
    def _log(self, message: str) -> None:
        """A line Streamlit writes to the server log, not to the page."""
        self._ctx().log.append(message)

    def _root_name(self) -> str:
        return self._target()._root

    def _state_says_none(self, key: str) -> bool:
        """Session state holds None for this widget's key (Streamlit then starts the widget empty)."""
        state = self._ctx().state
        try:
            return state.lookup(key) is None
        except KeyError:
            return False

    def _label(self, label: Any, visibility: str) -> str:
        text = "" if label is None else str(label)
        if not text:
            self._log(EMPTY_LABEL_WARNING)
        if visibility not in LABEL_VISIBILITIES:
            raise StreamlitValueError("label_visibility", [repr(v) for v in LABEL_VISIBILITIES])
        return text

    def _policies(self, key: str | None, on_change: Any, *, default: Any = None, writes_allowed: bool = True,
                  callback_rules: bool = True, param: str = "on_change") -> Any:
        """Streamlit's widget policies; returns the callback (None for the modes 'rerun' and 'ignore')."""
        callback = validate_on_change_mode(on_change, ON_CHANGE_MODES, param)
        self._check_policies(key, callback, default=default, writes_allowed=writes_allowed,
                             callback_rules=callback_rules)
        return callback

    def _check_policies(self, key: str | None, callback: Any, *, default: Any = None,
                        writes_allowed: bool = True, callback_rules: bool = True) -> None:
        """Streamlit's widget policies, in its order: callbacks in forms, the key, state writes."""
        ctx = self._ctx()
        if callback_rules and self.form_id and callback is not None:
            raise StreamlitInvalidFormCallbackError()
        if key is None:
            return
        require_valid_user_key(key)
        if not ctx.state.is_new_state_value(key):
            return
        if not writes_allowed:
            raise StreamlitValueAssignmentNotAllowedError(key)
        if default is not None and not ctx.config.get("global.disableWidgetStateDuplicationWarning"):
            if not ctx.state.warned_default:
                ctx.state.warned_default = True
                ctx.log.append(DEFAULT_AND_STATE_WARNING.format(key=key))

    def _register(self, element: dict[str, Any], meta: WidgetMeta,
                  after: Callable[[Any], Any] | None = None) -> Any:
        """Register the widget for this run, add its element, and return its value.

        ``after`` checks (and may correct) the registered value before the element is added:
        as in Streamlit, a widget whose value fails a check is not drawn.
        """
        ctx = self._ctx()
        value, _ = ctx.state.register_widget(meta)
        ctx.widget_ids_this_run.add(meta.id)
        if after is not None:
            value = after(value)
        element.update(id=meta.id, key=meta.key, form_id=meta.form_id, value=meta.serialize(value))
        self._target()._block.add(element)  # type: ignore[union-attr]
        return value

    def _button(self, label: Any, key: Any, help: str | None, on_click: Callable[..., Any] | None,
                args: tuple[Any, ...] | None, kwargs: dict[str, Any] | None, *, submitter: bool,
                type: str, icon: str | None, disabled: bool, use_container_width: bool | None) -> bool:
        key = to_key(key)
        label = "" if label is None else str(label)
        on_click = validate_on_change_mode(on_click, (), "on_click")
        self._check_policies(key, on_click, writes_allowed=False, callback_rules=not submitter)
        form_id = self.form_id
        kind = "form_submit_button" if submitter else "button"
        element_id = compute_element_id(
            kind, key, key_as_main_identity=True, form_id=form_id if submitter else "",
            root=self._target()._root, label=label, icon=icon, help=help, type=type,
        )
        if form_id and not submitter:
            raise StreamlitInvalidLayoutContextError(
                "`st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` "
                f"instead to submit the form.{FORM_DOCS_INFO}"
            )
        if submitter and not form_id:
            raise StreamlitInvalidLayoutContextError(
                f"`st.form_submit_button()` must be used inside an `st.form()`.{FORM_DOCS_INFO}"
            )
        meta = WidgetMeta(
            id=element_id, type=kind, key=key, default=False, callback=on_click,
            args=tuple(args or ()), kwargs=dict(kwargs or {}), form_id=form_id if submitter else "",
            disabled=disabled, trigger=True, deserialize=bool,
        )
        element = {"type": kind, "label": label, "help": help, "kind": type, "icon": icon,
                   "disabled": disabled}
        return bool(self._register(element, meta))

    def button(self, label: str, key: Any = None, help: str | None = None,
               on_click: Callable[..., Any] | None = None, args: tuple[Any, ...] | None = None,
               kwargs: dict[str, Any] | None = None, *, type: str = "secondary", icon: str | None = None,
               disabled: bool = False, use_container_width: bool | None = None, **_: Any) -> bool:
        dg = self._target()
        return dg._button(label, key, help, on_click, args, kwargs, submitter=False, type=type,
                          icon=icon, disabled=disabled, use_container_width=use_container_width)

    def form_submit_button(self, label: str = "Submit", help: str | None = None,
                           on_click: Callable[..., Any] | None = None, args: tuple[Any, ...] | None = None,
                           kwargs: dict[str, Any] | None = None, *, key: Any = None, type: str = "secondary",
                           icon: str | None = None, disabled: bool = False,
                           use_container_width: bool | None = None, **_: Any) -> bool:
        dg = self._target()
        key = to_key(key) or f"FormSubmitter:{dg.form_id}-{label}"
        return dg._button(label, key, help, on_click, args, kwargs, submitter=True, type=type,
                          icon=icon, disabled=disabled, use_container_width=use_container_width)
