"""``st.file_uploader``: a live example has no files to give, so its value stays empty."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import WidgetBase, compute_element_id, to_key


@dataclass(frozen=True, slots=True)
class FileUploaderSerde:
    """No file: None, or an empty list when several files are accepted."""

    multiple: bool

    def deserialize(self, shown: Any) -> Any:
        return [] if self.multiple else None

    def serialize(self, value: Any) -> None:
        return None


class FileUploaderMixin(WidgetBase):
    def file_uploader(self, label: str, type: Any = None, accept_multiple_files: bool = False, key: Any = None,
                      help: str | None = None, on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *,
                      max_upload_size: int | None = None, disabled: bool = False, label_visibility: str = "visible",
                      width: Any = "stretch") -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, writes_allowed=False)
        label = dg._label(label, label_visibility)
        types = [type] if isinstance(type, str) else list(type) if type else None
        element_id = compute_element_id(
            "file_uploader", key, key_as_main_identity={"type", "accept_multiple_files"}, form_id=dg.form_id,
            root=dg._root_name(), label=label, type=types, accept_multiple_files=accept_multiple_files, help=help)
        return dg._value_widget(
            "file_uploader", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id,
            serde=FileUploaderSerde(bool(accept_multiple_files)),
            fields={"accept": types, "multiple": bool(accept_multiple_files), "max_upload_size": max_upload_size,
                    "width": width})
