"""ARCHITECTURE.md's module tables are the map of the code: one row per module, and every
public ``st.*`` name in the row of the module that defines it.

A row's first cell is the module's dotted name in backticks (``streamlet.widgets.slider``);
a name is "in a row" when the row says it as inline code (```st.slider```).
"""
from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from streamlet import api

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "ARCHITECTURE.md"
PACKAGE_DIRS = sorted(p.parent for p in (ROOT / "runtime").glob("**/src/*/__init__.py"))
ROW = re.compile(r"^\|\s*`([a-z_][a-z0-9_.]*)`\s*\|(.*)\|\s*$")
ST_NAME = re.compile(r"`st\.([a-z_]+)`")


def _modules() -> set[str]:
    names = set()
    for package_dir in PACKAGE_DIRS:
        for path in package_dir.rglob("*.py"):
            parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
            names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _rows() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for line in ARCHITECTURE.read_text(encoding="utf-8").splitlines()
            if (m := ROW.match(line))]


def _public_names() -> list[str]:
    """Every ``st.*`` name streamlet provides (Streamlit's names that do not raise "unavailable")."""
    return sorted(name for name in api.STREAMLIT_NAMES if name in vars(api))


def _defining_module(obj: Any) -> str:
    """A function's or method's module; for an object (``st.session_state``, ``st.sidebar``), its class's."""
    func = obj.__func__ if inspect.ismethod(obj) else obj
    if inspect.isfunction(func):
        return func.__module__
    return type(obj).__module__


def test_every_module_has_exactly_one_row_and_every_row_a_module() -> None:
    named = [module for module, _ in _rows()]
    modules = _modules()
    assert sorted(m for m in modules if named.count(m) != 1) == []
    assert sorted(set(named) - modules) == []


def test_there_are_public_names_to_check() -> None:
    names = _public_names()
    assert {"slider", "session_state", "form", "button", "rerun"} <= set(names)


@pytest.mark.parametrize("name", _public_names())
def test_each_public_name_is_in_the_row_of_the_module_that_defines_it(name: str) -> None:
    rows_saying_it = [module for module, text in _rows() if name in ST_NAME.findall(text)]
    assert rows_saying_it == [_defining_module(getattr(api, name))]
