"""AppTest itself: build from a script, run, read the tree, write session state between runs."""
from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..client import ClientState
from ..config import Config
from ..runner import Session
from ..state import AttributeAccess, SessionState
from ..widget_meta import WidgetMeta
from . import inputs
from .blocks import E, Block, Queries, listed_types, wrap
from .nodes import Element, ElementList, Node

NOT_SENT = frozenset({"exception", "data_editor"})
"""Elements with an id whose value AppTest does not send (Streamlit's sends none for a data_editor)."""


class SessionStateView(AttributeAccess):
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

    def _missing_attribute(self, key: str) -> str:
        return f"{key} not found in session_state."

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


class AppTest(Queries):
    """Run a script headless and inspect or drive what it shows."""

    def __init__(self, source: str, *, default_timeout: float = 3, config: Config | None = None,
                 filename: str = "streamlit_app.py") -> None:
        self._session = Session(source, config=config, filename=filename)
        self.default_timeout = default_timeout
        self._tree: list[dict[str, Any]] = []
        self._nodes: list[dict[str, Any]] = []
        self._client = ClientState(self._session.state, holds=lambda node: inputs.held_value(self, node),
                                   clear_at_once=False, unsent=NOT_SENT)
        self._wrappers: dict[int, Element] = {}
        self._index: dict[str, list[dict[str, Any]]] = {}
        self._lists: dict[tuple[type, str], list[Any]] = {}
        """The typed lists (``at.button``) asked for since the last run: a test reads one again and again."""
        self.session_state = SessionStateView(self._session.state)

    # -- construction ------------------------------------------------------
    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        return cls(textwrap.dedent(script), default_timeout=default_timeout)

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        path = Path(script_path)
        if not path.is_absolute():
            path = Path(inspect.stack()[1].filename).parent / path
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
        """What the client sends: the values the test set, by the rules of :class:`streamlet.client.ClientState`.

        As in Streamlit's AppTest, a change to a form's widget counts only when the form is
        submitted in the same run, and after a ``clear_on_submit`` submit the next submit sends
        no value for the widgets the test did not set again. Only the widgets a test touched
        have wrappers; the others send what they hold (``inputs.held_value``).
        """
        client = self._client
        changed: list[inputs.Widget] = []
        for widget in self._wrappers.values():  # the clicks first: they decide which forms' changes count
            if isinstance(widget, inputs.Widget) and widget.has_pending and widget.node["type"] not in NOT_SENT:
                if not isinstance(widget, inputs.Button):
                    changed.append(widget)
                elif widget.widget_state() is True:
                    client.click(widget.id)
        if not changed:
            return client.values()
        for widget in changed:
            if client.counts(widget.id):
                client.change(widget.id, widget.widget_state())
        return client.values()

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script with the widget values set since the last run; return self."""
        result = self._session.run(self._widget_states())
        self._tree = result.elements
        self._wrappers = {}
        self._nodes = []
        self._index = {}
        self._lists = {}
        self._collect(self._tree)
        self._client.show(self._tree, self._nodes)
        return self

    def _collect(self, nodes: list[dict[str, Any]]) -> None:
        """Every node in tree order, and by type; wrappers are made when a test asks for them."""
        for node in nodes:
            self._nodes.append(node)
            self._index.setdefault(node["type"], []).append(node)
            children = node.get("children")
            if children:
                self._collect(children)

    def element(self, node: Node) -> Element:
        """The one wrapper of ``node`` for this run, so a value set through any path is the one sent."""
        wrapper = self._wrappers.get(id(node))
        if wrapper is None:
            wrapper = self._wrappers[id(node)] = wrap(node, self)
        return wrapper

    def parent(self, node: Node) -> Node | None:
        """The block ``node`` sits in, or None at the top of the page."""
        for candidate in self._nodes:
            if any(child is node for child in candidate.get("children", ())):
                return candidate
        return None

    def widget_meta(self, widget_id: str) -> WidgetMeta | None:
        """What the widget registered when it last ran, or None."""
        return self._session.state.widget_meta(widget_id)

    def widget_value(self, widget_id: str) -> Any:
        """The widget's value in session state; when it holds none (its key was deleted), the
        ``KeyError`` Streamlit's AppTest raises, naming the widget's id."""
        return self._session.state[widget_id]

    def __iter__(self) -> Iterator[Element]:
        """Every element and block of the page in order, as iterating Streamlit's AppTest walks its tree."""
        return (self.element(node) for node in self._nodes)

    def _nodes_of(self, element_type: str) -> Iterable[Node]:
        """The nodes ``get(element_type)`` gathers, in page order."""
        types = listed_types(element_type)
        if len(types) == 1:
            return self._index.get(types[0], ())
        return [n for n in self._nodes if n["type"] in types]

    def _of(self, cls: type[E], element_type: str) -> list[E]:
        found = self._lists.get((cls, element_type))
        if found is None:
            found = self._lists[(cls, element_type)] = [
                e for e in map(self.element, self._nodes_of(element_type)) if isinstance(e, cls)]  # type: ignore[arg-type]
        return found  # each typed list copies it

    def get(self, element_type: str) -> ElementList[Element]:
        return ElementList([self.element(n) for n in self._nodes_of(element_type)])

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
        return Block({"type": "main", "children": [n for n in self._tree if n["type"] != "sidebar"]}, self)  # noqa

    @property
    def sidebar(self) -> Block:
        nodes = [n for n in self._tree if n["type"] == "sidebar"]
        return Block(nodes[0] if nodes else {"type": "sidebar", "children": []}, self)


@contextmanager
def patch_config_options(options: dict[str, Any]) -> Iterator[None]:
    """Set config options for every run made inside the block, as Streamlit's helper of that name does."""
    from ..config import DEFAULTS, PATCHES

    unknown = [name for name in options if name not in DEFAULTS]
    if unknown:
        raise KeyError(f"unknown config option(s): {', '.join(unknown)}")
    saved = dict(PATCHES)
    PATCHES.update(options)
    try:
        yield
    finally:
        PATCHES.clear()
        PATCHES.update(saved)
