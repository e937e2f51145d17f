"""The built site's addresses: canonical links, hreflang alternates, the sitemaps and the 404 page.

Nothing is built here: the tests read ``site/`` as ``make build`` left it and compare it with the
``site_url`` that mkdocs.yml configures (``SITE_URL`` from the environment, else the local address).
"""
from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from streamlet_site.plugin import LANGS

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

pytestmark = pytest.mark.skipif(not (SITE / "index.html").exists(),
                                reason="site/ is not built: run 'make build' first (make test does it)")


class Head(HTMLParser):
    """The facts of one page that these tests need: <html lang>, link tags, every href/src, lang sections."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.links: list[dict[str, str]] = []
        self.urls: list[tuple[str, str, str]] = []
        self.section_langs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "link":
            self.links.append(a)
        if tag == "section" and "lang" in a:
            self.section_langs.append(a["lang"])
        for name in ("href", "src"):
            if name in a:
                self.urls.append((tag, name, a[name]))


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


@pytest.fixture(scope="module")
def site_url() -> str:
    from mkdocs.config import load_config

    url = load_config(str(ROOT / "mkdocs.yml"))["site_url"]
    assert url and url.endswith("/"), f"site_url must be an absolute URL ending in '/': {url!r}"
    return url


def pages() -> dict[str, Path]:
    """Every built page by its path under the site ('', 'playground/', 'zh/playground/', ...)."""
    found = {}
    for index in sorted(SITE.rglob("index.html")):
        rel = index.parent.relative_to(SITE)
        if rel.parts[:1] in (("assets",), ("search",)):
            continue
        found["" if rel == Path(".") else rel.as_posix() + "/"] = index
    return found


def split_lang(path: str) -> tuple[str, str]:
    """'zh/playground/' -> ('zh', 'playground/'); 'playground/' -> ('en', 'playground/')."""
    first, _, rest = path.partition("/")
    return (first, rest) if first in LANGS[1:] else (LANGS[0], path)


def address(site_url: str, lang: str, rest: str) -> str:
    return site_url + ("" if lang == LANGS[0] else f"{lang}/") + rest


def test_every_language_has_the_same_pages() -> None:
    by_lang: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for path in pages():
        lang, rest = split_lang(path)
        by_lang[lang].add(rest)
    assert by_lang["en"], "no English page in site/"
    assert by_lang["zh"] == by_lang["en"] == by_lang["ja"], by_lang


def test_every_page_title_names_its_site_once() -> None:
    titles = {}
    for path, index in pages().items():
        found = re.findall(r"<title>([^<]*)</title>", index.read_text(encoding="utf-8"))
        assert len(found) == 1, f"{path}: {found}"
        parts = found[0].split(" - ")
        assert len(parts) == len(set(parts)), f"{path}: {found[0]}"
        titles[path] = found[0]
    assert titles["zh/"] == "会话状态交互式教程", titles["zh/"]
    assert titles["ja/guide/"].endswith(" - 動かして学ぶセッションステート"), titles["ja/guide/"]


def test_canonical_and_hreflang_of_every_page(site_url: str) -> None:
    problems = []
    for path, file in pages().items():
        lang, rest = split_lang(path)
        head = parse(file)
        here = site_url + path
        if head.lang != lang:
            problems.append(f"{path}: <html lang={head.lang!r}>, expected {lang!r}")
        canonical = [link.get("href", "") for link in head.links if link.get("rel") == "canonical"]
        if canonical != [here]:
            problems.append(f"{path}: canonical {canonical}, expected [{here!r}]")
        alternates = {link.get("hreflang", ""): urljoin(here, link.get("href", ""))
                      for link in head.links if link.get("rel") == "alternate" and link.get("hreflang")}
        expected = {other: address(site_url, other, rest) for other in LANGS}
        expected["x-default"] = expected["en"]
        if alternates != expected:
            problems.append(f"{path}: hreflang alternates {alternates}, expected {expected}")
    assert not problems, "\n".join(problems)


def read_sitemap(path: Path) -> dict[str, dict[str, str]]:
    tree = ET.parse(path)
    urls = {}
    for url in tree.getroot().iter(f"{SM}url"):
        loc = url.findtext(f"{SM}loc", "").strip()
        assert loc not in urls, f"{path.relative_to(SITE)}: {loc} listed twice"
        urls[loc] = {link.get("hreflang", ""): link.get("href", "")
                     for link in url.iter(f"{XHTML}link") if link.get("rel") == "alternate"}
    return urls


def test_sitemap_lists_every_page_with_its_translations(site_url: str) -> None:
    sitemap = read_sitemap(SITE / "sitemap.xml")
    expected = {}
    for path in pages():
        lang, rest = split_lang(path)
        alternates = {other: address(site_url, other, rest) for other in LANGS}
        alternates["x-default"] = alternates["en"]
        expected[site_url + path] = alternates
    assert sitemap == expected


def test_sitemap_copies_and_gzip_match_the_sitemap() -> None:
    """Material fetches sitemap.xml next to every alternate link; each folder's copy must be the site's."""
    original = (SITE / "sitemap.xml").read_bytes()
    assert gzip.decompress((SITE / "sitemap.xml.gz").read_bytes()) == original
    for path, file in pages().items():
        copy = file.parent / "sitemap.xml"
        assert copy.exists(), f"{path}sitemap.xml is missing"
        assert copy.read_bytes() == original, f"{path}sitemap.xml differs from the site's sitemap.xml"


def test_404_is_trilingual_and_its_links_work_at_any_depth(site_url: str) -> None:
    """GitHub Pages serves /404.html for a missing path at any depth: no URL in it may be relative."""
    head = parse(SITE / "404.html")
    assert head.lang == "en"
    assert head.section_langs == ["en", "zh", "ja"]
    text = (SITE / "404.html").read_text(encoding="utf-8")
    for words in ("Page not found", "页面不存在", "ページが見つかりません"):
        assert words in text
    base = urlsplit(site_url).path
    relative = [(tag, name, url) for tag, name, url in head.urls
                if not (url.startswith(base) or urlsplit(url).scheme in ("http", "https", "data"))]
    assert relative == [], f"404.html has URLs that break below the site root: {relative}"
    hrefs = {url for _, _, url in head.urls}
    for home in ("", "zh/", "ja/"):
        assert base + home in hrefs, f"404.html does not link to {base + home}"
    alternates = {link.get("hreflang"): link.get("href") for link in head.links if link.get("rel") == "alternate"}
    assert alternates == {"en": base, "zh": base + "zh/", "ja": base + "ja/", "x-default": base}
