"""Widget ids and ``WidgetMeta``: how a widget is named across reruns, and what the runner keeps of it.

The widget commands themselves live in :mod:`streamlet.widgets`, one module per family.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


ID_PREFIX = "$$ID"
_ID_CACHE: dict[str, str] = {}
"""Ids of recent widgets by their identifying text: a rerun recomputes every id, most unchanged."""
_FAST_IDS: dict[tuple[Any, ...], str] = {}
"""The same ids by a tuple of their arguments, when every argument is a plain scalar."""
_SCALARS = frozenset({str, int, float, bool, type(None)})
_KEYED_IDS: dict[tuple[str, str], str] = {}
"""The ids of widgets that only their type and key identify."""


def is_element_id(key: str) -> bool:
    return key.startswith(ID_PREFIX)


def is_keyed_element_id(key: str) -> bool:
    return is_element_id(key) and not key.endswith("-None")


@dataclass(slots=True)
class WidgetMeta:
    """What a widget registered in its last run: its callback, arguments and value rules."""

    id: str
    type: str
    key: str | None
    default: Any = None
    callback: Callable[..., Any] | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    form_id: str = ""
    disabled: bool = False
    trigger: bool = False
    """A trigger (a button) is true for the one run its click causes."""
    trigger_reset: Any = False
    deserialize: Callable[[Any], Any] = lambda v: v
    """The client's JSON value (or None for "no value yet") -> the widget's Python value."""
    serialize: Callable[[Any], Any] = lambda v: v
    """The widget's Python value -> the JSON value the client shows and sends back."""
    format_func: Callable[[Any], Any] | None = None
    """For widgets with options: how an option is shown (AppTest exposes it)."""
    check: Callable[[Any], Any] | None = None
    """Raises as Streamlit's AppTest does when it writes a value of the wrong type into the widget's
    state (a checkbox's None, a colour that is not a string); None: any value the serde takes."""


def _hashable_text(value: Any) -> str:
    if type(value) in (str, int, float, bool, type(None)):
        return repr(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ",".join(_hashable_text(v) for v in value) + "]"
    return repr(value)


def element_id_of(
    element_type: str,
    user_key: str | None,
    identity: dict[str, Any],
    key_as_main_identity: bool | Iterable[str] = False,
    form_id: str = "",
    root: str = "main",
) -> str:
    """A stable id from the element's type, key and identifying arguments (``identity``, by name).

    With a user key and ``key_as_main_identity``, only the key (and the named
    arguments) identify the widget, so changing its label keeps its value.
    """
    if user_key is not None and key_as_main_identity is True:
        element_id = _KEYED_IDS.get((element_type, user_key))
        if element_id is not None:
            return element_id
    parts: dict[str, Any]
    if user_key is not None and key_as_main_identity is True:
        parts = {}
    elif user_key is not None and key_as_main_identity is not False:
        keep = key_as_main_identity if isinstance(key_as_main_identity, frozenset) else set(key_as_main_identity)  # type: ignore[arg-type]
        parts = {k: v for k, v in identity.items() if k in keep}  # in the arguments' order: the text hashes it
    else:
        parts = {**identity, "form_id": form_id, "root": root}
    # Reruns ask for the same ids: arguments that are all plain scalars find theirs by a tuple,
    # cheaper than the text. The types are part of it, so 1, 1.0 and True stay apart; a float zero
    # takes the text (0.0 == -0.0, and their ids differ), as does a NaN (no NaN equals another).
    fast: tuple[Any, ...] | None = None
    values = tuple(parts.values())
    kinds = tuple(map(type, values))
    if _SCALARS.issuperset(kinds) and not (float in kinds and 0.0 in values):
        fast = (element_type, user_key, tuple(parts), values, kinds)
        element_id = _FAST_IDS.get(fast)
        if element_id is not None:
            return element_id
    text = element_type + "\x00" + (user_key or "") + "\x00" + ";".join(
        f"{name}={_hashable_text(value)}" for name, value in parts.items())
    element_id = _ID_CACHE.get(text)
    if element_id is None:
        digest = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
        element_id = f"{ID_PREFIX}-{digest}-{user_key}"
        if len(_ID_CACHE) > 4096:
            _ID_CACHE.clear()
        _ID_CACHE[text] = element_id
    if fast is not None:
        if len(_FAST_IDS) > 4096:
            _FAST_IDS.clear()
        _FAST_IDS[fast] = element_id
        if not parts and user_key is not None:
            if len(_KEYED_IDS) > 4096:
                _KEYED_IDS.clear()
            _KEYED_IDS[(element_type, user_key)] = element_id
    return element_id
