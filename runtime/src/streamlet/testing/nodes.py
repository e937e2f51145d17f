"""Elements and blocks of the tree as AppTest shows them, and the queries they share."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from .app import AppTest


class Element:
    """One element of the tree; ``value`` is what Streamlit's AppTest calls its value."""

    def __init__(self, node: dict[str, Any], root: AppTest) -> None:
        self.node = node
        self.root = root

    @property
    def type(self) -> str:
        return str(self.node["type"])

    @property
    def proto(self) -> dict[str, Any]:
        return self.node

    @property
    def key(self) -> str | None:
        return self.node.get("key")

    @property
    def value(self) -> Any:
        return self.node.get("body")

    @property
    def help(self) -> str:
        return self.node.get("help") or ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.node!r})"

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self.root.run(timeout=timeout)


class Heading(Element):
    TAGS = {"title": "h1", "header": "h2", "subheader": "h3"}

    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""

    @property
    def tag(self) -> str:
        return self.TAGS[self.type]

    @property
    def anchor(self) -> str:
        return self.node.get("anchor") or ""


class Markdown(Element):
    @property
    def is_caption(self) -> bool:
        return self.type == "caption"

    @property
    def value(self) -> str:
        return "---" if self.type == "divider" else str(self.node.get("body"))


class Alert(Element):
    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""


class Code(Element):
    @property
    def language(self) -> str:
        return str(self.node.get("language"))


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


class ElementList(Sequence[Element]):
    def __init__(self, elements: list[Element]) -> None:
        self._list = elements

    @overload
    def __getitem__(self, index: int) -> Element: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList: ...
    def __getitem__(self, index: int | slice) -> Element | ElementList:
        if isinstance(index, slice):
            return ElementList(self._list[index])
        return self._list[index]

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self._list)

    def __call__(self, key: str) -> Element:
        for element in self._list:
            if element.key == key:
                return element
        raise KeyError(key)

    @property
    def values(self) -> list[Any]:
        return [element.value for element in self._list]

    def __repr__(self) -> str:
        return f"ElementList({self._list!r})"


ALSO_LISTED = {"button": ("form_submit_button",)}
"""``at.button`` lists form submit buttons too, as in Streamlit."""


LIST_TYPES: set[str] = set()
"""The element lists offered as attributes (``at.button``); filled in by ``app``, which knows the classes."""


class Queries:
    """``.button``, ``.get(type)``, ``.get_by_key(key)``: on AppTest and on every block."""

    def _walk(self) -> Iterator[Element]:
        raise NotImplementedError

    def get(self, element_type: str) -> ElementList:
        types = {element_type, *ALSO_LISTED.get(element_type, ())}
        return ElementList([e for e in self._walk() if e.type in types])

    def get_by_key(self, key: str) -> Element | None:
        for element in self._walk():
            if element.key == key:
                return element
        return None

    def __getattr__(self, name: str) -> ElementList:
        if name in LIST_TYPES:
            return self.get(name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


class Block(Queries, Element):
    @property
    def children(self) -> list[Element]:
        from .app import wrap

        return [wrap(child, self.root) for child in self.node.get("children", [])]

    def _walk(self) -> Iterator[Element]:
        """The block itself, then everything inside it in page order, as Streamlit's AppTest iterates."""
        yield self
        for child in self.children:
            if isinstance(child, Block):
                yield from child._walk()
            else:
                yield child

    def __iter__(self) -> Iterator[Element]:
        return self._walk()

    def __len__(self) -> int:
        return len(self.node.get("children", []))

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    @property
    def key(self) -> str | None:
        return self.node.get("form_id") or self.node.get("key")

    @property
    def label(self) -> str:
        return str(self.node.get("label", ""))

    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""

    @property
    def weight(self) -> float | None:
        return self.node.get("weight")

    @property
    def gap(self) -> str | None:
        return self.node.get("gap")
