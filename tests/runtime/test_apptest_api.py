"""streamlet.testing.AppTest: construction, element lists, typed elements, session state between runs."""
from __future__ import annotations

from pathlib import Path

import pytest

from streamlet.testing import AppTest, patch_config_options
from streamlet.testing.inputs import Table

DISPLAY = """
import streamlit as st
st.title('T')
st.header('H')
st.subheader('S')
st.caption('c')
st.divider()
st.code('x = 1')
st.code('plain', language=None)
st.json({'a': 1}, expanded=False)
st.error('e', icon='🚨')
st.warning('w')
st.text('t')
st.button('B', key='b', help='press me')
"""


def test_from_function_passes_args_and_kwargs() -> None:
    def script(greeting: str, punct: str = "!") -> None:
        import streamlit as st

        st.write(greeting + punct)

    at = AppTest.from_function(script, args=("hi",), kwargs={"punct": "?"}).run()
    assert at.markdown[0].value == "hi?"


def test_from_file_reads_the_script_and_names_it_in_tracebacks(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text("import streamlit as st\nst.write('from file')\nraise ValueError('x')\n", encoding="utf-8")
    at = AppTest.from_file(path).run()
    assert at.markdown[0].value == "from file"
    assert at.exception[0].stack_trace[0].startswith(f'File "{path}", line 3')


def test_from_string_dedents() -> None:
    at = AppTest.from_string("""
        import streamlit as st
        st.write('indented')
    """).run()
    assert at.markdown[0].value == "indented"


def test_typed_display_elements() -> None:
    at = AppTest.from_string(DISPLAY).run()
    assert (at.title[0].tag, at.header[0].tag, at.subheader[0].tag) == ("h1", "h2", "h3")
    assert at.caption[0].is_caption and at.caption[0].value == "c"
    assert at.divider[0].value == "---"
    assert [c.language for c in at.code] == ["python", "plaintext"]
    assert at.json[0].value == '{"a": 1}' and at.json[0].expanded is False
    assert at.error[0].icon == "🚨" and at.warning[0].icon == ""
    assert at.text[0].value == "t"
    assert at.button("b").help == "press me"


def test_element_lists_filter_by_type_only() -> None:
    at = AppTest.from_string(DISPLAY).run()
    assert at.markdown.len == 0, "captions and dividers have lists of their own"
    assert len(at.get("caption")) == 1
    assert at.title.values == ["T"]
    assert isinstance(at.code[0:1], type(at.code)) and len(at.code[0:1]) == 1


def test_lookups_by_key() -> None:
    at = AppTest.from_string(DISPLAY).run()
    assert at.button(key="b").label == "B"
    assert at.get_by_key("b") is at.button[0], "one wrapper per node and run"
    assert at.get_by_key("missing") is None
    with pytest.raises(KeyError):
        at.button("missing")


def test_unknown_element_list_is_an_attribute_error() -> None:
    at = AppTest.from_string("import streamlit as st").run()
    with pytest.raises(AttributeError, match="has no attribute 'nosuch'"):
        at.nosuch


def test_changes_are_held_until_run() -> None:
    at = AppTest.from_string("import streamlit as st\nv = st.text_input('T', key='t')\nst.write('got', v)").run()
    at.text_input("t").input("x")
    assert at.text_input("t").value == "x", "the pending value is what the widget reports"
    assert at.markdown[0].value == "got"
    at.run()
    assert at.markdown[0].value == "got x"


def test_session_state_view_reads_and_writes_between_runs() -> None:
    at = AppTest.from_string("import streamlit as st\nst.session_state.setdefault('a', 1)\n"
                             "v = st.text_input('T', key='t')\nst.write(v)").run()
    state = at.session_state
    assert (state.a, state["t"], state.get("zz", 9)) == (1, "", 9)
    assert sorted(state.keys()) == ["a", "t"] and len(state) == 2 and dict(state.items()) == {"a": 1, "t": ""}
    assert "a" in state and "zz" not in state
    with pytest.raises(AttributeError, match="zz not found in session_state."):
        state.zz
    state["t"] = "set from the test"
    at.run()
    assert at.markdown[0].value == "set from the test"
    del state.a
    assert "a" not in state
    at.run()
    assert state.a == 1


def test_log_holds_server_log_lines_of_the_last_run_only() -> None:
    at = AppTest.from_string("import streamlit as st\nst.session_state.setdefault('n', 0)\n"
                             "st.session_state.n += 1\nif st.session_state.n == 1:\n    st.checkbox('')\n")
    assert at.log == []
    at.run()
    assert len(at.log) == 1 and at.log[0].startswith("`label` got an empty value.")
    at.run()
    assert at.log == []


def test_patch_config_options_applies_inside_the_block_only() -> None:
    with patch_config_options({"runner.magicEnabled": False}):
        inside = AppTest.from_string("import streamlit as st\n'magic'").run()
    outside = AppTest.from_string("import streamlit as st\n'magic'").run()
    assert inside.markdown.len == 0
    assert outside.markdown[0].value == "magic"


def test_patch_config_options_applies_to_an_apptest_made_before_the_block() -> None:
    at = AppTest.from_string("import streamlit as st\nst.session_state.f = lambda: 1\n")
    with patch_config_options({"runner.enforceSerializableSessionState": True}):
        at.run()
    assert at.exception[0].exc_type == "streamlit.errors.UnserializableSessionStateError"
    at.run()
    assert at.exception.len == 0


def test_patch_config_options_rejects_unknown_options() -> None:
    with pytest.raises(KeyError):
        with patch_config_options({"runner.noSuchOption": True}):
            pass


def test_main_and_sidebar_blocks() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('main')").run()
    assert [e.value for e in at.main.children] == ["main"]
    assert len(at.sidebar) == 0 and at.sidebar.markdown.len == 0
    at = AppTest.from_string("import streamlit as st\nst.sidebar.write('side')\nst.write('main')").run()
    assert [e.value for e in at.sidebar.children] == ["side"] and [e.value for e in at.main.children] == ["main"]


def test_exception_element_attributes() -> None:
    at = AppTest.from_string("import streamlit as st\nst.slider('S', 5, 5)").run()
    exc = at.exception[0]
    assert exc.exc_type == "streamlit.errors.StreamlitInvalidMinMaxError"
    assert exc.is_markdown is True and exc.is_warning is False
    assert exc.value == exc.message
    assert exc.stack_trace[-1].startswith('File "streamlit_app.py", line 2, in <module>')


def test_data_editor_value_is_a_small_table() -> None:
    at = AppTest.from_string("import streamlit as st\nst.data_editor([{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}],"
                             " num_rows='dynamic')").run()
    table = at.data_editor[0].value
    assert isinstance(table, Table) and len(table) == 2 and table.columns == ["a", "b"]
    assert table["a"] == [1, 2]
    assert table == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    assert table == {"a": [1, 2], "b": ["x", "y"]}
    assert table.to_dict() == {"a": {0: 1, 1: 2}, "b": {0: "x", 1: "y"}}
    assert table.to_dict("split")["data"] == [[1, "x"], [2, "y"]]
    assert at.data_editor[0].editing_mode == "dynamic"
    with pytest.raises(ValueError):
        table.to_dict("columns")


def test_iterating_a_block_yields_the_block_then_everything_inside_it() -> None:
    at = AppTest.from_string("import streamlit as st\nwith st.form('f'):\n    st.text_input('T')\n    "
                             "st.form_submit_button()\nst.write('after')").run()
    assert [e.type for e in at.main] == ["main", "form", "text_input", "form_submit_button", "markdown"]
    assert len(at.main) == 2
