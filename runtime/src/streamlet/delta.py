"""DeltaGenerator: where ``st.*`` calls land, and the display commands.

``st.title(...)`` is the main DeltaGenerator's method; inside ``with st.form(...)``
the innermost open block receives it instead. Widgets live in :mod:`.widgets`
(one module per family), layout in :mod:`.layout`; all are mixed side by side into
:class:`.generator.DeltaGenerator`.
"""
from __future__ import annotations

import json
import textwrap
from typing import Any, Self

from . import context
from .elements import Block, exception_element
from .errors import StreamlitAPIException
from .write import write as write_elements


class DeltaGeneratorBase:
    """Finds the block a command writes to, and the form it sits in."""

    def __init__(self, block: Block | None = None, *, root: str = "main", form_id: str = "") -> None:
        self._block = block
        self._root = root
        self._form_id = form_id

    def _ctx(self) -> context.RunContext:
        ctx = context.current()
        if ctx is None:
            raise StreamlitAPIException(
                "This command needs a running script: run it through streamlet's runner or AppTest."
            )
        return ctx

    def _target(self) -> Self:
        """The generator that really receives a command (the innermost ``with`` block for ``st.*``).

        Each public command resolves it once (``dg = self._target()``) and works on that
        generator, whose own ``_target()`` is then itself.
        """
        if self._block is None:
            ctx = context.current() or self._ctx()
            if self._root == "main" and ctx.block_stack:
                return ctx.block_stack[-1]  # type: ignore[no-any-return]
            return ctx.generators[self._root]  # type: ignore[no-any-return]
        return self

    def _add_node(self, node: dict[str, Any]) -> dict[str, Any]:
        """Append an element to the block this command writes to."""
        target = self._target()
        assert target._block is not None
        return target._block.add(node)

    def _add(self, type: str, **fields: Any) -> dict[str, Any]:
        return self._add_node({"type": type, **fields})

    @property
    def form_id(self) -> str:
        return self._target()._form_id


def _text(body: Any) -> str:
    """Streamlit's clean_text: the body as text, dedented and stripped."""
    return textwrap.dedent(str(body)).strip()


class DisplayMixin(DeltaGeneratorBase):
    def title(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None) -> None:
        self._add("title", body=_text(body), help=help)

    def header(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
               divider: bool | str = False) -> None:
        self._add("header", body=_text(body), help=help)

    def subheader(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
                  divider: bool | str = False) -> None:
        self._add("subheader", body=_text(body), help=help)

    def markdown(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
        node = self._add("markdown", body=_text(body), help=help)
        if unsafe_allow_html:
            node["html_as_text"] = True  # the page shows HTML as text, and says so

    def caption(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
        node = self._add("caption", body=_text(body), help=help)
        if unsafe_allow_html:
            node["html_as_text"] = True

    def text(self, body: Any, *, help: str | None = None) -> None:
        self._add("text", body=_text(body), help=help)

    def code(self, body: Any, language: str | None = "python", *, line_numbers: bool = False) -> None:
        self._add("code", body=str(body), language=language or "plaintext")

    def divider(self) -> None:
        self._add("divider")

    def json(self, body: Any, *, expanded: bool | int = True) -> None:
        from .state import SessionStateProxy

        if isinstance(body, SessionStateProxy):
            body = body.to_dict()
        if not isinstance(body, str):
            try:
                body = json.dumps(body, default=repr)
            except TypeError:
                body = json.dumps(repr(body))
        self._add("json", body=body, expanded=expanded)

    def _alert(self, kind: str, body: Any, icon: str | None) -> None:
        self._add(kind, body=_text(body), icon=icon)

    def error(self, body: Any, *, icon: str | None = None) -> None:
        self._alert("error", body, icon)

    def warning(self, body: Any, *, icon: str | None = None) -> None:
        self._alert("warning", body, icon)

    def info(self, body: Any, *, icon: str | None = None) -> None:
        self._alert("info", body, icon)

    def success(self, body: Any, *, icon: str | None = None) -> None:
        self._alert("success", body, icon)

    def exception(self, exception: BaseException) -> None:
        self._add_node(exception_element(exception))

    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        write_elements(self, args, unsafe_allow_html)
