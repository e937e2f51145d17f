"""Search stays in the page's language: each language has its own index (docs/overrides/hooks/search.py).

Chinese is segmented at build time (jieba), Japanese in the browser (lunr's TinySegmenter); the
search worker and its language files come from the site, never from another host.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

SITE = Path(__file__).resolve().parents[2] / "site"
LANG_FOLDERS = ("zh/", "ja/")


def language_of(path: str) -> str:
    """'/zh/guide/' -> 'zh'; '/guide/' -> 'en'."""
    first = path.lstrip("/").split("/", 1)[0] + "/"
    return first[:-1] if first in LANG_FOLDERS else "en"


def search(browser: Any, site_url: str, page_path: str, query: str,
           follow: str | None = None) -> tuple[list[str], list[str], list[str], list[str]]:
    """Open ``page_path``, type ``query`` in Material's search box; return the result links (path#fragment,
    in the order shown), the console problems, the requests that left 127.0.0.1 and the search files
    fetched (index and lunr language files, by path below the site). With ``follow``
    (a path#fragment among the results), click that result and check where the browser lands."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    outside: list[str] = []
    fetched: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    context.on("request", lambda r: outside.append(r.url)
               if urlsplit(r.url).hostname != "127.0.0.1" and not r.url.startswith(("data:", "blob:")) else None)
    context.on("request", lambda r: fetched.append(r.url.removeprefix(site_url))
               if "search_index" in r.url or "/lunr/" in r.url else None)
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
    if follow is not None:
        path, _, fragment = follow.partition("#")
        result = page.locator(f'.md-search-result__list a.md-search-result__link[href*="{path}"][href$="#{fragment}"]')
        expect(result).to_have_count(1)
        if not result.is_visible():  # a section below the best ones: open "N more on this page" first
            result.locator("xpath=ancestor::details[1]/summary").click()
        result.click()
        expect(page).to_have_url(re.compile(re.escape(site_url.rstrip("/") + path) + r"\?h=[^#]*#" + fragment))
        expect(page.locator(f'[id="{fragment}"]')).to_be_in_viewport()
    context.close()
    return links, problems, outside, sorted(set(fetched))


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "page", "query"), [("zh", "", "回调"), ("zh", "guide/", "回调"),
                                                     ("ja", "", "コールバック"), ("ja", "api-reference/", "コールバック")])
def test_a_cjk_query_lists_the_callback_sections_of_its_own_language_only(browser: Any, site_url: str, lang: str,
                                                                          page: str, query: str) -> None:
    links, problems, outside, fetched = search(browser, site_url, f"{lang}/{page}", query,
                                               follow=f"/{lang}/guide/#callbacks" if page == "" else None)
    # Chinese comes segmented in its index; Japanese is segmented here, by lunr's TinySegmenter.
    lunr_ja = ["assets/javascripts/lunr/min/lunr.ja.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
               "assets/javascripts/lunr/tinyseg.js"]
    assert fetched == (lunr_ja if lang == "ja" else []) + [f"{lang}/search/search_index.json"], fetched
    assert f"/{lang}/guide/#callbacks" in links, links
    assert f"/{lang}/api-reference/#callbacks" in links, links
    assert {language_of(link) for link in links} == {lang}, links
    assert problems == [], problems
    assert outside == [], outside


@pytest.mark.browser
@pytest.mark.parametrize("page", ["", "guide/"])
def test_an_english_query_on_an_english_page_lists_english_pages(browser: Any, site_url: str, page: str) -> None:
    links, problems, outside, fetched = search(browser, site_url, page, "callback",
                                               follow="/api-reference/#callbacks" if page == "" else None)
    assert fetched == ["search/search_index.json"], fetched
    assert "/guide/#callbacks" in links and "/api-reference/#callbacks" in links, links
    assert {language_of(link) for link in links} == {"en"}, links
    assert problems == [], problems
    assert outside == [], outside


def test_each_language_has_an_index_of_its_own_pages() -> None:
    """search/ (en), zh/search/, ja/search/: locations relative to the language's folder, each one a
    built page and anchor; jieba's zero-width spaces only in the Chinese index (Japanese is cut in the
    browser, so its kanji stay whole)."""
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run 'make build' (make test does it)")
    for folder, lang in (("", "en"), ("zh/", "zh"), ("ja/", "ja")):
        index = json.loads((SITE / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == (["ja"] if lang == "ja" else ["en"]), (lang, index["config"])
        assert ("\\u200b" in index["config"]["separator"]) == (lang == "zh"), (lang, index["config"])
        assert index["docs"], lang
        for doc in index["docs"]:
            path, _, anchor = doc["location"].partition("#")
            assert not path.startswith(LANG_FOLDERS), (lang, doc["location"])
            page = SITE / folder / path / "index.html"
            assert page.exists(), (lang, doc["location"])
            assert not anchor or f'id="{anchor}"' in page.read_text(encoding="utf-8"), (lang, doc["location"])
            if lang != "zh":
                assert "\u200b" not in doc["title"] + doc["text"], (lang, doc["location"])
        if lang == "zh":
            assert all("\u200b" in doc["title"] + doc["text"] for doc in index["docs"]), "zh index not segmented"


# An init script: `window.stOrder` lists, in order, Python's worker becoming ready ("python") and
# Material's search worker answering its index ("search"), and `window.stSearchWorkers` the URLs of
# the search workers the page made.
RECORD_ORDER = """(() => {
  const Native = window.Worker;
  window.stOrder = [];
  window.stSearchWorkers = [];
  window.Worker = class extends Native {
    constructor(url, ...rest) {
      super(url, ...rest);
      const search = String(url).includes("/workers/");
      if (search) window.stSearchWorkers.push(new URL(url, location.href).pathname);
      this.addEventListener("message", (event) => {
        if (!search && event.data?.type === "ready") window.stOrder.push("python");
        if (search && event.data?.type === 1) window.stOrder.push("search");
      });
    }
  };
})()"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "ja/"])
def test_a_live_page_builds_its_search_index_once_python_is_up(browser: Any, site_url: str, lang: str) -> None:
    """On a page with live blocks Material's search worker is search-later.js (written next to it as
    streamlet-search.js): the index is built after Python's worker is ready, without the reader
    touching search, and a query then works (Japanese: lunr's files still load relative to Material's worker)."""
    context = browser.new_context()
    try:
        first = context.new_page()
        first.goto(site_url + lang)  # the first visit installs the service worker and caches Python
        first.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
        first.close()
        page = context.new_page()
        page.add_init_script(RECORD_ORDER)
        page.goto(site_url + lang)
        page.wait_for_function("window.stOrder.length === 2", timeout=30_000)
        assert page.evaluate("window.stOrder") == ["python", "search"]
        assert page.evaluate("window.stSearchWorkers") == ["/assets/javascripts/workers/streamlet-search.js"]
        box = page.locator('input[data-md-component="search-query"]')
        box.click()
        box.fill("callback" if lang == "" else "コールバック")
        box.press("End")
        expect(page.locator(".md-search-result__list > li").first).to_be_visible(timeout=15_000)
    finally:
        context.close()


def test_only_pages_with_live_blocks_hold_search_back() -> None:
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run 'make build' (make test does it)")
    worker = re.compile(r'"search": "([^"]*)"')
    for page in [SITE / "index.html", SITE / "zh" / "guide" / "index.html", SITE / "404.html"]:
        text = page.read_text(encoding="utf-8")
        [url] = worker.findall(text)
        live = '<div class="st-live"' in text
        assert url.endswith("/streamlet-search.js" if live else ".min.js"), (page, url)
        assert live == (page.name != "404.html"), page
    wrapper = (SITE / "assets" / "javascripts" / "workers" / "streamlet-search.js").read_text(encoding="utf-8")
    [material] = sorted((SITE / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert f'importScripts("{material.name}")' in wrapper
