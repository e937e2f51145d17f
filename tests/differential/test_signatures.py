"""Every ``st.*`` command streamlet offers takes exactly the parameters of Streamlit 1.67.0's.

Real Streamlit (``.venv-streamlit``, a subprocess) reports, for each command streamlet
implements, as ``st.<name>`` and as a method of a DeltaGenerator (``st.sidebar.<name>``):
the signature (each parameter's name, kind and default) and the TypeError a misspelt
keyword raises. streamlet's must be the same, parameter for parameter and word for word.
"""
from __future__ import annotations

import inspect
import json
import subprocess
from typing import Any

import pytest

import streamlet.api as st
from streamlet.generator import DeltaGenerator

from .engines import REFERENCE_PYTHON

MISSPELT = "on_clik"
"""A keyword no command takes."""


def implemented() -> list[str]:
    """The public names of ``streamlit`` that streamlet's ``st`` provides as commands."""
    names = []
    for name in sorted(st.STREAMLIT_NAMES):
        try:
            value = getattr(st, name)
        except Exception:  # noqa: BLE001 - an unavailable command raises on access
            continue
        if callable(value):
            names.append(name)
    return names


def generator_methods() -> list[str]:
    """The commands a DeltaGenerator (``st.sidebar``, a column, a form) offers."""
    return [name for name in implemented() if callable(getattr(DeltaGenerator, name, None))]


def default_text(value: Any) -> str:
    """A default as text; a module by its name only (``st.help``'s default is the streamlit module)."""
    return f"<module {value.__name__!r}>" if inspect.ismodule(value) else repr(value)


def describe(func: Any) -> dict[str, Any]:
    """A signature as comparable data, and what a misspelt keyword raises."""
    params = [[p.name, p.kind.name, None if p.default is inspect.Parameter.empty else default_text(p.default)]
              for p in inspect.signature(func).parameters.values()]
    try:
        func(**{MISSPELT: 1})
        raised = None
    except TypeError as err:
        raised = str(err)
    return {"params": params, "raised": raised}


REFERENCE_SCRIPT = """
import inspect, json, sys
import streamlit as st
names, methods, misspelt = json.loads(sys.stdin.read())

def default_text(value):
    return f"<module {value.__name__!r}>" if inspect.ismodule(value) else repr(value)

def describe(func):
    params = [[p.name, p.kind.name, None if p.default is inspect.Parameter.empty else default_text(p.default)]
              for p in inspect.signature(func).parameters.values()]
    try:
        func(**{misspelt: 1})
        raised = None
    except TypeError as err:
        raised = str(err)
    return {"params": params, "raised": raised}

out = {"st": {n: describe(getattr(st, n)) for n in names},
       "sidebar": {n: describe(getattr(st.sidebar, n)) for n in methods}}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def reference() -> dict[str, dict[str, Any]]:
    if not REFERENCE_PYTHON.exists():
        pytest.fail(f"The reference Streamlit environment is missing ({REFERENCE_PYTHON}); run `make test`.",
                    pytrace=False)
    request = json.dumps([implemented(), generator_methods(), MISSPELT])
    proc = subprocess.run([str(REFERENCE_PYTHON), "-c", REFERENCE_SCRIPT], input=request, capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_lists_are_not_empty() -> None:
    # The comparison below is only as good as these lists.
    assert {"button", "title", "form", "columns", "rerun", "stop", "write"} <= set(implemented())
    assert {"button", "title", "form", "columns", "expander"} <= set(generator_methods())
    assert "rerun" not in generator_methods()


@pytest.mark.parametrize("name", implemented())
def test_st_command_has_streamlits_signature(reference: dict[str, dict[str, Any]], name: str) -> None:
    ours, theirs = describe(getattr(st, name)), reference["st"][name]
    assert ours["params"] == theirs["params"]
    assert ours["raised"] == theirs["raised"]


@pytest.mark.parametrize("name", generator_methods())
def test_generator_method_has_streamlits_signature(reference: dict[str, dict[str, Any]], name: str) -> None:
    ours, theirs = describe(getattr(st.sidebar, name)), reference["sidebar"][name]
    assert ours["params"] == theirs["params"]
    assert ours["raised"] == theirs["raised"]
