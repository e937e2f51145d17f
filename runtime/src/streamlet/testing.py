"""``AppTest``: Streamlit's testing API over streamlet's runner.

A test written for ``streamlit.testing.v1.AppTest`` reads the same here::

    at = AppTest.from_string(script).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Count =  `1`"

Widget changes are held until ``run()``, as in Streamlit. Everything is read
from the element tree the runner returns; nothing here knows about a page.
"""
from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, overload

from .config import Config
from .runner import Session
from .state import SessionState


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

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.node!r})"

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self.root.run(timeout=timeout)


class Block(Element):
    @property
    def children(self) -> list[Element]:
        return [wrap(child, self.root) for child in self.node.get("children", [])]

    def __iter__(self) -> Iterator[Element]:
        for child in self.children:
            yield child
            if isinstance(child, Block):
                yield from child

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, index: int) -> Element:
        return self.children[index]


class Exception(Element):  # noqa: A001 - the name Streamlit's AppTest uses
    @property
    def message(self) -> str:
        return str(self.node["message"])

    @property
    def value(self) -> str:
        return self.message

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


class Widget(Element):
    """An element with a value the test can change before the next ``run()``."""

    _unset = object()

    def __init__(self, node: dict[str, Any], root: AppTest) -> None:
        super().__init__(node, root)
        self._pending: Any = Widget._unset

    @property
    def id(self) -> str:
        return str(self.node["id"])

    @property
    def label(self) -> str:
        return str(self.node.get("label", ""))

    @property
    def disabled(self) -> bool:
        return bool(self.node.get("disabled", False))

    @property
    def help(self) -> str | None:
        return self.node.get("help")

    @property
    def form_id(self) -> str:
        return str(self.node.get("form_id", ""))

    @property
    def value(self) -> Any:
        if self._pending is not Widget._unset:
            return self._pending
        return self.root._session.state[self.id]

    def set_value(self, value: Any) -> Widget:
        self._pending = value
        return self

    def widget_state(self) -> Any:
        """The value the client sends for this widget on the next run, in the client's form."""
        if self._pending is Widget._unset:
            return self.node.get("value")
        meta = self.root._session.state.meta.get(self.id)
        return meta.serialize(self._pending) if meta is not None else self._pending


class Button(Widget):
    def widget_state(self) -> Any:
        return self._pending is True

    @property
    def value(self) -> bool:
        if self._pending is not Widget._unset:
            return bool(self._pending)
        return bool(self.node.get("value"))

    def click(self) -> Button:
        self._pending = True
        return self


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)  # type: ignore[return-value]

    def uncheck(self) -> Checkbox:
        return self.set_value(False)  # type: ignore[return-value]


class TextInput(Widget):
    @property
    def max_chars(self) -> int | None:
        return self.node.get("max_chars")

    @property
    def placeholder(self) -> str | None:
        return self.node.get("placeholder")

    def input(self, value: str) -> TextInput:
        return self.set_value(value)  # type: ignore[return-value]


class NumberInput(Widget):
    @property
    def min(self) -> Any:
        return self.node.get("min")

    @property
    def max(self) -> Any:
        return self.node.get("max")

    @property
    def step(self) -> Any:
        return self.node.get("step")

    def increment(self) -> NumberInput:
        value = self.value
        if value is None:
            return self
        upper = self.max
        return self.set_value(value + self.step if upper is None else min(value + self.step, upper))  # type: ignore[return-value]

    def decrement(self) -> NumberInput:
        value = self.value
        if value is None:
            return self
        lower = self.min
        return self.set_value(value - self.step if lower is None else max(value - self.step, lower))  # type: ignore[return-value]


class Slider(Widget):
    @property
    def min(self) -> Any:
        return self.node.get("min")

    @property
    def max(self) -> Any:
        return self.node.get("max")

    @property
    def step(self) -> Any:
        return self.node.get("step")

    @property
    def options(self) -> list[str]:
        return list(self.node.get("options", []))

    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))  # type: ignore[return-value]


class Selectbox(Widget):
    @property
    def options(self) -> list[str]:
        return list(self.node.get("options", []))

    @property
    def index(self) -> int | None:
        meta = self.root._session.state.meta.get(self.id)
        return meta.serialize(self.value) if meta is not None else None

    def select(self, value: Any) -> Selectbox:
        return self.set_value(value)  # type: ignore[return-value]

    def select_index(self, index: int | None) -> Selectbox:
        self._pending_index = index
        meta = self.root._session.state.meta.get(self.id)
        return self.set_value(meta.deserialize(index) if meta is not None and index is not None else None)  # type: ignore[return-value]


class Multiselect(Selectbox):
    def select(self, value: Any) -> Multiselect:
        current = list(self.value)
        if value not in current:
            current.append(value)
        return self.set_value(current)  # type: ignore[return-value]

    def unselect(self, value: Any) -> Multiselect:
        return self.set_value([v for v in self.value if v != value])  # type: ignore[return-value]


class ColorPicker(Widget):
    def pick(self, value: str) -> ColorPicker:
        return self.set_value(value)  # type: ignore[return-value]


ELEMENT_CLASSES: dict[str, type[Element]] = {
    "exception": Exception,
    "button": Button,
    "form_submit_button": Button,
    "download_button": Button,
    "checkbox": Checkbox,
    "toggle": Checkbox,
    "text_input": TextInput,
    "text_area": TextInput,
    "number_input": NumberInput,
    "slider": Slider,
    "select_slider": Slider,
    "selectbox": Selectbox,
    "radio": Selectbox,
    "multiselect": Multiselect,
    "color_picker": ColorPicker,
    "date_input": Widget,
    "time_input": Widget,
    "file_uploader": Widget,
    "data_editor": Widget,
}
BLOCK_TYPES = {"main", "sidebar", "form", "columns", "column", "container", "expander"}

# Element lists AppTest offers as attributes: ``at.button``, ``at.markdown``, ...
LIST_TYPES = {
    "title", "header", "subheader", "markdown", "caption", "text", "code", "divider", "json",
    "error", "warning", "info", "success", "exception", "help", *ELEMENT_CLASSES,
    "form", "columns", "column", "container", "expander",
}


ALSO_LISTED = {"button": ("form_submit_button",)}


def wrap(node: dict[str, Any], root: AppTest) -> Element:
    if node["type"] in BLOCK_TYPES:
        return Block(node, root)
    return ELEMENT_CLASSES.get(node["type"], Element)(node, root)


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


class SessionStateView:
    """``at.session_state``: read and write state between runs, as in Streamlit's AppTest."""

    def __init__(self, state: SessionState) -> None:
        object.__setattr__(self, "_state", state)

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state.new_user[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __contains__(self, key: object) -> bool:
        return key in self._state.filtered()

    def __iter__(self) -> Iterator[str]:
        return iter(self._state.filtered())

    def __len__(self) -> int:
        return len(self._state.filtered())

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"{key} not found in session_state.")

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f"{key} not found in session_state.")

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default

    def keys(self) -> Any:
        return self._state.filtered().keys()

    def items(self) -> Any:
        return self._state.filtered().items()

    def values(self) -> Any:
        return self._state.filtered().values()

    def to_dict(self) -> dict[str, Any]:
        return self._state.filtered()

    def __repr__(self) -> str:
        return repr(self._state.filtered())


class AppTest:
    """Run a script headless and inspect or drive what it shows."""

    def __init__(self, source: str, *, default_timeout: float = 3, config: Config | None = None,
                 filename: str = "streamlit_app.py") -> None:
        self._session = Session(source, config=config, filename=filename)
        self.default_timeout = default_timeout
        self._tree: list[dict[str, Any]] = []
        self._elements: list[Element] = []
        self.session_state = SessionStateView(self._session.state)

    # -- construction ------------------------------------------------------
    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        return cls(textwrap.dedent(script), default_timeout=default_timeout)

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).parent
            path = caller / path
        return cls(path.read_text(encoding="utf-8"), default_timeout=default_timeout, filename=str(path))

    @classmethod
    def from_function(cls, script: Callable[..., Any], *, default_timeout: float = 3,
                      args: tuple[Any, ...] | None = None, kwargs: dict[str, Any] | None = None) -> AppTest:
        source = textwrap.dedent(inspect.getsource(script))
        call = f"{script.__name__}(*{tuple(args or ())!r}, **{dict(kwargs or {})!r})"
        return cls(f"{source}\n{call}\n", default_timeout=default_timeout)

    @property
    def config(self) -> Config:
        return self._session.config

    # -- running -----------------------------------------------------------
    def _widget_states(self) -> dict[str, Any]:
        return {e.id: e.widget_state() for e in self._elements if isinstance(e, Widget)}

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script with the widget values set since the last run; return self."""
        result = self._session.run(self._widget_states())
        self._tree = result.elements
        self._elements = list(Block({"type": "main", "children": self._tree}, self))
        return self

    @property
    def log(self) -> list[str]:
        """Messages Streamlit would write to the server log (not to the page)."""
        return list(self._session.last.log) if self._session.last else []

    # -- reading -----------------------------------------------------------
    @property
    def tree(self) -> list[dict[str, Any]]:
        return self._tree

    @property
    def main(self) -> Block:
        nodes = [n for n in self._tree if n["type"] != "sidebar"]
        return Block({"type": "main", "children": nodes}, self)

    @property
    def sidebar(self) -> Block:
        nodes = [n for n in self._tree if n["type"] == "sidebar"]
        return Block(nodes[0] if nodes else {"type": "sidebar", "children": []}, self)

    def get(self, element_type: str) -> ElementList:
        """Elements of one type in tree order; ``button`` includes form submit buttons, as in Streamlit."""
        types = {element_type, *ALSO_LISTED.get(element_type, ())}
        return ElementList([e for e in self._elements if e.type in types])

    def __getattr__(self, name: str) -> ElementList:
        if name in LIST_TYPES:
            return self.get(name)
        raise AttributeError(f"'AppTest' object has no attribute '{name}'")


@contextmanager
def patch_config_options(options: dict[str, Any]) -> Iterator[None]:
    """Set config options for the ``AppTest`` runs made inside the block."""
    from . import config as config_module

    saved = dict(config_module.DEFAULTS)
    try:
        for name, value in options.items():
            if name not in saved:
                raise KeyError(name)
            config_module.DEFAULTS[name] = value
        yield
    finally:
        config_module.DEFAULTS.clear()
        config_module.DEFAULTS.update(saved)
