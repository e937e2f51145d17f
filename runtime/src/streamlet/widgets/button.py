"""Buttons: ``st.button`` and ``st.download_button``, and the press ``st.form_submit_button`` shares.

A button is a trigger: true for the one run its click causes, then false again.
``st.form_submit_button`` is :class:`..layout.FormMixin`'s, as in Streamlit.
"""
from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import StreamlitInvalidLayoutContextError
from ..widget_meta import WidgetMeta
from .base import FORM_DOCS_INFO, WidgetBase, compute_element_id, to_key, validate_on_change_mode


@dataclass(frozen=True, slots=True)
class TriggerSerde:
    """A click: true or false, whatever the client sends."""

    def deserialize(self, shown: Any) -> bool:
        return bool(shown)

    def serialize(self, value: Any) -> bool:
        return bool(value)


TRIGGER = TriggerSerde()


def button_look(help: str | None, type: str, icon: str | None, icon_position: str,
                use_container_width: bool | None, width: Any, shortcut: str | None, wrap: bool | None) -> dict[str, Any]:
    """What a button shows besides its label, as its element's fields; the page draws each.
    (``kind``: ``type`` already names the element type in the tree.)"""
    return {"help": help, "kind": type, "icon": icon, "icon_position": icon_position,
            "use_container_width": use_container_width, "width": width, "shortcut": shortcut, "wrap": wrap}


class ButtonBase(WidgetBase):
    """What every button shares: ``st.button`` and ``st.form_submit_button`` (FormMixin's, as in Streamlit)."""

    def _trigger(self, element_id: str, key: str | None, callback: Any, args: Any, kwargs: Any,
                 form_id: str, element: dict[str, Any]) -> bool:
        """Register a button (a trigger: true for one run) and add its element (its type and
        ``disabled`` among its fields)."""
        meta = WidgetMeta(id=element_id, type=element["type"], key=key, default=False, callback=callback,
                          args=tuple(args) if args else (), kwargs=dict(kwargs) if kwargs else {},
                          form_id=form_id, disabled=element["disabled"], trigger=True,
                          deserialize=TRIGGER.deserialize, serialize=TRIGGER.serialize)
        return bool(self._register(element, meta))

    def _press(self, label: Any, key: str | None, on_click: Callable[..., Any] | None,
               args: tuple[Any, ...] | None, kwargs: dict[str, Any] | None, *, submitter: bool,
               look: dict[str, Any], disabled: bool) -> bool:
        """``st.button`` or ``st.form_submit_button``, in Streamlit's order of checks (on the generator
        that receives the command)."""
        label = "" if label is None else str(label)
        on_click = validate_on_change_mode(on_click, (), "on_click")
        self._check_policies(key, on_click, writes_allowed=False, callback_rules=not submitter)
        form_id = self.form_id
        kind = "form_submit_button" if submitter else "button"
        element_id = compute_element_id(
            kind, key, key_as_main_identity=True, form_id=form_id if submitter else "",
            root=self._root, label=label, icon=look["icon"], help=look["help"], type=look["kind"],
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
        return self._trigger(element_id, key, on_click, args, kwargs, form_id if submitter else "",
                             {"type": kind, "label": label, **look, "disabled": disabled})


class ButtonMixin(ButtonBase):
    def button(self, label: str, key: Any = None, help: str | None = None,
               on_click: Callable[..., Any] | None = None, args: tuple[Any, ...] | None = None,
               kwargs: dict[str, Any] | None = None, *, type: str = "secondary", icon: str | None = None,
               icon_position: str = "left", disabled: bool = False, use_container_width: bool | None = None,
               width: Any = "content", shortcut: str | None = None, wrap: bool | None = None) -> bool:
        look = button_look(help, type, icon, icon_position, use_container_width, width, shortcut, wrap)
        return self._target()._press(label, to_key(key), on_click, args, kwargs, submitter=False, look=look,
                                     disabled=disabled)

    def download_button(self, label: str, data: Any, file_name: str | None = None, mime: str | None = None,
                        key: Any = None, help: str | None = None, on_click: Any = "rerun", args: Any = None,
                        kwargs: Any = None, *, type: str = "secondary", icon: str | None = None,
                        icon_position: str = "left", disabled: bool = False,
                        use_container_width: bool | None = None, width: Any = "content",
                        shortcut: str | None = None, wrap: bool | None = None) -> bool:
        dg = self._target()
        key = to_key(key)
        label = "" if label is None else str(label)
        callback = dg._policies(key, on_click, writes_allowed=False, param="on_click")
        element_id = compute_element_id("download_button", key, key_as_main_identity=True, form_id=dg.form_id,
                                        root=dg._root_name(), label=label, icon=icon, file_name=file_name,
                                        mime=mime, help=help, type=type)
        if dg.form_id:
            raise StreamlitInvalidLayoutContextError(
                f"`st.download_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}")
        # The page builds the file itself: text as text, bytes as base64 so binary files stay intact.
        text = data if isinstance(data, str) else None
        packed = base64.b64encode(bytes(data)).decode("ascii") if isinstance(data, (bytes, bytearray)) else None
        look = button_look(help, type, icon, icon_position, use_container_width, width, shortcut, wrap)
        return dg._trigger(element_id, key, callback, args, kwargs, "",
                           {"type": "download_button", "label": label, **look, "file_name": file_name,
                            "mime": mime, "data": text, "data_base64": packed, "disabled": disabled})
