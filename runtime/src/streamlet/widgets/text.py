"""``st.text_input`` and ``st.text_area``: a string, or None when session state says so."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import StreamlitValueError
from .base import WidgetBase, compute_element_id, to_key
from .fields import optional_string_field

TEXT_INPUT_TYPES = ("default", "password", "email", "url", "phone", "search")


@dataclass(frozen=True, slots=True)
class TextSerde:
    default: str | None
    max_chars: int | None

    def deserialize(self, shown: Any) -> str | None:
        result = shown if isinstance(shown, str) else self.default
        if result is not None and self.max_chars is not None:
            result = result[:self.max_chars]
        return result

    def serialize(self, value: Any) -> Any:
        return value


class TextWidgetsMixin(WidgetBase):
    """Named as Streamlit's, so a misspelt keyword raises the same TypeError text."""

    def _text(self, kind: str, label: Any, value: Any, max_chars: int | None, key: Any, help: str | None,
              on_change: Any, args: Any, kwargs: Any, placeholder: str | None, disabled: bool,
              label_visibility: str, look: dict[str, Any], type: str = "default") -> str | None:
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
        fields = {"placeholder": placeholder, "max_chars": max_chars, **look}
        if kind == "text_input":
            fields["input_type"] = type
        return self._value_widget(  # type: ignore[no-any-return]
            kind, label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, serde=TextSerde(value, max_chars),
            fields=fields, field=optional_string_field)

    def text_input(self, label: str, value: Any = "", max_chars: int | None = None, key: Any = None,
                   type: str = "default", help: str | None = None, autocomplete: str | None = None,
                   on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *, placeholder: str | None = None,
                   disabled: bool = False, required: bool = False, label_visibility: str = "visible",
                   icon: str | None = None, validate: Any = None, live: Any = False, width: Any = "stretch",
                   bind: Any = None, persist_state: Any = None) -> str | None:
        dg = self._target()
        look = {"autocomplete": autocomplete, "required": required, "icon": icon, "validate": validate, "live": live,
                "width": width}
        return dg._text("text_input", label, value, max_chars, key, help, on_change, args, kwargs, placeholder,
                        disabled, label_visibility, look, type)

    def text_area(self, label: str, value: Any = "", height: Any = None, max_chars: int | None = None,
                  key: Any = None, help: str | None = None, on_change: Any = "rerun", args: Any = None,
                  kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False,
                  required: bool = False, label_visibility: str = "visible", width: Any = "stretch",
                  bind: Any = None, persist_state: Any = None) -> str | None:
        dg = self._target()
        look = {"height": height, "required": required, "width": width}
        return dg._text("text_area", label, value, max_chars, key, help, on_change, args, kwargs, placeholder,
                        disabled, label_visibility, look)
