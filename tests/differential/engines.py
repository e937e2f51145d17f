"""The two engines side by side: real Streamlit in a subprocess, streamlet in this process.

Also a small command line for the to-do list::

    .venv/bin/python tests/differential/engines.py            # every scenario: pass / first difference
                                                              # (ATTR: only AppTest attributes differ)
    .venv/bin/python tests/differential/engines.py -v NAME    # both traces of one scenario
"""
from __future__ import annotations

import itertools
import json
import os
import selectors
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
REFERENCE_PYTHON = REPO / ".venv-streamlit" / "bin" / "python"
REPLY_TIMEOUT = 120.0
"""Seconds to wait for one trace; real AppTest times a script out itself long before."""
COUNTS: dict[str, int] = {}
"""What this session compared (``"property sequences"``, ...), printed at its end by conftest.py."""

if __package__:
    from .driver import DETAIL_FIELDS, run_scenario
else:  # run as a script
    sys.path.insert(0, str(HERE))
    from driver import DETAIL_FIELDS, run_scenario  # type: ignore[no-redef]


class ReferenceError(RuntimeError):
    pass


class ReferenceProcess:
    """One long-lived ``.venv-streamlit`` interpreter that turns scenarios into traces."""

    def __init__(self, python: Path = REFERENCE_PYTHON) -> None:
        if not python.exists():
            raise ReferenceError(
                f"The reference Streamlit environment is missing ({python}). "
                "Run `make test` (it creates .venv-streamlit from requirements/reference.txt)."
            )
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
        env.pop("PYTHONPATH", None)
        self._proc = subprocess.Popen(
            [str(python), str(HERE / "reference_runner.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            text=True, encoding="utf-8", env=env, cwd=str(HERE),
        )
        self._ids = itertools.count(1)
        self._selector = selectors.DefaultSelector()
        assert self._proc.stdout is not None
        self._selector.register(self._proc.stdout, selectors.EVENT_READ)
        self.version = self._read_line()["ready"]
        self.runs = 0

    def _stderr_tail(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read()[-4000:]

    def _read_line(self) -> dict[str, Any]:
        assert self._proc.stdout is not None
        if not self._selector.select(REPLY_TIMEOUT):
            self.close()
            raise ReferenceError(f"The reference process did not answer in {REPLY_TIMEOUT} s.\n{self._stderr_tail()}")
        line = self._proc.stdout.readline()
        if not line:
            raise ReferenceError(f"The reference process exited ({self._proc.poll()}); if Streamlit is not "
                                 f"installed in .venv-streamlit, run `make test`.\n{self._stderr_tail()}")
        return json.loads(line)  # type: ignore[no-any-return]

    def trace(self, scenario: dict[str, Any]) -> dict[str, Any]:
        """Real Streamlit's trace of ``scenario``."""
        assert self._proc.stdin is not None
        request_id = next(self._ids)
        self._proc.stdin.write(json.dumps({"id": request_id, "scenario": scenario}) + "\n")
        self._proc.stdin.flush()
        reply = self._read_line()
        self.runs += 1
        if reply.get("id") != request_id:
            raise ReferenceError(f"Reply out of order: {reply!r}")
        if "crash" in reply:
            raise ReferenceError(f"The reference driver crashed on {scenario.get('name')!r}:\n{reply['crash']}")
        return reply["trace"]  # type: ignore[no-any-return]

    def close(self) -> None:
        if self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._selector.close()
        self._stderr.close()


def our_trace(scenario: dict[str, Any]) -> dict[str, Any]:
    """streamlet's trace of ``scenario``, in this process."""
    from streamlet.testing import AppTest, patch_config_options

    # A JSON round trip, as the reference's trace has made one.
    return json.loads(json.dumps(run_scenario(AppTest, scenario, patch_config_options)))  # type: ignore[no-any-return]


# -- differences -----------------------------------------------------------------
def _is_detail(node: dict[str, Any], key: str) -> bool:
    if "children" in node and key in ("key", "weight"):
        return True
    return "type" in node and key in DETAIL_FIELDS


def _walk(ref: Any, ours: Any, path: str, details: bool = True) -> tuple[str, Any, Any] | None:
    """The first place where ``ref`` and ``ours`` differ, in trace order (``details=False``:
    ignoring the attributes in ``driver.DETAIL_FIELDS``)."""
    if isinstance(ref, dict) and isinstance(ours, dict):
        for key in list(ref) + [k for k in ours if k not in ref]:
            if not details and (_is_detail(ref, key) or _is_detail(ours, key)):
                continue
            if key not in ref or key not in ours:
                return f"{path}.{key}", ref.get(key, "<absent>"), ours.get(key, "<absent>")
            found = _walk(ref[key], ours[key], f"{path}.{key}", details)
            if found:
                return found
        return None
    if isinstance(ref, list) and isinstance(ours, list):
        for i, (r, o) in enumerate(zip(ref, ours)):
            found = _walk(r, o, f"{path}[{i}]", details)
            if found:
                return found
        if len(ref) != len(ours):
            n = min(len(ref), len(ours))
            return f"{path}[{n}]", ref[n] if n < len(ref) else "<absent>", ours[n] if n < len(ours) else "<absent>"
        return None
    if type(ref) is not type(ours) or ref != ours:
        return path, ref, ours
    return None


def _short(value: Any, limit: int = 300) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _element_at(trace: dict[str, Any], path: str) -> Any:
    """The whole element (or block) a path points into, for context."""
    node: Any = trace
    parts = path.replace("[", ".[").split(".")[1:]
    element = None
    for part in parts:
        try:
            node = node[int(part[1:-1])] if part.startswith("[") else node[part]
        except (KeyError, IndexError, TypeError, ValueError):
            break
        if isinstance(node, dict) and "type" in node:
            element = node
    return element


def _first(ref: dict[str, Any], ours: dict[str, Any]) -> tuple[str, Any, Any] | None:
    """Values first: a detail attribute is named only when everything else agrees."""
    return _walk(ref["snapshots"], ours["snapshots"], "", False) or _walk(ref["snapshots"], ours["snapshots"], "")


def describe(op: dict[str, Any]) -> str:
    """An operation as the AppTest call it stands for."""
    if op["op"] == "call":
        where = f"(key={op['key']!r})" if "key" in op else f"[{op.get('index', 0)}]"
        args = ", ".join(json.dumps(a, ensure_ascii=False) for a in op.get("args", []))
        return f"at.{op['list']}{where}.{op['method']}({args})"
    if op["op"] == "set_state":
        return f"at.session_state[{op['key']!r}] = {json.dumps(op['value'], ensure_ascii=False)}"
    if op["op"] == "del_state":
        return f"del at.session_state[{op['key']!r}]"
    if op["op"] == "get_state":
        return f"at.session_state.{op['key']}" if op.get("attr") else f"at.session_state[{op['key']!r}]"
    return json.dumps(op)


def describe_steps(steps: list[list[dict[str, Any]]]) -> str:
    return "; ".join(f"{n}: " + (", ".join(describe(op) for op in step) or "rerun")
                     for n, step in enumerate(steps, start=1))


def first_difference(ref: dict[str, Any], ours: dict[str, Any], scenario: dict[str, Any] | None = None,
                     *, details: bool = True) -> str | None:
    """One readable paragraph about the first difference, or None if the traces are equal.

    With ``details=False`` the attributes in ``driver.DETAIL_FIELDS`` are not compared.
    """
    snapshots = ref["snapshots"], ours["snapshots"]
    found = _walk(*snapshots, "", False) if not details else _first(ref, ours)
    if found is None:
        return None
    path, want, got = found
    step = path.split("]")[0].lstrip("[")
    where = path.split("]", 1)[1].lstrip(".") if "]" in path else path
    lines = [f"step {step} (0 = first run), at {where or 'the snapshot list'}:"]
    if scenario is not None and step.isdigit() and 0 < int(step) <= len(scenario["steps"]):
        lines.append(f"  after: {describe_steps([scenario['steps'][int(step) - 1]])[3:]}")
    lines += [f"  reference: {_short(want)}", f"  streamlet: {_short(got)}"]
    for label, trace in (("reference", ref), ("streamlet", ours)):
        element = _element_at({"s": trace["snapshots"]}, ".s" + path)
        if element is not None and element is not want and element is not got:
            lines.append(f"  {label} element: {_short(element)}")
    return "\n".join(lines)


def one_line(ref: dict[str, Any], ours: dict[str, Any]) -> str | None:
    found = _first(ref, ours)
    if found is None:
        return None
    path, want, got = found
    return f"{path}: ref {_short(want, 140)} | ours {_short(got, 140)}"


def main(argv: list[str]) -> int:
    from scenarios import SCENARIOS  # type: ignore[import-not-found]

    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    chosen = [s for s in SCENARIOS if not names or s["name"] in names]
    reference = ReferenceProcess()
    failed = 0
    try:
        for scenario in chosen:
            ref, ours = reference.trace(scenario), our_trace(scenario)
            diff = one_line(ref, ours)
            failed += diff is not None
            semantic = _walk(ref["snapshots"], ours["snapshots"], "", False) is not None
            verdict = "PASS" if diff is None else "FAIL" if semantic else "ATTR"  # ATTR: values agree
            print(f"{verdict} {scenario['name']}" + (f"  {diff}" if diff else ""))
            if verbose:
                print("reference:", json.dumps(ref, indent=1, ensure_ascii=False))
                print("streamlet:", json.dumps(ours, indent=1, ensure_ascii=False))
    finally:
        reference.close()
    print(f"{len(chosen) - failed} pass, {failed} fail")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
