"""Elements of the tree as AppTest shows them, the typed list they come in, and what they need from their root.

This module knows no other module of ``testing``: widgets (``inputs``), blocks and the
typed lists (``blocks``) and ``AppTest`` (``app``) build on it, never the other way round.
An element reaches the app it belongs to only through the small ``Root`` protocol.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar, overload

from ..widget_meta import WidgetMeta

Node = dict[str, Any]
"""One node of the element tree the runner returns (a plain dict)."""


class Root(Protocol):
    """What an element needs from the app it belongs to; ``AppTest`` is one."""

    def element(self, node: Node) -> Element:
        """The one wrapper of ``node`` for this run, so a value set through any path is the one sent."""
        ...

    def parent(self, node: Node) -> Node | None:
        """The block ``node`` sits in, or None at the top of the page."""
        ...

    def widget_meta(self, widget_id: str) -> WidgetMeta | None:
        """What the widget registered when it last ran, or None."""
        ...

    def widget_value(self, widget_id: str) -> Any:
        """The widget's value in session state; ``KeyError`` when it holds none."""
        ...

    def run(self, *, timeout: float | None = None) -> Root:
        """Run the script with the values set since the last run."""
        ...


class Element:
    """One element of the tree; ``value`` is what Streamlit's AppTest calls its value."""

    def __init__(self, node: Node, root: Root) -> None:
        self.node = node
        self.root = root

    @property
    def type(self) -> str:
        return str(self.node["type"])

    @property
    def proto(self) -> Node:
        return self.node

    @property
    def key(self) -> str | None:
        return self.node.get("key")

    @property
    def value(self) -> Any:
        return self.node.get("body")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.node!r})"

    def run(self, *, timeout: float | None = None) -> Root:
        return self.root.run(timeout=timeout)

    if not TYPE_CHECKING:  # at run time only: type checkers keep flagging names an element lacks
        def __getattr__(self, name: str) -> Any:
            """A name this element lacks: Streamlit's AppTest then asks the element's protobuf
            message, whose error names the attribute alone (``AttributeError: check``)."""
            raise AttributeError(name)


class WithHelp(Element):
    """An element whose command takes ``help=`` (the tooltip's text, ``""`` when none)."""

    @property
    def help(self) -> str:
        return self.node.get("help") or ""


class Heading(WithHelp):
    TAGS = {"title": "h1", "header": "h2", "subheader": "h3"}

    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""

    @property
    def tag(self) -> str:
        return self.TAGS[self.type]

    @property
    def anchor(self) -> str:
        """The anchor given as text; ``""`` when the page makes one (None) or shows none (False)."""
        anchor = self.node.get("anchor")
        return anchor if isinstance(anchor, str) else ""

    @property
    def hide_anchor(self) -> bool:
        """``anchor=False``: no link to the heading."""
        return self.node.get("anchor") is False

    @property
    def divider(self) -> str:
        """The line under the heading: ``""`` (none), ``"auto"`` (``divider=True``) or its colour."""
        return str(self.node.get("divider") or "")


class Title(Heading):
    """``st.title``."""


class Header(Heading):
    """``st.header``."""


class Subheader(Heading):
    """``st.subheader``."""


class Markdown(WithHelp):
    @property
    def is_caption(self) -> bool:
        return self.type == "caption"

    @property
    def allow_html(self) -> bool:
        """``unsafe_allow_html=True`` (the page still shows the HTML as text, and says so)."""
        return bool(self.node.get("html_as_text"))

    @property
    def value(self) -> str:
        return "---" if self.type == "divider" else str(self.node.get("body"))


class Caption(Markdown):
    """``st.caption``."""


class Divider(Markdown):
    """``st.divider``: its value is ``"---"``, as in Streamlit."""


class Text(WithHelp):
    @property
    def value(self) -> str:
        return str(self.node.get("body"))


class Help(Element):
    """``st.help`` (and ``st.write`` of a function or class)."""

    @property
    def name(self) -> str:
        return str(self.node.get("name", ""))

    @property
    def doc_string(self) -> str:
        return str(self.node.get("doc") or "")


class Alert(Element):
    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""


class Error(Alert):
    """``st.error``."""


class Warning(Alert):  # noqa: A001 - the name Streamlit's AppTest uses
    """``st.warning``."""


class Info(Alert):
    """``st.info``."""


class Success(Alert):
    """``st.success``."""


class Code(Element):
    @property
    def language(self) -> str:
        return str(self.node.get("language"))

    @property
    def show_line_numbers(self) -> bool:
        return bool(self.node.get("line_numbers"))


class Json(Element):
    @property
    def expanded(self) -> Any:
        return self.node.get("expanded")


class Exception(Element):  # noqa: A001 - the name Streamlit's AppTest uses
    @property
    def message(self) -> str:
        return str(self.node["message"])

    @property
    def value(self) -> str:
        return self.message

    @property
    def is_markdown(self) -> bool:
        return bool(self.node.get("message_is_markdown"))

    @property
    def stack_trace(self) -> list[str]:
        return list(self.node["stack_trace"])

    @property
    def is_warning(self) -> bool:
        return bool(self.node["is_warning"])

    @property
    def exc_type(self) -> str:
        """The class name as the page prints it (``streamlit.errors.X`` for uncaught Streamlit errors)."""
        return str(self.node["exc_type"])


El_co = TypeVar("El_co", bound=Element, covariant=True)


class ElementList(Sequence[El_co]):
    """The elements of one kind in page order: ``at.code[0]``, ``at.code(key="k")``, ``at.code.values``."""

    def __init__(self, elements: Sequence[El_co]) -> None:
        self._list: list[El_co] = list(elements)

    @overload
    def __getitem__(self, index: int) -> El_co: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    def __getitem__(self, index: int | slice) -> El_co | Self:
        if isinstance(index, slice):
            return type(self)(self._list[index])
        return self._list[index]

    def __iter__(self) -> Iterator[El_co]:
        return iter(self._list)

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self._list)

    def __call__(self, key: str) -> El_co:
        """The first element with this user key; ``KeyError`` when there is none."""
        for element in self._list:
            if element.key == key:
                return element
        raise KeyError(key)

    @property
    def values(self) -> list[Any]:
        return [element.value for element in self._list]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._list == other._list
        return self._list == other

    def __hash__(self) -> int:
        return hash(tuple(self._list))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._list!r})"
