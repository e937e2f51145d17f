"""The element tree: plain, JSON-able dicts, the one protocol between runner, tests and page.

A leaf is ``{"type": "markdown", "body": ...}``; a block (form, columns, container,
expander, sidebar) is a dict with ``children``. :class:`Block` builds one during a run.
"""
from __future__ import annotations

import math
import sys
import traceback
from pathlib import Path
from typing import Any

from .errors import Error, StreamlitAPIException, StreamlitUnavailableCommandError

_PACKAGE_DIR = Path(__file__).resolve().parent


class Block:
    """A container that elements are appended to while the script runs."""

    def __init__(self, type: str, **fields: Any) -> None:
        self.node: dict[str, Any] = {"type": type, **fields, "children": []}

    @property
    def children(self) -> list[dict[str, Any]]:
        return self.node["children"]  # type: ignore[no-any-return]

    def add(self, element: dict[str, Any]) -> dict[str, Any]:
        self.node["children"].append(element)
        return element

    def add_block(self, block: Block) -> Block:
        self.children.append(block.node)
        return block


def _is_internal(filename: str) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(_PACKAGE_DIR)
    except (OSError, ValueError):
        return False


def _drop_internal(tbe: traceback.TracebackException) -> None:
    tbe.stack[:] = [f for f in tbe.stack if not _is_internal(f.filename)]
    for chained in (tbe.__cause__, tbe.__context__):
        if chained is not None:
            _drop_internal(chained)


def _has_frames(tbe: traceback.TracebackException) -> bool:
    if tbe.stack:
        return True
    if tbe.__cause__ is not None:
        return _has_frames(tbe.__cause__)
    if tbe.__context__ is not None and not tbe.__suppress_context__:
        return _has_frames(tbe.__context__)
    return False


def _rows(tbe: traceback.TracebackException, with_exception_line: bool) -> list[str]:
    """Frames of the chain, oldest first; the outermost type and message are the header's."""
    rows: list[str] = []
    separator = None
    if tbe.__cause__ is not None:
        rows = _rows(tbe.__cause__, True)
        separator = "The above exception was the direct cause of the following exception:"
    elif tbe.__context__ is not None and not tbe.__suppress_context__:
        rows = _rows(tbe.__context__, True)
        separator = "During handling of the above exception, another exception occurred:"
    own = [item.strip() for item in tbe.stack.format()]
    if with_exception_line:
        own += [line.rstrip("\n") for line in tbe.format_exception_only() if line.strip()]
    if rows and own and separator:
        rows.append(separator)
    return rows + own


def stack_trace(exc: BaseException) -> list[str]:
    """The user-facing traceback: frames inside this runtime are left out, as Streamlit leaves out its own."""
    tbe = traceback.TracebackException.from_exception(exc)
    _drop_internal(tbe)
    if not _has_frames(tbe):
        # Raised by the runtime itself after the script (e.g. an unserializable session state): its
        # own frames, as Streamlit shows its own, named as the reader imports them, never by a path
        # of the machine that built the page.
        tbe = traceback.TracebackException.from_exception(exc)
        _rename_internal(tbe)
    return _rows(tbe, False)


def _rename_internal(tbe: traceback.TracebackException) -> None:
    for frame in tbe.stack:
        if _is_internal(frame.filename):
            frame.filename = "streamlit/" + Path(frame.filename).resolve().relative_to(_PACKAGE_DIR).as_posix()
    for chained in (tbe.__cause__, tbe.__context__):
        if chained is not None:
            _rename_internal(chained)


def qualified_type(exc: BaseException) -> str:
    """The class name as Streamlit prints an uncaught exception: ``streamlit.errors.X``, ``KeyError``."""
    cls = type(exc)
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def syntax_error_message(exc: SyntaxError) -> str:
    """A compile error as Python prints it: the file and line, the line itself, a caret, the error."""
    if not exc.text:
        return str(exc)
    caret = " " * max((exc.offset or 1) - 1, 0)
    return (f'File "{exc.filename}", line {exc.lineno}\n  {exc.text.rstrip()}\n  {caret}^\n'
            f"{type(exc).__name__}: {exc.msg}")


def _hint(exc: BaseException) -> dict[str, Any]:
    """What the page adds below the message, in its own language: ``hint`` and its details.

    ``unavailable-command``: a real Streamlit command or module this runtime lacks (``command``:
    ``st.balloons``, ``streamlit.components``).
    ``third-party-module``: a module outside the standard library (``module``: ``pandas``); live
    examples run without third-party packages.
    """
    if isinstance(exc, StreamlitUnavailableCommandError):
        return {"hint": "unavailable-command", "command": exc.command}
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        if exc.name.startswith("streamlit."):  # streamlit.components.v1, streamlit.runtime, ...
            return {"hint": "unavailable-command", "command": exc.name}
        top = exc.name.partition(".")[0]
        if top and top not in sys.stdlib_module_names and top not in ("streamlit", "streamlet"):
            return {"hint": "third-party-module", "module": top}
    return {}


def exception_element(exc: BaseException, *, uncaught: bool = False) -> dict[str, Any]:
    """An exception as the page shows it; ``uncaught`` names the type fully, as Streamlit does."""
    compile_error = isinstance(exc, SyntaxError)
    return {
        "type": "exception",
        "exc_type": qualified_type(exc) if uncaught else type(exc).__name__,
        "message": syntax_error_message(exc) if isinstance(exc, SyntaxError) else str(exc).strip(),
        "message_is_markdown": isinstance(exc, StreamlitAPIException),
        # A compile error has no frames of the script; the message shows where it is.
        "stack_trace": [] if compile_error else stack_trace(exc),
        "is_warning": isinstance(exc, Warning),
        "is_streamlit_exception": isinstance(exc, Error),
        **_hint(exc),
    }


def json_safe(value: Any) -> Any:
    """JSON.parse rejects NaN and Infinity: send them as the text Python prints; tuples become lists."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value
