"""The built site speaks of itself only: no path of the machine that built it reaches a page."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def test_no_page_of_the_built_site_carries_a_path_of_this_machine() -> None:
    if not (SITE / "index.html").exists():
        pytest.skip("site/ is not built: run 'make build' (make test does it)")
    needles = {str(ROOT), str(Path.home())} - {"/"}
    found = []
    for page in sorted(SITE.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        found += [f"{page.relative_to(SITE)}: {needle}" for needle in needles if needle in text]
    assert not found, "\n".join(found)
