"""Buttons: ``st.button``, ``st.form_submit_button`` and ``st.download_button``.

A button is a trigger: true for the one run its click causes, then false again.
"""
from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import StreamlitInvalidLayoutContextError
from ..widget_meta import WidgetMeta, compute_element_id
from .base import FORM_DOCS_INFO, WidgetBase, to_key, validate_on_change_mode


@dataclass(frozen=True, slots=True)
class TriggerSerde:
    """A click: true or false, whatever the client sends."""

    def deserialize(self, shown: Any) -> bool:
        return bool(shown)

    def serialize(self, value: Any) -> bool:
        return bool(value)


TRIGGER = TriggerSerde()


class ButtonMixin(WidgetBase):
    def _trigger(self, kind: str, element_id: str, key: str | None, callback: Any, args: Any, kwargs: Any,
                 form_id: str, disabled: bool, element: dict[str, Any]) -> bool:
        meta = WidgetMeta(id=element_id, type=kind, key=key, default=False, callback=callback,
                          args=tuple(args or ()), kwargs=dict(kwargs or {}), form_id=form_id, disabled=disabled,
                          trigger=True, deserialize=TRIGGER.deserialize, serialize=TRIGGER.serialize)
        return bool(self._register({"type": kind, **element, "disabled": disabled}, meta))

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
            root=self._root_name(), label=label, icon=icon, help=help, type=type,
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
        return self._trigger(kind, element_id, key, on_click, args, kwargs, form_id if submitter else "",
                             disabled, {"label": label, "help": help, "kind": type, "icon": icon})

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

    def download_button(self, label: str, data: Any, file_name: str | None = None, mime: str | None = None,
                        key: Any = None, help: str | None = None, on_click: Any = "rerun", args: Any = None,
                        kwargs: Any = None, *, type: str = "secondary", icon: str | None = None,
                        disabled: bool = False, **_: Any) -> bool:
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
        return dg._trigger("download_button", element_id, key, callback, args, kwargs, "", disabled,
                           {"label": label, "help": help, "kind": type, "icon": icon, "file_name": file_name,
                            "mime": mime, "data": text, "data_base64": packed})
