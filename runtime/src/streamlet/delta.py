"""DeltaGenerator: where ``st.*`` calls land, and the display commands.

``st.title(...)`` is the main DeltaGenerator's method; inside ``with st.form(...)``
the innermost open block receives it instead. Widgets live in :mod:`.widgets`
(one module per family), layout in :mod:`.layout`; all are mixed side by side into
:class:`.generator.DeltaGenerator`. Each mixin bears the name of Streamlit's own, so
a misspelt keyword raises Python's TypeError with Streamlit's words
(``HeadingMixin.title() got an unexpected keyword argument 'ancor'``).
"""
from __future__ import annotations

import json
import sys
import textwrap
import types
from typing import Any, Self

from . import context
from .elements import Block, exception_element
from .errors import StreamlitAPIException, StreamlitInvalidParameterTypeError, StreamlitValueError
from .write import help_node, write as write_elements


STREAMLIT_MODULE = types.ModuleType("streamlit")
"""``st.help()``'s default: stands for the module a script imports as ``streamlit`` while it runs."""


class DeltaGeneratorBase:
    """Finds the block a command writes to, and the form it sits in."""

    def __init__(self, block: Block | None = None, *, root: str = "main", form_id: str = "") -> None:
        self._block = block
        self._root = root
        self._form_id = form_id

    def _ctx(self) -> context.RunContext:
        ctx = context.ACTIVE.run
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
            ctx = context.ACTIVE.run or self._ctx()
            if self._root == "main" and ctx.block_stack:
                return ctx.block_stack[-1]  # type: ignore[no-any-return]
            return ctx.generators[self._root]  # type: ignore[no-any-return]
        return self

    def _add_node(self, node: dict[str, Any]) -> dict[str, Any]:
        """Append an element to the block this command writes to."""
        block = self._block or self._target()._block  # a widget's generator is its target already
        assert block is not None
        block.node["children"].append(node)
        return node

    def _add(self, type: str, **fields: Any) -> dict[str, Any]:
        return self._add_node({"type": type, **fields})

    def _child(self, block: Block, *, form_id: str | None = None) -> Any:
        """Add a block (form, columns, container, ...) and return the generator that writes into it."""
        target = self._target()
        assert target._block is not None
        target._block.add_block(block)
        # A generator of the same class as this one: no import of the generator module.
        return type(target)(block, root=target._root, form_id=target._form_id if form_id is None else form_id)

    @property
    def form_id(self) -> str:
        return self._target()._form_id


def _text(body: Any) -> str:
    """Streamlit's clean_text: the body as text, dedented and stripped."""
    text = body if type(body) is str else str(body)
    if "\n" not in text:  # one line: dedenting it is stripping it (the common case, and cheap)
        return text.strip()
    return textwrap.dedent(text).strip()


DIVIDER_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "rainbow")


def divider_color(divider: Any) -> str:
    """A heading's line under it: '' (none), 'auto' (the next colour in turn) or a colour name."""
    if not divider:
        return ""
    if divider is True:
        return "auto"
    if divider in DIVIDER_COLORS:
        return str(divider)
    raise StreamlitValueError("divider", ["True"] + [f"'{c}'" for c in DIVIDER_COLORS])


def check_anchor(anchor: Any) -> Any:
    """None (the page makes one), False (no anchor link) or the anchor's text."""
    if anchor is None or anchor is False or isinstance(anchor, str):
        return anchor
    if anchor is True:
        raise StreamlitValueError("anchor", ["None", "False", "any string"])
    raise StreamlitInvalidParameterTypeError("anchor", type(anchor).__name__, ["str", "None", "False"])


class HeadingMixin(DeltaGeneratorBase):
    def _heading(self, kind: str, body: Any, anchor: Any, help: str | None, icon: str | None, divider: Any,
                 width: Any, text_alignment: str, wrap: bool) -> None:
        self._add_node({"type": kind, "body": _text(body), "anchor": check_anchor(anchor), "help": help, "icon": icon,
                        "divider": divider_color(divider), "width": width, "text_alignment": text_alignment,
                        "wrap": wrap})

    def title(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
              icon: str | None = None, width: Any = "stretch", text_alignment: str = "left",
              wrap: bool = True) -> None:
        self._heading("title", body, anchor, help, icon, False, width, text_alignment, wrap)

    def header(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
               icon: str | None = None, divider: bool | str = False, width: Any = "stretch",
               text_alignment: str = "left", wrap: bool = True) -> None:
        self._heading("header", body, anchor, help, icon, divider, width, text_alignment, wrap)

    def subheader(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
                  icon: str | None = None, divider: bool | str = False, width: Any = "stretch",
                  text_alignment: str = "left", wrap: bool = True) -> None:
        self._heading("subheader", body, anchor, help, icon, divider, width, text_alignment, wrap)


class MarkdownMixin(DeltaGeneratorBase):
    def _markdown(self, node: dict[str, Any], unsafe_allow_html: bool) -> None:
        self._add_node(node)
        if unsafe_allow_html:
            node["html_as_text"] = True  # the page shows HTML as text, and says so

    def markdown(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
                 width: Any = "auto", text_alignment: str = "left", anchors: bool = True,
                 wrap: bool = True) -> None:
        self._markdown({"type": "markdown", "body": _text(body), "help": help, "width": width,
                        "text_alignment": text_alignment, "anchors": anchors, "wrap": wrap}, unsafe_allow_html)

    def caption(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
                width: Any = "stretch", text_alignment: str = "left", wrap: bool = True) -> None:
        self._markdown({"type": "caption", "body": _text(body), "help": help, "width": width,
                        "text_alignment": text_alignment, "wrap": wrap}, unsafe_allow_html)

    def divider(self, *, width: Any = "stretch") -> None:
        self._add("divider", width=width)


class TextMixin(DeltaGeneratorBase):
    def text(self, body: Any, *, help: str | None = None, width: Any = "content", text_alignment: str = "left",
             wrap: bool = True) -> None:
        self._add("text", body=_text(body), help=help, width=width, text_alignment=text_alignment, wrap=wrap)


class CodeMixin(DeltaGeneratorBase):
    def code(self, body: Any, language: str | None = "python", *, line_numbers: bool = False,
             wrap_lines: bool = False, height: Any = "content", width: Any = "stretch") -> None:
        self._add("code", body=str(body), language=language or "plaintext", line_numbers=bool(line_numbers),
                  wrap_lines=bool(wrap_lines), height=height, width=width)


class JsonMixin(DeltaGeneratorBase):
    def json(self, body: Any, *, expanded: bool | int = True, width: Any = "stretch") -> None:
        from .state import SessionStateProxy

        if isinstance(body, SessionStateProxy):
            body = body.to_dict()
        if not isinstance(body, str):
            try:
                body = json.dumps(body, default=repr)
            except TypeError:
                body = json.dumps(repr(body))
        self._add("json", body=body, expanded=expanded, width=width)


class AlertMixin(DeltaGeneratorBase):
    def _alert(self, kind: str, body: Any, icon: str | None, width: Any, title: Any) -> None:
        self._add(kind, body=_text(body), icon=icon, width=width, title=None if title is None else _text(title))

    def error(self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> None:
        self._alert("error", body, icon, width, title)

    def warning(self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> None:
        self._alert("warning", body, icon, width, title)

    def info(self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> None:
        self._alert("info", body, icon, width, title)

    def success(self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> None:
        self._alert("success", body, icon, width, title)


class ExceptionMixin(DeltaGeneratorBase):
    def exception(self, exception: BaseException, width: Any = "stretch") -> None:
        self._add_node({**exception_element(exception), "width": width})


class WriteMixin(DeltaGeneratorBase):
    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        write_elements(self, args, unsafe_allow_html)


class HelpMixin(DeltaGeneratorBase):
    def help(self, obj: Any = STREAMLIT_MODULE, *, width: Any = "stretch") -> None:
        """An object's name, type and docstring (``st.write`` uses it for functions, classes, modules).

        With no object, the help of ``streamlit`` itself, as in Streamlit.
        """
        if obj is STREAMLIT_MODULE:
            obj = sys.modules.get("streamlit", obj)
        self._add_node({**help_node(obj), "width": width})
