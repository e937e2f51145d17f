"""Runaway code stops by itself, Stop never costs another block its state, and a failed load offers Retry.

Each runs on a host with COOP/COEP (the interrupt buffer) and on a plain static host (the worker
is replaced), since the two take different paths through the page script.
"""
from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import console_problems, live

pytestmark = pytest.mark.browser

COUNTER = """import streamlit as st

st.session_state.setdefault("count", 0)

def add():
    st.session_state.count += 1

st.button("Add one", on_click=add)
st.write("Count:", st.session_state.count)
"""
SPIN = """import streamlit as st
import time

st.write("ready to spin")
spin, nap, grind = st.button("Spin"), st.button("Nap"), st.button("Grind")
if spin:
    st.write("spinning")
    while True:
        pass
if nap:
    time.sleep(30)
    st.write("woke up")
if grind:
    # A C loop that never looks for signals: only replacing the worker stops it.
    sum(range(10**15))
"""


@pytest.fixture(scope="module", params=[True, False], ids=["isolated", "plain"])
def two_blocks(request: Any, serve_page: Any) -> tuple[str, bool]:
    blocks = [live(COUNTER, "counter"), live(SPIN, "spin", timeout="2")]
    return serve_page(blocks, isolated=request.param), request.param


def opened(browser: Any, two_blocks: tuple[str, bool]) -> tuple[Any, list[str], str]:
    """The two-block page on its host: the page, its console problems, the host's name."""
    url, isolated = two_blocks
    page = browser.new_page()
    problems = console_problems(page)
    page.goto(url)
    assert page.evaluate("crossOriginIsolated") is isolated
    return page, problems, "isolated" if isolated else "plain"


def test_time_limit_stops_a_runaway_and_the_other_block_keeps_its_state(
        browser: Any, two_blocks: tuple[str, bool], report: Any) -> None:
    page, problems, host = opened(browser, two_blocks)
    counter, spin = page.locator('.st-live[data-id="counter"]'), page.locator('.st-live[data-id="spin"]')
    add = counter.get_by_role("button", name="Add one", exact=True)
    for n in range(1, 5):
        add.click()
        expect(counter).to_contain_text(f"Count: {n}", timeout=120_000)

    # The runaway run is stopped at its fence's limit (2 s); the note counted up meanwhile.
    spin.get_by_role("button", name="Spin", exact=True).click()
    started = time.perf_counter()
    expect(spin.locator(".st-live-slow")).to_contain_text("Still running after", timeout=10_000)
    add.click()  # queued behind the runaway run: must not be lost
    notice = spin.locator(".st-live-notice")
    expect(notice).to_contain_text("took longer than 2 seconds", timeout=30_000)
    stopped_after = time.perf_counter() - started
    # The other block: restored to 4 after a worker replacement, then the queued click: 5.
    expect(counter).to_contain_text("Count: 5", timeout=60_000)
    ready_after = time.perf_counter() - started
    add.click()
    expect(counter).to_contain_text("Count: 6", timeout=30_000)

    # The reader may raise the limit; the runaway block still works afterwards.
    notice.get_by_role("button").click()
    expect(notice).to_contain_text("up to 30 seconds")
    expect(spin.locator(".st-output")).to_contain_text("ready to spin")
    report(f"browser [{host}]: a runaway run stopped by its 2 s limit after {stopped_after:.2f} s; "
           f"the other block answered again after {ready_after:.2f} s")
    assert problems == [], f"console problems: {problems}"
    page.close()


def test_stop_ends_sleep_and_c_loops_and_keeps_every_other_block(
        browser: Any, two_blocks: tuple[str, bool], report: Any) -> None:
    page, problems, host = opened(browser, two_blocks)
    counter, spin = page.locator('.st-live[data-id="counter"]'), page.locator('.st-live[data-id="spin"]')
    add = counter.get_by_role("button", name="Add one", exact=True)
    add.click()
    expect(counter).to_contain_text("Count: 1", timeout=120_000)
    add.click()
    expect(counter).to_contain_text("Count: 2", timeout=30_000)
    stop = spin.get_by_role("button", name="Stop", exact=True)
    timings = []
    for label in ("Nap", "Grind"):
        spin.get_by_role("button", name=label, exact=True).click()
        expect(stop).to_be_enabled(timeout=30_000)
        page.wait_for_timeout(300)
        started = time.perf_counter()
        stop.click()
        expect(spin.locator(".st-live-notice")).to_contain_text("Stopped", timeout=30_000)
        add.click()
        expect(counter).to_contain_text(f"Count: {3 if label == 'Nap' else 4}", timeout=60_000)
        timings.append(f"{label} {time.perf_counter() - started:.2f} s")
    # The stopped block itself is back where it was before the click.
    expect(spin.locator(".st-output")).to_contain_text("ready to spin")
    expect(spin.locator(".st-output")).not_to_contain_text("woke up")
    report(f"browser [{host}]: from Stop to the other block's next click answered: {', '.join(timings)}")
    assert problems == [], f"console problems: {problems}"
    page.close()


@pytest.mark.parametrize("lang,retry", [("en", "Retry"), ("zh", "重试"), ("ja", "再試行")])
def test_failed_load_says_so_and_retry_works_once_the_network_is_back(
        browser: Any, serve_page: Any, lang: str, retry: str) -> None:
    url = serve_page([live(COUNTER, "counter")], lang=lang, isolated=False)
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*.whl.gz", lambda route: route.abort())
    page.goto(url)
    counter = page.locator('.st-live[data-id="counter"]')
    counter.get_by_role("button", name="Add one", exact=True).click()
    button = counter.locator(".st-live-notice").get_by_role("button", name=retry, exact=True)
    expect(button).to_be_visible(timeout=60_000)
    expect(counter.locator(".st-status-text")).to_have_text("")
    page.unroute("**/*.whl.gz")
    button.click()
    expect(counter).to_contain_text("Count: 1", timeout=120_000)
    expect(counter.locator(".st-live-notice")).to_be_hidden()
    context.close()


def test_loading_gives_up_after_the_stated_time(browser: Any, serve_page: Any) -> None:
    url = serve_page([live(COUNTER, "counter")], head='<meta name="streamlet-load-timeout" content="3">')
    context = browser.new_context()
    page = context.new_page()
    page.route("**/pyodide/python_stdlib.zip", lambda route: None)  # never answered
    page.goto(url)
    counter = page.locator('.st-live[data-id="counter"]')
    counter.get_by_role("button", name="Add one", exact=True).click()
    expect(counter.locator(".st-live-notice")).to_contain_text("within 3 seconds", timeout=30_000)
    context.close()


CRASH = """import streamlit as st

st.write("before the crash")
if st.button("Crash"):
    # Freeing a list nested 100,000 deep recurses in C past the browser's stack: a fatal Pyodide error.
    nested = []
    for _ in range(100_000):
        nested = [nested]
    del nested
"""


@pytest.mark.parametrize("isolated", [True, False], ids=["isolated", "plain"])
def test_a_crash_of_python_restarts_it_and_every_other_block_comes_back(
        browser: Any, serve_page: Any, isolated: bool, report: Any) -> None:
    url = serve_page([live(COUNTER, "counter"), live(CRASH, "crash")], isolated=isolated, lang="zh")
    page = browser.new_page()
    page.goto(url)
    counter, crash = page.locator('.st-live[data-id="counter"]'), page.locator('.st-live[data-id="crash"]')
    add = counter.get_by_role("button", name="Add one", exact=True)
    add.click()
    expect(counter).to_contain_text("Count: 1", timeout=120_000)
    add.click()
    expect(counter).to_contain_text("Count: 2", timeout=30_000)
    started = time.perf_counter()
    crash.get_by_role("button", name="Crash", exact=True).click()
    expect(crash.locator(".st-live-notice")).to_contain_text("导致 Python 崩溃", timeout=60_000)
    expect(crash.locator(".st-output")).to_contain_text("before the crash")
    add.click()
    expect(counter).to_contain_text("Count: 3", timeout=60_000)
    report(f"browser [{'isolated' if isolated else 'plain'}]: a crash of Pyodide restarted Python; the other block "
           f"answered its next click {time.perf_counter() - started:.2f} s after the crash began")
    page.close()
