"""selectbox, radio and multiselect (choice.py): options shown, indices sent, values returned."""
from __future__ import annotations

from typing import Any

import pytest

from widget_helpers import widget_helpers


app, client_session, value_after, replies, messages = widget_helpers("import streamlit as st\n")


@pytest.mark.parametrize("kind", ["selectbox", "radio"])
def test_single_choice_shows_formatted_options_and_sends_the_index(kind: str) -> None:
    at = app(f"v = st.{kind}('Pick', ['a', 'b', 'c'], index=1, format_func=str.upper, key='p')\nst.write(v)")
    widget = at.get(kind)[0]
    assert widget.options == ["A", "B", "C"]
    assert widget.node["value"] == 1 and widget.index == 1 and widget.value == "b"
    widget.set_value("c").run()
    assert at.markdown[0].value == "c" and at.session_state.p == "c"
    assert at.get(kind)[0].node["value"] == 2


def test_selectbox_select_index_and_back_to_none() -> None:
    at = app("v = st.selectbox('Pick', ['a', 'b', 'c'], index=None, key='p')\nst.write(repr(v))")
    assert at.markdown[0].value == "None" and at.selectbox[0].node["value"] is None
    at.selectbox("p").select_index(2).run()
    assert at.markdown[0].value == "'c'"
    at.selectbox("p").select_index(None).run()
    assert at.markdown[0].value == "None"


def test_selectbox_options_from_a_dict_are_its_keys() -> None:
    at = app("v = st.selectbox('Pick', {'x': 1, 'y': 2})\nst.write(v)")
    assert at.selectbox[0].options == ["x", "y"] and at.markdown[0].value == "x"


def test_selectbox_without_options_returns_none() -> None:
    assert app("v = st.selectbox('Pick', [])\nst.write(repr(v))").markdown[0].value == "None"


def test_selectbox_index_errors() -> None:
    cases = {
        "5": "The `index` parameter, set to 5, is outside the required range [0, 1].",
        "'1'": "Invalid `index` type. Expected one of: int, None. Provided type: str.",
    }
    assert messages(cases, "st.selectbox('Pick', ['a', 'b'], index={args})") == cases


def test_state_value_no_longer_in_options_resets_to_default_and_state_follows() -> None:
    at = app("st.session_state.s = 'zz'\nv = st.selectbox('S', ['a', 'b'], index=1, key='s')\nst.write(v)")
    assert at.markdown[0].value == "b"
    assert at.session_state.s == "b"


def test_none_in_state_empties_a_selectbox() -> None:
    at = app("st.session_state.s = None\nv = st.selectbox('S', ['a', 'b'], key='s')\nst.write(repr(v))")
    assert at.markdown[0].value == "None"


def test_radio_keeps_horizontal_and_captions() -> None:
    at = app("st.radio('R', ['a', 'b'], horizontal=True, captions=['ca', 'cb'])")
    assert at.radio[0].node["horizontal"] is True
    assert at.radio[0].node["captions"] == ["ca", "cb"]


def test_radio_callback_with_args_and_kwargs() -> None:
    at = app("""
def picked(tag, *, upper):
    value = st.session_state.r
    st.session_state.log = f"{tag}:{value.upper() if upper else value}"
st.radio('R', ['x', 'y'], key='r', on_change=picked, args=('radio',), kwargs={'upper': True})
""")
    at.radio("r").set_value("y").run()
    assert at.session_state.log == "radio:Y"


def test_on_change_must_be_a_mode_or_a_callable() -> None:
    assert app("st.selectbox('S', ['a'], on_change=3)").exception[0].message == (
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.")
    at = app("v = st.selectbox('S', ['a'], on_change='ignore')\nst.write(v)")
    assert at.exception.len == 0 and at.markdown[0].value == "a"


def test_selectbox_client_values_out_of_range_fall_back() -> None:
    cases = [(0, "a"), (2, "c"), (3, "b"), (-1, "b"), ("a", "b"), (1.0, "b"), ([0], "b"), (None, "b")]
    assert replies("st.selectbox('S', ['a', 'b', 'c'], index=1)", cases) == cases


def test_radio_client_values_out_of_range_fall_back() -> None:
    cases = [(2, "c"), (9, "a"), ("b", "a")]
    assert replies("st.radio('R', ['a', 'b', 'c'])", cases) == cases


def test_selectbox_meta_serializes_to_index_and_back() -> None:
    session, wid = client_session("st.selectbox('S', [10, 20, 30])")
    meta = session.state.meta[wid]
    assert meta.serialize(20) == 1 and meta.deserialize(1) == 20
    assert meta.serialize(None) is None and meta.deserialize(None) == 10
    assert meta.format_func is str


# -- multiselect ------------------------------------------------------------------

def test_multiselect_default_select_and_unselect() -> None:
    at = app("v = st.multiselect('M', ['a', 'b', 'c'], default=['b'], key='m')\nst.write(v)")
    widget = at.multiselect("m")
    assert widget.node["value"] == [1] and widget.values == ["b"] and widget.indices == [1]
    widget.select("c").run()
    assert at.json[0].value == '["b", "c"]'
    at.multiselect("m").unselect("b").run()
    assert at.json[0].value == '["c"]' and at.session_state.m == ["c"]


def test_multiselect_single_default_string() -> None:
    assert app("st.multiselect('M', ['a', 'b', 'c'], default='b')").multiselect[0].value == ["b"]


def test_multiselect_drops_state_values_not_in_options() -> None:
    at = app("st.session_state.m = ['a', 'zz']\nv = st.multiselect('M', ['a', 'b'], key='m')\nst.write(v)")
    assert at.json[0].value == '["a"]' and at.session_state.m == ["a"]


def test_multiselect_argument_errors() -> None:
    cases = {
        "default=['z']": "The default value 'z' is not part of the options. Please make sure that every default "
                         "value also exists in the options.",
        "max_selections=0": "Invalid `max_selections` value. Supported values: a positive integer. "
                            "To disable `st.multiselect`, use `disabled=True`.",
    }
    assert messages(cases, "st.multiselect('M', ['a', 'b'], {args})") == cases


def test_multiselect_too_many_defaults_for_max_selections() -> None:
    at = app("st.multiselect('M', ['a', 'b'], default=['a', 'b'], max_selections=1)")
    assert at.exception[0].message.startswith("Multiselect has 2 options selected but `max_selections` is set to 1.")
    assert at.exception[0].message.endswith("Please select at most 1 option.")


def test_multiselect_client_values_keep_only_valid_indices() -> None:
    # As Streamlit's serde: a text is read as the option it shows (unknown texts are dropped by the
    # widget), a repeated option stays repeated.
    cases = [([0, 2], ["a", "c"]), ([5], []), ([-1, 1], ["b"]), (["a"], ["a"]), (["z"], []), ("a", ["b"]),
             (None, ["b"]), ([1, 1, True], ["b", "b"])]
    assert replies("st.multiselect('M', ['a', 'b', 'c'], ['b'])", cases) == cases
