"""One session of one script: client events -> callbacks -> script -> element tree.

The order is Streamlit's: reset triggers, fold last run's values, take the
client's widget values, call the callbacks of the widgets that changed, run the
script top to bottom, then reset triggers and drop widgets not seen this run.
"""
from __future__ import annotations

import linecache
import sys
import types
from dataclasses import dataclass, field
from typing import Any

from . import api, context, errors
from .config import Config
from .elements import Block, exception_element
from .generator import DeltaGenerator
from .hooks import LogStream, ScriptHooks
from .magic import MAGIC_NAME, add_magic
from .run_report import RunRecorder
from .state import SessionState

SCRIPT_NAME = "streamlit_app.py"
RUN_WITHOUT_ERRORS_KEY = "$$STREAMLIT_INTERNAL_KEY_SCRIPT_RUN_WITHOUT_ERRORS"
MAX_RERUNS = 100
"""``st.rerun()`` in a loop stops after this many reruns, with an error, instead of hanging the page."""

_ALIASES = {"streamlit": api, "streamlit.errors": errors}


class streamlit_modules:  # noqa: N801 - used like the function it replaces: ``with streamlit_modules():``
    """Let the script ``import streamlit`` and ``streamlit.errors`` while it runs (a class: cheaper than
    a generator-based context manager on this per-run path)."""

    __slots__ = ("saved",)

    def __enter__(self) -> None:
        modules = sys.modules
        self.saved = [(name, modules.get(name)) for name in _ALIASES]
        modules.update(_ALIASES)  # type: ignore[arg-type]

    def __exit__(self, *exc: object) -> None:
        for name, module in self.saved:
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


@dataclass
class RunResult:
    """What one run (with the reruns it asked for) left behind."""

    elements: list[dict[str, Any]]
    log: list[str] = field(default_factory=list)
    reruns: int = 0
    interrupted: bool = False
    """The run was stopped from outside (the page's Stop button)."""
    log_dropped: int = 0
    """Lines of output past the log's cap (:data:`streamlet.hooks.MAX_LOG_LINES`), counted, not kept."""
    report: dict[str, Any] | None = None
    """With ``run(report=True)``: what the run did, for the page's timeline (:mod:`streamlet.run_report`)."""


def _magic_write(*args: Any) -> Any:
    api.write(*args)
    return args[0] if len(args) == 1 else args


class Session:
    """A browser tab's worth of state for one script."""

    def __init__(self, source: str, *, config: Config | None = None, filename: str = SCRIPT_NAME) -> None:
        self.source = source
        self.filename = filename
        self.config = config or Config()
        self.state = SessionState()
        self._code: dict[bool, types.CodeType] = {}
        self._compile_error: BaseException | None = None
        self._stream = LogStream([])
        self.last: RunResult | None = None
        self._recorder: RunRecorder | None = None

    def _compiled(self) -> types.CodeType:
        """The script's code, compiled once per magic setting (a test may switch magic off)."""
        magic = bool(self.config.get("runner.magicEnabled"))
        code = self._code.get(magic)
        if code is None:
            lines = self.source.splitlines(keepends=True)
            linecache.cache[self.filename] = (len(self.source), None, lines, self.filename)
            source: Any = add_magic(self.source, self.filename) if magic else self.source
            code = self._code[magic] = compile(source, self.filename, "exec")
        return code

    def _new_context(self) -> context.RunContext:
        root, sidebar = Block("main"), Block("sidebar")
        return context.RunContext(
            state=self.state, config=self.config, root=root, sidebar=sidebar,
            generators={"main": DeltaGenerator(root, root="main"), "sidebar": DeltaGenerator(sidebar, root="sidebar")})

    def run(self, widget_values: dict[str, Any] | None = None, *, report: bool = False) -> RunResult:
        """Run the script once, after applying ``widget_values`` (id -> value) from the client;
        ``report`` records what the run did in ``RunResult.report``."""
        self._recorder = recorder = RunRecorder(self.state, self.last) if report else None
        log: list[str] = []
        stream = self._stream
        stream.start(log)
        reruns = 0
        values: dict[str, Any] | None = dict(widget_values or {})
        while True:
            ctx = self._new_context()
            ctx.log = log
            rerun = self._run_once(ctx, values)
            if not rerun:
                break
            reruns += 1
            values = None
            if reruns >= MAX_RERUNS:
                ctx.root.add(exception_element(errors.StreamlitAPIException(
                    f"The script called `st.rerun()` {MAX_RERUNS} times in a row, so it was stopped."
                ), uncaught=True))
                break
        elements = list(ctx.root.children)
        if ctx.sidebar.children:
            elements.append(ctx.sidebar.node)
        self.last = RunResult(elements=elements, log=log, reruns=reruns, interrupted=ctx.interrupted,
                              log_dropped=stream.finish(),
                              report=recorder.finish(self.state, reruns) if recorder else None)
        return self.last

    def _run_once(self, ctx: context.RunContext, widget_values: dict[str, Any] | None) -> bool:
        """One pass; True when the script asked for a rerun."""
        state = self.state
        previous = context.activate(ctx)
        state.drawn = (ctx.widget_ids_this_run, ctx.form_ids_this_run)
        rerun = premature_stop = exited = False
        ok = True
        try:
            with streamlit_modules():
                try:
                    code = self._compiled()
                except SyntaxError as err:
                    err.__traceback__ = None  # the frames are the compiler's, not the script's
                    ctx.root.add(exception_element(err, uncaught=True))
                    return False
                try:
                    with ScriptHooks(self._stream):
                        if widget_values is not None:
                            state.reset_triggers()
                            state.compact()
                            state.set_widget_values(widget_values)
                            if self._recorder is not None:
                                self._recorder.widgets_changed(state)
                            self._call_callbacks(ctx)
                        namespace = {"__name__": "__main__", "__file__": self.filename, MAGIC_NAME: _magic_write}
                        exec(code, namespace)
                    if self.config.get("runner.enforceSerializableSessionState"):
                        state.check_serializable()
                except api.RerunException:
                    rerun = True
                except api.StopException:
                    premature_stop = True
                except KeyboardInterrupt:
                    # The page's Stop button (Pyodide's interrupt buffer): the run ends with what
                    # it drew so far, the session stays usable, and the page says it was stopped.
                    ok, premature_stop = False, True
                    ctx.interrupted = True
                except SystemExit:
                    # sys.exit(), exit(), quit(), os._exit(): as in Streamlit, whose script thread
                    # just ends, the run stops where it is, what it drew stays, no error is shown,
                    # the buttons stay pressed and no widget is dropped; the run-without-errors
                    # flag keeps its last value.
                    premature_stop = exited = True
                except BaseException as err:  # any other, GeneratorExit included: an uncaught exception
                    ok, premature_stop = False, True
                    ctx.root.add(exception_element(err, uncaught=True))
            if not exited:
                state.new_user[RUN_WITHOUT_ERRORS_KEY] = ok
            if not premature_stop:
                state.reset_triggers()
                if not rerun:
                    state.remove_stale_widgets(ctx.widget_ids_this_run)
        finally:
            state.drawn = None
            context.activate(previous)
        return rerun

    def _call_callbacks(self, ctx: context.RunContext) -> None:
        wants_rerun = False
        for meta in self.state.callbacks_to_run():
            if self._recorder is not None:
                self._recorder.callback(meta)
            try:
                assert meta.callback is not None
                meta.callback(*meta.args, **meta.kwargs)
            except api.RerunException:
                wants_rerun = True
        if wants_rerun:
            # As in Streamlit, a callback's st.rerun() is honoured once every callback has
            # run: the body of this pass is skipped and a fresh pass starts.
            raise api.RerunException()
