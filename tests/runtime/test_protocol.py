"""The bridge keeps to the protocol's one definition (protocol.json): what it answers, what it reads."""
from __future__ import annotations

import ast
import json
import sys
from pathlib import Path
from typing import Any

import pytest

if sys.platform == "emscripten":
    pytest.skip("the protocol's definition is a site tool, outside the wheel Pyodide runs", allow_module_level=True)

from streamlet import bridge  # noqa: E402
from streamlet.bridge import Bridge  # noqa: E402
from streamlet_site import protocol  # noqa: E402

COUNTER = """import streamlit as st
st.session_state.setdefault("count", 0)
if st.button("Add"):
    st.session_state.count += 1
name = st.text_input("Name", key="name")
st.write("count", st.session_state.count, name)
"""

FORM = """import streamlit as st
with st.form("f", clear_on_submit=True):
    name = st.text_input("Name")
    sent = st.form_submit_button("Send")
st.write(sent, name)
"""


def ids(reply: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if "id" in node:
                found[node["label"]] = node["id"]
            walk(node.get("children", []))

    walk(reply["elements"])
    return found


class Recorder:
    """A bridge whose requests and replies are kept, each checked against the definition."""

    def __init__(self) -> None:
        self.bridge = Bridge()
        self.replies: list[dict[str, Any]] = []
        self.next_id = 1

    def send(self, kind: str, **fields: Any) -> dict[str, Any]:
        request = {"type": kind, "id": self.next_id, **fields}
        self.next_id += 1
        assert protocol.problems(request, "page") == [], request
        reply = json.loads(bridge.handle(json.dumps(request)), parse_constant=str)
        assert reply["id"] == request["id"]
        assert reply["type"] in protocol.definition()["messages"][kind]["replies"]
        self.replies.append(reply)
        return reply


def scenarios() -> list[dict[str, Any]]:
    """Replies to every kind of request the page makes, with each optional field the bridge sends."""
    r = Recorder()
    widgets = ids(r.send("run", session="c", code=COUNTER, config=None))
    r.send("event", session="c", widget=widgets["Add"], trigger=True, report=True)
    r.send("event", session="c", widget=widgets["Name"], value="Ada")
    events = [{"widget": widgets["Add"], "trigger": True}, {"widget": widgets["Name"], "value": "Bo"}]
    r.send("run", session="c", code=COUNTER, events=events)
    r.send("run", session="c", code=COUNTER, events=[{"widget": "$$ID-gone", "trigger": True}])
    form = ids(r.send("run", session="f", code=FORM, config="[runner]\nmagicEnabled = false\n"))
    r.send("event", session="f", widget=form["Send"], trigger=True, values={form["Name"]: "Bob"}, report=True)
    r.send("run", session="p", code="for i in range(300):\n    print(i)\nraise KeyboardInterrupt\n")
    r.send("run", session="n", code="import streamlit as st\nst.number_input('x', value=float('nan'))\n")
    r.send("event", session="nope", widget="w", value=1)
    r.send("event", session="c", widget="$$ID-gone", trigger=True)
    r.send("run", session="bad", code="x = 1", config="[server]\nport = 1\n")
    steps = [{"expect": {"markdown": ["count `0`"]}}, {"action": "click", "target": "Add"}]
    r.send("check", code=COUNTER, steps=steps)
    r.send("check", code=COUNTER, steps=[{"expect": {"markdown": ["nothing"]}}], config=None, lang="ja")
    return r.replies


@pytest.fixture(scope="module")
def replies() -> list[dict[str, Any]]:
    return scenarios()


def test_every_reply_of_the_bridge_is_a_declared_message_it_may_send(replies: list[dict[str, Any]]) -> None:
    for reply in replies:
        assert protocol.problems(reply, "bridge") == [], reply


def test_the_scenarios_meet_every_field_the_bridge_is_declared_to_send(replies: list[dict[str, Any]]) -> None:
    """So the definition does not keep a field the bridge no longer sends (and the scenarios stay whole)."""
    for kind, spec in protocol.definition()["messages"].items():
        if "bridge" not in protocol.makers(kind):
            continue
        declared = {name for name, field in spec["fields"].items() if field.get("from", "bridge") == "bridge"}
        sent = {key for reply in replies if reply["type"] == kind for key in reply} - {"type"}
        assert sent == declared, kind


def test_the_checker_refuses_what_the_definition_does_not_have() -> None:
    assert protocol.problems({"type": "render", "id": 1, "session": "s", "elements": [], "log": [],
                              "extra": 1}) == ["render: undeclared field 'extra'"]
    assert protocol.problems({"type": "event", "id": 1, "session": "s"}) == ["event: missing required field 'widget'"]
    assert protocol.problems({"type": "error", "id": 1, "message": "m", "stopped": True}, "bridge") == [
        "error.stopped: only the client adds it"]
    assert protocol.problems({"type": "run", "id": 1, "session": "s", "code": "",
                              "events": [{"widget": "w", "trigger": 1}]}) == ["run.events[0].trigger: int is not boolean"]
    assert protocol.problems({"type": "render"}, "page") [0] == "page does not send 'render'"
    assert protocol.problems({"type": "hello"}) == ["unknown message type 'hello'"]
    report = {"trigger": [], "callbacks": [], "reruns": 0, "ms": 1.5, "state": [],
              "diff": [{"key": "k", "change": "moved", "widget": False}]}
    assert protocol.problems({"type": "render", "id": 1, "session": "s", "elements": [], "log": [],
                              "report": report}) == ["render.report.diff[0].change: 'moved' is not one of "
                                                     "['added', 'changed', 'removed']"]


# -- What bridge.py reads from a message, found in its source -----------------------------------

READERS = {"message": ("run", "event", "check"), "event": ("replay_event", "event")}
"""The names bridge.py gives a request (``message``) and one reader's action (``event``)."""
REPLIES = {"reply", "out", "step"}
"""The names bridge.py gives a render reply it is building."""


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def bridge_source() -> ast.Module:
    return ast.parse(Path(bridge.__file__).read_text(encoding="utf-8"))


def reads(tree: ast.Module) -> set[tuple[str, str]]:
    """(name, field) for ``name["f"]``, ``name.get("f")`` and ``"f" in name`` of the names in READERS."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and _literal(node.slice):
            found.add((node.value.id, _literal(node.slice)))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and isinstance(node.func.value, ast.Name) and node.args and _literal(node.args[0])):
            found.add((node.func.value.id, _literal(node.args[0])))
        elif (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.In)
              and _literal(node.left) and isinstance(node.comparators[0], ast.Name)):
            found.add((node.comparators[0].id, _literal(node.left)))
    return {(name, key) for name, key in found if name in READERS}  # type: ignore[misc]


def test_every_field_bridge_py_reads_from_a_message_is_declared() -> None:
    found = reads(bridge_source())
    assert {("message", "session"), ("message", "code"), ("message", "events"), ("message", "lang"),
            ("event", "widget"), ("event", "values")} <= found, "the scan no longer sees the bridge's reads"
    for name, key in found:
        allowed = {"type", "id"}.union(*(protocol.fields(kind) for kind in READERS[name]))
        assert key in allowed, f"bridge.py reads {name}[{key!r}], which protocol.json does not declare"


def built(tree: ast.Module) -> list[tuple[str, set[str]]]:
    """(type, keys) of every dict literal with a ``"type"``, and ("render", keys) of reply fields set one by one."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = {_literal(k) for k in node.keys if k is not None}
            kind = next((_literal(v) for k, v in zip(node.keys, node.values) if k is not None and _literal(k) == "type"),
                        None)
            if kind is not None:
                found.append((kind, keys - {"type", None}))  # type: ignore[arg-type]
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id in REPLIES:
                found.append(("render", {_literal(target.slice)}))
            elif isinstance(target, ast.Name) and target.id in REPLIES and isinstance(node.value, ast.Dict):
                found.append(("render", {_literal(k) for k in node.value.keys if k is not None}))
    return found


def test_every_message_bridge_py_builds_is_declared_with_its_fields() -> None:
    found = built(bridge_source())
    assert {kind for kind, _ in found} == {"render", "checked", "error"}, "the scan no longer sees the replies"
    for kind, keys in found:
        assert "bridge" in protocol.makers(kind), kind
        assert keys <= set(protocol.fields(kind)), f"bridge.py puts {keys - set(protocol.fields(kind))} in {kind!r}"
