"""Search stays in the page's language: each language has its own index (docs/overrides/hooks/search.py).

Chinese is segmented at build time (jieba), Japanese in the browser (lunr's TinySegmenter); the
search worker and its language files come from the site, never from another host.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANG_FOLDERS = ("zh/", "ja/")


def language_of(path: str) -> str:
    """'/zh/guide/' -> 'zh'; '/guide/' -> 'en'."""
    first = path.lstrip("/").split("/", 1)[0] + "/"
    return first[:-1] if first in LANG_FOLDERS else "en"


def search(browser: Any, site_url: str, page_path: str, query: str) -> tuple[list[str], list[str], list[str]]:
    """Open ``page_path``, type ``query`` in Material's search box; return the result links (path#fragment,
    in the order shown), the console problems and the requests that left 127.0.0.1."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    context.on("request", lambda r: outside.append(r.url)
               if urlsplit(r.url).hostname != "127.0.0.1" and not r.url.startswith(("data:", "blob:")) else None)
    page.goto(site_url + page_path)
    box = page.locator('input[data-md-component="search-query"]')
    box.click()  # the header's search box (a wide window shows it)
    expect(box).to_be_focused()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup; fill() alone types no key
    results = page.locator(".md-search-result__list > li")
    expect(results.first).to_be_visible(timeout=15_000)
    links = []
    for href in page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(
            "els => els.map(a => a.href)"):
        parts = urlsplit(href)
        assert parts.hostname == "127.0.0.1", href
        links.append(parts.path + ("#" + parts.fragment if parts.fragment else ""))
    context.close()
    return links, problems, outside


@pytest.mark.parametrize(("lang", "query"), [("zh", "回调"), ("ja", "コールバック")])
def test_a_cjk_query_lists_the_callback_sections_of_its_own_language_only(browser: Any, site_url: str,
                                                                          lang: str, query: str) -> None:
    links, problems, outside = search(browser, site_url, f"{lang}/", query)
    assert f"/{lang}/guide/#callbacks" in links, links
    assert f"/{lang}/api-reference/#callbacks" in links, links
    assert {language_of(link) for link in links} == {lang}, links
    assert problems == [], problems
    assert outside == [], outside


def test_an_english_query_on_an_english_page_lists_english_pages(browser: Any, site_url: str) -> None:
    links, problems, outside = search(browser, site_url, "", "callback")
    assert "/guide/#callbacks" in links and "/api-reference/#callbacks" in links, links
    assert {language_of(link) for link in links} == {"en"}, links
    assert problems == [], problems
    assert outside == [], outside
