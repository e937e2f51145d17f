"""st.write's rules and magic, as Streamlit applies them."""
from __future__ import annotations

import pytest

from streamlet.testing import AppTest


@pytest.mark.parametrize("args, expected", [
    ('"Count = ", 1', "Count =  `1`"),
    ('"a", "b"', "a b"),
    ('1.5', "`1.5`"),
    ('"x`y"', "x`y"),
    ('None', "`None`"),
    ('"multi\\nline"', "multi\nline"),
    ('3, "apples"', "`3` apples"),
    ('"has `tick`", 2', "has `tick` `2`"),
    ('"a\\nb" if False else 12345678901234567890', "`12345678901234567890`"),
])
def test_write_text_rules(args: str, expected: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\nst.write({args})").run()
    assert at.markdown[0].value == expected


def test_write_splits_text_around_json() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('before', {'a': 1}, 'after')").run()
    assert [e.type for e in at.main.children] == ["markdown", "json", "markdown"]


def test_magic_writes_bare_expressions_but_not_calls_or_docstrings() -> None:
    at = AppTest.from_string('''
"""Module docstring stays quiet."""
import streamlit as st
x = 41
x + 1
"text", 2
len("abc")
def f():
    "docstring"
    "shown inside a function"
f()
''').run()
    assert [m.value for m in at.markdown] == ["`42`", "text `2`", "shown inside a function"]
