"""Session state in Streamlit's three layers, and the ``st.session_state`` proxy.

- ``old``: every value as it stood at the end of the previous run;
- ``new_user``: what the script or a callback assigned during this run, by user key;
- ``new_widgets``: widget values the client sent for this run, by widget id.

A read looks in that order of freshness; between runs the layers are folded
into ``old``. Widgets with a user key are stored under their widget id and found
through ``key_to_id``.
"""
from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from .errors import (
    StreamlitAPIException,
    StreamlitValueError,
    StreamlitWidgetAlreadyInstantiatedError,
    UnserializableSessionStateError,
    missing_attr_message,
    missing_key_message,
)
from .widget_meta import ID_PREFIX, WidgetMeta, is_element_id, is_keyed_element_id

INTERNAL_PREFIX = "$$STREAMLIT_INTERNAL_KEY"
_IMMUTABLE = frozenset({int, float, str, bool, type(None), bytes})

UNSERIALIZABLE_MESSAGE = (
    "Cannot serialize the value (of type `{type}`) of '{key}' in st.session_state. "
    "Streamlit has been configured to use [pickle](https://docs.python.org/3/library/pickle.html) "
    "to serialize session_state values. Please convert the value to a pickle-serializable type. "
    "To learn more about this behavior, see [our docs](https://docs.streamlit.io/knowledge-base/"
    "using-streamlit/serializable-session-state)."
)


@dataclass
class SessionState:
    old: dict[str, Any] = field(default_factory=dict)
    new_user: dict[str, Any] = field(default_factory=dict)
    new_widgets: dict[str, Any] = field(default_factory=dict)
    key_to_id: dict[str, str] = field(default_factory=dict)
    id_to_key: dict[str, str] = field(default_factory=dict)
    meta: dict[str, WidgetMeta] = field(default_factory=dict)
    triggers: dict[str, WidgetMeta] = field(default_factory=dict)
    """The metas of ``meta`` that are triggers (buttons): the ones ``reset_triggers`` resets."""
    warned_default: bool = False
    """Streamlit logs the "default value plus Session State" warning once; so do we, per session."""
    drawn: tuple[set[str], set[str]] | None = None
    """While a script runs: the ids of the widgets and the keys of the forms it has drawn so far
    (the runner's sets); their keys can no longer be assigned in this run."""

    # -- the mapping -------------------------------------------------------
    def widget_id(self, key: str) -> str:
        """The widget id for a user key that names a widget, else the key itself."""
        return self.key_to_id.get(key, key)

    def _keys(self) -> set[str]:
        return (
            {self.widget_id(k) for k in self.old}
            | set(self.new_widgets)
            | {self.widget_id(k) for k in self.new_user}
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def widget_meta(self, widget_id: str) -> WidgetMeta | None:
        """What the widget with this id registered when it last ran, or None."""
        return self.meta.get(widget_id)

    def lookup(self, key: str) -> Any:
        """``self[key]`` without the friendly message: a bare KeyError when the key is missing (cheap)."""
        wid = self.key_to_id.get(key, key)
        if wid == key and wid in self.id_to_key:
            key = self.id_to_key[wid]
        return self._lookup(wid, key)

    def __getitem__(self, key: str) -> Any:
        wid = self.key_to_id.get(key, key)
        if wid == key and wid in self.id_to_key:
            key = self.id_to_key[wid]
        try:
            return self._lookup(wid, key)
        except KeyError:
            raise KeyError(missing_key_message(key))

    def _lookup(self, wid: str, key: str) -> Any:
        # Freshest first: this run's writes, this run's widget values, then the previous run.
        if key in self.new_user:
            return self.new_user[key]
        if wid in self.new_widgets:
            return self.new_widgets[wid]
        if wid in self.old:
            return self.old[wid]
        if key in self.old:
            return self.old[key]
        raise KeyError

    def __setitem__(self, key: str, value: Any) -> None:
        if self.drawn is not None:
            widgets, forms = self.drawn
            if self.key_to_id.get(key) in widgets or key in forms:
                raise StreamlitWidgetAlreadyInstantiatedError(key)
        self.new_user[key] = value

    def __delitem__(self, key: str) -> None:
        wid = self.widget_id(key)
        if not (key in self or wid in self):
            raise KeyError(missing_key_message(key))
        self.new_user.pop(key, None)
        self.old.pop(key, None)
        if key in self.key_to_id:
            self.id_to_key.pop(self.key_to_id.pop(key), None)
        self.new_widgets.pop(wid, None)
        self.old.pop(wid, None)

    def clear(self) -> None:
        for layer in (self.old, self.new_user, self.new_widgets, self.key_to_id, self.id_to_key):
            layer.clear()

    def is_new_state_value(self, key: str) -> bool:
        return key in self.new_user

    def filtered(self) -> dict[str, Any]:
        """User keys and keyed widgets, as ``st.session_state`` shows them."""
        out: dict[str, Any] = {}
        for k in self._keys():
            if k.startswith(INTERNAL_PREFIX):
                continue
            if not is_element_id(k):
                out[k] = self[k]
            elif is_keyed_element_id(k) and k in self.id_to_key:
                out[self.id_to_key[k]] = self[k]
        return out

    # -- the run cycle -----------------------------------------------------
    def compact(self) -> None:
        """Fold this run's widget values, then this run's writes (they win), into ``old``, by widget id.

        A value kept under a user key whose widget has since been drawn is copied to the widget's
        id too (the key's entry stays), as Streamlit's compaction does: the next run then compares
        the widget's value with it and calls no callback when nothing changed.
        """
        old, key_to_id = self.old, self.key_to_id
        old.update(self.new_widgets)
        for key, value in self.new_user.items():
            old[key_to_id.get(key, key)] = value
        for key in [k for k in old if k in key_to_id]:
            old.setdefault(key_to_id[key], old[key])
        self.new_user.clear()
        self.new_widgets.clear()

    def reset_triggers(self) -> None:
        """Every button back to unpressed (its ``trigger_reset``), in both layers."""
        new_widgets, old = self.new_widgets, self.old
        for wid, meta in self.triggers.items():
            if wid in new_widgets:
                new_widgets[wid] = meta.trigger_reset
            if wid in old:
                old[wid] = meta.trigger_reset

    def changed_widgets(self) -> list[str]:
        old = self.old
        return [w for w, value in self.new_widgets.items() if value != old.get(w)]

    def set_widget_values(self, values: dict[str, Any]) -> None:
        """Take the client's widget values (as the client holds them) for the coming run."""
        for wid, shown in values.items():
            meta = self.meta.get(wid)
            if meta is not None:
                try:
                    self.new_widgets[wid] = meta.deserialize(shown)
                except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError):
                    # The page sent something this widget cannot hold: keep its default, as a
                    # Streamlit serde does for values it cannot use.
                    self.new_widgets[wid] = meta.deserialize(None)

    def callbacks_to_run(self) -> list[WidgetMeta]:
        out = []
        for wid in self.changed_widgets():
            meta = self.meta.get(wid)
            if meta is not None and meta.callback is not None and not meta.disabled:
                out.append(meta)
        return out

    def remove_stale_widgets(self, active: set[str]) -> None:
        for layer in (self.new_widgets, self.old):
            for wid in layer.keys() - active:
                if wid.startswith(ID_PREFIX):
                    del layer[wid]

    def register_widget(self, meta: WidgetMeta) -> tuple[Any, bool]:
        """Record a widget of this run; return its value and whether state overrode the client."""
        wid, key = meta.id, meta.key
        self.meta[wid] = meta
        if meta.trigger:
            self.triggers[wid] = meta
        if key is not None:
            self.key_to_id[key] = wid
            self.id_to_key[wid] = key
        if meta.disabled and wid in self.new_widgets:
            del self.new_widgets[wid]
        try:
            # By id or by key, a widget's value is found in one place: the same lookup serves both.
            value = self._lookup(wid, wid if key is None else key)
        except KeyError:
            default = meta.default
            value = self.new_widgets[wid] = default if type(default) in _IMMUTABLE else deepcopy(default)
        if type(value) not in _IMMUTABLE:
            value = deepcopy(value)
        return value, key is not None and self._value_changed(wid, key, value, meta)

    def _value_changed(self, wid: str, key: str, value: Any, meta: WidgetMeta) -> bool:
        """Streamlit's ``value_changed``: the page must be told the value, because it was set this run,
        or because a value kept under the key (written before the widget was first drawn) differs
        from the widget's default."""
        if self.is_new_state_value(key):
            return True
        return wid not in self.new_widgets and key in self.old and value != meta.default

    def check_serializable(self) -> None:
        import pickle  # here: only scripts with runner.enforceSerializableSessionState need it (150 ms in Pyodide)

        for key in self:
            try:
                pickle.dumps(self[key])
            except Exception as err:
                raise UnserializableSessionStateError(
                    UNSERIALIZABLE_MESSAGE.format(type=type(self[key]), key=key)
                ) from err


def require_valid_user_key(key: str) -> None:
    if key and key[0] != "$":  # the common case, checked first: it can be neither empty nor an id
        return
    if key == "":
        raise StreamlitValueError("key", ["a non-empty string"])
    if is_element_id(key):
        raise StreamlitAPIException(f"Keys beginning with {ID_PREFIX} are reserved.")


def user_key(key: Any) -> str:
    """``key`` as ``st.session_state`` takes it: as text, and valid. Reads and writes are what a script
    does most, so the common key (a str, not empty, not starting with "$") costs no further call."""
    if type(key) is not str:
        key = str(key)
    if not key or key[0] == "$":
        require_valid_user_key(key)
    return key


class AttributeAccess:
    """``obj.key`` for ``obj["key"]``: reading, writing and deleting, with the owner's error text."""

    def _missing_attribute(self, key: str) -> str:
        return missing_attr_message(key)

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]  # type: ignore[index]
        except KeyError:
            raise AttributeError(self._missing_attribute(key))

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value  # type: ignore[index]

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]  # type: ignore[attr-defined]
        except KeyError:
            raise AttributeError(self._missing_attribute(key))


class SessionStateProxy(AttributeAccess, MutableMapping[str, Any]):
    """``st.session_state``: a mapping with attribute access over the current session."""

    def __init__(self, resolve: Any) -> None:
        object.__setattr__(self, "_resolve", resolve)

    def _state(self) -> SessionState:
        return self._resolve()  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(self._state().filtered())

    def __len__(self) -> int:
        return len(self._state().filtered())

    def __str__(self) -> str:
        return str(self._state().filtered())

    def __repr__(self) -> str:
        return repr(self._state().filtered())

    def __getitem__(self, key: Any) -> Any:
        return self._resolve()[user_key(key)]

    def __setitem__(self, key: Any, value: Any) -> None:
        self._resolve()[user_key(key)] = value

    def __delitem__(self, key: Any) -> None:
        del self._state()[user_key(key)]

    def __contains__(self, key: object) -> bool:
        name = user_key(key)  # as in Streamlit, `"" in st.session_state` is an error, not False
        try:
            self._state().lookup(name)
        except KeyError:
            return False
        return True

    def to_dict(self) -> dict[str, Any]:
        return self._state().filtered()
