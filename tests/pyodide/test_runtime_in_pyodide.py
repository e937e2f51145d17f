"""The runtime's own test suite, run again inside Pyodide (Python 3.14, WebAssembly) under Node."""
from __future__ import annotations

import re
import subprocess
import sysconfig
from pathlib import Path
from typing import Any

import pytest

from .test_snippets_in_pyodide import ROOT, _wheel

pytestmark = pytest.mark.pyodide


def test_runtime_suite_passes_in_pyodide(report: Any) -> None:
    site_packages = sysconfig.get_paths()["purelib"]
    proc = subprocess.run(
        ["node", str(ROOT / "tests/pyodide/run_pytest.mjs"), str(_wheel()), site_packages,
         str(ROOT / "tests/runtime")],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert "python 3.14" in output, output[:500]
    passed = re.search(r"(\d+) passed", output)
    assert passed and int(passed.group(1)) > 0, output[-2000:]
    assert "failed" not in output.splitlines()[-1], output[-2000:]
    report(f"pyodide: the runtime's suite, {passed.group(0)} inside Pyodide (Python 3.14)")
