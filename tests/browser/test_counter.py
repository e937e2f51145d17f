"""The counter works live in every language, offline, with a clean console."""
from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = {"en": "", "zh": "zh/", "ja": "ja/"}


@pytest.mark.parametrize("lang", list(PAGES))
def test_counter_increments_in_the_browser(browser: Any, site_url: str, lang: str, report: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    foreign: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).hostname != "127.0.0.1" else None)
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))

    page.goto(site_url + PAGES[lang])
    assert page.locator("html").get_attribute("lang") == lang
    block = page.locator('.st-live[data-id="counter-callbacks"]')
    # The first paint comes from the tree embedded at build time, before Python is loaded.
    expect(block).to_contain_text("Count = 0")
    button = block.get_by_role("button", name="Increment", exact=True)
    started = time.perf_counter()
    button.click()
    expect(block).to_contain_text("Count = 1", timeout=120_000)
    first_click = time.perf_counter() - started
    started = time.perf_counter()
    button.click()
    expect(block).to_contain_text("Count = 2", timeout=30_000)
    second_click = time.perf_counter() - started
    report(f"browser [{lang}]: first click answered after {first_click:.2f} s (Pyodide cold start included), "
           f"the next after {second_click * 1000:.0f} ms (as Playwright sees it)")

    assert foreign == [], f"requests left 127.0.0.1: {foreign}"
    assert problems == [], f"console problems: {problems}"
    context.close()
