"""checkbox, toggle, text_input, text_area, number_input and color_picker (scalar.py).

Each widget is driven twice: through AppTest, as a test author would, and through
``Session.run({widget_id: client_value})``, as the page does, with the JSON values
a client could send, good and bad.
"""
from __future__ import annotations

from typing import Any

import pytest

from streamlet.testing import AppTest
from widget_helpers import widget_helpers

EMPTY_LABEL_LOG = "`label` got an empty value."


app, client_session, value_after, replies, messages = widget_helpers("import streamlit as st\n")


# -- checkbox and toggle -------------------------------------------------------

@pytest.mark.parametrize("kind", ["checkbox", "toggle"])
def test_checkbox_and_toggle_default_false_then_on_and_off(kind: str) -> None:
    at = app(f"v = st.{kind}('Agree', key='a')\nst.write('on' if v else 'off')")
    widget = at.get(kind)[0]
    assert widget.value is False and at.markdown[0].value == "off"
    widget.set_value(True).run()
    assert at.markdown[0].value == "on" and at.session_state.a is True
    at.get(kind)[0].set_value(False).run()
    assert at.markdown[0].value == "off" and at.session_state.a is False


def test_only_a_checkbox_has_check_and_uncheck() -> None:
    at = app("st.checkbox('C')\nst.toggle('T')")
    assert at.checkbox[0].check().value is True and at.checkbox[0].uncheck().value is False
    assert not hasattr(at.toggle[0], "check") and not hasattr(at.toggle[0], "uncheck")


def test_checkbox_value_set_through_state_before_the_widget_wins() -> None:
    at = app("st.session_state.c = True\nv = st.checkbox('C', key='c')\nst.write(v)")
    assert at.markdown[0].value == "`True`"
    assert at.log == []


def test_state_and_default_together_log_streamlits_warning_once() -> None:
    at = app("st.session_state.c = False\nst.checkbox('C', value=True, key='c')")
    assert at.log == ['The widget with key "c" was created with a default value but also had its value '
                      "set via the Session State API."]
    at.run()
    assert at.log == []


def test_duplication_warning_can_be_switched_off() -> None:
    from streamlet.config import Config

    at = AppTest("import streamlit as st\nst.session_state.c = False\nst.checkbox('C', value=True, key='c')",
                 config=Config.from_toml("[global]\ndisableWidgetStateDuplicationWarning = true\n"))
    assert at.run().log == []


def test_checkbox_callback_gets_args_and_kwargs() -> None:
    at = app("""
calls = st.session_state.setdefault('calls', [])
def changed(*args, **kwargs):
    calls.append((args, kwargs, st.session_state.c))
st.checkbox('C', key='c', on_change=changed, args=(1, 'two'), kwargs={'three': 3})
""")
    at.checkbox("c").check().run()
    assert at.session_state.calls == [((1, "two"), {"three": 3}, True)]
    at.run()
    assert len(at.session_state.calls) == 1, "an unchanged widget calls nothing"


def test_checkbox_client_values() -> None:
    cases = [(True, True), (False, False), (None, True), (1, True), (0, False)]
    assert replies("st.checkbox('C', value=True)", cases) == cases


def test_checkbox_meta_round_trips_through_json_form() -> None:
    session, wid = client_session("st.checkbox('C')")
    meta = session.state.meta[wid]
    assert meta.type == "checkbox" and meta.default is False
    assert meta.deserialize(meta.serialize(True)) is True
    assert meta.deserialize(None) is False
    assert app("st.checkbox('C', value=True)").checkbox[0].node["value"] is True, "the default is sent as is"


# -- text ----------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["text_input", "text_area"])
def test_text_widgets_input_round_trip(kind: str) -> None:
    at = app(f"v = st.{kind}('Name', 'Ada', key='name')\nst.write('Hello', v)")
    assert at.get(kind)[0].value == "Ada"
    at.get(kind)[0].input("Grace").run()
    assert at.markdown[0].value == "Hello Grace"
    assert at.session_state.name == "Grace"


def test_text_input_max_chars_cuts_what_the_client_sends() -> None:
    at = app("st.text_input('T', max_chars=3, key='t')")
    at.text_input("t").set_value("abcdef").run()
    assert at.session_state.t == "abc"
    assert at.text_input("t").max_chars == 3
    at.text_input("t").input("wxyz").run()  # as in Streamlit's AppTest, typing too much does nothing
    assert at.session_state.t == "abc"


def test_text_input_type_is_one_of_streamlits() -> None:
    at = app("st.text_input('P', type='password', placeholder='secret')")
    assert at.text_input[0].node["input_type"] == "password"
    assert at.text_input[0].placeholder == "secret"
    at = app("st.text_input('E', type='email')")
    assert at.text_input[0].node["input_type"] == "email"
    at = app("st.text_input('T', type='number')")
    assert at.exception[0].message == ("Invalid `type` value. Supported values: 'default', 'password', 'email', "
                                       "'url', 'phone', 'search'.")


def test_text_input_none_in_state_starts_empty() -> None:
    at = app("st.session_state.t = None\nv = st.text_input('T', 'x', key='t')\nst.write(repr(v))")
    assert at.markdown[0].value == "None"


def test_text_area_callback_with_kwargs_sees_new_value() -> None:
    at = app("""
def echo(prefix):
    st.session_state.seen = prefix + st.session_state.body
st.text_area('Body', key='body', on_change=echo, kwargs={'prefix': '> '})
""")
    at.text_area[0].input("hi").run()
    assert at.session_state.seen == "> hi"


def test_text_input_client_values() -> None:
    cases = [("hello", "hel"), (None, "abc"), ("", "")]
    assert replies("st.text_input('T', 'abc', max_chars=3)", cases) == cases


# -- number_input ----------------------------------------------------------------

def test_number_input_defaults_to_min_value_or_zero() -> None:
    at = app("a = st.number_input('A')\nb = st.number_input('B', min_value=3)\nst.write(a, b)")
    assert at.markdown[0].value == "`0.0` `3`"
    assert at.number_input[0].node["data_type"] == "float" and at.number_input[1].node["data_type"] == "int"


def test_number_input_increment_and_decrement_stop_at_bounds() -> None:
    at = app("v = st.number_input('N', 0, 5, 4, key='n')\nst.write(v)")
    at.number_input("n").increment().run()
    assert at.markdown[0].value == "`5`"
    at.number_input("n").increment().run()
    assert at.markdown[0].value == "`5`"
    at.number_input("n").decrement().run()
    assert at.markdown[0].value == "`4`"


def test_number_input_float_step_and_none_value() -> None:
    at = app("v = st.number_input('N', value=0.5, step=0.25)\nst.write(v)")
    at.number_input[0].increment().run()
    assert at.markdown[0].value == "`0.75`" and at.number_input[0].step == 0.25
    at = app("v = st.number_input('N', value=None)\nst.write(v)")
    at.number_input[0].increment().run()
    assert at.markdown[0].value == "`None`"


def test_number_input_callback_only_when_the_value_changes() -> None:
    at = app("""
st.session_state.setdefault('calls', 0)
def count():
    st.session_state.calls += 1
st.number_input('N', 0, 10, 2, key='n', on_change=count)
""")
    at.number_input("n").set_value(2).run()
    assert at.session_state.calls == 0
    at.number_input("n").set_value(3).run()
    assert at.session_state.calls == 1


def test_number_input_state_value_out_of_range_resets_to_default() -> None:
    at = app("st.session_state.n = 50\nv = st.number_input('N', 0, 10, key='n')\nst.write(v)")
    assert at.markdown[0].value == "`0`"
    assert at.session_state.n == 0


def test_number_input_argument_errors_and_the_widget_is_not_drawn() -> None:
    cases = {
        "0, 10, 1.5": "All numerical arguments must be of the same type.\n`value` has float type.\n"
                      "`min_value` has int type.\n`max_value` has int type.",
        "5, 1": "The `min_value`, set to 5, cannot be greater than the `max_value`, set to 1.",
        "0, 10, 11": "The `value` 11 is greater than the `max_value` 10.",
        "5, 10, 1": "The `value` 1 is less than the `min_value` 5.",
        "format='%z'": "Format string for `st.number_input` contains invalid characters: %z",
    }
    assert messages(cases, "st.number_input('N', {args})") == cases
    assert app("st.number_input('N', 5, 1)").number_input.len == 0


def test_number_input_int_with_float_format_logs_a_line() -> None:
    at = app("st.number_input('N', value=5, format='%0.2f')")
    assert at.log == ["st.number_input value has type int so is displayed as int despite format string %0.2f."]


def test_number_input_int_client_values_out_of_range_fall_back() -> None:
    cases = [(7, 7), (11, 5), (-1, 5), (None, 5), (2.9, 2), ("3", 3)]
    got = replies("st.number_input('N', 0, 10, 5)", cases)
    assert got == cases and all(type(value) is int for _, value in got)


def test_number_input_float_client_values_out_of_range_fall_back() -> None:
    cases = [(0.25, 0.25), (2.0, 0.5), (float("inf"), 0.5), (float("nan"), 0.5), (1, 1.0)]
    got = replies("st.number_input('N', 0.0, 1.0, 0.5)", cases)
    assert got == cases and all(type(value) is float for _, value in got)


def test_number_input_meta_fields() -> None:
    session, wid = client_session("st.number_input('N', 0, 10, 5, step=2)")
    meta = session.state.meta[wid]
    assert meta.default == 5
    (node,) = [e for e in session.last.elements if e.get("id") == wid]  # type: ignore[union-attr]
    assert (node["min"], node["max"], node["step"], node["format"]) == (0, 10, 2, "%d")


# -- color_picker -----------------------------------------------------------------

def test_color_picker_default_pick_and_state() -> None:
    at = app("v = st.color_picker('Colour', key='c')\nst.write(v)")
    assert at.markdown[0].value == "#000000"
    at.color_picker("c").pick("#00FFAA").run()
    assert at.markdown[0].value == "#00FFAA" and at.session_state.c == "#00FFAA"


def test_color_picker_invalid_values() -> None:
    cases = {
        "'red'": "'red' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.",
        "12": "Invalid `value` type. Expected one of: str. Provided type: int. "
              "Pass a hex string like `'#00FFAA'` or `'#000'`.",
    }
    assert messages(cases, "st.color_picker('C', {args})") == cases


def test_color_picker_client_none_falls_back_to_default() -> None:
    session, wid = client_session("st.color_picker('C', '#ff0000')")
    assert value_after(session, wid, "#00ff00") == "#00ff00"
    assert value_after(session, wid, None) == "#ff0000"


# -- labels ------------------------------------------------------------------------

def test_empty_label_is_logged_and_visibility_checked() -> None:
    at = app("st.checkbox('', label_visibility='collapsed')")
    assert at.log[0].startswith(EMPTY_LABEL_LOG)
    assert at.checkbox[0].node["label_visibility"] == "collapsed"
    at = app("st.toggle('T', label_visibility='gone')")
    assert at.exception[0].message == ("Invalid `label_visibility` value. Supported values: "
                                       "'visible', 'hidden', 'collapsed'.")
