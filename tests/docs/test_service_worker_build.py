"""The docs plugin's part of the service worker: sw.js at the site root with the build's version,
and every page marked so the page bundle registers it.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from streamlet_site.plugin import (
    SERVICE_WORKER_META,
    VERSION_PLACEHOLDER,
    opt_in_service_worker,
    site_version,
    write_service_worker,
)

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets" / "streamlet").mkdir(parents=True)
    (site / "index.html").write_text("<html><head></head><body>hi</body></html>", encoding="utf-8")
    (site / "assets" / "streamlet" / "page.css").write_text(".a{}", encoding="utf-8")
    return site


def test_the_version_follows_the_built_files(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    (site / "assets" / "pyodide").mkdir()
    (site / "assets" / "pyodide" / "pyodide.mjs").write_text("// 1", encoding="utf-8")
    bundle = tmp_path / "sw.js"
    bundle.write_text(f'(()=>{{var v="{VERSION_PLACEHOLDER}";}})();', encoding="utf-8")
    first = write_service_worker(site, bundle)
    assert re.fullmatch(r"[0-9a-f]{16}\.[0-9a-f]{16}", first)
    assert (site / "sw.js").read_text(encoding="utf-8") == f'(()=>{{var v="{first}";}})();'
    # Writing sw.js itself, a search index rewritten after the hook, or a sitemap's new date do not change it.
    assert write_service_worker(site, bundle) == first
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    (site / "sitemap.xml").write_text("<lastmod>2026-12-01</lastmod>", encoding="utf-8")
    assert write_service_worker(site, bundle) == first
    # Any other byte, or a new file, does; the Pyodide part changes only with Pyodide's files.
    (site / "assets" / "streamlet" / "page.css").write_text(".a{color:red}", encoding="utf-8")
    second = write_service_worker(site, bundle)
    assert second.split(".")[0] != first.split(".")[0] and second.split(".")[1] == first.split(".")[1]
    (site / "zh").mkdir()
    (site / "zh" / "index.html").write_text("", encoding="utf-8")
    assert write_service_worker(site, bundle) not in (first, second)
    (site / "assets" / "pyodide" / "pyodide.mjs").write_text("// 2", encoding="utf-8")
    assert write_service_worker(site, bundle).split(".")[1] != first.split(".")[1]


def test_a_bundle_without_its_placeholder_is_refused(tmp_path: Path) -> None:
    bundle = tmp_path / "sw.js"
    bundle.write_text('var v="0123456789abcdef";', encoding="utf-8")
    with pytest.raises(PluginError, match=VERSION_PLACEHOLDER):
        write_service_worker(small_site(tmp_path), bundle)


def test_pages_opt_in_once() -> None:
    page = "<html><head><title>x</title></head><body></body></html>"
    marked = opt_in_service_worker(page)
    assert marked == f"<html><head><title>x</title>{SERVICE_WORKER_META}</head><body></body></html>"
    assert opt_in_service_worker(marked) == marked
    assert opt_in_service_worker("no head here") == "no head here"


@pytest.mark.skipif(not (SITE / "index.html").exists(), reason="site/ is not built: run 'make build' first")
def test_the_built_site_ships_its_worker() -> None:
    worker = (SITE / "sw.js").read_text(encoding="utf-8")
    assert VERSION_PLACEHOLDER not in worker
    assert f'"{site_version(SITE)}.{site_version(SITE / "assets" / "pyodide")}"' in worker
    assert "import " not in worker and "export " not in worker  # a classic script
    assert not (SITE / "assets" / "streamlet" / "sw.js").exists()
    pages = list(SITE.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        assert page.read_text(encoding="utf-8").count(SERVICE_WORKER_META) == 1, page
