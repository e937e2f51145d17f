"""Whole-page checks of a docs tree (``docs/<lang>/*.md``): parity of the languages, headings, encoding, configs.

Each check returns a list of problems, one line each, naming the page and line;
an empty list means the docs are right. The tests of ``tests/docs`` call them on
``docs/`` and, in the mutation test, on a changed copy of it.

``headings`` renders the page with Python-Markdown (imported only when called) so
that ids are computed exactly as the site's build computes them.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streamlet.config import DEFAULTS

from .parse import PYTHON_LANGS, Fence, SnippetError, fences, parse_page

LANGS = ("en", "zh", "ja")
REFERENCE = "en"
SAME_BYTES = PYTHON_LANGS | {"steps", "toml"}
"""Fences a translation keeps byte for byte: code, steps and configs."""

MARKDOWN_EXTENSIONS = ["toc", "attr_list", "admonition", "md_in_html", "tables", "pymdownx.details",
                       "pymdownx.superfences"]
"""The extensions of mkdocs.yml that decide what is a heading and what its id is."""

_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"[ \t]*\{:?([^{}]*)\}[ \t]*$")
_ID = re.compile(r"(?:^|\s)#([^\s}]+)")


@dataclass
class Heading:
    level: int
    text: str
    id: str
    explicit: bool
    """The heading gives its id itself (``## Callbacks {#callbacks}``)."""
    line: int


def pages(docs: Path, lang: str) -> list[str]:
    """The pages of one language, as paths relative to ``docs/<lang>``."""
    return sorted(p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md"))


def _rendered_ids(text: str) -> list[tuple[int, str]]:
    import markdown

    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    md.convert(text)
    out: list[tuple[int, str]] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            out.append((int(token["level"]), str(token["id"])))
            walk(token["children"])

    walk(md.toc_tokens)  # type: ignore[attr-defined]
    return out


def headings(text: str, path: str) -> list[Heading]:
    """The page's headings in order: level, text, the id the build gives it, and its line."""
    blank = text.splitlines()
    for fence in fences(text, path):
        for n in range(fence.line - 1, fence.end_line):
            blank[n] = ""
    found: list[Heading] = []
    for n, line in enumerate(blank, 1):
        match = _HEADING.match(line)
        if not match:
            continue
        title, explicit = match[2], False
        attrs = _ATTRS.search(title)
        if attrs:
            title = title[: attrs.start()]
            explicit = bool(_ID.search(attrs[1]))
        found.append(Heading(len(match[1]), title.strip(), "", explicit, n))
    rendered = _rendered_ids("\n".join(blank) + "\n")  # fences out: their options are the site plugin's
    if len(rendered) != len(found):
        raise SnippetError(f"{path}: {len(found)} heading lines found but the page renders {len(rendered)} "
                           "headings; write headings as '## Title {#id}' on a line of their own")
    for heading, (level, ident) in zip(found, rendered):
        heading.level, heading.id = level, ident
    return found


def _fence_key(fence: Fence) -> tuple[str, str]:
    return fence.lang, fence.body


def _first_difference(a: str, b: str) -> str:
    lines_a, lines_b = a.splitlines(), b.splitlines()
    for n, (x, y) in enumerate(zip(lines_a, lines_b), 1):
        if x != y:
            return f"line {n} of the fence: {x!r} instead of {y!r}"
    if len(lines_a) != len(lines_b):
        return f"{len(lines_a)} lines instead of {len(lines_b)}"
    return "whitespace at the end differs"


def _info(docs: Path, lang: str, rel: str) -> tuple[str, str]:
    path = docs / lang / rel
    return path.read_text(encoding="utf-8"), f"docs/{lang}/{rel}"


def same_pages_problems(docs: Path) -> list[str]:
    """Every language has exactly the pages of the English tree."""
    problems: list[str] = []
    reference = set(pages(docs, REFERENCE))
    if not reference:
        return [f"docs/{REFERENCE}/ has no pages"]
    for lang in LANGS[1:]:
        have = set(pages(docs, lang))
        problems += [f"docs/{lang}/{rel}: missing (docs/{REFERENCE}/{rel} exists)" for rel in sorted(reference - have)]
        problems += [f"docs/{lang}/{rel}: has no English page docs/{REFERENCE}/{rel}" for rel in sorted(have - reference)]
    return problems


def parity_problems(docs: Path, rel: str, lang: str) -> list[str]:
    """``docs/<lang>/<rel>`` against the English page: same code, steps and config fences byte for byte
    and in the same order, the same live blocks, the same headings with the same ids (explicit in zh/ja)."""
    if not (docs / lang / rel).exists() or not (docs / REFERENCE / rel).exists():
        return [f"docs/{lang}/{rel}: no such page in both {lang} and {REFERENCE}"]
    text, where = _info(docs, lang, rel)
    ref_text, ref_where = _info(docs, REFERENCE, rel)
    problems: list[str] = []
    try:
        mine_all, theirs_all = fences(text, where), fences(ref_text, ref_where)
    except SnippetError as err:
        return [str(err)]
    try:
        mine_heads, theirs_heads = headings(text, where), headings(ref_text, ref_where)
    except SnippetError as err:
        problems.append(str(err))
        mine_heads = theirs_heads = []

    mine = [f for f in mine_all if f.lang in SAME_BYTES]
    theirs = [f for f in theirs_all if f.lang in SAME_BYTES]
    for n, (a, b) in enumerate(zip(mine, theirs), 1):
        if a.lang != b.lang:
            problems.append(f"{where}:{a.line}: fence {n} is a {a.lang} fence where {ref_where}:{b.line} has a "
                            f"{b.lang} fence (code, steps and config fences come in the same order)")
        elif a.options != b.options:
            problems.append(f"{where}:{a.line}: {a.lang} fence {n} has options {a.options}, "
                            f"{ref_where}:{b.line} has {b.options}")
        elif a.body != b.body:
            problems.append(f"{where}:{a.line}: {a.lang} fence {n} differs from {ref_where}:{b.line}: "
                            f"{_first_difference(a.body, b.body)}")
    if len(mine) != len(theirs):
        counts = {kind: (sum(f.lang == kind for f in mine), sum(f.lang == kind for f in theirs))
                  for kind in ("python", "steps", "toml")}
        if len(mine) > len(theirs):
            first = f"; the first extra one is at {where}:{mine[len(theirs)].line}"
        else:
            first = f"; the first missing one is {ref_where}:{theirs[len(mine)].line}"
        problems.append(f"{where}: {len(mine)} code/steps/toml fences, {ref_where} has {len(theirs)} "
                        f"({', '.join(f'{k}: {a} vs {b}' for k, (a, b) in counts.items())}){first}")

    live = [(f.options.get("id"), f.line) for f in mine if f.lang in PYTHON_LANGS and "live" in f.options]
    ref_live = [(f.options.get("id"), f.line) for f in theirs if f.lang in PYTHON_LANGS and "live" in f.options]
    if [i for i, _ in live] != [i for i, _ in ref_live]:
        problems.append(f"{where}: live blocks {[i for i, _ in live]} where {ref_where} has "
                        f"{[i for i, _ in ref_live]} (same blocks, same order)")

    for n, head in enumerate(mine_heads):
        if lang != REFERENCE and not head.explicit:
            wanted = theirs_heads[n].id if n < len(theirs_heads) else "english-id"
            problems.append(f"{where}:{head.line}: heading {head.text!r} has no explicit id; write it as "
                            f"'{'#' * head.level} {head.text} {{#{wanted}}}' (the ids are the English page's)")
    for n, (head, ref) in enumerate(zip(mine_heads, theirs_heads), 1):
        if head.level != ref.level or (head.id != ref.id and (head.explicit or lang == REFERENCE)):
            problems.append(f"{where}:{head.line}: heading {n} is h{head.level} #{head.id} ({head.text!r}), "
                            f"{ref_where}:{ref.line} has h{ref.level} #{ref.id} ({ref.text!r})")
    if len(mine_heads) != len(theirs_heads):
        problems.append(f"{where}: {len(mine_heads)} headings, {ref_where} has {len(theirs_heads)}: "
                        f"{[h.id for h in mine_heads]} vs {[h.id for h in theirs_heads]}")
    return problems


def all_parity_problems(docs: Path) -> list[str]:
    problems = same_pages_problems(docs)
    for rel in pages(docs, REFERENCE):
        for lang in LANGS[1:]:
            if (docs / lang / rel).exists():
                problems += parity_problems(docs, rel, lang)
    return problems


# UTF-8 read as cp1252 (or Latin-1): a lead byte C2-F4 shows as Â-ô, and each continuation
# byte 80-BF as one of these (cp1252's 80-9F are typographic signs; Latin-1 gives C1 controls).
_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
                "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
TEXT_SUFFIXES = {".md", ".html", ".xml", ".txt", ".css", ".js", ".json", ".yml", ".yaml", ".toml", ".svg", ".py"}


def mojibake_in(text: str, where: str) -> list[str]:
    problems = []
    for n, line in enumerate(text.splitlines(), 1):
        if "\ufffd" in line:
            col = line.index("\ufffd") + 1
            problems.append(f"{where}:{n}:{col}: U+FFFD (a character lost to a wrong encoding)")
        match = MOJIBAKE.search(line)
        if match:
            problems.append(f"{where}:{n}:{match.start() + 1}: looks like UTF-8 read as cp1252: "
                            f"{line[max(0, match.start() - 10): match.end() + 10]!r}")
    return problems


def encoding_problems(docs: Path) -> list[str]:
    """Every text file under ``docs``: valid UTF-8, no U+FFFD, no mojibake."""
    problems: list[str] = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES):
        where = path.relative_to(docs.parent).as_posix()
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as err:
            problems.append(f"{where}: not valid UTF-8 at byte {err.start}")
            continue
        problems += mojibake_in(text, where)
    return problems


def _dotted(table: dict[str, Any], prefix: str = "") -> list[str]:
    names = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        names += _dotted(value, name + ".") if isinstance(value, dict) else [name]
    return names


def toml_problems(docs: Path) -> list[str]:
    """Every ``toml`` fence of every page parses and names only options the runtime knows."""
    problems: list[str] = []
    for lang in LANGS:
        for rel in pages(docs, lang):
            text, where = _info(docs, lang, rel)
            try:
                found = fences(text, where)
            except SnippetError as err:
                problems.append(str(err))
                continue
            for fence in found:
                if fence.lang != "toml":
                    continue
                try:
                    data = tomllib.loads(fence.body)
                except tomllib.TOMLDecodeError as err:
                    problems.append(f"{where}:{fence.line}: not valid TOML: {err}")
                    continue
                for name in _dotted(data):
                    if name not in DEFAULTS:
                        problems.append(f"{where}:{fence.line}: {name} is not an option the runtime knows "
                                        f"({', '.join(sorted(DEFAULTS))})")
    return problems


def norun_fences(docs: Path) -> list[tuple[str, str]]:
    """``(page:line, reason)`` of every Python fence that says it cannot run."""
    out = []
    for lang in LANGS:
        for rel in pages(docs, lang):
            text, where = _info(docs, lang, rel)
            for snippet in parse_page(text, where):
                if snippet.norun is not None:
                    out.append((snippet.where, snippet.norun))
    return out
