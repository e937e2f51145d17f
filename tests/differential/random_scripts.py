"""Random valid Streamlit scripts and random interaction sequences, from one seed.

``case(seed)`` returns a ``Case`` (the script's tree and the steps; ``.scenario()`` gives
``driver.py`` its scenario) built by ``random.Random(seed)`` alone, so a seed names the
same script and steps on every machine and run.

A script holds 1 to 6 widgets of the kinds the runtime supports, some keyed (and
sometimes preset in ``st.session_state``), some with ``on_change``/``on_click``
callbacks whose args and kwargs reach bodies that read, write and delete *other*
keys; forms with and without ``clear_on_submit`` (their submit buttons with
callbacks); widgets shown only when another widget's value or a counter says so;
columns, an expander and the sidebar; ``st.rerun`` guarded by a counter; writes to and
deletes of a widget's key before the widget, and a write after it (Streamlit raises);
``st.write`` of values and state.

The steps only use values each widget accepts (within its range, among its options),
and target a widget by key, or by index when no widget of its list before it can
vanish. A script is a tree of ``Node``s (a line, or a header with a body), so that
``minimise`` can drop any line or block and still have Python; empty bodies get ``pass``.
"""
from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

Op = dict[str, Any]
Steps = list[list[Op]]



# -- the script as a tree ----------------------------------------------------------
@dataclass
class Node:
    """One line, or (``body`` not None) a header ending in ``:`` and the lines under it."""

    line: str
    body: list[Node] | None = None


def render(nodes: list[Node], indent: str = "") -> list[str]:
    lines: list[str] = []
    for node in nodes:
        lines.append(indent + node.line)
        if node.body is not None:
            lines += render(node.body, indent + "    ") or [indent + "    pass"]
    return lines


def script_text(nodes: list[Node]) -> str:
    return "\n".join(render(nodes)) + "\n"


# -- values ------------------------------------------------------------------------
def py(value: Any) -> str:
    """A value as Python source in the script (``import datetime`` is at its top)."""
    return repr(value)


def js(value: Any) -> Any:
    """A value in the driver's JSON, with its tagged forms for dates, times and tuples."""
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"$time": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [js(v) for v in value]}
    if isinstance(value, list):
        return [js(v) for v in value]
    return value


WORDS = ["", "a", "Ann", "hello world", "Zoë"]
OPTIONS: list[list[Any]] = [["x", "y", "z"], ["red", "green", "blue", "gold"], [1, 2, 3], ["one", "two"]]
SIZES = ["xs", "s", "m", "l", "xl"]
COLORS = ["#000000", "#ff0000", "#00ff00", "#1e90ff", "#abcdef"]
DAY0 = datetime.date(2024, 1, 1)


def days(rng: random.Random, low: int = 0, high: int = 30) -> datetime.date:
    return DAY0 + datetime.timedelta(days=rng.randint(low, high))


def quarter(rng: random.Random) -> datetime.time:
    return datetime.time(rng.randint(0, 23), rng.choice([0, 15, 30, 45]))


# -- widget kinds ------------------------------------------------------------------
@dataclass
class Widget:
    """One widget: how it is written and which values and interactions it accepts."""

    kind: str
    number: int
    args: list[str] = field(default_factory=list)
    """Python source of its arguments after the label (``key=`` and callbacks are added)."""
    sample: Callable[[random.Random], Any] | None = None
    """A valid value for its state, or None for buttons (their state cannot be set)."""
    interact: Callable[[random.Random], tuple[str, list[Any]]] | None = None
    truthy: str = "{var}"
    """A condition on its return value, for widgets shown conditionally."""
    keyed: bool = True
    preset: bool = False
    callback: bool = False
    in_form: bool = False
    conditional: bool = False
    in_sidebar: bool = False
    disabled: bool = False
    moving_label: bool = False
    """Its label follows the counter ``n``: an unkeyed widget then becomes another widget."""

    @property
    def key(self) -> str:
        return f"k{self.number}"

    @property
    def var(self) -> str:
        return f"w{self.number}"

    @property
    def label(self) -> str:
        return f"{self.kind.replace('_', ' ').title()} {self.number}"

    @property
    def list_name(self) -> str:
        return self.kind

    @property
    def stateful(self) -> bool:
        return self.sample is not None


def _button(rng: random.Random, w: Widget) -> None:
    w.interact = lambda r: ("click", [])


def _bool(rng: random.Random, w: Widget) -> None:
    if rng.random() < 0.5:
        w.args.append(f"value={rng.random() < 0.5}")
    w.sample = lambda r: r.random() < 0.5
    # A toggle has no check/uncheck in Streamlit's AppTest: asking is an AttributeError in both.
    verbs = ["check", "uncheck"] if w.kind == "checkbox" else ["check"]
    w.interact = lambda r: r.choice([(verb, []) for verb in verbs] + [("set_value", [r.random() < 0.5])] * 2)


def _text(rng: random.Random, w: Widget) -> None:
    nullable = rng.random() < 0.2
    if nullable:
        w.args.append("value=None")
    elif rng.random() < 0.5:
        w.args.append(f"value={py(rng.choice(WORDS))}")
    w.sample = lambda r: None if nullable and r.random() < 0.2 else r.choice(WORDS)
    w.interact = lambda r: r.choice([("input", [r.choice(WORDS)]), ("set_value", [r.choice(WORDS)])])
    w.truthy = "{var}"


def _number(rng: random.Random, w: Widget) -> None:
    low: float
    high: float
    step: float
    if rng.random() < 0.5:
        first = rng.randint(-5, 0)
        last, step = rng.randint(1, 20), rng.choice([1, 2])
        low, high = first, last
        pick: Callable[[random.Random], Any] = lambda r: r.randint(first, last)
    else:
        low, high, step = -2.5, 10.0, 0.5
        pick = lambda r: r.randint(-5, 20) / 2
    nullable = rng.random() < 0.2
    value = "None" if nullable else py(pick(rng))
    if rng.random() < 0.8:
        w.args += [f"min_value={py(low)}", f"max_value={py(high)}", f"value={value}", f"step={py(step)}"]
    else:
        w.args += [f"value={value}", f"step={py(step)}"]
    w.sample = lambda r: None if nullable and r.random() < 0.2 else pick(r)
    w.interact = lambda r: r.choice([("set_value", [pick(r)]), ("increment", []), ("decrement", [])])
    w.truthy = "{var} is not None and {var} > " + py(pick(rng))


def _slider(rng: random.Random, w: Widget) -> None:
    low: float
    high: float
    step: float
    if rng.random() < 0.5:
        last = rng.randint(5, 20)
        low, high, step = 0, last, 1
        pick: Callable[[random.Random], Any] = lambda r: r.randint(0, last)
    else:
        low, high, step = 0.0, 5.0, 0.5
        pick = lambda r: r.randint(0, 10) / 2
    ranged = rng.random() < 0.3

    def value(r: random.Random) -> Any:
        return tuple(sorted((pick(r), pick(r)))) if ranged else pick(r)

    w.args += [py(low), py(high), py(value(rng)), f"step={py(step)}"]
    w.sample = value

    def act(r: random.Random) -> tuple[str, list[Any]]:
        if ranged and r.random() < 0.5:
            return "set_range", list(value(r))
        return "set_value", [value(r)]
    w.interact = act
    w.truthy = "{var} " + ("!= " + py(value(rng)) if ranged else "> " + py(pick(rng)))


def _select_slider(rng: random.Random, w: Widget) -> None:
    ranged = rng.random() < 0.3

    def value(r: random.Random) -> Any:
        if ranged:
            a, b = sorted((r.randrange(5), r.randrange(5)))
            return (SIZES[a], SIZES[b])
        return r.choice(SIZES)

    w.args += [f"options={py(SIZES)}", f"value={py(value(rng))}"]
    w.sample = value

    def act(r: random.Random) -> tuple[str, list[Any]]:
        if ranged and r.random() < 0.5:
            return "set_range", list(value(r))
        return "set_value", [value(r)]
    w.interact = act
    w.truthy = "{var} != " + py(value(rng))


def _single_choice(rng: random.Random, w: Widget) -> None:
    options = rng.choice(OPTIONS)
    nullable = rng.random() < 0.2
    index = "None" if nullable else str(rng.randrange(len(options)))
    w.args += [py(options), f"index={index}"]
    w.sample = lambda r: None if nullable and r.random() < 0.2 else r.choice(options)
    if w.kind == "selectbox":
        w.interact = lambda r: r.choice([("select", [r.choice(options)]), ("set_value", [r.choice(options)]),
                                         ("select_index", [r.randrange(len(options))])])
    else:  # a radio has set_value only in Streamlit's AppTest: select is an AttributeError in both
        w.interact = lambda r: r.choice([("set_value", [r.choice(options)])] * 3 + [("select", [r.choice(options)])])
    w.truthy = "{var} == " + py(rng.choice(options))


def _multiselect(rng: random.Random, w: Widget) -> None:
    options = rng.choice(OPTIONS)

    def value(r: random.Random) -> list[Any]:
        return [o for o in options if r.random() < 0.4]

    w.args += [py(options), f"default={py(value(rng))}"]
    w.sample = value
    w.interact = lambda r: r.choice([("select", [r.choice(options)]), ("unselect", [r.choice(options)]),
                                     ("set_value", [value(r)])])
    w.truthy = py(rng.choice(options)) + " in {var}"


def _color(rng: random.Random, w: Widget) -> None:
    if rng.random() < 0.6:
        w.args.append(f"value={py(rng.choice(COLORS))}")
    w.sample = lambda r: r.choice(COLORS)
    w.interact = lambda r: r.choice([("pick", [r.choice(COLORS)]), ("set_value", [r.choice(COLORS)])])
    w.truthy = "{var} != " + py(rng.choice(COLORS))


def _date(rng: random.Random, w: Widget) -> None:
    ranged = rng.random() < 0.3

    def value(r: random.Random) -> Any:
        return tuple(sorted((days(r, 2, 28), days(r, 2, 28)))) if ranged else days(r, 2, 28)

    w.args += [f"value={py(value(rng))}", f"min_value={py(DAY0)}", f"max_value={py(days(rng, 30, 30))}"]
    w.sample = value
    w.interact = lambda r: ("set_value", [value(r)])
    w.truthy = "{var} != " + py(value(rng))


def _time(rng: random.Random, w: Widget) -> None:
    w.args.append(f"value={py(quarter(rng))}")
    w.sample = quarter
    w.interact = lambda r: r.choice([("set_value", [quarter(r)]), ("increment", []), ("decrement", [])])
    w.truthy = "{var} > " + py(quarter(rng))


KINDS: dict[str, Callable[[random.Random, Widget], None]] = {
    "button": _button, "checkbox": _bool, "toggle": _bool, "text_input": _text, "text_area": _text,
    "number_input": _number, "slider": _slider, "select_slider": _select_slider, "selectbox": _single_choice,
    "radio": _single_choice, "multiselect": _multiselect, "color_picker": _color, "date_input": _date,
    "time_input": _time,
}


def make_widget(rng: random.Random, number: int, kind: str | None = None) -> Widget:
    w = Widget(kind or rng.choice(list(KINDS)), number)
    KINDS[w.kind](rng, w)
    w.keyed = rng.random() < 0.75
    w.preset = w.keyed and w.stateful and rng.random() < 0.3
    w.callback = rng.random() < 0.45
    w.disabled = rng.random() < 0.05
    w.moving_label = rng.random() < 0.1
    return w


# -- the generator -----------------------------------------------------------------
class Generator:
    """Builds one script (``self.nodes``) and its steps from ``random.Random(seed)``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.widgets: list[Widget] = []
        self.submits: list[Widget] = []
        self.forms = 0
        self.defined: list[Widget] = []
        """Widgets instantiated at the top level so far (their variable exists below them)."""
        self.callbacks: list[Node] = []
        self.extra_keys = ["n", "log", "seen"]

    # widgets and their calls
    def call(self, w: Widget, prefix: str = "st") -> str:
        label = py(w.label)
        if w.moving_label:
            label = f'{py(w.label + " ")} + str(st.session_state.get("n", 0) % 2)'
        args = [label, *w.args]
        if w.keyed:
            args.append(f"key={py(w.key)}")
        if w.callback:
            event = "on_click" if w.kind in ("button", "form_submit_button") else "on_change"
            args.append(f"{event}=cb{w.number}")
            if self.rng.random() < 0.5:
                args.append(f"args=({w.number}, {py(self.rng.choice(WORDS))})")
            if self.rng.random() < 0.5:
                args.append(f"kwargs={{'tag': {py(w.label)}}}")
        if w.disabled:
            args.append("disabled=True")
        method = "form_submit_button" if w.kind == "form_submit_button" else w.kind
        return f"{w.var} = {prefix}.{method}({', '.join(args)})"

    def condition(self) -> str:
        candidates = [w for w in self.defined if w.kind != "form_submit_button"]
        if candidates and self.rng.random() < 0.7:
            w = self.rng.choice(candidates)
            return w.truthy.format(var=w.var)
        return f'st.session_state.get("n", 0) % 2 == {self.rng.randrange(2)}'

    def widget_nodes(self, w: Widget, prefix: str = "st", may_hide: bool = True) -> list[Node]:
        """The widget's line, maybe under an ``if``."""
        node = Node(self.call(w, prefix))
        if may_hide and self.rng.random() < 0.25:
            w.conditional = True
            return [Node(f"if {self.condition()}:", [node])]
        return [node]

    def after(self, nodes: list[Node], group: list[Widget]) -> list[Node]:
        self.defined += [w for w in group if not w.conditional]
        return nodes

    # containers
    def group_nodes(self, group: list[Widget]) -> list[Node]:
        layouts = ["main", "main", "sidebar", "columns", "expander"]
        if all(w.kind != "button" for w in group) and self.forms < 2:
            layouts += ["form", "form"]
        layout = self.rng.choice(layouts)
        if layout == "main":
            return self.after([n for w in group for n in self.widget_nodes(w)], group)
        if layout == "sidebar":
            for w in group:
                w.in_sidebar = True
            if self.rng.random() < 0.5:
                return self.after([n for w in group for n in self.widget_nodes(w, "st.sidebar")], group)
            return self.after([Node("with st.sidebar:", [n for w in group for n in self.widget_nodes(w)])], group)
        if layout == "expander":
            label = f"Expander {group[0].number}"
            return self.after([Node(f"with st.expander({py(label)}):",
                                    [n for w in group for n in self.widget_nodes(w)])], group)
        if layout == "columns":
            return self.after(self.columns(group), group)
        return self.form(group)

    def columns(self, group: list[Widget]) -> list[Node]:
        count = self.rng.randint(max(2, len(group)), 3) if len(group) <= 3 else len(group)
        names = [f"c{group[0].number}_{i}" for i in range(count)]
        nodes = [Node(f"{', '.join(names)} = st.columns({count})")]
        for name, w in zip(names, group):
            if self.rng.random() < 0.5:
                nodes += self.widget_nodes(w, name)
            else:
                nodes.append(Node(f"with {name}:", self.widget_nodes(w)))
        return nodes

    def form(self, group: list[Widget]) -> list[Node]:
        self.forms += 1
        for w in group:
            w.in_form, w.callback = True, False
        submit = Widget("form_submit_button", 90 + self.forms)
        submit.interact = lambda r: ("click", [])
        submit.keyed = self.rng.random() < 0.3
        submit.callback = self.rng.random() < 0.6
        submit.in_form = True
        self.submits.append(submit)
        clear = self.rng.random() < 0.5
        body = [n for w in group for n in self.widget_nodes(w)] + [Node(self.call(submit))]
        header = f"with st.form({py(f'form{self.forms}')}, clear_on_submit={clear}):"
        nodes = self.after([Node(header, body)], group)
        self.defined.append(submit)
        return nodes

    # callbacks
    def other_keys(self, w: Widget) -> list[Widget]:
        return [o for o in self.widgets if o is not w and o.keyed and o.stateful]

    def callback_line(self, w: Widget) -> Node:
        others = self.other_keys(w)
        choice = self.rng.randrange(6)
        if choice == 0 or (choice in (1, 2, 3) and not others):
            return Node('st.session_state["n"] = st.session_state.get("n", 0) + 1')
        if choice == 1:
            o = self.rng.choice(others)
            assert o.sample is not None
            return Node(f"st.session_state[{py(o.key)}] = {py(o.sample(self.rng))}")
        if choice == 2:
            key = self.rng.choice([o.key for o in others] + self.extra_keys)
            return Node(f"if {py(key)} in st.session_state:", [Node(f"del st.session_state[{py(key)}]")])
        if choice == 3:
            o = self.rng.choice(others)
            return Node(f'st.session_state["seen"] = repr(st.session_state.get({py(o.key)}))')
        if choice == 4:
            return Node('st.session_state["log"] = (st.session_state.get("log", []) + [repr((args, kwargs))])[-3:]')
        own = f"st.session_state.get({py(w.key)})" if w.keyed else "None"
        return Node(f'st.session_state["seen"] = repr({own})')

    def callback(self, w: Widget) -> Node:
        body = [self.callback_line(w) for _ in range(self.rng.randint(1, 3))]
        return Node(f"def cb{w.number}(*args, **kwargs):", body)

    # the script
    def top(self) -> list[Node]:
        nodes = [Node("import datetime"), Node("import streamlit as st")]
        if self.rng.random() < 0.5:
            nodes.append(Node('st.session_state.setdefault("n", 0)'))
        for w in self.widgets:
            if w.preset:
                assert w.sample is not None
                value = py(w.sample(self.rng))
                if self.rng.random() < 0.5:
                    nodes.append(Node(f"if {py(w.key)} not in st.session_state:",
                                      [Node(f"st.session_state[{py(w.key)}] = {value}")]))
                else:
                    nodes.append(Node(f"st.session_state.setdefault({py(w.key)}, {value})"))
        return nodes

    def groups(self) -> Iterator[list[Widget]]:
        rest = list(self.widgets)
        while rest:
            size = self.rng.choice([1, 1, 1, 2, 2, 3])
            yield rest[:size]
            rest = rest[size:]

    def rerun_guard(self) -> Node:
        return Node(f'if st.session_state.get("reruns", 0) < 2 and {self.condition()}:', [
            Node('st.session_state["reruns"] = st.session_state.get("reruns", 0) + 1'),
            Node("st.rerun()"),
        ])

    def late_write(self) -> Node | None:
        placed = [w for w in self.defined if w.keyed and w.stateful]
        if not placed:
            return None
        w = self.rng.choice(placed)
        assert w.sample is not None
        return Node(f"if {self.condition()}:", [Node(f"st.session_state[{py(w.key)}] = {py(w.sample(self.rng))}")])

    def early_write(self, coming: list[Widget]) -> list[Node]:
        """A write to (or a delete of) the key of a widget the script has not drawn yet: allowed,
        and the widget then shows that value (or its default)."""
        keyed = [w for w in coming if w.keyed and w.stateful]
        if not keyed:
            return []
        w = self.rng.choice(keyed)
        assert w.sample is not None
        roll = self.rng.randrange(4)
        if roll == 0:
            line = Node(f"st.session_state.{w.key} = {py(w.sample(self.rng))}")
        elif roll == 1:
            line = Node(f"st.session_state[{py(w.key)}] = {py(w.sample(self.rng))}")
        elif roll == 2:
            line = Node(f"st.session_state.pop({py(w.key)}, None)")
        else:
            return [Node(f"if {self.condition()} and {py(w.key)} in st.session_state:",
                         [Node(f"del st.session_state.{w.key}")])]
        return [Node(f"if {self.condition()}:", [line])]

    def display(self) -> Node:
        choice = self.rng.randrange(5)
        shown = [w for w in self.defined if w.kind != "form_submit_button"]
        if choice == 0 and shown:
            w = self.rng.choice(shown)
            return Node(f"st.write({py(w.label + ':')}, {w.var})")
        if choice == 1 and shown:
            w = self.rng.choice(shown)
            return Node(f"st.text(repr({w.var}))")
        if choice == 2:
            return Node('st.write("n =", st.session_state.get("n", 0), "log:", repr(st.session_state.get("log")))')
        if choice == 3:
            return Node("st.write(sorted(str(k) for k in st.session_state.keys()))")
        return Node('st.text(repr(st.session_state.get("seen")))')

    def script(self) -> list[Node]:
        rng = self.rng
        self.widgets = [make_widget(rng, i) for i in range(rng.randint(1, 6))]
        body: list[Node] = []
        for group in self.groups():
            if rng.random() < 0.15:
                body += self.early_write(self.widgets[self.widgets.index(group[0]):])
            body += self.group_nodes(group)
            if rng.random() < 0.15:
                body.append(self.rerun_guard())
            if rng.random() < 0.1:
                node = self.late_write()
                if node is not None:
                    body.append(node)
            if rng.random() < 0.3:
                body.append(self.display())
        body += [self.display() for _ in range(rng.randint(1, 2))]
        callbacks = [self.callback(w) for w in self.widgets + self.submits if w.callback]
        return self.top() + callbacks + body

    # the steps
    def targets(self) -> list[tuple[Widget, Op]]:
        """Widgets the steps may touch, with how AppTest finds them: by key, or by index when no
        widget before it in its list can vanish (main before sidebar, as AppTest walks)."""
        everything = sorted(self.widgets + self.submits, key=lambda w: w.in_sidebar)
        found: list[tuple[Widget, Op]] = []
        for w in everything:
            if w.disabled:
                continue
            lists = [w.list_name] + (["button"] if w.kind == "form_submit_button" else [])
            name = self.rng.choice(lists)
            if w.keyed:
                found.append((w, {"list": name, "key": w.key}))
                continue
            same = [o for o in everything if o.list_name == name or (name == "button" and o.kind == "form_submit_button")]
            before = same[: same.index(w) + 1]
            if not any(o.conditional for o in before):
                found.append((w, {"list": name, "index": len(before) - 1}))
        return found

    def op(self, targets: list[tuple[Widget, Op]]) -> Op:
        rng = self.rng
        roll = rng.random()
        stateful = [w for w in self.widgets if w.keyed and w.stateful]
        if targets and roll < 0.65:
            w, where = rng.choice(targets)
            assert w.interact is not None
            method, args = w.interact(rng)
            return {"op": "call", **where, "method": method, "args": [js(a) for a in args]}
        if roll < 0.8 and stateful:
            w = rng.choice(stateful)
            assert w.sample is not None
            return {"op": "set_state", "key": w.key, "value": js(w.sample(rng))}
        if roll < 0.85:
            return {"op": "set_state", "key": "n", "value": rng.randint(0, 3)}
        keys = [w.key for w in self.widgets if w.keyed and w.stateful] + self.extra_keys
        if roll < 0.95:
            return {"op": "del_state", "key": rng.choice(keys)}
        return {"op": "get_state", "key": rng.choice(keys), "attr": rng.random() < 0.5}

    def steps(self) -> Steps:
        targets = self.targets()
        steps: Steps = []
        for _ in range(self.rng.randint(1, 5)):
            if self.rng.random() < 0.15:
                steps.append([])
            else:
                steps.append([self.op(targets) for _ in range(self.rng.randint(1, 3))])
        return steps


@dataclass
class Case:
    """A generated script (as a tree) and its steps."""

    seed: int
    nodes: list[Node]
    steps: Steps

    def scenario(self) -> dict[str, Any]:
        return {"name": f"random-{self.seed}", "script": script_text(self.nodes), "steps": self.steps}


def case(seed: int) -> Case:
    """The case of ``seed``: the same script and steps on every machine and run."""
    gen = Generator(seed)
    nodes = gen.script()
    return Case(seed, nodes, gen.steps())
