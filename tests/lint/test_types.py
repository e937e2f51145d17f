"""The runtime and the site tools stay mypy-clean (STYLE: typed, checked)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_runtime_and_site_tools_are_mypy_clean() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary",
         str(ROOT / "runtime" / "src" / "streamlet"), str(ROOT / "runtime" / "site-tools" / "src" / "streamlet_site")],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
