"""Random valid scripts with random steps (``random_scripts.py``): both engines, the same trace.

Seeds ``0 .. RANDOM_SCRIPT_CASES - 1`` (1000 unless the environment says otherwise), in
batches so one failure does not hide the rest of its batch: a failing batch names every
divergent seed and shows the first difference of the first. Replay one with
``fuzz.py`` or shrink it with ``make fuzz FUZZ_SEED=<seed> FUZZ_CASES=1``.
"""
from __future__ import annotations

import os
import re

import pytest

from .engines import COUNTS, ReferenceProcess, describe_steps
from .fuzz import difference, minimise
from .random_scripts import Case, case, script_text

CASES = int(os.environ.get("RANDOM_SCRIPT_CASES", "1000"))
BATCH = 100
BATCHES = [range(start, min(start + BATCH, CASES)) for start in range(0, CASES, BATCH)]


def test_at_least_a_thousand_cases_per_run() -> None:
    assert "RANDOM_SCRIPT_CASES" in os.environ or sum(map(len, BATCHES)) >= 1000


def test_a_seed_names_one_case() -> None:
    first, again, other = case(7), case(7), case(8)
    assert first.scenario() == again.scenario()
    assert first.scenario() != other.scenario()


def test_every_script_compiles() -> None:
    for seed in range(200):
        compile(case(seed).scenario()["script"], f"random-{seed}", "exec")


def test_minimise_keeps_only_what_the_divergence_needs() -> None:
    seed = next(s for s in range(100) if "st.slider(" in case(s).scenario()["script"] and case(s).steps)

    def still(smaller: Case) -> bool:
        compile(script_text(smaller.nodes), "smaller", "exec")  # every edit keeps Python
        return "st.slider(" in script_text(smaller.nodes)

    small = minimise(case(seed), still)
    lines = script_text(small.nodes).splitlines()
    assert small.steps == [] and len(lines) == 1
    assert re.fullmatch(r"w(\d+) = st\.slider\('Slider \1'\)", lines[0]), lines


@pytest.mark.parametrize("seeds", BATCHES, ids=[f"seeds-{b.start}-{b.stop - 1}" for b in BATCHES])
def test_random_scripts_match_streamlit(seeds: range, reference: ReferenceProcess) -> None:
    divergent: list[tuple[int, str]] = []
    for seed in seeds:
        COUNTS["random scripts"] = COUNTS.get("random scripts", 0) + 1
        found = difference(reference, case(seed).scenario())
        if found is not None:
            divergent.append((seed, found[1]))
    if divergent:
        seed, text = divergent[0]
        scenario = case(seed).scenario()
        pytest.fail(f"{len(divergent)} of {len(seeds)} random scripts differ from Streamlit {reference.version} "
                    f"(seeds {[s for s, _ in divergent]})\nseed {seed}:\n{scenario['script']}"
                    f"steps: {describe_steps(scenario['steps'])}\n{text}", pytrace=False)
