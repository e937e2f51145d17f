"""Session state through the st.session_state API, as a script sees it."""
from __future__ import annotations

import pytest

from streamlet.testing import AppTest


def run(script: str) -> AppTest:
    return AppTest.from_string(script).run()


def test_item_and_attribute_access_share_one_store() -> None:
    at = run("""
import streamlit as st
st.session_state["a"] = 1
st.session_state.b = 2
st.write(st.session_state.a + st.session_state["b"], "a" in st.session_state, "zz" in st.session_state)
""")
    assert at.markdown[0].value == "`3` `True` `False`"
    assert at.session_state.to_dict() == {"a": 1, "b": 2}


def test_values_survive_reruns_and_locals_do_not() -> None:
    at = AppTest.from_string("""
import streamlit as st
local = 0
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
local += 1
st.write(st.session_state.runs, local)
""")
    at.run().run().run()
    assert at.markdown[0].value == "`3` `1`"


def test_missing_key_and_attribute_messages_are_streamlits() -> None:
    at = run("import streamlit as st\nst.session_state['nope']")
    # str() of a KeyError is the repr of its argument, quotes included, as Streamlit shows it.
    assert at.exception[0].message.startswith("'st.session_state has no key \"nope\". Did you forget")
    at = run("import streamlit as st\nst.session_state.nope")
    assert at.exception[0].message.startswith('st.session_state has no attribute "nope".')
    assert at.exception[0].exc_type == "AttributeError"


def test_delete_clear_update_and_mapping_methods() -> None:
    at = run("""
import streamlit as st
st.session_state.update({"a": 1, "b": 2, "c": 3})
del st.session_state["a"]
del st.session_state.b
st.write(sorted(st.session_state.keys()), len(st.session_state), st.session_state.get("x", "dflt"))
for key in list(st.session_state.keys()):
    del st.session_state[key]
st.write(len(st.session_state))
""")
    assert [m.value for m in at.markdown] == ["`1` dflt", "`0`"]
    assert at.json[0].value == '["c"]'


def test_reserved_and_empty_keys_are_rejected() -> None:
    at = run("import streamlit as st\nst.session_state['$$ID-x'] = 1")
    assert at.exception[0].message == "Keys beginning with $$ID are reserved."
    at = run("import streamlit as st\nst.session_state[''] = 1")
    assert at.exception[0].message == "Invalid `key` value. Supported values: a non-empty string."


def test_write_session_state_renders_json_of_user_keys() -> None:
    at = run("import streamlit as st\nst.session_state.n = 1\nst.button('b', key='btn')\nst.write(st.session_state)")
    assert at.json[0].value == '{"n": 1, "btn": false}' or at.json[0].value == '{"btn": false, "n": 1}'


@pytest.mark.parametrize("statement", ["st.session_state.f = lambda: 1", "st.session_state['f'] = (i for i in [])"])
def test_enforce_serializable_session_state(statement: str) -> None:
    from streamlet.config import Config

    at = AppTest(f"import streamlit as st\n{statement}\n",
                 config=Config.from_toml("[runner]\nenforceSerializableSessionState = true\n"))
    at.run()
    assert at.exception[0].exc_type == "streamlit.errors.UnserializableSessionStateError"
    assert at.exception[0].message.startswith("Cannot serialize the value (of type `<class '")
    assert "' in st.session_state." in at.exception[0].message
