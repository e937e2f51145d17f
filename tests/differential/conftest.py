"""The reference process, started once per test session."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from .engines import COUNTS, REFERENCE_PYTHON, ReferenceError, ReferenceProcess


@pytest.fixture(scope="session")
def reference() -> Iterator[ReferenceProcess]:
    """Real Streamlit (``.venv-streamlit``) in one long-lived subprocess."""
    if not REFERENCE_PYTHON.exists():
        pytest.fail(
            f"The reference Streamlit environment is missing ({REFERENCE_PYTHON}). "
            "Run `make test`: it creates .venv-streamlit from requirements/reference.txt.",
            pytrace=False,
        )
    try:
        process = ReferenceProcess()
    except ReferenceError as err:
        pytest.fail(str(err), pytrace=False)
    yield process
    process.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for what, count in sorted(COUNTS.items()):
        terminalreporter.write_line(f"differential: {count} {what} compared with real Streamlit")
