"""What the interpreter looks like to a script while it runs, put back as it was afterwards.

- ``print()`` and writes to ``sys.stderr`` go to the run's log (Streamlit prints them to the
  server's terminal; the page shows them in the block's log area), capped at
  :data:`MAX_LOG_LINES` lines per run; the lines left out are counted.
- ``os._exit(n)`` ends the run as ``sys.exit(n)`` does instead of ending Python: in Pyodide it
  would kill the interpreter, and with it every other live block on the page.
- In Pyodide only:

  - ``time.sleep`` sleeps in short slices and looks at the interrupt buffer between them, so
    the page's Stop button (which writes SIGINT there) ends a sleeping script at once.
  - The recursion limit is lowered to :data:`SCRIPT_RECURSION_LIMIT`. Python frames cost no C
    stack, but recursion through C (``functools.partial``, ``lru_cache``, ``map``, ``__repr__``)
    does, and the browser's own stack for WebAssembly is far smaller than what CPython's C
    stack check assumes: past it Pyodide dies with a fatal ``RangeError: Maximum call stack
    size exceeded`` instead of raising ``RecursionError``. Measured with Pyodide 314.0.7 and
    ``partial`` recursion (the costliest found): under Node 20's main thread a limit of 225
    crashes and 200 raises ``RecursionError``; in Chromium's Web Worker 500 still raises and
    1000 crashes. Pure-Python recursion deeper than about 180 frames is the price.
  - ``json`` decodes and encodes with its pure-Python scanner and encoder, whose nesting is
    Python recursion and so ends in ``RecursionError`` (the C ones recurse in C:
    ``json.loads("[" * 100000 + "]" * 100000)`` crashed Pyodide).

Each run pays a few attribute swaps (microseconds).

What still kills Pyodide: C recursion without Python frames in between, e.g. freeing or
``repr()`` of a list nested 100,000 deep that the script built in a loop (CPython 3.14's own
C-stack check misjudges WebAssembly's stack there). The worker then sees an exception whose
``pyodide_fatal_error`` is true (``RangeError: Maximum call stack size exceeded``), and every
later call fails with "Pyodide already fatally failed and can no longer be used.".
"""
from __future__ import annotations

import io
import json
import json.decoder
import json.encoder
import json.scanner
import os
import sys
import time
from collections.abc import Callable
from typing import Any

IN_PYODIDE = sys.platform == "emscripten"
MAX_LOG_LINES = 200
"""Lines of ``print()`` output (and warnings) one run keeps; the rest are only counted."""
SLEEP_SLICE = 0.05
"""Seconds ``time.sleep`` sleeps between two looks at the interrupt buffer (Pyodide)."""
SCRIPT_RECURSION_LIMIT = 200
"""The recursion limit while a script runs in Pyodide (see the module's docstring)."""


def _interrupt_check() -> Callable[[], None] | None:
    """Pyodide's ``checkInterrupt``: raises KeyboardInterrupt if the page wrote SIGINT to the buffer."""
    if not IN_PYODIDE:
        return None
    try:
        import pyodide_js  # type: ignore[import-not-found]

        check = pyodide_js.checkInterrupt
    except Exception:  # noqa: BLE001 - without it, sleeping is not interruptible: the page replaces the worker
        return None
    sink = io.StringIO()

    def check_quietly() -> None:
        # checkInterrupt writes "KeyboardInterrupt" to sys.stderr, which is the run's log here.
        err = sys.stderr
        sys.stderr = sink
        try:
            check()
        finally:
            sys.stderr = err
            sink.seek(0)
            sink.truncate()

    return check_quietly


_CHECK_INTERRUPT: list[Callable[[], None] | None] = []


def interrupt_check() -> Callable[[], None] | None:
    """The interrupt check, looked up on first use rather than at import: a memory snapshot of
    Pyodide taken after importing the runtime must hold no reference to a JavaScript object."""
    if not _CHECK_INTERRUPT:
        _CHECK_INTERRUPT.append(_interrupt_check())
    return _CHECK_INTERRUPT[0]


class LogStream(io.TextIOBase):
    """``sys.stdout`` and ``sys.stderr`` during a run: whole lines into ``log``, at most MAX_LOG_LINES."""

    encoding = "utf-8"

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.start(log)

    def start(self, log: list[str]) -> None:
        """Write into ``log`` from now on, counting afresh (a session reuses its stream run after run)."""
        self.log = log
        self.partial = ""
        self.pending = False  # a line past the cap has begun and not ended
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:  # type: ignore[override]
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        log = self.log
        if len(log) >= MAX_LOG_LINES:  # past the cap: only count (20,000 prints stay fast)
            ends = text.count("\n")
            if ends:
                self.dropped += ends
                self.pending = not text.endswith("\n")
            elif text:
                self.pending = True
            return len(text)
        if "\n" not in text:
            self.partial += text
            return len(text)
        lines = (self.partial + text).split("\n")
        self.partial = lines.pop()
        room = MAX_LOG_LINES - len(log)
        log.extend(lines[:room])
        if len(lines) > room:
            self.dropped += len(lines) - room
        if len(log) >= MAX_LOG_LINES and self.partial:
            self.partial, self.pending = "", True
        return len(text)

    def finish(self) -> int:
        """End the run's output (a last line without a newline counts); the number of lines left out."""
        if self.partial:
            if len(self.log) < MAX_LOG_LINES:
                self.log.append(self.partial)
            else:
                self.dropped += 1
            self.partial = ""
        if self.pending:
            self.dropped += 1
            self.pending = False
        return self.dropped


def _exit_run(status: Any) -> None:
    """``os._exit`` while a script runs: end the run as ``sys.exit`` does, keep Python alive."""
    raise SystemExit(status)


_exit_run.__name__ = _exit_run.__qualname__ = "_exit"  # errors name it as the script called it


def interruptible_sleep(real_sleep: Callable[[float], Any], check: Callable[[], None]) -> Callable[[float], None]:
    """``time.sleep`` in slices of SLEEP_SLICE seconds with ``check()`` between them.

    Anything but a plain finite number above one slice (negative, NaN, a wrong type) goes to
    ``real_sleep`` as it is, so the errors are Python's own.
    """

    def sleep(secs: float) -> None:
        kind = type(secs)
        if (kind is not float and kind is not int) or not SLEEP_SLICE < secs < 1e9:
            real_sleep(secs)
            return
        deadline = time.monotonic() + secs
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            real_sleep(min(remaining, SLEEP_SLICE))
            check()

    sleep.__name__ = sleep.__qualname__ = "sleep"
    sleep.__doc__ = getattr(real_sleep, "__doc__", None)
    return sleep


_PY_DECODER: list[json.JSONDecoder] = []
# The modules whose attributes a run swaps, untyped: typeshed types them as fixed.
_json: Any = json
_scanner: Any = json.scanner
_encoder: Any = json.encoder
_time: Any = time
_os: Any = os


class ScriptHooks:
    """``with ScriptHooks(stream):`` around the callbacks and the script of one pass."""

    __slots__ = ("stream", "saved", "pyodide")

    def __init__(self, stream: LogStream, *, pyodide: bool = IN_PYODIDE,
                 check: Callable[[], None] | None = None) -> None:
        self.stream = stream
        self.pyodide: Callable[[], None] | None = None
        if pyodide:
            self.pyodide = check or interrupt_check() or (lambda: None)

    def __enter__(self) -> None:
        self.saved: tuple[Any, ...] = (sys.stdout, sys.stderr, _os._exit)
        sys.stdout = sys.stderr = self.stream
        _os._exit = _exit_run
        if self.pyodide is not None:
            if not _PY_DECODER:
                original = _scanner.make_scanner
                _scanner.make_scanner = _scanner.py_make_scanner
                _PY_DECODER.append(json.JSONDecoder())
                _scanner.make_scanner = original
            self.saved += (sys.getrecursionlimit(), _time.sleep, _json._default_decoder,
                           _scanner.make_scanner, _encoder.c_make_encoder)
            try:
                sys.setrecursionlimit(SCRIPT_RECURSION_LIMIT)
            except RecursionError:  # already deeper than that: keep the limit
                pass
            _time.sleep = interruptible_sleep(_time.sleep, self.pyodide)
            _json._default_decoder = _PY_DECODER[0]
            _scanner.make_scanner = _scanner.py_make_scanner
            _encoder.c_make_encoder = None

    def __exit__(self, *exc: object) -> None:
        saved = self.saved
        sys.stdout, sys.stderr, _os._exit = saved[0], saved[1], saved[2]
        if len(saved) > 3:
            sys.setrecursionlimit(saved[3])
            _time.sleep, _json._default_decoder, _scanner.make_scanner, _encoder.c_make_encoder = saved[4:]
