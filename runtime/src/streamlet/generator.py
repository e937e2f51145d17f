"""The DeltaGenerator users hold: ``st``, ``st.sidebar``, a form, a column."""
from __future__ import annotations

from .delta import DisplayMixin
from .inputs import InputMixin


class DeltaGenerator(InputMixin, DisplayMixin):
    """Receives ``st.*`` commands and adds their elements to a block of the tree."""

    def __repr__(self) -> str:
        return f"DeltaGenerator(root={self._root!r})"
