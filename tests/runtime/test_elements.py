"""The element tree (elements.py) and the display commands that fill it (delta.py)."""
from __future__ import annotations

import json
from pathlib import Path

from streamlet.elements import Block, exception_element, qualified_type, stack_trace
from streamlet.errors import StreamlitAPIException, StreamlitValueError
from streamlet.runner import Session
from streamlet.testing import AppTest


def app(body: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + body).run()


def test_block_nodes_are_plain_dicts_with_children() -> None:
    form = Block("form", form_id="f")
    inner = Block("columns")
    form.add({"type": "markdown", "body": "x"})
    form.add_block(inner)
    inner.add({"type": "divider"})
    assert form.node == {"type": "form", "form_id": "f",
                         "children": [{"type": "markdown", "body": "x"},
                                      {"type": "columns", "children": [{"type": "divider"}]}]}
    assert json.loads(json.dumps(form.node)) == form.node


def test_qualified_type_names_builtins_short_and_streamlit_errors_in_full() -> None:
    assert qualified_type(KeyError("k")) == "KeyError"
    assert qualified_type(StreamlitValueError("p", ["x"])) == "streamlit.errors.StreamlitValueError"


def test_caught_and_uncaught_exception_elements() -> None:
    err = StreamlitAPIException("**bold** advice")
    shown = exception_element(err)
    assert shown["exc_type"] == "StreamlitAPIException"
    assert exception_element(err, uncaught=True)["exc_type"] == "streamlit.errors.StreamlitAPIException"
    assert shown["message_is_markdown"] is True and shown["is_streamlit_exception"] is True
    assert exception_element(UserWarning("w"))["is_warning"] is True
    plain = exception_element(ValueError("  padded  "))
    assert plain["message"] == "padded" and plain["message_is_markdown"] is False


def test_stack_trace_of_a_never_raised_exception_is_empty() -> None:
    assert stack_trace(ValueError("never raised")) == []


def test_uncaught_exception_keeps_what_was_drawn_and_shows_user_frames_only() -> None:
    at = app("st.write('before')\ndef f():\n    return {}['k']\nf()\nst.write('after')")
    assert [e.type for e in at.main.children] == ["markdown", "exception"]
    exc = at.exception[0]
    assert (exc.exc_type, exc.message) == ("KeyError", "'k'")
    assert [line.split("\n")[0] for line in exc.stack_trace] == [
        'File "streamlit_app.py", line 5, in <module>',
        'File "streamlit_app.py", line 4, in f',
    ]


def test_chained_exceptions_show_both_tracebacks_with_python_separators() -> None:
    at = app("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    raise KeyError('outer') from e\n")
    trace = at.exception[0].stack_trace
    assert trace[0].startswith('File "streamlit_app.py", line 3, in <module>')
    assert trace[1:3] == ["ZeroDivisionError: division by zero",
                          "The above exception was the direct cause of the following exception:"]
    assert trace[3].startswith('File "streamlit_app.py", line 5, in <module>')
    at = app("try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise RuntimeError('ctx')\n")
    assert "During handling of the above exception, another exception occurred:" in at.exception[0].stack_trace


def test_exception_in_a_callback_replaces_the_run() -> None:
    at = app("def cb():\n    raise ValueError('in cb')\nst.button('B', on_click=cb)\nst.write('body')")
    at.button[0].click().run()
    assert [e.type for e in at.main.children] == ["exception"]
    assert at.exception[0].stack_trace == ['File "streamlit_app.py", line 3, in cb\n    raise ValueError(\'in cb\')']
    at.run()
    assert [e.type for e in at.main.children] == ["button", "markdown"]


def test_syntax_error_message_names_file_and_line() -> None:
    result = Session("import streamlit as st\nst.write('a')\nx = (\n").run()
    (element,) = result.elements
    assert element["exc_type"] == "SyntaxError"
    # Streamlit's wording for a compile error: where, the line, a caret under the spot, the error.
    assert element["message"] == "File \"streamlit_app.py\", line 3\n  x = (\n      ^\nSyntaxError: '(' was never closed"
    assert element["stack_trace"] == []


def test_st_exception_shows_a_caught_exception_in_place() -> None:
    at = app("try:\n    {}['k']\nexcept KeyError as e:\n    st.exception(e)\nst.write('after')")
    assert [e.type for e in at.main.children] == ["exception", "markdown"]
    assert at.exception[0].exc_type == "KeyError"
    assert at.exception[0].stack_trace[0].startswith('File "streamlit_app.py", line 3, in <module>')


def test_text_commands_dedent_and_strip_but_code_is_kept_verbatim() -> None:
    at = app('st.markdown("""\n    indented\n      more\n""")\nst.code("  keep  \\n")\nst.title("  T  ")')
    assert at.markdown[0].value == "indented\n  more"
    assert at.code[0].value == "  keep  \n"
    assert at.title[0].value == "T"


def test_json_accepts_text_objects_and_session_state() -> None:
    at = app("st.session_state.n = 1\nst.json(st.session_state)\nst.json('[1, 2]')\nst.json({'s': {1}})")
    assert [j.value for j in at.json] == ['{"n": 1}', "[1, 2]", '{"s": "{1}"}']


def test_alerts_carry_body_and_icon() -> None:
    at = app("st.info('note', icon='ℹ️')\nst.success('  done ')")
    assert (at.info[0].value, at.info[0].icon) == ("note", "ℹ️")
    assert at.success[0].value == "done" and at.success[0].node["icon"] is None


def test_an_error_raised_after_the_script_names_the_runtime_frames_without_machine_paths() -> None:
    from streamlet.config import Config
    from streamlet.runner import Session

    code = "import streamlit as st\nst.session_state.f = lambda: 1\n"
    config = Config.from_toml("[runner]\nenforceSerializableSessionState = true\n")
    (element,) = Session(code, config=config).run().elements
    assert element["type"] == "exception"
    frames = "\n".join(element["stack_trace"])
    assert 'File "streamlit/' in frames
    import streamlet

    assert str(Path(streamlet.__file__).resolve().parent) not in frames
