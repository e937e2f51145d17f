"""The DeltaGenerator users hold: ``st``, ``st.sidebar``, a form, a column.

Its commands come from sibling mixins, combined side by side as Streamlit combines
its own: display commands, layout, and one mixin per widget family.
"""
from __future__ import annotations

from .delta import DisplayMixin
from .layout import LayoutMixin
from .widgets.button import ButtonMixin
from .widgets.checkbox import CheckboxMixin
from .widgets.choice import ChoiceMixin
from .widgets.color_picker import ColorPickerMixin
from .widgets.data_editor import DataEditorMixin
from .widgets.dates import DateTimeMixin
from .widgets.file_uploader import FileUploaderMixin
from .widgets.number_input import NumberInputMixin
from .widgets.slider import SliderMixin
from .widgets.text import TextMixin


class DeltaGenerator(
    ButtonMixin,
    CheckboxMixin,
    TextMixin,
    NumberInputMixin,
    SliderMixin,
    ChoiceMixin,
    DateTimeMixin,
    ColorPickerMixin,
    FileUploaderMixin,
    DataEditorMixin,
    LayoutMixin,
    DisplayMixin,
):
    """Receives ``st.*`` commands and adds their elements to a block of the tree."""

    def __repr__(self) -> str:
        return f"DeltaGenerator(root={self._root!r})"
