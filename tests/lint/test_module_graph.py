"""The runtime's modules form a graph without cycles, and none reaches into another's private names.

Every import counts, also those inside functions and under ``TYPE_CHECKING``: a cycle hidden
in a function is still a cycle a reader has to untangle. A private name (``_x``) may be used
through another object only in the module that defines it, or in a module whose classes
inherit from the class that defines it (a mixin calling its base's helpers).
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(p.parent for p in (ROOT / "runtime").glob("**/src/*/__init__.py"))


def _module_name(path: Path, package_dir: Path) -> str:
    parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    found = {}
    for package_dir in PACKAGES:
        for path in sorted(package_dir.rglob("*.py")):
            found[_module_name(path, package_dir)] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return found


MODULES = _modules()


def _package_of(name: str) -> str:
    path = MODULES[name][0]
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _resolve(importer: str, node: ast.ImportFrom) -> Iterator[str]:
    """The project modules an ``import`` or ``from ... import`` names (none for other packages)."""
    if node.level:
        base = _package_of(importer)
        for _ in range(node.level - 1):
            base = base.rpartition(".")[0]
        target = f"{base}.{node.module}" if node.module else base
    else:
        target = node.module or ""
    for alias in node.names:
        if f"{target}.{alias.name}" in MODULES:
            yield f"{target}.{alias.name}"
        elif target in MODULES:
            yield target


def _imports(name: str) -> set[str]:
    tree = MODULES[name][1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.update(_resolve(name, node))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
    found.discard(name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_module_graph_has_no_cycles() -> None:
    graph = {name: _imports(name) for name in MODULES}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# -- private names ----------------------------------------------------------

def _defined_names(tree: ast.Module) -> set[str]:
    """Names a module defines: functions, classes, assignments, and ``self._x = ...`` attributes."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _imported_names(name: str) -> dict[str, str]:
    """Local name -> the project module it was imported from (``from .x import Name``)."""
    found: dict[str, str] = {}
    for node in ast.walk(MODULES[name][1]):
        if isinstance(node, ast.ImportFrom):
            for alias, target in zip(node.names, _resolve_each(name, node)):
                if target is not None:
                    found[alias.asname or alias.name] = target
    return found


def _resolve_each(importer: str, node: ast.ImportFrom) -> list[str | None]:
    out: list[str | None] = []
    for alias in node.names:
        single = ast.ImportFrom(module=node.module, names=[alias], level=node.level)
        targets = list(_resolve(importer, single))
        out.append(targets[0] if targets else None)
    return out


def _base_modules(name: str, seen: set[str] | None = None) -> set[str]:
    """Modules defining the (project) base classes of this module's classes, transitively."""
    seen = set() if seen is None else seen
    imported = _imported_names(name)
    for node in ast.walk(MODULES[name][1]):
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                target = imported.get(base.id) if isinstance(base, ast.Name) else None
                if target and target not in seen:
                    seen.add(target)
                    _base_modules(target, seen)
    return seen


def _foreign_modules(tree: ast.Module) -> set[str]:
    """Local names bound to modules from outside the project (``os``, ``sys``): their privates are theirs."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names if a.name not in MODULES)
    return names


def _private_reaches(name: str) -> list[str]:
    tree = MODULES[name][1]
    allowed = set(_defined_names(tree))
    for base in _base_modules(name):
        allowed |= _defined_names(MODULES[base][1])
    foreign = _foreign_modules(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_") or node.attr.startswith("__"):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and (owner.id in ("self", "cls") or owner.id in foreign):
            continue
        if node.attr not in allowed:
            found.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_reaches_into_another_modules_private_names(name: str) -> None:
    assert _private_reaches(name) == []
