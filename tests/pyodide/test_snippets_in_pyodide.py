"""The docs' snippets replayed inside Pyodide under Node, with the wheel the site serves."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from streamlet_site.parse import parse_page

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.pyodide


def _wheel() -> Path:
    """The browser's copy of the wheel (streamlet_site.browser_wheel), which the site serves gzipped."""
    wheels = sorted((ROOT / "runtime" / "dist" / "browser").glob("streamlet-*.whl"))
    if len(wheels) != 1:
        pytest.fail(f"expected one runtime wheel in runtime/dist/browser, found {len(wheels)}: run 'make build'")
    return wheels[0]


def test_every_doc_snippet_passes_in_pyodide(tmp_path: Path, report: Any) -> None:
    if shutil.which("node") is None:
        pytest.fail("node is not installed")
    snippets = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        rel = page.relative_to(ROOT).as_posix()
        snippets += [s.to_dict() for s in parse_page(page.read_text(encoding="utf-8"), rel) if not s.norun]
    assert snippets, "no snippets found under docs/"
    data = tmp_path / "snippets.json"
    data.write_text(json.dumps(snippets), encoding="utf-8")
    proc = subprocess.run(
        ["node", str(ROOT / "tests/pyodide/run_snippets.mjs"), str(_wheel()), str(data)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["python"].startswith("3.14"), result["python"]
    assert len(result["results"]) == len(snippets)
    failures = [f"{r['where']}: {f}" for r in result["results"] for f in r["failures"]]
    assert not failures, "\n".join(failures)
    report(f"pyodide: {len(snippets)} doc snippets replayed in Pyodide {result['python']} "
           f"(load {result['load_ms']} ms, checks {result['check_ms']} ms)")
