"""Random event sequences over four scripts: both engines must produce the same trace.

Hypothesis draws sequences of steps (clicks, value changes within the widgets'
valid ranges, ``at.session_state`` writes between runs, plain reruns); each
sequence runs through real Streamlit (the long-lived reference process) and
through streamlet. ``derandomize=True`` makes CI repeatable; the number of
sequences compared is printed at the end of the session.
"""
from __future__ import annotations

import os
import textwrap
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .engines import COUNTS, ReferenceProcess, describe_steps, first_difference, our_trace
from .scenarios import RERUN, SCENARIOS, call, click, set_state, set_value

EXAMPLES_PER_SCRIPT = 40
SHRINK = os.environ.get("DIFFERENTIAL_SHRINK") == "1"
"""A failing sequence is reported as drawn: shrinking it costs hundreds of reference runs.
Set ``DIFFERENTIAL_SHRINK=1`` to get the smallest failing sequence instead."""
SETTINGS = settings(
    derandomize=True, database=None, deadline=None, max_examples=EXAMPLES_PER_SCRIPT,
    phases=(Phase.explicit, Phase.generate) + ((Phase.shrink,) if SHRINK else ()),
    suppress_health_check=[HealthCheck.too_slow],
)


def _script(body: str) -> str:
    return "import streamlit as st\n" + textwrap.dedent(body).strip("\n") + "\n"


COUNTER = _script("""
    if "count" not in st.session_state:
        st.session_state.count = 0
    def increment(by):
        st.session_state.count += by
    def decrement(by=1):
        st.session_state.count -= by
    def reset():
        st.session_state.count = 0
    by = st.number_input("Step", min_value=1, max_value=10, value=1, key="by")
    st.button("Increment", on_click=increment, args=(by,))
    st.button("Decrement", on_click=decrement, kwargs={"by": by})
    st.button("Reset", key="reset", on_click=reset)
    st.write("Count = ", st.session_state.count)
""")

FORM = _script("""
    st.session_state.setdefault("submissions", [])
    def on_submit():
        st.session_state.submissions.append(
            [st.session_state.name, st.session_state.age, st.session_state.member, st.session_state.plan])
    with st.form("signup"):
        st.text_input("Name", key="name")
        st.slider("Age", 18, 99, 30, key="age")
        st.checkbox("Member", key="member")
        st.selectbox("Plan", ["free", "pro", "team"], key="plan")
        submitted = st.form_submit_button("Sign up", on_click=on_submit)
    st.write("submitted:", submitted)
    st.write(st.session_state.submissions[-3:])
""")

CONVERTER = next(s["script"] for s in SCENARIOS if s["name"] == "celsius-fahrenheit")

APPEARING = _script("""
    mode = st.radio("Mode", ["none", "slider", "text", "both"], key="mode")
    if mode in ("slider", "both"):
        st.slider("Level", 0, 10, 5, key="level")
    if mode in ("text", "both"):
        st.text_input("Note", key="note")
    if st.checkbox("Extra", key="extra"):
        st.number_input("Unkeyed", 0, 100, 1)
        st.button("Extra button")
    st.write(sorted(st.session_state.keys()))
""")

words = st.sampled_from(["", "Ann", "Bo", "Cy Dee"])

counter_ops = st.one_of(
    st.integers(0, 2).map(lambda i: click(index=i)),
    st.integers(1, 10).map(lambda v: set_value("number_input", v)),
    st.sampled_from(["increment", "decrement"]).map(lambda m: call("number_input", m)),
    st.integers(-5, 5).map(lambda v: set_state("count", v)),
)

form_ops = st.one_of(
    words.map(lambda w: call("text_input", "input", w)),
    st.integers(18, 99).map(lambda v: set_value("slider", v)),
    st.sampled_from(["check", "uncheck"]).map(lambda m: call("checkbox", m)),
    st.sampled_from(["free", "pro", "team"]).map(lambda v: call("selectbox", "select", v)),
    st.just(click("form_submit_button")),
    st.integers(18, 99).map(lambda v: set_state("age", v)),
    words.map(lambda w: set_state("name", w)),
)

# Fahrenheit within [-148, 212] keeps Celsius inside the slider's range.
converter_ops = st.one_of(
    st.integers(-200, 200).map(lambda v: set_value("slider", v / 2)),
    st.integers(-148, 212).map(lambda v: set_value("number_input", float(v))),
    st.integers(-100, 100).map(lambda v: set_state("celsius", float(v))),
)

appearing_ops = st.one_of(
    st.sampled_from(["none", "slider", "text", "both"]).map(lambda v: set_value("radio", v)),
    st.integers(0, 10).map(lambda v: set_value("slider", v, key="level")),
    words.map(lambda w: call("text_input", "input", w, key="note")),
    st.sampled_from(["check", "uncheck"]).map(lambda m: call("checkbox", m)),
    st.integers(0, 100).map(lambda v: set_value("number_input", v)),
    st.just(click()),
    st.sampled_from(["none", "slider", "both"]).map(lambda v: set_state("mode", v)),
    st.integers(0, 10).map(lambda v: set_state("level", v)),
)


def sequences(ops: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[list[list[dict[str, Any]]]]:
    """1 to 6 steps; a step applies 0 (a plain rerun) to 3 operations, then runs."""
    return st.lists(st.one_of(st.just(RERUN), st.lists(ops, min_size=1, max_size=3)), min_size=1, max_size=6)


def check(reference: ReferenceProcess, name: str, script: str, steps: list[list[dict[str, Any]]]) -> None:
    scenario = {"name": name, "script": script, "steps": steps}
    COUNTS["property sequences"] = COUNTS.get("property sequences", 0) + 1
    # Values, types, labels, keys, messages and state: the static attributes of the AppTest
    # API (min, max, icon, ...) do not depend on the events and test_differential.py checks them.
    difference = first_difference(reference.trace(scenario), our_trace(scenario), scenario, details=False)
    if difference is not None:
        pytest.fail(f"{name}: streamlet differs from Streamlit {reference.version}\n"
                    f"steps: {describe_steps(steps)}\n{difference}", pytrace=False)


@SETTINGS
@given(steps=sequences(counter_ops))
def test_counter_with_callbacks(reference: ReferenceProcess, steps: list[list[dict[str, Any]]]) -> None:
    check(reference, "counter", COUNTER, steps)


@SETTINGS
@given(steps=sequences(form_ops))
def test_form_with_submit_callback(reference: ReferenceProcess, steps: list[list[dict[str, Any]]]) -> None:
    check(reference, "form", FORM, steps)


@SETTINGS
@given(steps=sequences(converter_ops))
def test_celsius_fahrenheit_converter(reference: ReferenceProcess, steps: list[list[dict[str, Any]]]) -> None:
    check(reference, "converter", CONVERTER, steps)


@SETTINGS
@given(steps=sequences(appearing_ops))
def test_widgets_that_appear_and_disappear(reference: ReferenceProcess, steps: list[list[dict[str, Any]]]) -> None:
    check(reference, "appearing", APPEARING, steps)
