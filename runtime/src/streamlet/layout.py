"""Blocks: form, columns, container, expander, and ``with`` on any of them or on ``st.sidebar``."""
from __future__ import annotations

from typing import Any

from .delta import DeltaGeneratorBase
from .elements import Block
from .errors import (
    StreamlitDuplicateElementKey,
    StreamlitInvalidColumnSpecError,
    StreamlitInvalidLayoutContextError,
    StreamlitValueAssignmentNotAllowedError,
)


class LayoutMixin(DeltaGeneratorBase):
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

    def _child(self, block: Block, *, form_id: str | None = None) -> Any:
        target = self._target()
        assert target._block is not None
        target._block.add_block(block)
        # A generator of the same class as this one: the layout needs no import of the generator module.
        return type(target)(block, root=target._root, form_id=target._form_id if form_id is None else form_id)

    def form(self, key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True, border: bool = True,
             **_: Any) -> Any:
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
                      enter_to_submit=enter_to_submit)
        return dg._child(block, form_id=key)

    def columns(self, spec: Any, *, gap: str | None = "small", vertical_alignment: str = "top",
                border: bool = False, **_: Any) -> list[Any]:
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
        row = dg._child(Block("columns", gap=gap, vertical_alignment=vertical_alignment, border=border))
        return [row._child(Block("column", weight=w / total)) for w in weights]

    def container(self, *, border: bool | None = None, key: Any = None, height: Any = "content", **_: Any) -> Any:
        dg = self._target()
        return dg._child(Block("container", border=bool(border), key=None if key is None else str(key)))

    def expander(self, label: str, expanded: bool = False, *, icon: str | None = None, **_: Any) -> Any:
        dg = self._target()
        return dg._child(Block("expander", label=str(label), expanded=bool(expanded), icon=icon))
