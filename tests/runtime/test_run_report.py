"""The run report behind the page's timeline: trigger, callbacks with their arguments, reruns, the state diff."""
from __future__ import annotations

from typing import Any

from streamlet.run_report import MAX_REPR, short_repr, state_diff
from streamlet.runner import Session

COUNTER = """import streamlit as st
if "count" not in st.session_state:
    st.session_state.count = 0
def increment(step, *, scale=1):
    st.session_state.count += step * scale
st.button("Increment", on_click=increment, args=(2,), kwargs={"scale": 5})
st.write("Count", st.session_state.count)
"""

CELSIUS = """import streamlit as st
if "celsius" not in st.session_state:
    st.session_state.celsius = 50.0
st.slider("Temperature in Celsius", min_value=-100.0, max_value=100.0, key="celsius")
"""


def widget_ids(elements: list[dict[str, Any]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in elements:
        if "id" in node:
            found[node["label"]] = node["id"]
        found.update(widget_ids(node.get("children", [])))
    return found


def test_no_report_unless_asked() -> None:
    session = Session(COUNTER)
    assert session.run().report is None
    assert session.run({}, report=False).report is None


def test_the_first_run_adds_keys_and_has_no_trigger() -> None:
    report = Session(COUNTER).run(report=True).report
    assert report is not None
    assert report["trigger"] == [] and report["callbacks"] == [] and report["reruns"] == 0
    assert report["diff"] == [{"key": "count", "change": "added", "new": "0", "widget": False}]
    assert report["state"] == [{"key": "count", "value": "0", "widget": False}]
    assert isinstance(report["ms"], float) and report["ms"] >= 0


def test_a_click_names_the_button_the_callback_its_arguments_and_the_change() -> None:
    session = Session(COUNTER)
    button = widget_ids(session.run().elements)["Increment"]
    report = session.run({button: True}, report=True).report
    assert report is not None
    assert [(w["label"], w["kind"], w["click"], w["value"]) for w in report["trigger"]] == [
        ("Increment", "button", True, "True")]
    assert report["callbacks"] == [{"name": "increment", "args": ["2"], "kwargs": {"scale": "5"}, "widget": "Increment"}]
    assert report["diff"] == [{"key": "count", "change": "changed", "old": "0", "new": "10", "widget": False}]


def test_a_widget_key_is_marked_and_its_new_value_is_the_trigger() -> None:
    session = Session(CELSIUS)
    slider = widget_ids(session.run().elements)["Temperature in Celsius"]
    report = session.run({slider: -12.5}, report=True).report
    assert report is not None
    assert [(w["label"], w["key"], w["value"], w["click"]) for w in report["trigger"]] == [
        ("Temperature in Celsius", "celsius", "-12.5", False)]
    assert report["callbacks"] == []
    assert report["diff"] == [{"key": "celsius", "change": "changed", "old": "50.0", "new": "-12.5", "widget": True}]
    assert report["state"] == [{"key": "celsius", "value": "-12.5", "widget": True}]


def test_an_unchanged_value_is_no_trigger() -> None:
    session = Session(CELSIUS)
    slider = widget_ids(session.run().elements)["Temperature in Celsius"]
    report = session.run({slider: 50.0}, report=True).report
    assert report is not None and report["trigger"] == [] and report["diff"] == []


def test_reruns_asked_by_st_rerun_are_counted_and_removed_keys_listed() -> None:
    code = """import streamlit as st
st.session_state.setdefault("passes", 0)
st.session_state.passes += 1
if st.session_state.passes == 1:
    st.session_state.gone = [1, 2]
if st.session_state.passes == 2:
    del st.session_state["gone"]
    st.rerun()
"""
    session = Session(code)
    session.run()
    report = session.run({}, report=True).report
    assert report is not None and report["reruns"] == 1
    assert report["diff"] == [
        {"key": "gone", "change": "removed", "old": "[1, 2]", "widget": False},
        {"key": "passes", "change": "changed", "old": "1", "new": "3", "widget": False},
    ]


def test_a_callbacks_rerun_is_counted_and_a_mutation_in_place_is_a_change() -> None:
    code = """import streamlit as st
st.session_state.setdefault("items", [])
def add():
    st.session_state["items"].append("x")
    st.rerun()
st.button("Add", on_click=add)
"""
    session = Session(code)
    button = widget_ids(session.run().elements)["Add"]
    report = session.run({button: True}, report=True).report
    assert report is not None
    assert report["reruns"] == 1
    assert [c["name"] for c in report["callbacks"]] == ["add"]
    assert report["diff"] == [{"key": "items", "change": "changed", "old": "[]", "new": "['x']", "widget": False}]


def test_state_diff_added_changed_removed_in_key_order() -> None:
    before = {"a": "1", "b": "2", "c": "3"}
    after = {"b": "2", "c": "4", "d": "'x'"}
    assert state_diff(before, after, widget_keys={"c"}) == [
        {"key": "a", "change": "removed", "old": "1", "widget": False},
        {"key": "c", "change": "changed", "old": "3", "new": "4", "widget": True},
        {"key": "d", "change": "added", "new": "'x'", "widget": False},
    ]


def test_reprs_are_python_s_and_cut_short() -> None:
    assert short_repr("it's") == '"it\'s"'
    assert short_repr({"k": (1, None)}) == "{'k': (1, None)}"
    long = short_repr(list(range(1000)))
    assert long.startswith("[0, 1, 2") and long.endswith("...]") and len(long) <= MAX_REPR
    assert len(short_repr("x" * 10_000)) <= MAX_REPR

    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert short_repr(Broken()).startswith("<Broken instance at 0x")
