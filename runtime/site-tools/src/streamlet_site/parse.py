"""Find the snippets of a markdown page: Python fences, their options and the steps after them.

A live snippet and what it shows::

    ```python live id="counter"
    ...
    ```

    ```steps
    - expect: {markdown: ["Count =  `0`"]}
    - click: Increment
      expect: {markdown: ["Count =  `1`"]}
    ```

Options on the Python fence: ``live``, ``id="..."``, ``norun="why it cannot run"``,
``timeout=30`` (seconds a run of a live block may take before the page stops it; default 10),
``example="playground"`` (this live snippet is an option of the example picker of the live block
``playground`` on the same page; it is checked like any live snippet, and its name in the picker
is the text of the nearest heading above it, so each language names it in its own words).
A ``toml`` fence with ``for="id"`` gives a snippet its ``.streamlit/config.toml``.
"""
from __future__ import annotations

import math
import re
import shlex
from dataclasses import dataclass
from typing import Any

from streamlet.snippets.model import ACTIONS, Snippet, Step

PYTHON_LANGS = {"python", "py", "python3"}
KNOWN_OPTIONS = {"live", "id", "norun", "timeout", "example"}
MAX_TIMEOUT = 600

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


class SnippetError(ValueError):
    """The page's markup is wrong; the message names the page and line."""


@dataclass
class Fence:
    lang: str
    options: dict[str, str]
    body: str
    line: int
    """1-based line of the opening fence."""
    end_line: int


def parse_info(info: str, where: str) -> tuple[str, dict[str, str]]:
    """``python live id="x"`` -> (``python``, ``{"live": "", "id": "x"}``)."""
    try:
        words = shlex.split(info)
    except ValueError as err:
        raise SnippetError(f"{where}: cannot read the fence options {info!r}: {err}") from None
    if not words:
        return "", {}
    if words[0].startswith("{") and words[-1].endswith("}"):  # attribute-list style: {.python live id=x}
        words[0], words[-1] = words[0][1:], words[-1][:-1]
        words = [w for w in words if w]
    lang = words[0].lstrip(".").lower() if words else ""
    options: dict[str, str] = {}
    for word in words[1:]:
        name, _, value = word.partition("=")
        options[name] = value
    return lang, options


def fences(text: str, path: str) -> list[Fence]:
    lines = text.splitlines()
    out: list[Fence] = []
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence = match["indent"], match["fence"]
        closing = re.compile(rf"^{re.escape(indent)}{fence[0]}{{{len(fence)},}}[ \t]*$")
        lang, options = parse_info(match["info"].strip(), f"{path}:{i + 1}")
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        if j >= len(lines):
            raise SnippetError(f"{path}:{i + 1}: the fence opened here is never closed")
        out.append(Fence(lang, options, "\n".join(body) + ("\n" if body else ""), i + 1, j + 1))
        i = j + 1
    return out


def _step(item: Any, line: int, where: str) -> Step:
    if not isinstance(item, dict):
        raise SnippetError(f"{where}: each step is a mapping such as '- click: Increment', got {item!r}")
    unknown = set(item) - set(ACTIONS) - {"expect"}
    if unknown:
        raise SnippetError(f"{where}: unknown step key(s) {sorted(unknown)}; use one of {list(ACTIONS)} and 'expect'")
    actions = [a for a in ACTIONS if a in item]
    if len(actions) > 1:
        raise SnippetError(f"{where}: a step does one thing, this one has {actions}")
    expect = item.get("expect") or {}
    if not isinstance(expect, dict):
        raise SnippetError(f"{where}: 'expect' is a mapping such as {{markdown: [...]}}")
    step = Step(expect=expect, line=line)
    if actions:
        step.action = actions[0]
        if step.action == "click":
            step.target = str(item["click"])
        elif step.action == "set":
            target = item["set"]
            if not isinstance(target, dict) or len(target) != 1:
                raise SnippetError(f"{where}: 'set' takes one widget: {{label or key: value}}")
            ((step.target, step.value),) = target.items()
    return step


def _steps_loader() -> Any:
    """YAML as authors expect it: ``10:30`` stays text (YAML 1.1 would read it as 630, base 60)."""
    import yaml

    class StepsLoader(yaml.SafeLoader):
        pass

    numbers = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    StepsLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in numbers]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    StepsLoader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
                                            r"|[-+]?0x[0-9a-fA-F_]+)$"), list("-+0123456789"))
    StepsLoader.add_implicit_resolver(
        "tag:yaml.org,2002:float", re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                                              r"|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
                                              r"|\.(?:nan|NaN|NAN))$"), list("-+0123456789."))
    return StepsLoader


def parse_steps(body: str, line: int, where: str) -> list[Step]:
    import yaml

    try:
        data = yaml.load(body, Loader=_steps_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        raise SnippetError(f"{where}: the steps are not valid YAML: {err}") from None
    if not isinstance(data, list):
        raise SnippetError(f"{where}: the steps are a YAML list ('- expect: ...')")
    # Each item starts on a line of its own beginning with '- ': its line names it in errors.
    starts = [line + 1 + n for n, text in enumerate(body.splitlines()) if text.startswith("- ")]
    path = where.rsplit(":", 1)[0]
    steps = []
    for n, item in enumerate(data):
        step_line = starts[n] if n < len(starts) else line
        steps.append(_step(item, step_line, f"{path}:{step_line}"))
    return steps


def _check_timeout(text: str, live: bool, where: str) -> None:
    if not live:
        raise SnippetError(f"{where}: timeout is for live snippets (the page stops a run after it)")
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT:  # NaN and inf fail too
        raise SnippetError(f"{where}: timeout is the seconds a run may take, a number above 0 and at most "
                           f"{MAX_TIMEOUT}, e.g. timeout=30; got {text!r}")


def _check_examples(found: list[Snippet]) -> None:
    """An example is a live snippet with steps, for a live block of the page that is not an example itself."""
    by_id = {s.id: s for s in found if s.id}
    for snippet in found:
        if "example" not in snippet.options:
            continue
        target = snippet.options["example"]
        where = snippet.where
        if not snippet.live:
            raise SnippetError(f"{where}: example is for live snippets (the picker runs it), e.g. "
                               f"```python live id=\"counter\" example=\"playground\"")
        if not target.strip():
            raise SnippetError(f"{where}: example names the live block whose picker offers it, "
                               f"e.g. example=\"playground\"")
        if not snippet.steps:
            raise SnippetError(f"{where}: an example needs its steps fence, so that its code is checked")
        block = by_id.get(target)
        if block is None or not block.live:
            raise SnippetError(f"{where}: example={target!r}, but no live snippet on this page has that id")
        if block is snippet or block.example is not None:
            raise SnippetError(f"{where}: example={target!r} names an example; name the live block "
                               f"that shows the picker")


def parse_page(text: str, path: str) -> list[Snippet]:
    """Every Python fence of the page, with the steps and config that belong to it."""
    found: list[Snippet] = []
    configs: dict[str, str] = {}
    all_fences = fences(text, path)
    for n, fence in enumerate(all_fences):
        where = f"{path}:{fence.line}"
        if fence.lang == "toml" and "for" in fence.options:
            configs[fence.options["for"]] = fence.body
        if fence.lang == "steps":
            previous = all_fences[n - 1] if n else None
            if previous is None or previous.lang not in PYTHON_LANGS or "live" not in previous.options:
                raise SnippetError(f"{where}: a steps fence must follow a 'python live' fence")
            continue
        if fence.lang not in PYTHON_LANGS:
            continue
        unknown = set(fence.options) - KNOWN_OPTIONS
        if unknown:
            raise SnippetError(f"{where}: unknown fence option(s) {sorted(unknown)}; known: {sorted(KNOWN_OPTIONS)}")
        snippet = Snippet(path=path, line=fence.line, code=fence.body, id=fence.options.get("id") or None,
                          live="live" in fence.options, options=dict(fence.options))
        if snippet.live and not snippet.id:
            raise SnippetError(f"{where}: a live snippet needs an id, e.g. ```python live id=\"counter\"")
        if "norun" in fence.options and not fence.options["norun"].strip():
            raise SnippetError(f"{where}: norun needs a reason, e.g. norun=\"needs pandas\"")
        if "timeout" in fence.options:
            _check_timeout(fence.options["timeout"], snippet.live, where)
        following = all_fences[n + 1] if n + 1 < len(all_fences) else None
        if following is not None and following.lang == "steps":
            snippet.steps = parse_steps(following.body, following.line, f"{path}:{following.line}")
            snippet.steps_line = following.line
        found.append(snippet)
    seen: set[str] = set()
    for snippet in found:
        if snippet.id in seen:
            raise SnippetError(f"{snippet.where}: the id {snippet.id!r} is used twice on this page")
        if snippet.id:
            seen.add(snippet.id)
        if snippet.id in configs:
            snippet.config = configs[snippet.id]
    for target, _body in configs.items():
        if target not in seen:
            raise SnippetError(f"{path}: a toml fence is for={target!r}, but no snippet has that id")
    _check_examples(found)
    return found
