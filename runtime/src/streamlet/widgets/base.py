"""What every widget family shares: Streamlit's policies, the label, registration, and the value's round trip.

A widget command follows Streamlit's order: policies (callbacks in forms, the key,
state writes), label, id, argument checks, registration, then the checks that
need the registered value. Its value crosses to the page through a small
``serde`` object (``deserialize`` the client's JSON value, ``serialize`` the
Python value) defined beside the widget.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from .. import context
from ..delta import DeltaGeneratorBase
from ..errors import (
    StreamlitAPIException,
    StreamlitDuplicateElementId,
    StreamlitDuplicateElementKey,
    StreamlitInvalidFormCallbackError,
    StreamlitValueAssignmentNotAllowedError,
    StreamlitValueError,
)
from ..state import require_valid_user_key
from ..widget_meta import WidgetMeta, element_id_of
from .fields import shown_value

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


class Serde(Protocol):
    """A widget's value rules: the client's JSON value (None: none yet) to Python, and back."""

    def deserialize(self, shown: Any) -> Any: ...

    def serialize(self, value: Any) -> Any: ...


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


def compute_element_id(element_type: str, user_key: str | None, *, key_as_main_identity: Any = False,
                       form_id: str = "", root: str = "main", **identity: Any) -> str:
    """The widget's id (see :func:`..widget_meta.element_id_of`), registered for this run.

    A key or an id met twice in one run is Streamlit's duplicate error.
    """
    element_id = element_id_of(element_type, user_key, identity, key_as_main_identity, form_id, root)
    ctx = context.current()
    if ctx is not None:
        if user_key is not None:
            if user_key in ctx.keys_this_run:
                raise StreamlitDuplicateElementKey(user_key)
            ctx.keys_this_run.add(user_key)
        if element_id in ctx.element_ids_this_run:
            raise StreamlitDuplicateElementId(element_type)
        ctx.element_ids_this_run.add(element_id)
    return element_id


class WidgetBase(DeltaGeneratorBase):
    """The helpers each widget mixin uses; the mixins do not inherit from one another."""

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
                  after: Callable[[Any], Any] | None = None, field: Callable[[Any], Any] | None = None) -> Any:
        """Register the widget for this run, add its element, and return its value.

        ``after`` checks (and may correct) the registered value before the element is added:
        as in Streamlit, a widget whose value fails a check is not drawn. ``field`` checks a value
        the page must be told (see :func:`shown_value`) as the proto field Streamlit writes it to does.
        """
        ctx = self._ctx()
        value, changed = ctx.state.register_widget(meta)
        ctx.widget_ids_this_run.add(meta.id)
        if after is not None:
            value = after(value)
        element["id"], element["key"], element["form_id"] = meta.id, meta.key, meta.form_id
        element["value"] = shown_value(meta, value, changed, field)
        self._add_node(element)
        return value

    def _value_widget(self, kind: str, label: Any, key: str | None, *, callback: Any, args: Any, kwargs: Any,
                      disabled: bool, help: str | None, label_visibility: str, element_id: str, serde: Serde,
                      fields: dict[str, Any], format_func: Callable[[Any], Any] | None = None,
                      after: Callable[[Any], Any] | None = None,
                      field: Callable[[Any], Any] | None = None,
                      client_check: Callable[[Any], Any] | None = None) -> Any:
        """A widget that holds a value (anything but a button): its meta, its element, its value.

        ``field`` checks a value the page must be told (see :func:`.fields.shown_value`);
        ``client_check``, what AppTest may send (``field`` when not given)."""
        meta = WidgetMeta(id=element_id, type=kind, key=key, default=serde.deserialize(None), callback=callback,
                          args=tuple(args) if args else (), kwargs=dict(kwargs) if kwargs else {},
                          form_id=self._target()._form_id,
                          disabled=disabled, deserialize=serde.deserialize, serialize=serde.serialize,
                          format_func=format_func, check=client_check or field)
        element = {"type": kind, "label": label, "help": help, "disabled": disabled,
                   "label_visibility": label_visibility, **fields}
        return self._register(element, meta, after, field)
