"""Python starts from the build's memory snapshot, and boots normally, cleanly, when the snapshot does not fit.

Pyodide's wasm is fetched gzipped (the site ships ``pyodide.asm.wasm.gz``; a plain static host
compresses nothing) and inflated in the worker.

The worker says how it booted in its ``ready`` message (``boot``: ``snapshot`` or ``plain``); a
script installed before the page's own records it. A snapshot stamped for another wheel or another
Pyodide, or damaged in transit, must leave the page working, with one info line in the console
and no error or warning.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import ASSETS, RECORD_BOOTS, console_problems, live

pytestmark = pytest.mark.browser

SNAPSHOT = ASSETS / "streamlet" / "pyodide-snapshot.gz"
COUNTER = """import streamlit as st

st.session_state.setdefault("count", 0)
if st.button("Add one"):
    st.session_state.count += 1
st.write("Count:", st.session_state.count)
"""


def restamped(**changes: Any) -> bytes:
    """The build's snapshot with its stamp changed."""
    raw = gzip.decompress(SNAPSHOT.read_bytes())
    line, _, memory = raw.partition(b"\n")
    stamp = {**json.loads(line), **changes}
    return gzip.compress(json.dumps(stamp).encode() + b"\n" + memory, 1)


def damaged() -> bytes:
    """The build's snapshot with bytes flipped in the middle of its compressed stream."""
    data = bytearray(SNAPSHOT.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + 64):
        data[i] ^= 0x5A
    return bytes(data)


def opened(browser: Any, url: str, body: bytes | None = None) -> tuple[Any, Any, list[str], list[str]]:
    """The page with its snapshot replaced by ``body`` (when given): page, context, problems, info lines."""
    if not SNAPSHOT.exists():
        pytest.fail("site/ has no memory snapshot: run 'make build'")
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(RECORD_BOOTS)
    problems = console_problems(page)
    info: list[str] = []
    page.on("console", lambda m: info.append(m.text) if m.type == "info" else None)
    if body is not None:
        page.route("**/pyodide-snapshot.gz", lambda route: route.fulfill(
            status=200, body=body, headers={"Content-Type": "application/gzip"}))
    page.goto(url)
    return page, context, problems, info


def click_and_count(page: Any) -> None:
    block = page.locator('.st-live[data-id="counter"]')
    block.get_by_role("button", name="Add one", exact=True).click()
    expect(block).to_contain_text("Count: 1", timeout=120_000)
    block.get_by_role("button", name="Add one", exact=True).click()
    expect(block).to_contain_text("Count: 2", timeout=30_000)


@pytest.fixture(scope="module")
def counter_url(serve_page: Any) -> str:
    return str(serve_page([live(COUNTER, "counter")]))


def test_python_starts_from_the_snapshot_and_fetches_the_wasm_gzipped(browser: Any, counter_url: str) -> None:
    page, context, problems, info = opened(browser, counter_url)
    wasm: list[str] = []
    page.on("request", lambda r: wasm.append(r.url.rsplit("/", 1)[-1]) if ".wasm" in r.url else None)
    click_and_count(page)
    assert page.evaluate("window.stBoots") == ["snapshot"]
    assert wasm == ["pyodide.asm.wasm.gz"], wasm
    assert problems == [], f"console problems: {problems}"
    assert not [line for line in info if "snapshot" in line], info
    context.close()


@pytest.mark.parametrize("case,reason", [
    ("another wheel", "made with another runtime wheel"),
    ("another Pyodide", "made with Pyodide 0.0.1"),
    ("damaged", "Python boots without its memory snapshot"),
])
def test_a_snapshot_that_does_not_fit_falls_back_to_a_normal_boot(
        browser: Any, counter_url: str, case: str, reason: str) -> None:
    body = {"another wheel": lambda: restamped(wheel_sha256="0" * 64),
            "another Pyodide": lambda: restamped(pyodide="0.0.1"),
            "damaged": damaged}[case]()
    page, context, problems, info = opened(browser, counter_url, body)
    click_and_count(page)
    assert page.evaluate("window.stBoots") == ["plain"]
    assert problems == [], f"console problems: {problems}"
    said = [line for line in info if "without its memory snapshot" in line]
    assert len(said) == 1 and reason in said[0], info
    context.close()


def test_the_snapshot_is_served_gzipped_and_stamped_for_the_served_wheel() -> None:
    wheels = sorted((ASSETS / "streamlet").glob("streamlet-*.whl.gz"))
    assert len(wheels) == 1
    line = gzip.decompress(SNAPSHOT.read_bytes()).partition(b"\n")[0]
    stamp = json.loads(line)
    # The worker checks the wheel as it inflated it, and the snapshot was made from those bytes.
    assert stamp["wheel_sha256"] == hashlib.sha256(gzip.decompress(wheels[0].read_bytes())).hexdigest()
    assert stamp["wheel"] == wheels[0].name.removesuffix(".gz")
    package = json.loads((Path(__file__).resolve().parents[2] / "node_modules" / "pyodide" / "package.json")
                         .read_text(encoding="utf-8"))
    assert stamp["pyodide"] == package["version"]
