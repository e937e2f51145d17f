"""The runtime wheel holds only what the browser runs.

The build-time tools (``streamlet_site``: the markdown parser, the page checks, the mkdocs
and pytest plugins, the local server) are a package of their own; no file of the wheel may
be one of them or import them, mkdocs, pytest or PyYAML, and every ``streamlet`` module a
file of the wheel imports must be in the wheel, or the page fails only in the reader's browser.
"""
from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIME_IMPORTS = frozenset({"mkdocs", "pytest", "_pytest", "yaml", "markdown", "pymdownx", "streamlet_site"})
BUILD_TIME_FILES = ("streamlet/docsite/", "streamlet/snippets/parse.py", "streamlet/snippets/pages.py",
                    "streamlet/snippets/pytest_plugin.py", "streamlet/protocol.", "streamlet_site/")
# What the worker imports (bridge) and what the page's "check" request needs in Pyodide.
BROWSER_FILES = ("streamlet/bridge.py", "streamlet/testing/__init__.py", "streamlet/snippets/check.py",
                 "streamlet/snippets/model.py", "streamlet/snippets/failure_text.py")


def _wheel() -> Path:
    wheels = sorted((ROOT / "runtime" / "dist").glob("streamlet-*.whl"))
    if len(wheels) != 1:
        pytest.fail(f"expected one runtime wheel in runtime/dist, found {len(wheels)}: run 'make build'")
    return wheels[0]


def build_time_files(names: list[str]) -> list[str]:
    return [name for name in names if name.startswith(BUILD_TIME_FILES)]


def _imported(path: str, tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) for every import of a file, at the top or inside a function, relative ones made absolute."""
    package = path[: -len(".py")].split("/")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.append((node.lineno, ".".join(base + (node.module.split(".") if node.module else []))))
    return sorted(found)


def import_problems(sources: dict[str, str]) -> list[str]:
    """One line per import of build-time code, or of a ``streamlet`` module the wheel does not hold."""
    modules = {path[: -len(".py")].removesuffix("/__init__").replace("/", ".") for path in sources}
    problems = []
    for path, source in sorted(sources.items()):
        for line, module in _imported(path, ast.parse(source, path)):
            root = module.split(".")[0]
            if root in BUILD_TIME_IMPORTS:
                problems.append(f"{path}:{line} imports {module}, build-time code")
            elif root == "streamlet" and module not in modules:
                problems.append(f"{path}:{line} imports {module}, which the wheel does not hold")
    return problems


def _python_sources(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".py")}


def test_the_wheel_holds_what_the_browser_runs_and_no_build_time_module() -> None:
    with zipfile.ZipFile(_wheel()) as archive:
        names = archive.namelist()
    assert not build_time_files(names), build_time_files(names)
    assert [name for name in BROWSER_FILES if name not in names] == []


def test_no_module_of_the_wheel_imports_build_time_code() -> None:
    sources = _python_sources(_wheel())
    assert len(sources) > 10, sorted(sources)
    assert import_problems(sources) == []


def test_the_wheel_declares_no_build_time_entry_point_or_dependency() -> None:
    with zipfile.ZipFile(_wheel()) as archive:
        metadata = {name.rsplit("/", 1)[1]: archive.read(name).decode("utf-8") for name in archive.namelist()
                    if ".dist-info/" in name}
    assert "entry_points.txt" not in metadata, metadata.get("entry_points.txt")
    assert "Requires-Dist:" not in metadata["METADATA"], metadata["METADATA"]


def test_the_checks_catch_a_build_time_module_and_its_imports(tmp_path: Path) -> None:
    wheel = tmp_path / "streamlet-0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("streamlet/__init__.py", "")
        archive.writestr("streamlet/snippets/__init__.py", "")
        archive.writestr("streamlet/snippets/check.py", "from . import model\nfrom .model import Step\n")
        archive.writestr("streamlet/snippets/model.py", "import json\n")
        archive.writestr("streamlet/docsite/serve.py", "import http.server\n")
        archive.writestr("streamlet/bridge.py", "def check():\n    from .snippets.parse import parse_page\n"
                                                "import yaml\nfrom streamlet_site import pages\n")
    names = zipfile.ZipFile(wheel).namelist()
    assert build_time_files(names) == ["streamlet/docsite/serve.py"]
    assert import_problems(_python_sources(wheel)) == [
        "streamlet/bridge.py:2 imports streamlet.snippets.parse, which the wheel does not hold",
        "streamlet/bridge.py:3 imports yaml, build-time code",
        "streamlet/bridge.py:4 imports streamlet_site, build-time code",
    ]
