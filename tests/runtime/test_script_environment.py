"""What a script meets while it runs: exits, other BaseExceptions, print(), os._exit, sleep, commands it lacks."""
from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

import pytest

from streamlet import hooks
from streamlet.hooks import MAX_LOG_LINES, LogStream, ScriptHooks, interruptible_sleep
from streamlet.runner import Session

HEAD = "import streamlit as st\nst.session_state.setdefault('n', 0)\nst.session_state.n += 1\nst.write('before')\n"


def run(body: str) -> Any:
    return Session(HEAD + body + "\nst.write('after')\n").run()


def bodies(result: Any) -> list[Any]:
    return [e.get("body", e["type"]) for e in result.elements]


@pytest.mark.parametrize("body", [
    "import sys\nsys.exit()", "exit()", "quit()", "raise SystemExit(3)", "import os\nos._exit(0)",
    "import sys\nsys.exit('bye')",
])
def test_exits_end_the_run_and_keep_its_output_without_an_error(body: str) -> None:
    result = run(body)
    assert bodies(result) == ["before"]
    assert not result.interrupted


def test_an_exit_in_a_callback_ends_that_run_and_the_session_goes_on() -> None:
    session = Session("import streamlit as st, sys\nst.button('Go', key='go', on_click=sys.exit)\nst.write('drawn')\n")
    session.run()
    widget = next(e["id"] for e in session.last.elements if e["type"] == "button")  # type: ignore[union-attr]
    assert [e["type"] for e in session.run({widget: True}).elements] == []
    assert [e.get("body") for e in session.run().elements] == [None, "drawn"]


def test_os_exit_is_put_back_after_the_run() -> None:
    real = os._exit
    run("import os\nos._exit(1)")
    assert os._exit is real


@pytest.mark.parametrize("body, exc_type", [
    ("raise GeneratorExit", "GeneratorExit"),
    ("class Mine(BaseException): pass\nraise Mine('deep')", "Mine"),
])
def test_other_base_exceptions_are_uncaught_exceptions_with_the_readers_frames_only(body: str, exc_type: str) -> None:
    result = run(body)
    assert bodies(result)[:1] == ["before"] and len(result.elements) == 2
    element = result.elements[1]
    assert element["type"] == "exception" and element["exc_type"].endswith(exc_type)
    assert element["stack_trace"] and all(row.startswith('File "streamlit_app.py"') for row in element["stack_trace"])


def test_deeply_nested_json_is_a_recursion_error_element() -> None:
    result = run("import json\njson.loads('[' * 100000 + ']' * 100000)")
    assert result.elements[-1]["exc_type"] == "RecursionError"


def test_print_and_stderr_go_to_the_log_in_order() -> None:
    result = run("import sys\nprint('one', 2)\nprint('err', file=sys.stderr)\nsys.stdout.write('a')\nprint('b')\n"
                 "print('tail', end='')")
    assert result.log == ["one 2", "err", "ab", "tail"]
    assert result.log_dropped == 0
    assert bodies(result) == ["before", "after"]


def test_stdout_is_put_back_after_the_run_and_after_an_error() -> None:
    out, err = sys.stdout, sys.stderr
    run("print('x')\n1 / 0")
    assert (sys.stdout, sys.stderr) == (out, err)


def test_twenty_thousand_prints_keep_the_first_lines_and_count_the_rest_fast() -> None:
    started = time.perf_counter()
    result = run("for i in range(20000):\n    print(i)")
    elapsed = time.perf_counter() - started
    assert result.log == [str(i) for i in range(MAX_LOG_LINES)]
    assert result.log_dropped == 20000 - MAX_LOG_LINES
    assert elapsed < 1.0, elapsed


def test_log_stream_counts_lines_across_writes_past_the_cap() -> None:
    log: list[str] = ["x"] * (MAX_LOG_LINES - 1)
    stream = LogStream(log)
    stream.write("last kept\nfirst dropped")
    stream.write(" still the same line\nsecond\nthird")
    assert log[-1] == "last kept" and len(log) == MAX_LOG_LINES
    assert stream.finish() == 3
    with pytest.raises(TypeError):
        stream.write(b"bytes")  # type: ignore[arg-type]


def test_warnings_of_the_runtime_and_prints_share_the_log() -> None:
    result = Session("import streamlit as st\nprint('p')\nst.text_input('')\n").run()
    assert result.log[0] == "p" and result.log[1].startswith("`label` got an empty value.")


# -- Pyodide's hooks, exercised in CPython with a fake interrupt check -------------------------

def test_interruptible_sleep_keeps_sleeps_semantics() -> None:
    calls: list[float] = []
    sleep = interruptible_sleep(lambda s: calls.append(s), lambda: None)
    sleep(0.01)
    assert calls == [0.01], "a short sleep is one real sleep"
    for bad, error in ((-1, ValueError), ("1", TypeError), (float("nan"), ValueError)):
        with pytest.raises(error):
            interruptible_sleep(time.sleep, lambda: None)(bad)  # type: ignore[arg-type]
    started = time.perf_counter()
    interruptible_sleep(time.sleep, lambda: None)(0.2)
    assert 0.19 < time.perf_counter() - started < 0.5


def test_interruptible_sleep_checks_between_slices_and_stops_at_the_interrupt() -> None:
    checks = []

    def check() -> None:
        checks.append(1)
        if len(checks) == 3:
            raise KeyboardInterrupt

    started = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        interruptible_sleep(time.sleep, check)(30)
    assert time.perf_counter() - started < 1


def test_pyodide_hooks_swap_sleep_recursion_and_json_only_during_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    interrupted = []

    def check() -> None:
        if interrupted:
            raise KeyboardInterrupt

    real_sleep, limit, decoder = time.sleep, sys.getrecursionlimit(), json._default_decoder  # type: ignore[attr-defined]
    with ScriptHooks(LogStream([]), pyodide=True, check=check):
        assert time.sleep is not real_sleep
        assert sys.getrecursionlimit() == hooks.SCRIPT_RECURSION_LIMIT
        with pytest.raises(RecursionError):
            json.loads("[" * 100000 + "]" * 100000)
        a: list[Any] = []
        for _ in range(1000):  # deeper than the limit; far deeper crashes Pyodide when freed (see hooks.py)
            a = [a]
        with pytest.raises(RecursionError):
            json.dumps(a)
        assert json.loads('{"a": [1, 2.5, "x", null]}') == {"a": [1, 2.5, "x", None]}
        interrupted.append(1)
        with pytest.raises(KeyboardInterrupt):
            time.sleep(5)
    assert (time.sleep, sys.getrecursionlimit(), json._default_decoder) == (real_sleep, limit, decoder)  # type: ignore[attr-defined]


def test_a_session_with_pyodide_hooks_stops_a_sleeping_script(monkeypatch: pytest.MonkeyPatch) -> None:
    started = time.perf_counter()
    deadline = started + 0.3

    def check() -> None:
        if time.perf_counter() > deadline:
            raise KeyboardInterrupt

    monkeypatch.setattr(hooks.ScriptHooks.__init__, "__kwdefaults__", {"pyodide": True, "check": check})
    result = run("import time\ntime.sleep(30)")
    assert result.interrupted and bodies(result) == ["before"]
    assert time.perf_counter() - started < 1.5


# -- Commands and modules the runtime does not have ------------------------------------------

@pytest.mark.parametrize("command", ["balloons", "dataframe", "line_chart", "snow", "plotly_chart", "html"])
def test_real_streamlit_commands_it_lacks_say_so(command: str) -> None:
    result = run(f"st.{command}()")
    element = result.elements[-1]
    assert element["exc_type"] == "streamlit.errors.StreamlitUnavailableCommandError"
    assert element["message"].startswith(f"`st.{command}` is not available in the browser runtime of this site")
    assert (element["hint"], element["command"]) == ("unavailable-command", f"st.{command}")
    assert element["is_streamlit_exception"] is True


def test_from_import_of_a_lacking_command_says_so_too() -> None:
    element = run("from streamlit import balloons").elements[-1]
    assert element["hint"] == "unavailable-command" and "`st.balloons`" in element["message"]


def test_unknown_names_keep_attribute_error_naming_streamlit() -> None:
    element = run("st.no_such_command()").elements[-1]
    assert (element["exc_type"], element["message"]) == (
        "AttributeError", "module 'streamlit' has no attribute 'no_such_command'")
    assert "hint" not in element


@pytest.mark.parametrize("module", ["pandas", "numpy", "numpy.linalg"])
def test_third_party_modules_keep_pythons_error_and_get_a_hint(module: str) -> None:
    element = run(f"import {module}").elements[-1]
    top = module.partition(".")[0]
    assert (element["exc_type"], element["message"]) == ("ModuleNotFoundError", f"No module named '{top}'")
    assert (element["hint"], element["module"]) == ("third-party-module", top)


def test_a_missing_standard_library_module_gets_no_third_party_hint() -> None:
    element = run("raise ModuleNotFoundError(\"No module named 'sqlite3'\", name='sqlite3')").elements[-1]
    assert element["exc_type"] == "ModuleNotFoundError" and "hint" not in element


@pytest.mark.parametrize("call, kind", [
    ("st.markdown('<b>x</b>', unsafe_allow_html=True)", "markdown"),
    ("st.caption('<i>x</i>', unsafe_allow_html=True)", "caption"),
    ("st.write('<b>x</b>', unsafe_allow_html=True)", "markdown"),
])
def test_unsafe_allow_html_keeps_the_text_and_flags_it(call: str, kind: str) -> None:
    element = Session(f"import streamlit as st\n{call}\n").run().elements[0]
    assert element["type"] == kind and element["body"].startswith("<") and element["html_as_text"] is True
    plain = Session(f"import streamlit as st\n{call.replace(', unsafe_allow_html=True', '')}\n").run().elements[0]
    assert "html_as_text" not in plain


def test_streamlit_submodules_it_lacks_keep_pythons_error_and_get_the_hint() -> None:
    element = run("import streamlit.components.v1 as components").elements[-1]
    assert element["exc_type"] == "ModuleNotFoundError"
    assert element["message"] == "No module named 'streamlit.components'; 'streamlit' is not a package"
    assert (element["hint"], element["command"]) == ("unavailable-command", "streamlit.components")
