"""``st.color_picker``: a hex colour string."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import StreamlitAPIException, StreamlitInvalidParameterTypeError
from .base import WidgetBase, compute_element_id, to_key
from .fields import string_field

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


@dataclass(frozen=True, slots=True)
class ColorSerde:
    default: str

    def deserialize(self, shown: Any) -> str:
        """As Streamlit's serde: nothing or an empty text gives the default; a hex code may omit its
        "#"; anything else that is not a hex code gives the default."""
        if not isinstance(shown, str) or shown == "":
            return self.default
        color = shown if shown.startswith("#") else f"#{shown}"
        return color if _HEX.match(color) else self.default

    def serialize(self, value: Any) -> str:
        return str(value)


class ColorPickerMixin(WidgetBase):
    def color_picker(self, label: str, value: str | None = None, key: Any = None, help: str | None = None,
                     on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                     label_visibility: str = "visible", width: Any = "content", bind: Any = None,
                     persist_state: Any = None) -> str:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id("color_picker", key, key_as_main_identity=True, form_id=dg.form_id,
                                        root=dg._root_name(), label=label, value=str(value), help=help)
        if value is None:
            value = "#000000"
        if not isinstance(value, str):
            raise StreamlitInvalidParameterTypeError("value", type(value).__name__, ["str"],
                                                     detail="Pass a hex string like `'#00FFAA'` or `'#000'`.")
        if not _HEX.match(value):
            raise StreamlitAPIException(f"'{value}' is not a valid hex code for colors. Valid ones are like "
                                        "'#00FFAA' or '#000'.")
        return dg._value_widget(  # type: ignore[no-any-return]
            "color_picker", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, serde=ColorSerde(value),
            fields={"width": width}, field=string_field)
