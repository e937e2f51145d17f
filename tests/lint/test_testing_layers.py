"""``streamlet.testing`` is built in layers: each module imports only the modules below it.

Imports under ``TYPE_CHECKING`` and inside functions count too, so an element never reaches
``AppTest`` except through the ``Root`` protocol of ``nodes``. (``test_module_graph`` checks the
whole package for cycles and private reaches; this keeps the order inside ``testing`` fixed.)
"""
from __future__ import annotations

import ast
from pathlib import Path

TESTING = Path(__file__).resolve().parents[2] / "runtime" / "src" / "streamlet" / "testing"
LAYERS = ["nodes", "inputs", "blocks", "app"]
"""Bottom first: elements and the Root protocol, widgets, blocks and the typed lists, AppTest."""


def _tree(module: str) -> ast.Module:
    path = TESTING / f"{module}.py"
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def imports_of(tree: ast.Module) -> set[str]:
    """The ``streamlet.testing`` modules a module imports, wherever the import statement is."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                found |= {node.module} if node.module else {alias.name for alias in node.names}
            elif node.level == 0 and (node.module or "").startswith("streamlet.testing."):
                found.add((node.module or "").split(".")[2])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[2] for a in node.names if a.name.startswith("streamlet.testing.")}
    return found


def test_every_module_has_a_layer() -> None:
    modules = {path.stem for path in TESTING.glob("*.py")} - {"__init__"}
    assert modules == set(LAYERS)


def test_modules_import_only_the_layers_below_them() -> None:
    wrong = {module: sorted(imports_of(_tree(module)) - set(LAYERS[:i])) for i, module in enumerate(LAYERS)}
    assert {module: names for module, names in wrong.items() if names} == {}


def test_imports_under_type_checking_and_in_functions_are_found() -> None:
    source = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .app import AppTest\n"
                       "def f():\n    from streamlet.testing.blocks import Block\n    from . import inputs\n")
    assert imports_of(source) == {"app", "blocks", "inputs"}
