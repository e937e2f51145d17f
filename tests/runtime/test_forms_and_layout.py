"""Forms, columns, containers, expanders and the sidebar (layout.py), and how AppTest submits forms."""
from __future__ import annotations

from typing import Any

from streamlet.testing import AppTest

FORM = """
import streamlit as st
with st.form("f", clear_on_submit={clear}):
    name = st.text_input("Name", key="name")
    n = st.number_input("N", 0, 10, 3, key="n")
    sent = st.form_submit_button("Send")
st.write("sent", sent, "name", name, "n", n)
"""


def app(body: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + body).run()


def types(nodes: list[dict[str, Any]]) -> list[Any]:
    """The tree's shape: a type, or (type, [children's shapes]) for a block."""
    return [(n["type"], types(n["children"])) if "children" in n else n["type"] for n in nodes]


# -- forms ---------------------------------------------------------------------

def test_form_values_wait_for_the_submit_button() -> None:
    at = AppTest.from_string(FORM.format(clear=False)).run()
    at.text_input("name").input("Bob")
    at.run()
    assert at.markdown[0].value == "sent `False` name  n `3`"
    assert at.session_state.name == ""
    at.text_input("name").input("Bob")
    at.number_input("n").increment()
    at.button[0].click().run()
    assert at.markdown[0].value == "sent `True` name Bob n `4`"
    at.run()
    assert at.markdown[0].value == "sent `False` name Bob n `4`"


def test_clear_on_submit_sends_the_values_once_then_defaults() -> None:
    at = AppTest.from_string(FORM.format(clear=True)).run()
    at.text_input("name").input("Bob")
    at.button[0].click().run()
    assert at.markdown[0].value == "sent `True` name Bob n `3`"
    at.button[0].click().run()
    assert at.markdown[0].value == "sent `True` name  n `3`"
    assert at.session_state.name == ""


def test_submit_button_key_defaults_to_form_submitter_key() -> None:
    at = AppTest.from_string(FORM.format(clear=False)).run()
    assert at.button[0].key == "FormSubmitter:f-Send"
    assert at.button[0].type == "form_submit_button"
    assert "FormSubmitter:f-Send" in at.session_state
    assert at.form[0].key == "f"
    assert at.text_input("name").form_id == "f"


def test_two_submit_buttons_only_the_clicked_one_is_true_and_calls_back() -> None:
    at = app("""
with st.form('f'):
    a = st.form_submit_button('A', on_click=lambda: st.session_state.update(hit='A'))
    b = st.form_submit_button('B', key='bk')
st.write(a, b)
""")
    at.button("bk").click().run()
    assert at.markdown[0].value == "`False` `True`" and "hit" not in at.session_state
    at.button[0].click().run()
    assert at.markdown[0].value == "`True` `False`" and at.session_state.hit == "A"


def test_form_used_without_with_block() -> None:
    at = app("f = st.form('f')\nf.text_input('T', key='t')\nf.form_submit_button('Go')\nst.write(st.session_state.t)")
    at.text_input("t").input("x")
    at.button[0].click().run()
    assert at.markdown[0].value == "x"
    assert types(at.tree) == [("form", ["text_input", "form_submit_button"]), "markdown"]


def test_form_errors() -> None:
    cases = {
        "with st.form('a'):\n    with st.form('b'):\n        pass": "Forms cannot be nested in other forms.",
        "st.session_state.f = 1\nwith st.form('f'):\n    st.form_submit_button()":
            "`st.session_state['f']` is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set.",
        "with st.form('f'):\n    st.form_submit_button()\nwith st.form('f'):\n    st.form_submit_button()":
            "There are multiple elements with the same `key='f'`. To fix this, please make sure that the `key` "
            "argument is unique for each element you create.",
    }
    assert {script: app(script).exception[0].message for script in cases} == cases


def test_form_key_cannot_be_written_after_the_form() -> None:
    at = app("with st.form('f'):\n    st.form_submit_button()\nst.session_state.f = 2")
    assert at.exception[0].exc_type == "streamlit.errors.StreamlitWidgetAlreadyInstantiatedError"


# -- columns, containers, expanders, sidebar -------------------------------------

def test_columns_weights_and_gap() -> None:
    at = app("cols = st.columns((1, 1, 2), gap='large')\nst.write(len(cols))")
    assert at.markdown[0].value == "`3`"
    assert [c.weight for c in at.columns] == [0.25, 0.25, 0.5], "at.columns lists the columns, as in Streamlit"
    assert [c.gap for c in at.columns] == ["large"] * 3, "each column tells its row's gap"


def test_invalid_column_specs() -> None:
    specs = ["0", "1.5", "[]", "[1, 0]", "[True]", "'a'"]
    start = "The `spec` argument to `st.columns` must be either a positive integer (number of columns)"
    starts = {spec: app(f"st.columns({spec})").exception[0].message[:len(start)] for spec in specs}
    assert starts == {spec: start for spec in specs}


def test_nesting_in_the_tree() -> None:
    at = app("""
st.sidebar.title('Side')
with st.sidebar:
    st.button('In sidebar')
    with st.expander('More', expanded=True):
        st.write('deep')
left, right = st.columns([1, 3])
left.write('left')
with right:
    st.write('right')
    box = st.container(border=True, key='box')
    box.write('in box')
with st.form('f'):
    a, b = st.columns(2)
    a.text_input('A')
    b.form_submit_button('Go')
st.write('end')
""")
    assert types(at.tree) == [
        ("columns", [("column", ["markdown"]), ("column", ["markdown", ("container", ["markdown"])])]),
        ("form", [("columns", [("column", ["text_input"]), ("column", ["form_submit_button"])])]),
        "markdown",
        ("sidebar", ["title", "button", ("expander", ["markdown"])]),
    ]
    assert at.expander[0].label == "More" and at.expander[0].node["expanded"] is True
    assert at.container[0].key == "box" and at.container[0].node["border"] is True
    assert at.text_input[0].form_id == "f", "a widget in a column of a form belongs to the form"
    assert [m.value for m in at.sidebar.markdown] == ["deep"]
    assert [m.value for m in at.main.markdown] == ["left", "right", "in box", "end"]


def test_container_written_to_later_keeps_its_place() -> None:
    at = app("c = st.container()\nst.write('after')\nc.write('inside')")
    assert types(at.tree) == [("container", ["markdown"]), "markdown"]


def test_with_block_is_closed_when_an_exception_leaves_it() -> None:
    at = app("try:\n    with st.expander('E'):\n        raise ValueError('x')\nexcept ValueError:\n    pass\n"
             "st.write('top')")
    assert types(at.tree) == [("expander", []), "markdown"]


def test_sidebar_form_widgets_belong_to_the_form() -> None:
    at = app("with st.sidebar.form('sf'):\n    st.checkbox('C')\n    st.form_submit_button('S')")
    assert at.sidebar.form[0].key == "sf"
    assert at.sidebar.checkbox[0].form_id == "sf"
    assert at.main.children == []
