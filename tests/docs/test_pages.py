"""Page-level checks of docs/: parity of the three languages and CJK text that renders well."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CJK = "[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"
SOFT_BREAK = re.compile(f"{CJK}\n[ \t]*{CJK}")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.S | re.M)


def pages(lang: str) -> list[Path]:
    return sorted((DOCS / lang).rglob("*.md"))


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_line_break_inside_cjk_sentences(lang: str) -> None:
    """A newline between two CJK characters renders as a stray space: write the paragraph on one line."""
    problems = []
    for page in pages(lang):
        text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), page.read_text(encoding="utf-8"))
        for match in SOFT_BREAK.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{page.relative_to(ROOT)}:{line}: line break between CJK characters")
    assert not problems, "\n".join(problems)


def test_every_language_has_the_same_pages() -> None:
    names = {lang: {p.relative_to(DOCS / lang).as_posix() for p in pages(lang)} for lang in ("en", "zh", "ja")}
    assert names["en"], "docs/en has no pages"
    assert names["zh"] == names["en"] and names["ja"] == names["en"], names


def test_shared_docs_consistency_tool_agrees() -> None:
    tool = ROOT.parent / "shared" / "tools" / "docs_consistency.py"
    if not tool.exists():
        pytest.skip("../shared/tools/docs_consistency.py is not beside this checkout")
    proc = subprocess.run([sys.executable, str(tool), str(DOCS)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().endswith(", 0 problems"), proc.stdout
