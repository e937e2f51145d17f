"""The DeltaGenerator users hold: ``st``, ``st.sidebar``, a form, a column.

Its commands come from sibling mixins, combined side by side as Streamlit combines
its own: display commands, layout, and one mixin per widget family.
"""
from __future__ import annotations

from .delta import (
    AlertMixin,
    CodeMixin,
    ExceptionMixin,
    HeadingMixin,
    HelpMixin,
    JsonMixin,
    MarkdownMixin,
    TextMixin,
    WriteMixin,
)
from .layout import FormMixin, LayoutsMixin
from .widgets.button import ButtonMixin
from .widgets.checkbox import CheckboxMixin
from .widgets.choice import MultiSelectMixin, RadioMixin, SelectboxMixin, SelectSliderMixin
from .widgets.color_picker import ColorPickerMixin
from .widgets.data_editor import DataEditorMixin
from .widgets.dates import TimeWidgetsMixin
from .widgets.file_uploader import FileUploaderMixin
from .widgets.number_input import NumberInputMixin
from .widgets.slider import SliderMixin
from .widgets.text import TextWidgetsMixin


class DeltaGenerator(
    ButtonMixin,
    FormMixin,
    CheckboxMixin,
    TextWidgetsMixin,
    NumberInputMixin,
    SliderMixin,
    SelectboxMixin,
    RadioMixin,
    MultiSelectMixin,
    SelectSliderMixin,
    TimeWidgetsMixin,
    ColorPickerMixin,
    FileUploaderMixin,
    DataEditorMixin,
    LayoutsMixin,
    HeadingMixin,
    MarkdownMixin,
    TextMixin,
    CodeMixin,
    JsonMixin,
    AlertMixin,
    ExceptionMixin,
    WriteMixin,
    HelpMixin,
):
    """Receives ``st.*`` commands and adds their elements to a block of the tree."""

    def __repr__(self) -> str:
        return f"DeltaGenerator(root={self._root!r})"
