"""Stop and fatal input inside Pyodide under Node: the interrupt buffer from another thread, as the page does it."""
from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from .test_snippets_in_pyodide import ROOT, _wheel

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def cases() -> dict[str, dict[str, Any]]:
    if shutil.which("node") is None:
        pytest.fail("node is not installed")
    proc = subprocess.run(["node", str(ROOT / "tests/pyodide/run_interrupts.mjs"), str(_wheel())],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["python"].startswith("3.14"), result["python"]
    return {c["name"]: c for c in result["cases"]}


def shown(case: dict[str, Any]) -> list[Any]:
    assert "thrown" not in case, case.get("thrown")
    return [e.get("body", e.get("exc_type")) for e in case["reply"]["elements"]]


@pytest.mark.parametrize("name", ["sleep", "busy"])
def test_stop_ends_a_sleeping_or_busy_run_within_a_second(cases: dict[str, dict[str, Any]], name: str,
                                                          report: Any) -> None:
    case = cases[name]
    assert case["reply"]["interrupted"] is True
    assert shown(case) == ["before"], "what the run drew before Stop stays"
    assert case["reply"]["log"] == []
    assert case["stop_to_end_ms"] < 1000 and case["run_ms"] < 1600, case
    assert case["alive"] is True
    report(f"pyodide: Stop ended a {'time.sleep(30)' if name == 'sleep' else 'while True'} run "
           f"{case['stop_to_end_ms']} ms after SIGINT")


def test_the_worker_answers_after_the_interrupts(cases: dict[str, dict[str, Any]]) -> None:
    case = cases["sleep-then-usable"]
    assert shown(case) == ["quick"] and "interrupted" not in case["reply"]


@pytest.mark.parametrize("name", ["deep-json", "deep-partial"])
def test_deep_recursion_through_c_is_a_recursion_error_not_a_fatal_error(cases: dict[str, dict[str, Any]],
                                                                        name: str) -> None:
    case = cases[name]
    assert shown(case) == ["RecursionError"]
    assert case["alive"] is True


def test_os_exit_ends_the_run_and_python_lives_on(cases: dict[str, dict[str, Any]]) -> None:
    case = cases["os-exit"]
    assert shown(case) == ["kept"] and case["alive"] is True


def test_twenty_thousand_prints_are_capped(cases: dict[str, dict[str, Any]]) -> None:
    reply = cases["prints"]["reply"]
    assert len(reply["log"]) == 200 and reply["log_dropped"] == 19800
    assert cases["prints"]["run_ms"] < 2000
