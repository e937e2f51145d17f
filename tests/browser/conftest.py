"""A real browser (Chromium through Playwright; see chromium.py for which) against the built site on 127.0.0.1."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from streamlet_site.serve import serve_in_thread

from .chromium import NoChromium, find_chromium

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
    # Chromium builds its omnibox popup, two chrome:// pages, in the background of every new window
    # (0.4 s of CPU here, during the very start the bench measures); a reader's browser built it long
    # ago. Puppeteer turns both off by default too.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
]


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        pytest.fail("site/ is not built: run 'make build' (make test does it)")
    server, url = serve_in_thread(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        executable, problem = "", ""
        try:
            executable = find_chromium(bundled=p.chromium.executable_path)
        except NoChromium as err:
            problem = str(err)
        if problem:
            pytest.fail(problem, pytrace=False)
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


from .livepage import serve_page  # noqa: E402,F401 - a fixture for every browser test module
