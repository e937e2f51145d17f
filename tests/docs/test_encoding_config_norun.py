"""docs/ as text: no mojibake or U+FFFD in any file; every toml fence a config the runtime accepts;
every Python fence that cannot run says why, and the run lists it (none on the guide and the reference)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from streamlet_site import pages as P

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
MUST_RUN = ("guide.md", "api-reference.md")
"""Pages where every Python fence runs: no norun at all."""


def test_no_mojibake_and_no_replacement_character_in_docs() -> None:
    problems = P.encoding_problems(DOCS)
    assert not problems, "\n".join(problems)


def test_every_toml_fence_parses_and_names_known_options() -> None:
    problems = P.toml_problems(DOCS)
    assert not problems, "\n".join(problems)


def norun_where_banned(found: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: norun={reason!r}" for where, reason in found
            if where.rsplit(":", 1)[0].rsplit("/", 1)[-1] in MUST_RUN]


def test_norun_fences_are_listed_and_absent_from_guide_and_reference(report: Callable[[str], None]) -> None:
    found = P.norun_fences(DOCS)
    report(f"docs norun fences: {len(found)}" + "".join(f"\n  {where}: {reason}" for where, reason in found))
    banned = norun_where_banned(found)
    assert not banned, "these pages must run every fence:\n" + "\n".join(banned)


# ----- the checks can fail ---------------------------------------------------------------------------

def as_cp1252(text: str) -> str:
    """UTF-8 bytes read as windows-1252, as a browser reads them (bytes it lacks become C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode())


@pytest.mark.parametrize("text", [
    as_cp1252("会话状态"),                       # 'ä¼šè¯çŠ¶æ€'
    as_cp1252("セッション"),
    as_cp1252("回调函数，文档"),
    as_cp1252("“quoted” — dash"),               # 'â€œquotedâ€\x9d â€” dash'
    as_cp1252("café"),                           # 'cafÃ©'
    "回调".encode().decode("latin-1"),
    "an unknown \ufffd character",
])
def test_mojibake_and_replacement_characters_are_found(text: str) -> None:
    assert P.mojibake_in(f"fine line\n{text}\n", "docs/zh/x.md")[0].startswith("docs/zh/x.md:2:")


@pytest.mark.parametrize("text", ["café, naïve, Ærø, Straße, señor, 50 °C, «ça»", "会话状态、セッションステート",
                                  "— “quotes” … ‘single’ • bullet ™ €5"])
def test_real_text_is_not_mojibake(text: str) -> None:
    assert P.mojibake_in(text, "x") == []


def test_encoding_problems_walk_every_text_file_of_a_broken_copy(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "zh").mkdir(parents=True)
    (docs / "overrides").mkdir()
    (docs / "zh" / "ok.md").write_text("# 好 {#ok}\n", encoding="utf-8")
    (docs / "zh" / "bad.md").write_text("# 好\n\n" + as_cp1252("回调函数") + "\n",
                                        encoding="utf-8")
    (docs / "overrides" / "404.html").write_bytes("<p>页面</p>".encode("gbk"))
    (docs / "overrides" / "x.html").write_text("<p>\ufffd</p>", encoding="utf-8")
    problems = P.encoding_problems(docs)
    assert [p.split(":")[0] for p in problems] == ["docs/overrides/404.html", "docs/overrides/x.html",
                                                   "docs/zh/bad.md"], problems


def _page(tmp_path: Path, rel: str, text: str) -> Path:
    docs = tmp_path / "docs"
    for lang in P.LANGS:
        (docs / lang).mkdir(parents=True, exist_ok=True)
    (docs / "en" / rel).write_text(text, encoding="utf-8")
    return docs


@pytest.mark.parametrize(("toml", "expected"), [
    ("[runner]\nenforceSerializableSessionState = true\n", None),
    ("[runner]\nenforceSerializableSessionState = \n", "docs/en/a.md:3: not valid TOML"),
    ("[runner]\nfastReruns = true\n", "docs/en/a.md:3: runner.fastReruns is not an option the runtime knows"),
    ("[server]\n[server.port]\nx = 1\n", "docs/en/a.md:3: server.port.x is not an option"),
])
def test_toml_fences_are_checked(tmp_path: Path, toml: str, expected: str | None) -> None:
    docs = _page(tmp_path, "a.md", f"# A\n\n```toml\n{toml}```\n")
    problems = P.toml_problems(docs)
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_norun_fences_are_found_with_their_reasons(tmp_path: Path) -> None:
    docs = _page(tmp_path, "guide.md", '# G\n\n```python norun="needs pandas"\nimport pandas\n```\n\n```python\nx = 1\n```\n')
    assert P.norun_fences(docs) == [("docs/en/guide.md:3", "needs pandas")]
    assert norun_where_banned(P.norun_fences(docs)) == ["docs/en/guide.md:3: norun='needs pandas'"]
    assert norun_where_banned([("docs/ja/how-it-works.md:9", "needs a network")]) == []


def test_a_broken_copy_of_the_real_docs_fails(tmp_path: Path) -> None:
    """The real pages with mojibake in one translation, an unknown option in a toml fence and a norun
    fence in the guide: each check names the page."""
    import shutil

    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    zh = sorted((copy / "zh").glob("*.md"))[0]
    zh.write_text(zh.read_text(encoding="utf-8") + "\n" + as_cp1252("会话状态") + "\n", encoding="utf-8")
    guide = copy / "en" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + '\n```toml\n[runner]\nnoSuchOption = 1\n```\n\n'
                     '```python norun="needs pandas"\nimport pandas\n```\n', encoding="utf-8")
    assert any(p.startswith(f"docs/zh/{zh.name}:") for p in P.encoding_problems(copy))
    assert any("runner.noSuchOption" in p for p in P.toml_problems(copy))
    assert ("docs/en/guide.md", "needs pandas") in [(w.rsplit(":", 1)[0], r) for w, r in P.norun_fences(copy)]
