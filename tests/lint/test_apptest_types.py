"""A type checker sees AppTest's element lists as Streamlit's AppTest types them, not as ``Any``.

A test file that uses ``streamlet.testing`` the way a Streamlit test does is checked by mypy
with ``reveal_type``; each revealed type must be the specific class.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

USER_TEST = '''
from streamlet.testing import AppTest

at = AppTest.from_string("import streamlit as st")
reveal_type(at.slider)
reveal_type(at.slider[0])
reveal_type(at.slider[0].set_value(3))
reveal_type(at.slider[0].set_value(3).run())
reveal_type(at.text_input(key="k"))
reveal_type(at.text_input(key="k").value)
reveal_type(at.button[0].click())
reveal_type(at.sidebar.checkbox[0].value)
reveal_type(at.form[0])
reveal_type(at.columns[0].number_input)
reveal_type(at.main.columns[1].weight)
reveal_type(at.code[0:1])
reveal_type(at.exception[0].stack_trace)
'''

EXPECTED = [
    "streamlet.testing.inputs.WidgetList[streamlet.testing.inputs.Slider]",
    "streamlet.testing.inputs.Slider",
    "streamlet.testing.inputs.Slider",
    "streamlet.testing.nodes.Root",  # what an element knows of its app: AppTest is one
    "streamlet.testing.inputs.TextInput",
    "str | None",
    "streamlet.testing.inputs.Button",
    "bool",
    "streamlet.testing.blocks.Block",
    "streamlet.testing.inputs.WidgetList[streamlet.testing.inputs.NumberInput]",
    "float",
    "streamlet.testing.nodes.ElementList[streamlet.testing.nodes.Code]",
    "list[str]",
]


def revealed_types(source: str, tmp_path: Path) -> tuple[list[str], str]:
    """What mypy reveals for each ``reveal_type`` of ``source``, in order, and mypy's whole output."""
    path = tmp_path / "test_user_app.py"
    path.write_text(source, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT / "runtime" / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context", "--no-color-output",
         "--cache-dir", str(tmp_path / "mypy-cache"), str(path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env,
    )
    output = proc.stdout + proc.stderr
    revealed = re.findall(r'note: Revealed type is "(.*)"', output)
    return [kind.replace("builtins.", "") for kind in revealed], output  # older mypy spells builtins out


def test_element_lists_are_typed_for_mypy(tmp_path: Path) -> None:
    revealed, output = revealed_types(USER_TEST, tmp_path)
    assert revealed == EXPECTED, output
    assert "error" not in output, output


def test_an_unknown_list_is_a_type_error(tmp_path: Path) -> None:
    """The lists are real attributes: a misspelt one is caught before the test runs, as with Streamlit."""
    source = 'from streamlet.testing import AppTest\nAppTest.from_string("").run().sliders\n'
    _, output = revealed_types(source, tmp_path)
    assert '"AppTest" has no attribute "sliders"' in output, output
