"""The DeltaGenerator users hold: ``st``, ``st.sidebar``, a form, a column."""
from __future__ import annotations

from .choice import ChoiceMixin
from .delta import DisplayMixin
from .layout import LayoutMixin
from .misc_widgets import MiscWidgetsMixin


class DeltaGenerator(MiscWidgetsMixin, ChoiceMixin, LayoutMixin, DisplayMixin):
    """Receives ``st.*`` commands and adds their elements to a block of the tree."""

    def __repr__(self) -> str:
        return f"DeltaGenerator(root={self._root!r})"
