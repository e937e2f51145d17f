"""The docs checks catch a page that lies, and they are fast.

- Speed: the CPython pass over every snippet of every page in en, zh and ja (parse, run, replay the
  steps), in-process, timed and reported (a figure, not an assertion).
- Mutation test: in a temporary copy of docs/, for each page, one at a time: one expected output
  changed, one expected exception class changed (where the page expects one) and, in zh and ja, one
  line of a Python fence "translated". The snippet checker and the parity checks, called in-process,
  must catch every mutation; the count is reported.
"""
from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from streamlet.snippets.check import check_steps
from streamlet.snippets.model import Snippet
from streamlet_site import pages as P
from streamlet_site.parse import SnippetError, _steps_loader, fences, parse_page, parse_steps

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOT_OUTPUT = {"state", "exception", "log"}
TRANSLATED = {"zh": "已翻译的标签", "ja": "翻訳したラベル"}


@dataclass
class Pass:
    seconds: float = 0.0
    snippets: int = 0
    steps: int = 0
    pages: int = 0
    failing: set[tuple[str, str]] = field(default_factory=set)
    """(page, snippet key) whose checks fail on the real docs: not mutated (their own test reports them)."""
    broken_pages: list[str] = field(default_factory=list)


def _key(snippet: Snippet) -> str:
    return snippet.id or f"line-{snippet.line}"


def _check(snippet: Snippet) -> list[str]:
    return check_steps(snippet.code, snippet.steps, config_toml=snippet.config)


@pytest.fixture(scope="module")
def full_pass() -> Pass:
    """Every runnable snippet of every page of every language, checked once, timed."""
    result = Pass()
    start = time.perf_counter()
    for lang in P.LANGS:
        for rel in P.pages(DOCS, lang):
            where = f"docs/{lang}/{rel}"
            try:
                snippets = parse_page((DOCS / lang / rel).read_text(encoding="utf-8"), where)
            except SnippetError:
                result.broken_pages.append(where)
                continue
            result.pages += 1
            for snippet in snippets:
                if snippet.norun:
                    continue
                result.snippets += 1
                result.steps += len(snippet.steps) or 1
                if _check(snippet):
                    result.failing.add((where, _key(snippet)))
    result.seconds = time.perf_counter() - start
    return result


def test_speed_of_the_cpython_doc_pass(full_pass: Pass, report: Callable[[str], None]) -> None:
    report(f"docs CPython pass (in-process, en+zh+ja): {full_pass.pages} pages, {full_pass.snippets} snippets, "
           f"{full_pass.steps} steps in {full_pass.seconds:.2f} s")
    assert full_pass.pages > 0


# ----- mutations ---------------------------------------------------------------------------------------

def _dump_steps(data: list[Any]) -> str:
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10**6))


def _changed(value: Any) -> Any:
    """A different expected value of the same shape."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + " (changed)"
    if isinstance(value, list):
        return [_changed(value[0]), *value[1:]] if value else ["changed"]
    if isinstance(value, dict):
        if value:
            first = next(iter(value))
            return {**value, first: _changed(value[first])}
        return {"changed": True}
    return "changed"


def _other_class(name: str) -> str:
    module, dot, cls = name.rpartition(".")
    other = "TypeError" if cls == "ValueError" else "ValueError"
    return f"{module}{dot}{other}"


def _same_steps(a: str, b: str) -> bool:
    def steps(body: str) -> list[dict[str, Any]]:
        return [step.to_dict() | {"line": 0} for step in parse_steps(body, 0, "x:0")]
    return steps(a) == steps(b)


def _mutate_output(expect: dict[str, Any]) -> str | None:
    """Change one expected output in place: an element's value first, else a state value, else the log."""
    for wanted in (lambda k: k not in NOT_OUTPUT, lambda k: k == "state", lambda k: k == "log"):
        for key in expect:
            if wanted(key):
                expect[key] = _changed(expect[key])
                return key
    return None


def _mutate_exception(expect: dict[str, Any]) -> str | None:
    value = expect.get("exception")
    if isinstance(value, str):
        expect["exception"] = _other_class(value)
    elif isinstance(value, dict) and isinstance(value.get("type"), str):
        expect["exception"] = {**value, "type": _other_class(value["type"])}
    else:
        return None
    return "exception"


@dataclass
class Mutation:
    page: str
    kind: str
    line: int
    text: str
    """The whole page after the change."""
    snippet: str | None = None
    snippet_line: int = 0
    """The opening line of the Python fence whose snippet the change concerns."""


def _steps_mutations(text: str, where: str, ok: Callable[[str], bool]) -> list[Mutation]:
    """The first expected output and the first expected exception class of the page's passing snippets."""
    out: list[Mutation] = []
    all_fences = fences(text, where)
    lines = text.splitlines(keepends=True)
    for kind, mutate in (("expected output", _mutate_output), ("exception class", _mutate_exception)):
        done = False
        for n, fence in enumerate(all_fences):
            if done or fence.lang != "steps" or n == 0 or not ok(all_fences[n - 1].options.get("id", "")):
                continue
            data = yaml.load(fence.body, Loader=_steps_loader())  # noqa: S506 - a SafeLoader subclass
            # Rewriting the steps must change nothing but the mutation: the unchanged dump reads the same.
            assert _same_steps(fence.body, _dump_steps(data)), f"{where}:{fence.line}: steps do not round-trip"
            for step in data:
                if isinstance(step.get("expect"), dict) and mutate(step["expect"]):
                    body = _dump_steps(data)
                    new = "".join(lines[: fence.line]) + body + "".join(lines[fence.end_line - 1:])
                    out.append(Mutation(where, kind, fence.line, new, all_fences[n - 1].options.get("id"),
                                        all_fences[n - 1].line))
                    done = True
                    break
    return out


_LITERAL = re.compile(r"""(["'])([^"'\n]+)\1""")


def _code_mutation(text: str, where: str, lang: str, ok: Callable[[str], bool]) -> Mutation | None:
    """A translator's slip: one string literal of one Python fence written in the page's language."""
    lines = text.splitlines(keepends=True)
    for fence in fences(text, where):
        if fence.lang not in ("python", "py", "python3") or fence.options.get("norun") is not None:
            continue
        if not ok(fence.options.get("id") or f"line-{fence.line}"):
            continue
        for number in range(fence.line, fence.end_line - 1):  # 0-based indices of the body's lines
            line = lines[number]
            match = _LITERAL.search(line)
            if match and not line.lstrip().startswith(("import", "from", "#")):
                changed = line[: match.start(2)] + TRANSLATED[lang] + line[match.end(2):]
                new = "".join(lines[:number]) + changed + "".join(lines[number + 1:])
                return Mutation(where, "translated code", number + 1, new, fence.options.get("id"), fence.line)
    return None


def _caught(copy: Path, lang: str, rel: str, mutation: Mutation) -> tuple[list[str], list[str]]:
    """(the snippet checker's messages, the parity checks' messages) on the copy holding the mutation."""
    page = copy / lang / rel
    original = page.read_text(encoding="utf-8")
    page.write_text(mutation.text, encoding="utf-8")
    try:
        try:
            snippets = parse_page(mutation.text, mutation.page)
        except SnippetError as err:
            return [str(err)], []
        checker = []
        for snippet in snippets:
            if snippet.line == mutation.snippet_line:
                checker += _check(snippet)
        parity = P.parity_problems(copy, rel, lang) if lang != P.REFERENCE else \
            [p for other in P.LANGS[1:] if (copy / other / rel).exists() for p in P.parity_problems(copy, rel, other)]
        return checker, parity
    finally:
        page.write_text(original, encoding="utf-8")


def test_every_mutation_of_every_page_is_caught(full_pass: Pass, tmp_path: Path,
                                                report: Callable[[str], None]) -> None:
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    made: dict[str, int] = {}
    missed: list[str] = []
    by_checker = by_parity = 0
    for lang in P.LANGS:
        for rel in P.pages(copy, lang):
            where = f"docs/{lang}/{rel}"
            if where in full_pass.broken_pages:
                continue
            text = (copy / lang / rel).read_text(encoding="utf-8")
            before = set(P.parity_problems(copy, rel, lang)) if lang != P.REFERENCE else set()

            def ok(key: str, where: str = where) -> bool:
                return (where, key) not in full_pass.failing

            mutations = _steps_mutations(text, where, ok)
            if lang in TRANSLATED:
                code = _code_mutation(text, where, lang, ok)
                mutations += [code] if code else []
            for mutation in mutations:
                made[mutation.kind] = made.get(mutation.kind, 0) + 1
                checker, parity = _caught(copy, lang, rel, mutation)
                parity = [p for p in parity if p not in before]
                by_checker += bool(checker)
                by_parity += bool(parity)
                if mutation.kind == "translated code":
                    caught = bool(parity)  # a translation must keep the code: parity's job
                else:
                    caught = bool(checker)  # the page's own steps must fail, whatever the other languages say
                if not caught:
                    missed.append(f"{mutation.page}:{mutation.line}: {mutation.kind} changed in "
                                  f"{mutation.snippet or 'a fence'}, and no check noticed")
    total = sum(made.values())
    report(f"docs mutation test: {total} mutations ({', '.join(f'{k}: {v}' for k, v in sorted(made.items()))}), "
           f"{total - len(missed)} caught (snippet checker: {by_checker}, parity: {by_parity}); "
           f"{len(full_pass.failing)} snippets left alone because they fail already"
           + (f", pages that do not parse: {full_pass.broken_pages}" if full_pass.broken_pages else ""))
    assert total > 0, "no page had anything to mutate"
    assert not missed, "\n".join(missed)


def test_the_mutation_test_sees_a_mutation_that_changes_nothing(tmp_path: Path) -> None:
    """The harness is honest: rewriting a page's steps without a change is not reported as caught."""
    page = '''# P {#p}

```python live id="c"
import streamlit as st
st.write("n =", 1)
```

```steps
- expect: {markdown: ["n = `1`"]}
```
'''
    docs = tmp_path / "docs"
    for lang in P.LANGS:
        (docs / lang).mkdir(parents=True)
        (docs / lang / "p.md").write_text(page, encoding="utf-8")
    same = _steps_mutations(page, "docs/en/p.md", lambda key: True)
    assert [m.kind for m in same] == ["expected output"]
    unchanged = Mutation("docs/en/p.md", "expected output", 8,
                         page.replace('- expect: {markdown: ["n = `1`"]}',
                                      _dump_steps([{"expect": {"markdown": ["n = `1`"]}}]).rstrip("\n")), "c", 3)
    assert _caught(docs, "en", "p.md", unchanged)[0] == []  # parity rightly sees other bytes; the checker nothing
    checker, parity = _caught(docs, "en", "p.md", same[0])
    assert checker and parity
    assert "(changed)" in checker[0]
    code = _code_mutation(page, "docs/zh/p.md", "zh", lambda key: True)
    assert code is not None and '"已翻译的标签"' in code.text
    assert _caught(docs, "zh", "p.md", code)[1]
