"""The site deployed under a sub-path, as GitHub Pages serves a project site at /<repo>/.

The site is built once for this module with SITE_URL=http://127.0.0.1:<port>/<repo>/ into a
temporary directory and served from its parent, so every page lives under /<repo>/ and nothing
is at the host's root. The host is a plain static one (no COOP/COEP, like Pages) that answers a
missing path below /<repo>/ with the site's 404 page, as Pages does for a project site.
"""
from __future__ import annotations

import functools
import html.parser
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import expect

from streamlet_site.serve import Handler, Server

from .livepage import send_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
REPO = "session-state-live"
PAGES = {"en": "", "zh": "zh/", "ja": "ja/"}
COUNTER = '.st-live[data-id="counter-callbacks"]'


class ProjectPagesHandler(Handler):
    """Static files; a missing path below /<repo>/ gets <repo>/404.html with status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / REPO / "404.html"
        if code != 404 or not self.path.startswith(f"/{REPO}/") or not page.exists():
            return super().send_error(code, message, explain)
        send_html(self, page, 404)


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site's URL, http://127.0.0.1:<port>/<repo>/ (the port is known before the build)."""
    if not (ROOT / "site" / "assets" / "streamlet" / "page.js").exists():
        pytest.fail("the live assets are not built: run 'make build' (make test does it)")
    parent = tmp_path_factory.mktemp("pages")
    server = Server(("127.0.0.1", 0), functools.partial(ProjectPagesHandler, directory=str(parent)))
    server.verbose, server.isolated = False, False
    url = f"http://127.0.0.1:{server.server_address[1]}/{REPO}/"
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs) if mkdocs.exists() else "mkdocs", "build", "--strict", "--quiet", "-d", str(parent / REPO)]
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if built.returncode != 0 or not (parent / REPO / "index.html").exists():
        pytest.fail(f"mkdocs build with SITE_URL={url} failed:\n{built.stdout}\n{built.stderr}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()
    server.server_close()


def watch(page: Any, url: str, *, missing_document: str | None = None) -> dict[str, list[str]]:
    """Failed responses, requests outside /<repo>/ on 127.0.0.1, console errors and warnings."""
    seen: dict[str, list[str]] = {"failed": [], "outside": [], "problems": []}

    def response(r: Any) -> None:
        if r.status >= 400 and r.url != missing_document:
            seen["failed"].append(f"{r.status} {r.url}")

    def request(r: Any) -> None:
        if not r.url.startswith(url) and not r.url.startswith(("data:", "blob:")):
            seen["outside"].append(r.url)

    def console(m: Any) -> None:
        # Chromium logs a document's own 404 status as an error: expected for the missing page only.
        if m.type in ("error", "warning") and not (missing_document and m.location.get("url") == missing_document):
            seen["problems"].append(f"{m.type}: {m.text} {m.location.get('url')}")

    page.on("response", response)
    page.on("request", request)
    page.on("console", console)
    page.on("pageerror", lambda e: seen["problems"].append(f"pageerror: {e}"))
    return seen


@pytest.mark.parametrize("lang", list(PAGES))
def test_home_works_under_a_sub_path(browser: Any, subpath_url: str, lang: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page, subpath_url)
    home = subpath_url + PAGES[lang]

    page.goto(home)
    # The service worker's scope is the sub-path, and it makes the page isolated (after its one reload).
    page.wait_for_function("crossOriginIsolated === true", timeout=30_000)
    assert page.locator("html").get_attribute("lang") == lang
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r && r.scope)")
    assert scope == subpath_url

    block = page.locator(COUNTER)
    expect(block).to_contain_text("Count = 0")
    block.get_by_role("button", name="Increment", exact=True).click()
    expect(block).to_contain_text("Count = 1", timeout=120_000)

    # Canonical link: absolute, with the sub-path.
    assert page.locator('link[rel="canonical"]').get_attribute("href") == home
    # Language switcher and hreflang alternates stay under /<repo>/.
    switcher = page.locator("a.md-select__link")
    assert switcher.count() == len(PAGES)
    links = [page.evaluate("(a) => a.href", a) for a in switcher.element_handles()]
    assert sorted(links) == sorted(subpath_url + p for p in PAGES.values())
    alternates = page.evaluate("[...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => l.href)")
    assert alternates and all(href.startswith(subpath_url) for href in alternates), alternates
    # Every link into the site stays below the sub-path.
    local = page.evaluate("[...document.querySelectorAll('a[href]')].map((a) => a.href)"
                          ".filter((h) => h.startsWith(location.origin))")
    assert all(href.startswith(subpath_url) for href in local), [h for h in local if not h.startswith(subpath_url)]

    page.wait_for_load_state("networkidle")
    assert seen["failed"] == [], f"requests that failed under /{REPO}/: {seen['failed']}"
    assert seen["outside"] == [], f"requests outside /{REPO}/: {seen['outside']}"
    assert seen["problems"] == [], f"console problems: {seen['problems']}"

    # The switcher leads to the other languages' homes under the sub-path.
    other = "ja" if lang != "ja" else "zh"
    page.locator(f'a.md-select__link[hreflang="{other}"]').first.dispatch_event("click")
    expect(page).to_have_url(subpath_url + PAGES[other])
    assert page.locator("html").get_attribute("lang") == other
    context.close()


@pytest.mark.parametrize("missing", ["nothing-here", "zh/a/b/c/"])
def test_missing_page_under_a_sub_path_gets_the_404_with_working_links(browser: Any, subpath_url: str,
                                                                       missing: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page, subpath_url, missing_document=subpath_url + missing)

    response = page.goto(subpath_url + missing)
    assert response is not None and response.status == 404
    expect(page.locator('section[lang="en"]').get_by_role("heading", name="Page not found")).to_be_visible()
    # Material's stylesheet loaded from /<repo>/assets/: the header is styled.
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") in ("sticky", "fixed")
    local = page.evaluate("[...document.querySelectorAll('a[href]')].map((a) => a.href)"
                          ".filter((h) => h.startsWith(location.origin))")
    assert local and all(href.startswith(subpath_url) for href in local), local
    page.wait_for_load_state("networkidle")
    assert seen["failed"] == [], f"assets that did not load below {missing}: {seen['failed']}"
    assert seen["outside"] == [], f"requests outside /{REPO}/: {seen['outside']}"
    assert seen["problems"] == [], f"console problems: {seen['problems']}"

    page.locator('section[lang="zh"] a').first.click()  # the zh home
    expect(page).to_have_url(subpath_url + "zh/")
    assert page.locator("html").get_attribute("lang") == "zh"
    expect(page.locator(COUNTER)).to_contain_text("Count = 0")
    context.close()


def test_the_pages_urls_of_the_build_are_under_the_sub_path(subpath_url: str) -> None:
    """Sitemap and canonical links name the sub-path; nothing points at the host's root."""
    import urllib.request

    with urllib.request.urlopen(subpath_url + "sitemap.xml") as r:
        sitemap = r.read().decode("utf-8")
    locs = [line.split("<loc>")[1].split("</loc>")[0] for line in sitemap.splitlines() if "<loc>" in line]
    assert locs and all(loc.startswith(subpath_url) for loc in locs), locs
    with urllib.request.urlopen(subpath_url + "ja/guide/") as r:
        guide = r.read().decode("utf-8")
    assert f'<link rel="canonical" href="{subpath_url}ja/guide/">' in guide
    assert urlparse(subpath_url).path == f"/{REPO}/"



class Links(html.parser.HTMLParser):
    """The href and src attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("href", "src") and value]


def test_every_link_and_asset_of_every_page_is_under_the_sub_path_and_there(subpath_url: str) -> None:
    """Each page of the sitemap: every same-host link and asset resolves below /<repo>/ and is served."""
    import urllib.error
    import urllib.request

    def get(url: str) -> str:
        with urllib.request.urlopen(url) as r:
            return r.read().decode("utf-8", "replace")

    sitemap = get(subpath_url + "sitemap.xml")
    pages = [line.split("<loc>")[1].split("</loc>")[0] for line in sitemap.splitlines() if "<loc>" in line]
    assert len(pages) >= len(PAGES) * 2, pages
    host = subpath_url[: subpath_url.index("/", len("http://"))]
    checked: dict[str, int] = {}
    for page in pages:
        parser = Links()
        parser.feed(get(page))
        for url in {urljoin(page, u).split("#")[0] for u in parser.urls}:
            if not url.startswith(host + "/"):
                continue
            assert url.startswith(subpath_url), f"{page} links to {url}, outside /{REPO}/"
            if url not in checked:
                try:
                    checked[url] = urllib.request.urlopen(urllib.request.Request(url, method="HEAD")).status
                except urllib.error.HTTPError as err:
                    checked[url] = err.code
    assert len(checked) > len(pages), "too few links found: is the parser reading the pages?"
    missing = sorted(url for url, status in checked.items() if status != 200)
    assert missing == [], f"links and assets not served under /{REPO}/: {missing}"
