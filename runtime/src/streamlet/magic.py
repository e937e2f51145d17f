"""Magic: a bare expression statement in a script is written with ``st.write``.

The rules follow Streamlit's: calls, docstrings, ``yield`` and ``await`` are left
alone; a tuple writes each of its items; function, loop, ``with``, ``try``,
``if`` and ``match`` bodies are visited, class bodies only through their methods.
"""
from __future__ import annotations

import ast

MAGIC_NAME = "__streamlit_magic_write__"

_DOCSTRING_PARENTS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)
_NESTED: dict[type, tuple[str, ...]] = {
    ast.FunctionDef: ("body",),
    ast.AsyncFunctionDef: ("body",),
    ast.With: ("body",),
    ast.AsyncWith: ("body",),
    ast.For: ("body", "orelse"),
    ast.AsyncFor: ("body", "orelse"),
    ast.While: ("body", "orelse"),
    ast.If: ("body", "orelse"),
    ast.Try: ("body", "finalbody", "orelse"),
    ast.TryStar: ("body", "finalbody", "orelse"),
}


def add_magic(source: str, filename: str) -> ast.Module:
    tree = ast.parse(source, filename, "exec")
    _visit(tree, "body")
    ast.fix_missing_locations(tree)
    return tree


def _visit(parent: ast.AST, attr: str) -> None:
    for index, node in enumerate(getattr(parent, attr)):
        kind = type(node)
        if kind in _NESTED:
            for name in _NESTED[kind]:
                _visit(node, name)
            if kind in (ast.Try, ast.TryStar):
                for handler in node.handlers:  # type: ignore[attr-defined]
                    _visit(handler, "body")
        elif kind is ast.ClassDef:
            for inner in node.body:  # type: ignore[attr-defined]
                if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    _visit(inner, "body")
        elif kind is ast.Match:
            for case in node.cases:  # type: ignore[attr-defined]
                _visit(case, "body")
        elif kind is ast.Expr:
            _magic_expr(node, index, parent)  # type: ignore[arg-type]


def _magic_expr(node: ast.Expr, index: int, parent: ast.AST) -> None:
    value = node.value
    if isinstance(value, (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)):
        return
    is_docstring = (
        index == 0
        and isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and isinstance(parent, _DOCSTRING_PARENTS)
    )
    if is_docstring:
        return
    args = list(value.elts) if isinstance(value, ast.Tuple) else [value]
    node.value = ast.Call(func=ast.Name(id=MAGIC_NAME, ctx=ast.Load()), args=args, keywords=[])
