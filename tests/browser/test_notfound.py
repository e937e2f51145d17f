"""The site-wide 404, served as GitHub Pages serves it: for any missing path, at any depth."""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import send_html

pytestmark = pytest.mark.browser

SITE = Path(__file__).resolve().parents[2] / "site"


class PagesLike(http.server.SimpleHTTPRequestHandler):
    """A static host without COOP/COEP that answers a missing path with /404.html and status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = SITE / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        send_html(self, page, 404)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def pages_host() -> Iterator[str]:
    if not (SITE / "404.html").exists():
        pytest.fail("site/ is not built: run 'make build' (make test does it)")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesLike, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("missing", ["nothing-here", "zh/a/b/c/", "ja/deep/er/page.html"])
def test_404_speaks_three_languages_and_its_links_work_at_any_depth(browser: Any, pages_host: str,
                                                                     missing: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    problems: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.request.resource_type != "document" else None)
    # Chromium logs the page's own 404 status as an error; anything else is a problem.
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text} {m.location.get('url')}")
            if m.type == "error" and m.location.get("url") != pages_host + missing else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))

    response = page.goto(pages_host + missing)
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    for lang, heading in (("en", "Page not found"), ("zh", "页面不存在"), ("ja", "ページが見つかりません")):
        expect(page.locator(f'section[lang="{lang}"]').get_by_role("heading", name=heading)).to_be_visible()
    # Material's stylesheet and script loaded from here: the header is styled and the search works.
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") in ("sticky", "fixed")
    page.wait_for_load_state("networkidle")
    assert failed == [], f"assets that did not load below {missing}: {failed}"
    assert problems == [], f"console problems: {problems}"

    page.locator('section[lang="ja"]').get_by_role("link", name="動かして学ぶセッションステート").click()
    expect(page).to_have_url(pages_host + "ja/")
    assert page.locator("html").get_attribute("lang") == "ja"
    context.close()
