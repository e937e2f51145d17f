"""config.py: the options the runtime knows, read from a config.toml text, and what they change."""
from __future__ import annotations

import pytest

from streamlet.config import DEFAULTS, Config
from streamlet.errors import StreamlitAPIException
from streamlet.testing import AppTest


def test_defaults_are_streamlits() -> None:
    config = Config()
    assert config.get("runner.magicEnabled") is True
    assert config.get("runner.enforceSerializableSessionState") is False
    assert config.get("global.disableWidgetStateDuplicationWarning") is False


def test_from_toml_sets_known_options_and_leaves_the_others() -> None:
    config = Config.from_toml("[runner]\nmagicEnabled = false\nenforceSerializableSessionState = true\n")
    assert config.get("runner.magicEnabled") is False
    assert config.get("runner.enforceSerializableSessionState") is True
    assert config.get("global.disableWidgetStateDuplicationWarning") is False


def test_empty_toml_is_the_defaults() -> None:
    assert Config.from_toml("").options == DEFAULTS


def test_unknown_options_and_non_table_sections_are_errors() -> None:
    cases = {
        "[runner]\nfastReruns = true\n": "runner.fastReruns",
        "[server]\nport = 8501\n": "server.port",
        "[theme]\nbase = 'dark'\n": "theme.base",
        "runner = 1\n": "runner",
        "magicEnabled = false\n": "magicEnabled",
    }
    found = {}
    for text in cases:
        with pytest.raises(StreamlitAPIException) as info:
            Config.from_toml(text)
        found[text] = str(info.value)
    assert found == {text: f'Config key "{name}" not defined.' for text, name in cases.items()}


def test_invalid_toml_is_an_error() -> None:
    with pytest.raises(ValueError):
        Config.from_toml("[runner]\nmagicEnabled = \n")


def test_set_and_get_reject_unknown_names_without_touching_defaults() -> None:
    config = Config()
    config.set("runner.magicEnabled", False)
    assert DEFAULTS["runner.magicEnabled"] is True
    with pytest.raises(StreamlitAPIException, match='Config key "x.y" not defined.'):
        config.set("x.y", 1)
    with pytest.raises(StreamlitAPIException, match='Config key "x.y" not defined.'):
        config.get("x.y")


def test_magic_disabled() -> None:
    at = AppTest("import streamlit as st\n'not written'\nst.write('written')\n",
                 config=Config.from_toml("[runner]\nmagicEnabled = false\n")).run()
    assert [m.value for m in at.markdown] == ["written"]


SERIALIZABLE = Config.from_toml("[runner]\nenforceSerializableSessionState = true\n")


def test_enforce_serializable_accepts_picklable_values() -> None:
    at = AppTest("import streamlit as st\nst.session_state.data = {'a': [1, 2], 'b': (3, 'x')}\n"
                 "st.text_input('T', key='t')\n", config=SERIALIZABLE).run()
    assert at.exception.len == 0


def test_enforce_serializable_names_the_key_and_type_and_keeps_the_page() -> None:
    at = AppTest("import streamlit as st\nst.write('drawn')\n"
                 "st.session_state.gen = (i for i in [])\n", config=SERIALIZABLE).run()
    exc = at.exception[0]
    assert exc.exc_type == "streamlit.errors.UnserializableSessionStateError"
    assert exc.message.startswith("Cannot serialize the value (of type `<class 'generator'>`) of 'gen' in "
                                  "st.session_state.")
    assert at.markdown[0].value == "drawn"


def test_enforce_serializable_is_off_by_default() -> None:
    at = AppTest.from_string("import streamlit as st\nst.session_state.f = lambda: 1\n").run()
    assert at.exception.len == 0


def test_an_option_of_the_wrong_type_is_refused_with_the_type_it_takes() -> None:
    with pytest.raises(StreamlitAPIException, match=r'"runner.magicEnabled" takes a bool .* not \'false\''):
        Config.from_toml('[runner]\nmagicEnabled = "false"\n')
