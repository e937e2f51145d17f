"""The worker's first import stays lean: modules only some scripts need are imported where they are used.

In Pyodide these three cost about half of ``import streamlet.bridge`` (tomllib 150 ms, pickle 150 ms,
difflib 100 ms under Node on a loaded machine); a page's first click waits for that import whenever
Python boots without its memory snapshot.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "emscripten",
                                reason="needs a fresh interpreter in a subprocess, which Pyodide cannot start")

DEFERRED = ("pickle", "tomllib", "difflib")


def imported_by(statement: str) -> list[str]:
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {DEFERRED!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return proc.stdout.split()


def test_the_bridge_imports_none_of_the_deferred_modules() -> None:
    assert imported_by("import streamlet.bridge") == []


def test_the_check_sees_them_when_they_are_used() -> None:
    # The probe itself works: using a config imports tomllib.
    assert imported_by("from streamlet.config import Config\nConfig.from_toml('')") == ["tomllib"]
