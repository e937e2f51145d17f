"""The runtime wheel holds only what the browser runs.

The build-time tools (``streamlet_site``: the markdown parser, the page checks, the mkdocs
and pytest plugins, the local server) are a package of their own; no file of the wheel may
be one of them or import them, mkdocs, pytest or PyYAML, and every ``streamlet`` module a
file of the wheel imports must be in the wheel, or the page fails only in the reader's browser.

The browser gets a copy of the wheel (``streamlet_site.browser_wheel``: entries stored, comments
dropped, no RECORD) that must be the same program: the same files, each module's syntax tree the
same, line and column numbers included.
"""
from __future__ import annotations

import ast
import io
import tokenize
import zipfile
from pathlib import Path

import pytest

from streamlet_site.browser_wheel import browser_wheel, without_comments

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


def _browser_wheel() -> Path:
    wheels = sorted((ROOT / "runtime" / "dist" / "browser").glob("streamlet-*.whl"))
    if len(wheels) != 1:
        pytest.fail(f"expected one runtime wheel in runtime/dist/browser, found {len(wheels)}: run 'make build'")
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


def _tree(source: str, name: str) -> str:
    return ast.dump(ast.parse(source, name), include_attributes=True)


def copy_problems(wheel: Path, copy: Path) -> list[str]:
    """Where the browser's copy is not the wheel's program: a file more or less, a module that differs."""
    with zipfile.ZipFile(wheel) as original, zipfile.ZipFile(copy) as browser:
        wanted = [name for name in original.namelist() if not name.endswith(".dist-info/RECORD")]
        if browser.namelist() != wanted:
            return [f"files: {browser.namelist()} instead of {wanted}"]
        problems = [f"{info.filename} is compressed" for info in browser.infolist()
                    if info.compress_type != zipfile.ZIP_STORED]
        for name in wanted:
            ours, theirs = original.read(name), browser.read(name)
            if not name.endswith(".py"):
                problems += [] if ours == theirs else [f"{name} differs"]
                continue
            ours_text, theirs_text = ours.decode("utf-8"), theirs.decode("utf-8")
            lines, wanted_lines = theirs_text.count("\n"), ours_text.count("\n")
            if lines != wanted_lines:
                problems.append(f"{name} has {lines} lines, not {wanted_lines}")
            elif _tree(ours_text, name) != _tree(theirs_text, name):
                problems.append(f"{name} is another program")
        return problems


def test_the_browsers_wheel_is_the_wheels_program_without_comments() -> None:
    copy = _browser_wheel()
    assert copy.name == _wheel().name
    assert copy_problems(_wheel(), copy) == []
    sources = _python_sources(copy)
    commented = [name for name, source in sources.items()
                 if any(token.type == tokenize.COMMENT
                        for token in tokenize.generate_tokens(io.StringIO(source).readline))]
    assert commented == []
    docstrings = [name for name, source in sources.items() if ast.get_docstring(ast.parse(source))]
    assert "streamlet/delta.py" in docstrings  # st.help shows them: they stay


def test_comments_go_and_lines_keep_their_place() -> None:
    source = ('x = "# not a comment"  # a comment\n'
              '    # only a comment\n'
              'y = [1,  # inside brackets\n'
              '     2]\r\n'
              'def f():\n'
              '    """# a docstring keeps its hash"""\n')
    assert without_comments(source) == ('x = "# not a comment"\n'
                                        '\n'
                                        'y = [1,\n'
                                        '     2]\r\n'
                                        'def f():\n'
                                        '    """# a docstring keeps its hash"""\n')


def test_the_copy_check_catches_a_changed_line_a_moved_line_and_a_missing_file(tmp_path: Path) -> None:
    wheel = tmp_path / "w" / "streamlet-0-py3-none-any.whl"
    wheel.parent.mkdir()
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("streamlet/a.py", "x = 1  # one\ny = 2\n")
        archive.writestr("streamlet/b.py", "# header\nz = 3\n")
        archive.writestr("streamlet-0.dist-info/RECORD", "streamlet/a.py,sha256=x,1\n")
    copy = browser_wheel(wheel, tmp_path / "browser")
    assert copy_problems(wheel, copy) == []
    assert zipfile.ZipFile(copy).read("streamlet/a.py") == b"x = 1\ny = 2\n"

    def rewritten(name: str, files: dict[str, str]) -> Path:
        target = tmp_path / name / wheel.name
        target.parent.mkdir()
        with zipfile.ZipFile(target, "w") as archive:
            for path, text in files.items():
                archive.writestr(path, text)
        return target

    assert copy_problems(wheel, rewritten("changed", {"streamlet/a.py": "x = 2\ny = 2\n",
                                                      "streamlet/b.py": "\nz = 3\n"})) == [
        "streamlet/a.py is another program"]
    assert copy_problems(wheel, rewritten("moved", {"streamlet/a.py": "x = 1\ny = 2\n",
                                                    "streamlet/b.py": "z = 3\n\n"})) == [
        "streamlet/b.py is another program"]
    assert copy_problems(wheel, rewritten("missing", {"streamlet/a.py": "x = 1\ny = 2\n"})) == [
        "files: ['streamlet/a.py'] instead of ['streamlet/a.py', 'streamlet/b.py']"]
