"""docs/en, docs/zh and docs/ja tell the same pages: the same code, steps and configs byte for byte,
the same live blocks and the same headings with the same ids, in the same order (streamlet_site.pages).

Each check is also run once on a broken copy, so that none of them can pass by finding nothing.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from streamlet_site import pages as P

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = P.pages(DOCS, "en")


def test_every_language_has_the_pages_of_the_english_tree() -> None:
    problems = P.same_pages_problems(DOCS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["zh", "ja"])
@pytest.mark.parametrize("rel", PAGES)
def test_translation_keeps_code_steps_configs_headings_and_live_blocks(rel: str, lang: str) -> None:
    if not (DOCS / lang / rel).exists():
        pytest.fail(f"docs/{lang}/{rel} is missing (docs/en/{rel} exists)")
    problems = P.parity_problems(DOCS, rel, lang)
    assert not problems, "\n".join(problems)


# ----- the checks can fail ---------------------------------------------------------------------------

PAGE = '''# Counter {#counter}

Some words.

## Callbacks {#callbacks}

```python live id="count"
import streamlit as st
st.button("Add")
```

```steps
- expect: {markdown: []}
```

```toml
[runner]
magicEnabled = false
```
'''


def _tree(tmp_path: Path, **langs: str) -> Path:
    docs = tmp_path / "docs"
    for lang in P.LANGS:
        (docs / lang).mkdir(parents=True)
        (docs / lang / "page.md").write_text(langs.get(lang, PAGE.replace("Some words.", f"Words in {lang}.")),
                                             encoding="utf-8")
    return docs


def test_a_faithful_translation_passes(tmp_path: Path) -> None:
    zh = PAGE.replace("# Counter {#counter}", "# 计数器 {#counter}").replace("## Callbacks", "## 回调")
    assert P.all_parity_problems(_tree(tmp_path, zh=zh)) == []


@pytest.mark.parametrize(("change", "expected"), [
    (("st.button(\"Add\")", "st.button(\"添加\")"), "docs/zh/page.md:7: python fence 1 differs from docs/en/page.md:7: "
                                                  "line 2 of the fence"),
    (("- expect: {markdown: []}", "- expect: {markdown: [x]}"), "docs/zh/page.md:12: steps fence 2 differs"),
    (("magicEnabled = false", "magicEnabled = true"), "docs/zh/page.md:16: toml fence 3 differs"),
    (("live id=\"count\"", "live id=\"counter\""), "live blocks ['counter'] where docs/en/page.md has ['count']"),
    (("## Callbacks {#callbacks}", "## 回调 {#huidiao}"), "docs/zh/page.md:5: heading 2 is h2 #huidiao"),
    (("## Callbacks {#callbacks}", "### 回调 {#callbacks}"), "docs/zh/page.md:5: heading 2 is h3 #callbacks"),
    (("## Callbacks {#callbacks}", "## 回调"), "docs/zh/page.md:5: heading '回调' has no explicit id; "
                                               "write it as '## 回调 {#callbacks}'"),
    (("## Callbacks {#callbacks}\n", ""), "docs/zh/page.md: 1 headings, docs/en/page.md has 2"),
    (("```toml\n[runner]\nmagicEnabled = false\n```\n", ""), "docs/zh/page.md: 2 code/steps/toml fences, "
     "docs/en/page.md has 3 (python: 1 vs 1, steps: 1 vs 1, toml: 0 vs 1); the first missing one is docs/en/page.md:16"),
    (("```toml", "```python\nx = 1\n```\n\n```toml"), "docs/zh/page.md:16: fence 3 is a python fence where "
                                                      "docs/en/page.md:16 has a toml fence"),
])
def test_each_difference_is_named_with_its_page_and_line(tmp_path: Path, change: tuple[str, str],
                                                          expected: str) -> None:
    zh = PAGE.replace(*change)
    assert zh != PAGE
    problems = P.all_parity_problems(_tree(tmp_path, zh=zh))
    assert any(expected in p for p in problems), problems


def test_a_missing_or_extra_page_is_named(tmp_path: Path) -> None:
    docs = _tree(tmp_path)
    (docs / "ja" / "page.md").rename(docs / "ja" / "other.md")
    assert P.same_pages_problems(docs) == ["docs/ja/page.md: missing (docs/en/page.md exists)",
                                           "docs/ja/other.md: has no English page docs/en/other.md"]


def test_a_broken_copy_of_the_real_docs_fails(tmp_path: Path) -> None:
    """The real pages, with one heading id of one translation changed, no longer pass."""
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    for rel in PAGES:
        page = copy / "ja" / rel
        if page.exists() and "{#" in page.read_text(encoding="utf-8"):
            page.write_text(page.read_text(encoding="utf-8").replace("{#", "{#broken-", 1), encoding="utf-8")
            break
    else:
        pytest.skip("no ja page has an explicit heading id yet")
    assert any("broken-" in p for p in P.all_parity_problems(copy))
