"""pytest plugin: every Python fence of ``docs/**/*.md`` becomes a test of what its page says.

- a snippet item runs the fence and replays its steps (``docs/en/index.md::counter``);
- a ``norun`` fence is reported as skipped, with its reason;
- a parity item per translated page proves that its fences, steps and configs are
  byte-identical to the English page's;
- every ``toml`` fence must parse and name only options the runtime knows.

Enable it with ``pytest_plugins = ["streamlet_site.pytest_plugin"]`` in a conftest.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from streamlet.config import Config
from streamlet.snippets.check import check_steps
from streamlet.snippets.model import Snippet

from .parse import SnippetError, fences, parse_page

REFERENCE_LANG = "en"


class DocFailure(Exception):
    """A page does not do what it says; the message names the page and line."""


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".md" and "docs" in file_path.parts:
        return MarkdownPage.from_parent(parent, path=file_path)
    return None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _language_paths(path: Path) -> tuple[str, Path] | None:
    """For docs/<lang>/rest.md: the language and the docs root."""
    parts = path.parts
    index = len(parts) - 1 - parts[::-1].index("docs")
    if index + 1 < len(parts) - 1:
        return parts[index + 1], Path(*parts[: index + 1])
    return None


class MarkdownPage(pytest.File):
    def collect(self) -> Any:
        rel = _relative(self.path, self.config.rootpath)
        text = self.path.read_text(encoding="utf-8")
        try:
            snippets = parse_page(text, rel)
        except SnippetError as err:
            yield PageError.from_parent(self, name="markup", message=str(err))
            return
        for snippet in snippets:
            name = snippet.id or f"line-{snippet.line}"
            item = SnippetItem.from_parent(self, name=name, snippet=snippet)
            if snippet.norun:
                # Marked at collection, so the report names the page, not this plugin.
                item.add_marker(pytest.mark.skip(reason=f"{snippet.where}: norun: {snippet.norun}"))
            yield item
        for fence in fences(text, rel):
            if fence.lang == "toml":
                yield TomlItem.from_parent(self, name=f"toml-line-{fence.line}", body=fence.body,
                                           where=f"{rel}:{fence.line}")
        found = _language_paths(self.path)
        if found and found[0] != REFERENCE_LANG:
            lang, docs = found
            reference = docs / REFERENCE_LANG / self.path.relative_to(docs / lang)
            yield ParityItem.from_parent(self, name="same-as-en", snippets=snippets, reference=reference,
                                         where=rel)


class SnippetItem(pytest.Item):
    def __init__(self, *, snippet: Snippet, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.snippet = snippet

    def runtest(self) -> None:
        failures = check_steps(self.snippet.code, self.snippet.steps, config_toml=self.snippet.config)
        if failures:
            raise DocFailure("\n".join(f"{self.snippet.where}: {f}" for f in failures))

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        if isinstance(excinfo.value, DocFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.snippet.line - 1, f"{self.snippet.where} [{self.name}]"


class TomlItem(pytest.Item):
    def __init__(self, *, body: str, where: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.body, self.where = body, where

    def runtest(self) -> None:
        try:
            Config.from_toml(self.body)
        except Exception as err:
            raise DocFailure(f"{self.where}: this config.toml is not one the runtime accepts: {err}") from None

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, self.where


class ParityItem(pytest.Item):
    """A translation keeps the English page's code, steps and configs byte for byte."""

    def __init__(self, *, snippets: list[Snippet], reference: Path, where: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.snippets, self.reference, self.where = snippets, reference, where

    def runtest(self) -> None:
        if not self.reference.exists():
            raise DocFailure(f"{self.where}: there is no English page {self.reference} to match")
        ref = parse_page(self.reference.read_text(encoding="utf-8"), str(self.reference))
        mine = [(s.id, s.code, [st.to_dict() | {"line": 0} for st in s.steps], s.config, s.options) for s in self.snippets]
        theirs = [(s.id, s.code, [st.to_dict() | {"line": 0} for st in s.steps], s.config, s.options) for s in ref]
        if len(mine) != len(theirs):
            raise DocFailure(f"{self.where}: {len(mine)} Python fences, the English page has {len(theirs)}")
        for n, (a, b) in enumerate(zip(mine, theirs)):
            if a != b:
                line = self.snippets[n].line
                raise DocFailure(f"{self.where}:{line}: fence {n + 1} ({a[0] or 'no id'}) differs from the "
                                 f"English page's (code, steps, config or options)")

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.where} [same-as-en]"


class PageError(pytest.Item):
    def __init__(self, *, message: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.message = message

    def runtest(self) -> None:
        raise DocFailure(self.message)

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        return self.message

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, self.message
