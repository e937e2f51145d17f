"""Random scripts through both engines; every divergence delta-debugged to a small case.

    .venv/bin/python tests/differential/fuzz.py          # FUZZ_CASES (20000) seeds from FUZZ_SEED (0)
    .venv/bin/python tests/differential/fuzz.py --replay fuzz-findings/seed-123.json

Each divergence is grouped by what differs (the field and the kind of value, see
``signature``). The first ``FUZZ_MINIMISE`` (5) of each group are minimised: lines,
blocks and steps are dropped, blocks unwrapped, while a divergence of the same kind
remains. Each is written to ``FUZZ_DIR`` (``fuzz-findings/``) as JSON (the scenario,
the first difference, the seed) with the script beside it as ``.py``; ``summary.txt``
lists every divergent seed by group.
"""
from __future__ import annotations

import collections
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

if __package__:
    from .engines import REPO, ReferenceProcess, _walk, describe_steps, first_difference, our_trace
    from .random_scripts import Case, Node, case
else:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from engines import REPO, ReferenceProcess, _walk, describe_steps, first_difference, our_trace  # type: ignore[no-redef]
    from random_scripts import Case, Node, case  # type: ignore[no-redef]

Traces = tuple[dict[str, Any], dict[str, Any]]


def traces(reference: ReferenceProcess, scenario: dict[str, Any]) -> Traces:
    return reference.trace(scenario), our_trace(scenario)


def signature(ref: dict[str, Any], ours: dict[str, Any]) -> str | None:
    """What kind of divergence: the field that differs and the kinds of the two values
    (an error's class, or ``value``); None when the values agree."""
    found = _walk(ref["snapshots"], ours["snapshots"], "", False)
    if found is None:
        return None
    path, want, got = found
    names = [p for p in re.split(r"[.\[\]]", path) if p and not p.isdigit()]
    field = "session_state" if "session_state" in names else names[-1] if names else "snapshots"

    def kind(value: Any) -> str:
        if isinstance(value, str) and value.startswith("!"):
            return value.split(":")[0]
        return "<absent>" if value == "<absent>" else "value"
    return f"{field}: {kind(want)} / {kind(got)}"


def difference(reference: ReferenceProcess, scenario: dict[str, Any]) -> tuple[str, str] | None:
    """``(signature, readable first difference)`` or None when both engines agree."""
    ref, ours = traces(reference, scenario)
    sig = signature(ref, ours)
    if sig is None:
        return None
    text = first_difference(ref, ours, scenario, details=False)
    assert text is not None
    return sig, text


# -- delta debugging ---------------------------------------------------------------
NodePath = tuple[int, ...]


def _paths(nodes: list[Node], prefix: NodePath = ()) -> Iterator[NodePath]:
    """Every node's path, parents before children."""
    for i, node in enumerate(nodes):
        yield prefix + (i,)
        if node.body is not None:
            yield from _paths(node.body, prefix + (i,))


def _replace(nodes: list[Node], path: NodePath, new: list[Node]) -> list[Node]:
    """A copy of ``nodes`` with the node at ``path`` replaced by ``new`` (several, or none)."""
    head, rest = path[0], path[1:]
    if not rest:
        return nodes[:head] + new + nodes[head + 1:]
    node = nodes[head]
    assert node.body is not None
    return nodes[:head] + [Node(node.line, _replace(node.body, rest, new))] + nodes[head + 1:]


def _at(nodes: list[Node], path: NodePath) -> Node:
    node = nodes[path[0]]
    for i in path[1:]:
        assert node.body is not None
        node = node.body[i]
    return node


def _split_arguments(inner: str) -> list[str]:
    """A call's arguments, split at the commas outside brackets and strings."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(inner):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(inner[start:i].strip())
            start = i + 1
    parts.append(inner[start:].strip())
    return parts


def _fewer_arguments(line: str) -> Iterator[str]:
    """The line with one argument (not the first) of its outer call dropped."""
    opening = line.find("(")
    if opening < 0 or not line.endswith(")") or line.startswith(("def ", "if ")):
        return
    parts = _split_arguments(line[opening + 1:-1])
    for i in range(1, len(parts)):
        yield line[:opening + 1] + ", ".join(parts[:i] + parts[i + 1:]) + ")"


def _script_edits(nodes: list[Node]) -> Iterator[list[Node]]:
    """Smaller scripts: each node dropped, each ``if``/``with`` block replaced by its body, then
    each argument of a call dropped."""
    for path in _paths(nodes):
        yield _replace(nodes, path, [])
    for path in _paths(nodes):
        node = _at(nodes, path)
        if node.body and node.line.startswith(("if ", "with ")):
            yield _replace(nodes, path, node.body)
    for path in _paths(nodes):
        node = _at(nodes, path)
        for line in _fewer_arguments(node.line):
            yield _replace(nodes, path, [Node(line, node.body)])


def _step_edits(steps: list[list[dict[str, Any]]]) -> Iterator[list[list[dict[str, Any]]]]:
    """Fewer steps, then fewer operations in a step."""
    for i in range(len(steps)):
        yield steps[:i] + steps[i + 1:]
    for i, step in enumerate(steps):
        for j in range(len(step)):
            yield steps[:i] + [step[:j] + step[j + 1:]] + steps[i + 1:]


def minimise(found: Case, still: Callable[[Case], bool]) -> Case:
    """Drop steps, operations, lines and blocks while ``still(smaller)`` holds, to a fixed point."""
    current = found
    changed = True
    while changed:
        changed = False
        for steps in _step_edits(current.steps):
            smaller = Case(current.seed, current.nodes, steps)
            if still(smaller):
                current, changed = smaller, True
                break
        if changed:
            continue
        for nodes in _script_edits(current.nodes):
            smaller = Case(current.seed, nodes, current.steps)
            if still(smaller):
                current, changed = smaller, True
                break
    return current


def minimise_divergence(reference: ReferenceProcess, found: Case, sig: str) -> Case:
    def still(smaller: Case) -> bool:
        got = difference(reference, smaller.scenario())
        return got is not None and got[0] == sig
    return minimise(found, still)


# -- the run -----------------------------------------------------------------------
def write_finding(folder: Path, found: Case, sig: str, text: str) -> Path:
    scenario = found.scenario()
    target = folder / f"seed-{found.seed}.json"
    target.write_text(json.dumps({"seed": found.seed, "kind": sig, "difference": text, "scenario": scenario},
                                 indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    comment = "\n".join("# " + line for line in
                        [f"seed {found.seed}: {sig}", "steps: " + describe_steps(found.steps), *text.splitlines()])
    target.with_suffix(".py").write_text(comment + "\n" + scenario["script"], encoding="utf-8")
    return target


def fuzz(cases: int, first_seed: int, folder: Path, per_kind: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    reference = ReferenceProcess()
    kinds: dict[str, list[int]] = collections.defaultdict(list)
    started = time.monotonic()
    try:
        for done, seed in enumerate(range(first_seed, first_seed + cases)):
            if done and done % 1000 == 0:
                print(f"{done} cases, {sum(map(len, kinds.values()))} divergent, "
                      f"{time.monotonic() - started:.0f} s", flush=True)
            generated = case(seed)
            got = difference(reference, generated.scenario())
            if got is None:
                continue
            sig, text = got
            kinds[sig].append(seed)
            if len(kinds[sig]) <= per_kind:
                small = minimise_divergence(reference, generated, sig)
                found = difference(reference, small.scenario())
                assert found is not None
                path = write_finding(folder, small, sig, found[1])
                print(f"seed {seed}: {sig} -> {path}", flush=True)
    finally:
        reference.close()
    elapsed = time.monotonic() - started
    lines = [f"{cases} cases (seeds {first_seed}..{first_seed + cases - 1}) in {elapsed:.0f} s: "
             f"{sum(map(len, kinds.values()))} divergent, {len(kinds)} kinds"]
    for sig, seeds in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"{len(seeds):6} {sig}  seeds: {' '.join(map(str, seeds[:50]))}"
                     + (" ..." if len(seeds) > 50 else ""))
    (folder / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if kinds else 0


def replay(path: Path) -> int:
    finding = json.loads(path.read_text(encoding="utf-8"))
    scenario = finding["scenario"]
    reference = ReferenceProcess()
    try:
        got = difference(reference, scenario)
    finally:
        reference.close()
    print(scenario["script"])
    print("steps:", describe_steps(scenario["steps"]))
    print(got[1] if got else "no divergence")
    return 1 if got else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--replay"]:
        return sum(replay(Path(p)) for p in argv[1:])
    cases = int(os.environ.get("FUZZ_CASES", "20000"))
    first = int(os.environ.get("FUZZ_SEED", "0"))
    folder = Path(os.environ.get("FUZZ_DIR", str(REPO / "fuzz-findings")))
    per_kind = int(os.environ.get("FUZZ_MINIMISE", "5"))
    return fuzz(cases, first, folder, per_kind)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
