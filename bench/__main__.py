"""``make bench``: streamlet against real Streamlit, measured in the same run, printed as ratios.

- time per click-and-rerun of the docs' counter, form and Celsius scripts, through
  ``streamlet.testing.AppTest`` here and ``streamlit.testing.v1.AppTest`` in the
  reference environment (a subprocess, so the two never share a process);
- the gzipped size of the runtime wheel the site serves;
- in Chromium, against bare Pyodide: how soon the first click is answered, locally and under
  network emulation, a second visit's, warm clicks, and the bytes the page adds (``browser.py``).
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import scripts

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_PYTHON = ROOT / ".venv-streamlit" / "bin" / "python"
CASES: dict[str, tuple[str, str]] = {
    "counter": ("COUNTER", "click_counter"),
    "form": ("FORM", "submit_form"),
    "celsius": ("CELSIUS", "slide_celsius"),
}
TARGET_SPEEDUP = 50
TARGET_WHEEL_KB = 100


def per_click(app_test: Any, source: str, step: Callable[[Any], None], rounds: int = 7,
              seconds: float = 0.3) -> tuple[float, int]:
    """Seconds per click-and-rerun: the best of ``rounds`` rounds of about ``seconds`` each.

    The best round is the least disturbed by whatever else the machine does, as
    ``timeit`` advises; both engines are measured the same way. Also returns how
    many clicks ran in all.
    """
    at = app_test.from_string(source).run()
    step(at)  # warm-up
    best, total = float("inf"), 0
    for _ in range(rounds):
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds or count < 3:
            step(at)
            count += 1
        best = min(best, (time.perf_counter() - started) / count)
        total += count
    return best, total


def measure(app_test: Any) -> dict[str, Any]:
    out = {}
    for name, (source, step) in CASES.items():
        seconds, count = per_click(app_test, getattr(scripts, source), getattr(scripts, step))
        out[name] = {"seconds": seconds, "count": count}
    return out


def reference() -> dict[str, Any]:
    if not REFERENCE_PYTHON.exists():
        raise SystemExit("The reference Streamlit is not installed: run 'make bench' (it installs it).")
    code = ("import json, logging, sys; sys.path.insert(0, %r); logging.disable(logging.CRITICAL);"
            "from streamlit.testing.v1 import AppTest; from bench.__main__ import measure;"
            "print(json.dumps(measure(AppTest)))" % str(ROOT))
    proc = subprocess.run([str(REFERENCE_PYTHON), "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"the reference run failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def wheel_size() -> tuple[str, int, int]:
    """The browser's copy of the wheel (entries stored), and its size gzipped as the site serves it."""
    wheels = sorted((ROOT / "runtime" / "dist" / "browser").glob("streamlet-*.whl"))
    if len(wheels) != 1:
        raise SystemExit("Build the runtime wheel first ('make build').")
    data = wheels[0].read_bytes()
    return wheels[0].name, len(data), len(gzip.compress(data, 9))


def main() -> int:
    from streamlet.testing import AppTest

    ours = measure(AppTest)
    theirs = reference()
    print(f"{'script':<10}{'streamlet':>14}{'Streamlit':>14}{'speed-up':>12}   (per click-and-rerun)")
    worst = float("inf")
    for name in CASES:
        a, b = ours[name]["seconds"], theirs[name]["seconds"]
        worst = min(worst, b / a)
        print(f"{name:<10}{a * 1e6:>11.0f} us{b * 1e6:>11.0f} us{b / a:>11.0f}x")
    name, raw, packed = wheel_size()
    print(f"\nslowest speed-up {worst:.0f}x (target at least {TARGET_SPEEDUP}x): "
          f"{'met' if worst >= TARGET_SPEEDUP else 'NOT met'}")
    print(f"{name}: {raw / 1024:.1f} KiB, gzipped {packed / 1024:.1f} KiB (target under {TARGET_WHEEL_KB} KB): "
          f"{'met' if packed < TARGET_WHEEL_KB * 1000 else 'NOT met'}")
    from . import browser  # here: the reference environment imports this module without the site's tools

    return browser.main()


if __name__ == "__main__":
    sys.exit(main())
