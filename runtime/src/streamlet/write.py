"""``st.write``: Streamlit's rules for turning arguments into elements.

Strings and plain values gather into one markdown element, joined by a space;
other values (exceptions, dicts and lists, functions and classes) flush that
text and become elements of their own.
"""
from __future__ import annotations

import dataclasses
import inspect
import re
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from io import StringIO
from typing import Any

_MEM_ADDRESS = re.compile(r"^\<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+\>$")
_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)
_PLAIN_NUMBERS = frozenset({int, float, bool})
_JSON_TYPES = (
    dict, list, map, enumerate, types.MappingProxyType, UserDict, ChainMap, UserList,
    ItemsView, KeysView, ValuesView,
)


def _longest_run(text: str, char: str) -> int:
    best = run = 0
    for c in text:
        run = run + 1 if c == char else 0
        best = max(best, run)
    return best


def as_inline_code(value: Any) -> str:
    """A value as ``st.write`` shows it inside text: a code span, or a code block if multi-line."""
    text = str(value)
    if "\n" in text:
        fence = "`" * max(3, _longest_run(text, "`") + 1)
        return f"{fence}\n{text}\n{fence}"
    fence = "`" * (_longest_run(text, "`") + 1)
    return f"{fence}{text}{fence}"


_PROXY: list[type] = []


def _is_json_like(value: Any) -> bool:
    if not _PROXY:
        from .state import SessionStateProxy  # late: state imports widgets, which this module must not need

        _PROXY.append(SessionStateProxy)
    if isinstance(value, _JSON_TYPES) or isinstance(value, _PROXY[0]):
        return True
    return isinstance(value, tuple) and callable(getattr(value, "_asdict", None))


def help_node(value: Any) -> dict[str, Any]:
    """What ``st.help`` shows of an object: its name, its type and its docstring."""
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None) or type(value).__name__
    doc = inspect.getdoc(value) or ""
    return {"type": "help", "name": str(name), "value_type": type(value).__name__, "doc": doc}


def write(dg: Any, args: tuple[Any, ...], unsafe_allow_html: bool) -> None:
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            dg.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    for arg in args:
        kind = type(arg)
        if kind is str:
            buffer.append(arg)
        elif kind in _PLAIN_NUMBERS:
            buffer.append(f"`{arg}`")  # no backtick or newline in a number's text
        elif isinstance(arg, str):
            buffer.append(arg)
        elif isinstance(arg, Exception):
            flush()
            dg.exception(arg)
        elif _is_json_like(arg):
            flush()
            dg.json(arg)
        elif isinstance(arg, StringIO):
            flush()
            dg.markdown(arg.getvalue())
        elif isinstance(arg, _HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
            flush()
            dg.help(arg)
        else:
            text = str(arg)
            if _MEM_ADDRESS.match(text):
                flush()
                dg.help(arg)
            else:
                buffer.append(as_inline_code(text))
    flush()
