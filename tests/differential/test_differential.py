"""Every scenario, through real Streamlit's AppTest and through streamlet's: the traces must be equal."""
from __future__ import annotations

from typing import Any

import pytest

from .engines import COUNTS, ReferenceProcess, first_difference, our_trace
from .scenarios import SCENARIOS


def test_there_are_enough_scenarios() -> None:
    names = [s["name"] for s in SCENARIOS]
    assert len(names) == len(set(names)) >= 60


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_same_trace_as_streamlit(scenario: dict[str, Any], reference: ReferenceProcess) -> None:
    COUNTS["scenarios"] = COUNTS.get("scenarios", 0) + 1
    want = reference.trace(scenario)
    got = our_trace(scenario)
    difference = first_difference(want, got, scenario)
    if difference is not None:
        pytest.fail(f"streamlet differs from Streamlit {reference.version} in {scenario['name']!r}\n"
                    f"{difference}", pytrace=False)
