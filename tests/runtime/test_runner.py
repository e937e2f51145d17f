"""The rerun model: callbacks before the script, triggers for one run, stale widgets dropped."""
from __future__ import annotations

from streamlet.runner import Session
from streamlet.testing import AppTest

COUNTER = """
import streamlit as st
if "count" not in st.session_state:
    st.session_state.count = 0
def increment(by=1):
    st.session_state.count += by
st.button("Increment", on_click=increment, kwargs={"by": 2})
st.write("Count = ", st.session_state.count)
"""


def test_callback_runs_before_the_script_and_button_is_true_for_one_run() -> None:
    at = AppTest.from_string(COUNTER + "st.write(st.button('Other'))").run()
    assert at.markdown[0].value == "Count =  `0`"
    at.button[0].click().run()
    assert at.markdown[0].value == "Count =  `2`"
    assert at.button[0].value is True
    at.run()
    assert at.button[0].value is False
    assert at.markdown[0].value == "Count =  `2`"


def test_callback_args_are_the_ones_of_the_previous_run() -> None:
    at = AppTest.from_string("""
import streamlit as st
st.session_state.setdefault("seen", [])
st.session_state.setdefault("n", 0)
st.session_state.n += 1
st.button("Go", on_click=lambda n: st.session_state.seen.append(n), args=(st.session_state.n,))
st.write(st.session_state.seen)
""").run()
    at.button[0].click().run()
    assert at.json[0].value == "[1]"


def test_keyed_widget_not_rendered_is_dropped_from_state() -> None:
    at = AppTest.from_string("""
import streamlit as st
st.session_state.setdefault("show", True)
if st.session_state.show:
    st.button("B", key="b")
st.session_state.show = False
""").run()
    assert "b" in at.session_state
    at.run()
    assert "b" not in at.session_state


def test_rerun_and_stop() -> None:
    at = AppTest.from_string("""
import streamlit as st
st.session_state.setdefault("n", 0)
st.session_state.n += 1
if st.session_state.n < 3:
    st.rerun()
st.write("n", st.session_state.n)
st.stop()
st.write("never")
""").run()
    assert [m.value for m in at.markdown] == ["n `3`"]


def test_exceptions_become_elements_with_user_frames_only() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('before')\n1/0\n").run()
    exc = at.exception[0]
    assert exc.exc_type == "ZeroDivisionError"
    assert exc.message == "division by zero"
    assert len(exc.stack_trace) == 1 and 'line 3, in <module>' in exc.stack_trace[0]
    assert at.markdown[0].value == "before"


def test_syntax_error_is_shown_not_raised() -> None:
    result = Session("import streamlit as st\nst.write(\n").run()
    assert result.elements[0]["type"] == "exception"
    assert result.elements[0]["exc_type"] == "SyntaxError"


def test_runaway_rerun_loop_is_stopped() -> None:
    result = Session("import streamlit as st\nst.rerun()\n").run()
    assert result.elements[-1]["type"] == "exception"
    assert "st.rerun()" in result.elements[-1]["message"]


def test_script_sees_streamlit_module_names() -> None:
    at = AppTest.from_string("""
import streamlit as st
from streamlit.errors import StreamlitAPIException
st.write(StreamlitAPIException.__module__, st.__name__.split('.')[0])
""").run()
    assert at.markdown[0].value == "streamlit.errors streamlet"
