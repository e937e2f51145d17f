"""Measurements that tests report (timings, counts), printed once at the end of the run."""
from __future__ import annotations

from collections.abc import Callable

import pytest

MEASUREMENTS: list[str] = []


@pytest.fixture
def report() -> Callable[[str], None]:
    """Record a line for the end-of-run summary (a measurement, never an assertion)."""
    return MEASUREMENTS.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in MEASUREMENTS:
        terminalreporter.write_line(line)
