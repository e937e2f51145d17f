"""AppTest's typed element lists: the classes they hold, what they gather, and how blocks answer them."""
from __future__ import annotations

from streamlet.testing import AppTest, Block, BlockList, Column, ElementList, Expander, WidgetList
from streamlet.testing import inputs, nodes

PAGE = """
import streamlit as st
st.title('T'); st.header('H'); st.subheader('S'); st.caption('c'); st.divider(); st.text('t')
st.error('e'); st.warning('w'); st.info('i'); st.success('s'); st.help(len)
st.toggle('tg'); st.text_area('ta'); st.radio('r', ['a', 'b']); st.select_slider('ss', ['x', 'y'])
st.download_button('d', 'data')
with st.form('outer'):
    st.checkbox('in form')
    st.form_submit_button('go')
left, right = st.columns([1, 3], gap='medium')
left.number_input('n', key='n')
with right.expander('More', icon=':material/info:'):
    st.markdown('inside')
st.sidebar.button('side', key='side')
"""


def test_each_list_holds_its_commands_class() -> None:
    at = AppTest.from_string(PAGE).run()
    found = {name: type(getattr(at, name)[0]) for name in (
        "title", "header", "subheader", "caption", "divider", "text", "error", "warning", "info", "success",
        "help", "toggle", "text_area", "radio", "select_slider", "download_button", "form_submit_button")}
    assert found == {
        "title": nodes.Title, "header": nodes.Header, "subheader": nodes.Subheader, "caption": nodes.Caption,
        "divider": nodes.Divider, "text": nodes.Text, "error": nodes.Error, "warning": nodes.Warning,
        "info": nodes.Info, "success": nodes.Success, "help": nodes.Help, "toggle": inputs.Toggle,
        "text_area": inputs.TextArea, "radio": inputs.Radio, "select_slider": inputs.SelectSlider,
        "download_button": inputs.DownloadButton, "form_submit_button": inputs.Button,
    }
    assert at.help[0].name == "len" and at.help[0].doc_string == len.__doc__


def test_list_types_are_streamlits() -> None:
    at = AppTest.from_string(PAGE).run()
    assert type(at.slider) is WidgetList and type(at.caption) is ElementList and type(at.form) is BlockList
    assert type(at.toggle[0:1]) is WidgetList, "a slice keeps the list's type"
    assert at.toggle == at.toggle and hash(at.toggle) == hash(at.toggle), "one wrapper per node and run"
    assert at.toggle == [at.toggle[0]] and at.caption != at.toggle


def test_button_lists_submit_buttons_too_but_not_download_buttons() -> None:
    at = AppTest.from_string(PAGE).run()
    assert [b.label for b in at.button] == ["go", "side"]
    assert [b.label for b in at.form_submit_button] == ["go"]
    assert [b.label for b in at.download_button] == ["d"]


def test_columns_lists_the_columns_each_with_its_rows_gap() -> None:
    at = AppTest.from_string(PAGE).run()
    assert [type(c) for c in at.columns] == [Column, Column]
    assert [(c.weight, c.gap) for c in at.columns] == [(0.25, "medium"), (0.75, "medium")]
    assert at.columns[0].number_input(key="n").value == 0
    assert at.get("columns") == at.get("column") == list(at.columns)


def test_a_blocks_lists_hold_what_is_inside_it_and_never_the_block_itself() -> None:
    at = AppTest.from_string(PAGE).run()
    form = at.form("outer")
    assert isinstance(form, Block) and form.form.len == 0 and form.checkbox[0].label == "in form"
    expander = at.columns[1].expander[0]
    assert isinstance(expander, Expander) and (expander.label, expander.icon) == ("More", ":material/info:")
    assert expander.expander.len == 0 and expander.markdown.values == ["inside"]
    assert at.sidebar.button.len == 1 and at.main.button.len == 1
    assert at.main.help.len == 1, "a block's help is its list of st.help elements, as in Streamlit"


def test_iterating_the_app_walks_every_element_and_block_in_page_order() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('a')\nwith st.form('f'):\n    st.text_input('T')\n"
                             "    st.form_submit_button()\nst.sidebar.write('s')").run()
    assert [e.type for e in at] == ["markdown", "form", "text_input", "form_submit_button", "sidebar", "markdown"]
    assert all(e is at.element(e.node) for e in at), "the one wrapper of each node"
