"""Blocks, and the typed element lists every block and ``AppTest`` share (``at.slider``, ``at.form``...).

The lists are the ones Streamlit's AppTest has for the commands streamlet offers, with
its names and its generic types, so a type checker sees ``at.slider[0]`` as a ``Slider``.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from .inputs import (Button, Checkbox, ColorPicker, DataEditor, DateInput, DownloadButton, FileUploader, Multiselect,
                     NumberInput, Radio, Selectbox, SelectSlider, Slider, TextArea, TextInput, TimeInput, Toggle,
                     WidgetList)
from .nodes import (Caption, Code, Divider, Element, ElementList, Error, Exception, Header, Help, Info, Json, Markdown,
                    Node, Root, Subheader, Success, Text, Title, Warning)

E = TypeVar("E", bound=Element)

ALSO_LISTED: dict[str, tuple[str, ...]] = {"button": ("button", "form_submit_button"), "columns": ("column",)}
"""Lists that hold more than their own node type: ``at.button`` holds form submit buttons too, and
``at.columns`` the columns themselves, as in Streamlit (``get`` takes either name)."""
ALSO_LISTED["column"] = ALSO_LISTED["columns"]


def listed_types(element_type: str) -> tuple[str, ...]:
    """The node types ``get(element_type)`` gathers."""
    return ALSO_LISTED.get(element_type, (element_type,))


class Queries:
    """What AppTest and every block answer: the typed lists, ``get(type)`` and ``get_by_key(key)``."""

    def __iter__(self) -> Iterator[Element]:
        raise NotImplementedError

    def get(self, element_type: str) -> ElementList[Element]:
        """Every element of a type (a list's name, or a node type), in page order, this block aside."""
        types = listed_types(element_type)
        return ElementList([e for e in self if e.type in types and e is not self])

    def get_by_key(self, key: str) -> Element | None:
        for element in self:
            if element.key == key:
                return element
        return None

    def _of(self, cls: type[E], element_type: str) -> list[E]:
        return [e for e in self.get(element_type) if isinstance(e, cls)]

    # -- the lists, in Streamlit's order -----------------------------------
    @property
    def button(self) -> WidgetList[Button]:
        """``st.button`` and ``st.form_submit_button`` widgets."""
        return WidgetList(self._of(Button, "button"))

    @property
    def caption(self) -> ElementList[Caption]:
        return ElementList(self._of(Caption, "caption"))

    @property
    def checkbox(self) -> WidgetList[Checkbox]:
        return WidgetList(self._of(Checkbox, "checkbox"))

    @property
    def code(self) -> ElementList[Code]:
        return ElementList(self._of(Code, "code"))

    @property
    def color_picker(self) -> WidgetList[ColorPicker]:
        return WidgetList(self._of(ColorPicker, "color_picker"))

    @property
    def columns(self) -> BlockList[Column]:
        """Every column of every ``st.columns`` row."""
        return BlockList(self._of(Column, "columns"))

    @property
    def container(self) -> BlockList[Block]:
        return BlockList(self._of(Block, "container"))

    @property
    def data_editor(self) -> ElementList[DataEditor]:
        return ElementList(self._of(DataEditor, "data_editor"))

    @property
    def date_input(self) -> WidgetList[DateInput]:
        return WidgetList(self._of(DateInput, "date_input"))

    @property
    def divider(self) -> ElementList[Divider]:
        return ElementList(self._of(Divider, "divider"))

    @property
    def download_button(self) -> WidgetList[DownloadButton]:
        return WidgetList(self._of(DownloadButton, "download_button"))

    @property
    def error(self) -> ElementList[Error]:
        return ElementList(self._of(Error, "error"))

    @property
    def exception(self) -> ElementList[Exception]:
        return ElementList(self._of(Exception, "exception"))

    @property
    def file_uploader(self) -> WidgetList[FileUploader]:
        return WidgetList(self._of(FileUploader, "file_uploader"))

    @property
    def form(self) -> BlockList[Block]:
        """``st.form`` blocks; a form's id is its ``key``."""
        return BlockList(self._of(Block, "form"))

    @property
    def form_submit_button(self) -> WidgetList[Button]:
        return WidgetList(self._of(Button, "form_submit_button"))

    @property
    def expander(self) -> BlockList[Expander]:
        return BlockList(self._of(Expander, "expander"))

    @property
    def header(self) -> ElementList[Header]:
        return ElementList(self._of(Header, "header"))

    @property
    def help(self) -> ElementList[Help]:
        return ElementList(self._of(Help, "help"))

    @property
    def info(self) -> ElementList[Info]:
        return ElementList(self._of(Info, "info"))

    @property
    def json(self) -> ElementList[Json]:
        return ElementList(self._of(Json, "json"))

    @property
    def markdown(self) -> ElementList[Markdown]:
        return ElementList(self._of(Markdown, "markdown"))

    @property
    def multiselect(self) -> WidgetList[Multiselect]:
        return WidgetList(self._of(Multiselect, "multiselect"))

    @property
    def number_input(self) -> WidgetList[NumberInput]:
        return WidgetList(self._of(NumberInput, "number_input"))

    @property
    def radio(self) -> WidgetList[Radio]:
        return WidgetList(self._of(Radio, "radio"))

    @property
    def select_slider(self) -> WidgetList[SelectSlider]:
        return WidgetList(self._of(SelectSlider, "select_slider"))

    @property
    def selectbox(self) -> WidgetList[Selectbox]:
        return WidgetList(self._of(Selectbox, "selectbox"))

    @property
    def slider(self) -> WidgetList[Slider]:
        return WidgetList(self._of(Slider, "slider"))

    @property
    def subheader(self) -> ElementList[Subheader]:
        return ElementList(self._of(Subheader, "subheader"))

    @property
    def success(self) -> ElementList[Success]:
        return ElementList(self._of(Success, "success"))

    @property
    def text(self) -> ElementList[Text]:
        return ElementList(self._of(Text, "text"))

    @property
    def text_area(self) -> WidgetList[TextArea]:
        return WidgetList(self._of(TextArea, "text_area"))

    @property
    def text_input(self) -> WidgetList[TextInput]:
        return WidgetList(self._of(TextInput, "text_input"))

    @property
    def time_input(self) -> WidgetList[TimeInput]:
        return WidgetList(self._of(TimeInput, "time_input"))

    @property
    def title(self) -> ElementList[Title]:
        return ElementList(self._of(Title, "title"))

    @property
    def toggle(self) -> WidgetList[Toggle]:
        return WidgetList(self._of(Toggle, "toggle"))

    @property
    def warning(self) -> ElementList[Warning]:
        return ElementList(self._of(Warning, "warning"))


class Block(Queries, Element):
    """A container of other elements (the main area, the sidebar, a form, a column...), queried like AppTest."""

    @property
    def children(self) -> list[Element]:
        return [self.root.element(child) for child in self.node.get("children", [])]

    def __iter__(self) -> Iterator[Element]:
        """The block itself, then everything inside it in page order, as Streamlit's AppTest iterates."""
        yield self
        for child in self.children:
            if isinstance(child, Block):
                yield from child
            else:
                yield child

    def __len__(self) -> int:
        return len(self.node.get("children", []))

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    @property
    def key(self) -> str | None:
        return self.node.get("form_id") or self.node.get("key")


class Column(Block):
    """One column of ``st.columns``: its share of the row's width, and the row's gap."""

    @property
    def weight(self) -> float:
        return float(self.node["weight"])

    @property
    def gap(self) -> str | None:
        row = self.root.parent(self.node)
        return row.get("gap") if row is not None else None


class Expander(Block):
    @property
    def label(self) -> str:
        return str(self.node.get("label", ""))

    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""


B_co = TypeVar("B_co", bound=Block, covariant=True)


class BlockList(ElementList[B_co]):
    """The blocks of one kind in page order (``at.form``, ``at.columns``), looked up by index or key."""


CLASSES: dict[str, type[Element]] = {
    "title": Title, "header": Header, "subheader": Subheader,
    "markdown": Markdown, "caption": Caption, "divider": Divider, "text": Text, "help": Help,
    "error": Error, "warning": Warning, "info": Info, "success": Success,
    "code": Code, "json": Json, "exception": Exception,
    "button": Button, "form_submit_button": Button, "download_button": DownloadButton,
    "checkbox": Checkbox, "toggle": Toggle, "text_input": TextInput, "text_area": TextArea,
    "number_input": NumberInput, "slider": Slider, "select_slider": SelectSlider,
    "selectbox": Selectbox, "radio": Radio, "multiselect": Multiselect,
    "color_picker": ColorPicker, "date_input": DateInput, "time_input": TimeInput,
    "file_uploader": FileUploader, "data_editor": DataEditor,
    "main": Block, "sidebar": Block, "form": Block, "columns": Block, "container": Block,
    "column": Column, "expander": Expander,
}
"""The class AppTest shows each node type as; anything else is a plain ``Element``."""


def wrap(node: Node, root: Root) -> Element:
    """A new wrapper of ``node`` in the class of its type (``AppTest.element`` keeps one per node)."""
    return CLASSES.get(node["type"], Element)(node, root)
