"""Buttons, download_button, file_uploader, data_editor (inputs.py, misc_widgets.py) and widget ids (widgets.py)."""
from __future__ import annotations

import pytest

from streamlet.runner import Session
from streamlet.testing import AppTest, AppTestError
from streamlet.widgets.base import compute_element_id
from streamlet.widget_meta import ID_PREFIX, is_element_id, is_keyed_element_id

FORMS_DOCS = ("\n\nFor more information, refer to the\n"
              "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).")


def app(body: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + body).run()


# -- buttons -------------------------------------------------------------------

def test_button_click_calls_back_with_args_and_is_true_for_one_run() -> None:
    at = app("""
st.session_state.setdefault('got', [])
clicked = st.button('Go', key='go', on_click=lambda *a, **k: st.session_state.got.append((a, k)),
                    args=('x',), kwargs={'n': 1})
st.write(clicked)
""")
    at.button("go").click().run()
    assert at.markdown[0].value == "`True`" and at.session_state.got == [(("x",), {"n": 1})]
    at.run()
    assert at.markdown[0].value == "`False`" and at.session_state.go is False


def test_disabled_button_cannot_be_clicked_in_apptest() -> None:
    at = app("st.button('B', disabled=True)")
    with pytest.raises(AppTestError, match="Cannot update a disabled button widget"):
        at.button[0].click()


def uncaught(script: str) -> tuple[str, str]:
    exc = app(script).exception[0]
    return exc.exc_type, exc.message


def test_read_only_and_already_instantiated_keys() -> None:
    read_only = "`st.session_state['{}']` is read-only and cannot be assigned through session state. " \
                "Use a different session state key for values you need to set."
    assert uncaught("st.session_state.b = True\nst.button('B', key='b')") == (
        "streamlit.errors.StreamlitValueAssignmentNotAllowedError", read_only.format("b"))
    assert uncaught("st.session_state.f = 1\nst.file_uploader('F', key='f')") == (
        "streamlit.errors.StreamlitValueAssignmentNotAllowedError", read_only.format("f"))
    exc_type, message = uncaught("st.button('B', key='b')\nst.session_state.b = True")
    assert exc_type == "streamlit.errors.StreamlitWidgetAlreadyInstantiatedError"
    assert message.startswith("`st.session_state['b']` cannot be modified after the widget with that key is "
                              "instantiated.")


def test_button_layout_and_callback_rules() -> None:
    cases = {
        "st.form_submit_button('Go')": "`st.form_submit_button()` must be used inside an `st.form()`." + FORMS_DOCS,
        "with st.form('f'):\n    st.button('B')":
            "`st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` instead to submit the "
            "form." + FORMS_DOCS,
        "with st.form('f'):\n    st.download_button('B', 'x')":
            "`st.download_button()` can't be used in an `st.form()`." + FORMS_DOCS,
        "with st.form('f'):\n    st.checkbox('B', on_change=lambda: None)":
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining callbacks on other "
            "widgets inside a form is not allowed.",
        "st.button('S', on_click='rerun')":
            '`on_click="rerun"` is not supported on this widget. Pass a callback, or omit `on_click`.',
    }
    assert {script: uncaught(script)[1] for script in cases} == cases


# -- download_button, file_uploader, data_editor ---------------------------------

def test_download_button_sends_bytes_as_base64_and_text_as_text() -> None:
    at = app("st.download_button('Bin', b'\\x00\\xff', file_name='a.bin', key='bin')\n"
             "st.download_button('Txt', 'hello', on_click='ignore')")
    binary, text = at.get("download_button")
    assert (binary.node["data"], binary.node["data_base64"], binary.node["file_name"]) == (None, "AP8=", "a.bin")
    assert (text.node["data"], text.node["data_base64"]) == ("hello", None)
    assert at.session_state.bin is False


def test_download_button_click_is_a_trigger() -> None:
    at = app("v = st.download_button('Get', 'x', key='dl')\nst.write(v)")
    at.get("download_button")[0].set_value(True).run()
    assert at.markdown[0].value == "`True`"
    at.run()
    assert at.markdown[0].value == "`False`"


def test_file_uploader_is_empty_without_pandas_or_files() -> None:
    at = app("a = st.file_uploader('F', type='csv', key='f')\nb = st.file_uploader('G', accept_multiple_files=True)\n"
             "st.write(repr(a), repr(b))")
    assert at.markdown[0].value == "None []"
    assert at.file_uploader[0].allowed_type == ["csv"] and at.file_uploader[1].accept_multiple_files
    assert at.session_state.f is None


def test_data_editor_list_of_dicts_returns_the_same_shape() -> None:
    at = app("rows = st.data_editor([{'a': 1, 'b': 'x'}, {'a': 2}], key='e')\nst.write(rows)")
    node = at.data_editor[0].node
    assert (node["columns"], node["rows"], node["shape"]) == (["a", "b"], [[1, "x"], [2, None]], "list_of_dicts")
    assert at.json[0].value == '[{"a": 1, "b": "x"}, {"a": 2, "b": null}]'
    assert at.session_state.e == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    assert at.data_editor[0].value.to_dict("records") == [{"a": 1, "b": "x"}, {"a": 2, "b": None}]


def test_data_editor_dict_of_lists_pads_short_columns() -> None:
    at = app("rows = st.data_editor({'a': [1, 2], 'b': [3]})\nst.write(rows)")
    assert at.json[0].value == '{"a": [1, 2], "b": [3, null]}'


def test_data_editor_without_pandas_explains_itself() -> None:
    exc = app("st.data_editor(5)").exception[0]
    assert exc.exc_type == "streamlit.errors.StreamlitUnsupportedError"
    assert exc.message.startswith("st.data_editor gets a `int` here, which needs pandas")


def test_data_editor_rows_from_the_client_become_edits() -> None:
    session = Session("import streamlit as st\n"
                      "st.session_state['out'] = st.data_editor([{'a': 1}, {'a': 2}], key='e', num_rows='dynamic')\n")
    session.run()
    wid = session.state.key_to_id["e"]
    session.run({wid: [[1], [5], [4]]})
    assert session.state["e"] == {"edited_rows": {1: {"a": 5}}, "added_rows": [{"a": 4}], "deleted_rows": []}
    assert session.state["out"] == [{"a": 1}, {"a": 5}, {"a": 4}]
    session.run({wid: [[1]]})
    assert session.state["out"] == [{"a": 1}]


# -- widget ids ------------------------------------------------------------------

def test_keyed_widget_keeps_its_value_when_its_label_changes() -> None:
    at = app("""
st.session_state.setdefault('runs', 0)
st.session_state.runs += 1
v = st.text_input(f"Label {st.session_state.runs}", key='t')
w = st.text_input(f"Other {st.session_state.runs}")
st.write(v, '|', w)
""")
    at.text_input("t").input("kept")
    at.text_input[1].input("lost")
    at.run()
    assert at.markdown[0].value == "kept |"
    assert at.text_input("t").label == "Label 2"


def test_ids_are_stable_and_carry_the_user_key() -> None:
    first = compute_element_id("button", "k", key_as_main_identity=True, label="A")
    again = compute_element_id("button", "k", key_as_main_identity=True, label="B")
    unkeyed = compute_element_id("button", None, label="A")
    assert first == again and first.startswith(ID_PREFIX) and first.endswith("-k")
    assert unkeyed.endswith("-None") and unkeyed != compute_element_id("button", None, label="B")
    assert is_element_id(first) and is_keyed_element_id(first) and not is_keyed_element_id(unkeyed)
    assert not is_element_id("count")


def test_sidebar_and_main_widgets_with_same_arguments_have_different_ids() -> None:
    at = app("st.button('Same')\nst.sidebar.button('Same')")
    assert at.exception.len == 0
    assert at.button[0].id != at.button[1].id


def test_duplicate_ids_and_keys() -> None:
    exc_type, message = uncaught("st.button('A')\nst.button('A')")
    assert exc_type == "streamlit.errors.StreamlitDuplicateElementId"
    assert message.startswith("There are multiple `button` elements with the same auto-generated ID.")
    exc_type, message = uncaught("st.button('A', key='k')\nst.checkbox('B', key='k')")
    assert exc_type == "streamlit.errors.StreamlitDuplicateElementKey"
    assert message.startswith("There are multiple elements with the same `key='k'`.")


@pytest.mark.parametrize("named", [False, True])
def test_ids_tell_apart_equal_numbers_of_other_types_and_signs(named: bool) -> None:
    """1, 1.0 and True are equal in Python, as are 0.0 and -0.0: their widgets' ids differ, on
    every run (the second call finds the id in the cache), keyed by name or not."""
    key, identity = ("k", frozenset({"min_value"})) if named else (None, False)
    values = [0, 0.0, -0.0, False, 1, 1.0, True, float("nan"), 2.5]
    ids = [compute_element_id("slider", key, key_as_main_identity=identity, min_value=v) for v in values]
    again = [compute_element_id("slider", key, key_as_main_identity=identity, min_value=v) for v in values]
    assert ids == again
    assert len(set(ids)) == len(values)
