"""``st.checkbox`` and ``st.toggle``: one boolean each."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import WidgetBase, compute_element_id, to_key
from .fields import bool_field


@dataclass(frozen=True, slots=True)
class CheckboxSerde:
    default: bool

    def deserialize(self, shown: Any) -> bool:
        return bool(shown if shown is not None else self.default)

    def serialize(self, value: Any) -> bool:
        return bool(value)


class CheckboxMixin(WidgetBase):
    def _checkbox(self, kind: str, label: Any, value: bool, key: Any, help: str | None, on_change: Any,
                  args: Any, kwargs: Any, disabled: bool, label_visibility: str, width: Any, wrap: bool | None) -> bool:
        key = to_key(key)
        callback = self._policies(key, on_change, default=None if value is False else value)
        label = self._label(label, label_visibility)
        element_id = compute_element_id(kind, key, key_as_main_identity=True, form_id=self.form_id,
                                        root=self._root_name(), label=label, value=bool(value), help=help)
        return self._value_widget(  # type: ignore[no-any-return]
            kind, label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, serde=CheckboxSerde(bool(value)),
            fields={"width": width, "wrap": wrap}, field=bool_field)

    def checkbox(self, label: str, value: bool = False, key: Any = None, help: str | None = None,
                 on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                 label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None,
                 bind: Any = None, persist_state: Any = None) -> bool:
        dg = self._target()
        return dg._checkbox("checkbox", label, value, key, help, on_change, args, kwargs, disabled,
                            label_visibility, width, wrap)

    def toggle(self, label: str, value: bool = False, key: Any = None, help: str | None = None,
               on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False,
               label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None,
               bind: Any = None, persist_state: Any = None) -> bool:
        dg = self._target()
        return dg._checkbox("toggle", label, value, key, help, on_change, args, kwargs, disabled,
                            label_visibility, width, wrap)
