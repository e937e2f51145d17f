"""The runtime in a Pyodide memory snapshot, made and restored as the build and the worker do it.

Pyodide cannot put a JavaScript object into a snapshot ("Can't serialize object"), so importing
``streamlet.bridge`` must reach no JavaScript: a module-level ``import js`` or ``pyodide_js`` (or
anything from ``pyodide``) anywhere in the runtime fails the static test here, and whatever reaches
JavaScript another way fails the round trip.
"""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .test_snippets_in_pyodide import ROOT, _wheel

pytestmark = pytest.mark.pyodide

RUNTIME = ROOT / "runtime" / "src" / "streamlet"
JS_MODULES = ("js", "pyodide_js", "pyodide")


def module_level_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """Imports that run when the module is imported: not inside a function (a class body runs too)."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.lineno, child.module))
            visit(child)

    visit(tree)
    return found


def js_imports(source: str) -> list[tuple[int, str]]:
    return [(line, name) for line, name in module_level_imports(ast.parse(source))
            if name.split(".")[0] in JS_MODULES]


def test_the_scan_finds_what_it_looks_for() -> None:
    assert js_imports("import js\nimport pyodide_js as p\nfrom pyodide.ffi import to_js\n") == [
        (1, "js"), (2, "pyodide_js"), (3, "pyodide.ffi")]
    assert js_imports("try:\n    import pyodide_js\nexcept ImportError:\n    pass\n") == [(2, "pyodide_js")]
    assert js_imports("def f():\n    import pyodide_js\n    return pyodide_js\n") == []
    assert js_imports("import json\nfrom .hooks import x\n") == []


def test_no_runtime_module_reaches_javascript_when_imported() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {name}"
             for path in sorted(RUNTIME.rglob("*.py"))
             for line, name in js_imports(path.read_text(encoding="utf-8"))]
    assert found == [], "imported at module level (a memory snapshot cannot hold it; import it where used):\n" \
        + "\n".join(found)


@pytest.fixture(scope="module")
def restored() -> dict[str, Any]:
    if shutil.which("node") is None:
        pytest.fail("node is not installed")
    proc = subprocess.run(["node", str(ROOT / "tests/pyodide/run_snapshot.mjs"), str(_wheel())],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_snapshot_with_the_runtime_imported_runs_events_and_checks(restored: dict[str, Any],
                                                                   report: Any) -> None:
    assert restored["python"].startswith("3.14")
    package = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))
    assert restored["stamp"]["pyodide"] == package["version"]
    assert restored["stamp"]["wheel"] == Path(_wheel()).name
    assert restored["run"]["type"] == "render"
    markdown = [e["body"] for e in restored["event"]["elements"] if e["type"] == "markdown"]
    assert markdown == ["n = `1`"], restored["event"]
    assert restored["check"] == {"type": "checked", "id": 3, "ok": True, "failures": []}
    # A module imported afresh is read from the wheel, written again after restoring (runtime-zip.js).
    assert restored["later"] == "AppTest"
    report(f"pyodide: a memory snapshot of the runtime made in {restored['make_ms']} ms "
           f"({restored['stamp']['bytes'] / 1e6:.1f} MB), restored and ready in {restored['restore_ms']} ms under Node")
