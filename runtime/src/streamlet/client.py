"""What a client holds between reruns: the frontend's half of Streamlit's widget state, modelled once.

A reader's tab (through :mod:`streamlet.bridge`) and :class:`streamlet.testing.AppTest` both
keep a :class:`ClientState` next to their runner session, so a test's ``set_value`` and a
reader's click go through the same rules:

- a changed widget sends its new value with the next run; a widget nobody touched sends
  the value it holds;
- a button (any trigger) is true for the one run its click causes, and false after;
- a form's widget values count only with a click of the form's submit button: a change to a
  form's widget is spent, unsent, by a run its form's submit did not cause (the page itself
  holds a form's values until the submit, as Streamlit's frontend does, and sends them with
  it; see live-block.js);
- ``clear_on_submit``: after the run that saw the submitted values, the form's widgets hold
  their defaults again.

Streamlit's two clients differ in two places, and so do the two users of this class
(the constructor's arguments): what an untouched widget sends (the page: the value it
shows; AppTest: the value Python holds, read the way Streamlit's AppTest reads it), and when a
cleared form's widgets take their defaults (the page: at once, shown in the tree the run
returned; Streamlit's AppTest, which has no page to reset: it sends "no value" for them at
the form's next submit).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .state import SessionState

TRIGGER_TYPES = frozenset({"button", "form_submit_button", "download_button"})

Node = dict[str, Any]


def iter_widgets(elements: list[Node]) -> Iterator[Node]:
    """Every widget node of a tree, depth first (an exception element has an id too, and is none)."""
    for node in elements:
        if "id" in node and node["type"] != "exception":
            yield node
        yield from iter_widgets(node.get("children", []))


def _flatten(elements: list[Node], nodes: list[Node]) -> None:
    """Every node of a tree, depth first."""
    for node in elements:
        nodes.append(node)
        children = node.get("children")
        if children:
            _flatten(children, nodes)


class ClientState:
    """The widget values one client holds for one session, between its runs."""

    def __init__(self, state: SessionState, *, holds: Callable[[Node], Any] | None = None,
                 clear_at_once: bool = True, unsent: Iterable[str] = ()) -> None:
        """``holds(node)``: what a widget nobody touched sends (default: the value the client
        shows). ``clear_at_once``: a cleared form shows its defaults right after the run (the
        page), else it sends "no value" at its next submit (AppTest). ``unsent``: widget types
        whose value this client never sends."""
        self._state = state
        self._holds = holds or self.shown
        self._clear_at_once = clear_at_once
        self._unsent = frozenset(unsent)
        self._widgets: list[tuple[str, str, bool, Node]] = []
        """The widgets of the last tree this client sends: (id, form id or "", a trigger, node)."""
        self._form_of: dict[str, str] = {}
        self._in_tree: set[str] = set()
        self._clears: dict[str, bool] = {}
        self._changes: dict[str, Any] = {}
        self._clicked: set[str] = set()
        self._submitting: set[str] = set()
        """The forms whose submit buttons were clicked since the last run."""
        self._submitted: set[str] = set()
        self._cleared: set[str] = set()

    # -- what the reader (or the test) does ---------------------------------------------------
    def change(self, widget_id: str, value: Any) -> None:
        """A widget set to ``value`` (in the tree's JSON form), sent with the next run; a form's
        widget's only when that run is its form's submit."""
        self._changes[widget_id] = value

    def click(self, widget_id: str) -> None:
        """A click of a button or a form's submit button: true for the next run only."""
        self._clicked.add(widget_id)
        form = self._form_of.get(widget_id)
        if form:
            self._submitting.add(form)

    def counts(self, widget_id: str) -> bool:
        """Whether a change of this widget goes with the next run: it is in no form, or its
        form's submit button was clicked (call after the clicks)."""
        form = self._form_of.get(widget_id, "")
        return not form or form in self._submitting

    # -- a run ----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the next run receives (widget id -> value); the changes and clicks are spent."""
        submitted, self._submitting = self._submitting, set()
        clicked, changes = self._clicked, self._changes
        sent: dict[str, Any] = {}
        for widget_id, form, trigger, node in self._widgets:
            if trigger:
                sent[widget_id] = widget_id in clicked
            elif widget_id in changes and (not form or form in submitted):
                sent[widget_id] = changes[widget_id]
            else:
                sent[widget_id] = self._untouched(node, form, submitted)
        # A widget the last tree did not show (the page cannot name one; the runner ignores ids it does not know).
        for widget_id in [*changes, *clicked]:
            if widget_id not in self._in_tree:
                meta = self._state.widget_meta(widget_id)
                trigger = widget_id in clicked or meta is not None and meta.trigger
                sent[widget_id] = widget_id in clicked if trigger else changes[widget_id]
        if submitted and not self._clear_at_once:  # AppTest: remember which forms their submit now clears
            self._cleared = (self._cleared - submitted) | {form for form in submitted if self._clears.get(form)}
        self._submitted = submitted
        changes.clear()
        clicked.clear()
        return sent

    def _untouched(self, node: Node, form: str, submitted: set[str]) -> Any:
        """What a widget sends whose change (if any) does not count in this run."""
        if node["id"] not in self._changes and form in submitted and form in self._cleared and self._clears.get(form):
            return None  # AppTest: the form was cleared by its last submit; "no value" is the default
        return self._holds(node)

    def show(self, elements: list[Node], nodes: list[Node] | None = None) -> None:
        """The tree a run returned: what the client shows now. On the page, a form whose submit
        caused the run and that clears on submit shows its defaults, in ``elements`` too.
        ``nodes``: every node of that tree in order, when the caller has them already (AppTest)."""
        if nodes is None:
            nodes = []
            _flatten(elements, nodes)
        unsent = self._unsent
        self._in_tree = in_tree = set()
        self._widgets = widgets = []
        self._form_of = form_of = {}
        forms: list[Node] = []
        for node in nodes:
            kind = node["type"]
            if "id" in node:
                if kind == "exception":
                    continue  # an exception element has an id too, and is no widget
                widget_id = node["id"]
                in_tree.add(widget_id)
                if kind in unsent:
                    continue
                form = form_of[widget_id] = node.get("form_id") or ""
                widgets.append((widget_id, form, kind in TRIGGER_TYPES, node))
            elif kind == "form":
                forms.append(node)
        self._clears = {form["form_id"]: bool(form.get("clear_on_submit")) for form in forms}
        if self._clear_at_once:
            for form in forms:
                if form["form_id"] in self._submitted and form.get("clear_on_submit"):
                    self._show_defaults(form)
        self._submitted = set()

    def _show_defaults(self, form: Node) -> None:
        for node in iter_widgets(form["children"]):
            meta = self._state.widget_meta(node["id"])
            if meta is not None and not meta.trigger:
                node["value"] = meta.serialize(meta.default)

    def shown(self, node: Node) -> Any:
        """The value the client shows for a widget of the last tree (what an untouched widget sends on the page)."""
        return node.get("value")
