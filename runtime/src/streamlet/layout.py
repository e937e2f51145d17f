"""Blocks: form (and its submit button), columns, container, expander; ``with`` on any of them or ``st.sidebar``.

The mixins bear Streamlit's names (``FormMixin``, ``LayoutsMixin``), so Python's TypeError for a
misspelt keyword reads as Streamlit's.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .delta import DeltaGeneratorBase
from .elements import Block
from .errors import (
    StreamlitDuplicateElementKey,
    StreamlitInvalidColumnSpecError,
    StreamlitInvalidLayoutContextError,
    StreamlitValueAssignmentNotAllowedError,
)
from .widgets.base import to_key
from .widgets.button import ButtonBase, button_look


class FormMixin(ButtonBase):
    def form(self, key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True, border: bool = True,
             width: Any = "stretch", height: Any = "content") -> Any:
        dg = self._target()
        ctx = dg._ctx()
        if dg.form_id:
            raise StreamlitInvalidLayoutContextError("Forms cannot be nested in other forms.")
        if key is not None and ctx.state.is_new_state_value(key):
            raise StreamlitValueAssignmentNotAllowedError(key)
        if key in ctx.form_ids_this_run:
            raise StreamlitDuplicateElementKey(key)
        ctx.form_ids_this_run.add(key)
        block = Block("form", form_id=key, clear_on_submit=clear_on_submit, border=border,
                      enter_to_submit=enter_to_submit, width=width, height=height)
        return dg._child(block, form_id=key)

    def form_submit_button(self, label: str = "Submit", help: str | None = None,
                           on_click: Callable[..., Any] | None = None, args: tuple[Any, ...] | None = None,
                           kwargs: dict[str, Any] | None = None, *, key: Any = None, type: str = "secondary",
                           icon: str | None = None, icon_position: str = "left", disabled: bool = False,
                           use_container_width: bool | None = None, width: Any = "content",
                           shortcut: str | None = None, wrap: bool | None = None) -> bool:
        dg = self._target()
        look = button_look(help, type, icon, icon_position, use_container_width, width, shortcut, wrap)
        key = to_key(key) or f"FormSubmitter:{dg.form_id}-{label}"
        return dg._press(label, key, on_click, args, kwargs, submitter=True, look=look, disabled=disabled)


class LayoutsMixin(DeltaGeneratorBase):
    def __enter__(self) -> Any:
        self._ctx().block_stack.append(self._entered())
        return self

    def __exit__(self, *exc: object) -> None:
        stack = self._ctx().block_stack
        if stack:
            stack.pop()

    def _entered(self) -> DeltaGeneratorBase:
        """The generator ``with`` opens: this block, or the root this generator stands for."""
        return self._target() if self._block is None else self

    def columns(self, spec: Any, *, gap: str | None = "small", vertical_alignment: str = "top",
                border: bool = False, width: Any = "stretch", wrap: bool = True) -> list[Any]:
        dg = self._target()
        if isinstance(spec, (int, float)) and not isinstance(spec, bool):
            if spec < 1 or int(spec) != spec:
                raise StreamlitInvalidColumnSpecError()
            weights = [1.0] * int(spec)
        elif isinstance(spec, (list, tuple)) and spec and all(
                isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in spec):
            weights = [float(w) for w in spec]
        else:
            raise StreamlitInvalidColumnSpecError()
        total = sum(weights)
        row = dg._child(Block("columns", gap=gap, vertical_alignment=vertical_alignment, border=border,
                              width=width, wrap=wrap))
        return [row._child(Block("column", weight=w / total, border=border)) for w in weights]

    def container(self, *, border: bool | None = None, key: Any = None, width: Any = "stretch",
                  height: Any = "content", horizontal: bool = False, wrap: bool = True,
                  horizontal_alignment: str = "left", vertical_alignment: str = "top", gap: str | None = "small",
                  autoscroll: bool | None = None) -> Any:
        dg = self._target()
        return dg._child(Block(
            "container", border=bool(border), key=None if key is None else str(key), width=width, height=height,
            horizontal=bool(horizontal), wrap=wrap, horizontal_alignment=horizontal_alignment,
            vertical_alignment=vertical_alignment, gap=gap, autoscroll=autoscroll))

    def expander(self, label: str, expanded: bool = False, *, key: Any = None, icon: str | None = None,
                 type: str = "default", width: Any = "stretch", on_change: Any = "ignore", args: Any = None,
                 kwargs: Any = None, bind: Any = None) -> Any:
        dg = self._target()
        return dg._child(Block("expander", label=str(label), expanded=bool(expanded), icon=icon,
                               key=None if key is None else str(key), expander_type=type, width=width))
