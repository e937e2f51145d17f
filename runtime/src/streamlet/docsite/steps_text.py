"""The documented steps of a snippet, told to the reader in the page's language."""
from __future__ import annotations

import html
import re
from datetime import date, time
from typing import Any

from ..snippets.model import Step
from ..write import as_inline_code

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "title": "Expected",
        "first": "When the script first runs",
        "click": "Click **{target}**",
        "set": "Set **{target}** to {value}",
        "rerun": "Rerun the script",
        "shows": "{when}: the page shows {shows}.",
        "blank": "{when}: the script runs without an exception.",
        "and": "; ",
        "state": " {key} is {value}.",
        "exception": " The script raises {name}.",
        "exception_message": " The script raises {name}: {message}",
        "log": " The server log gets {line}.",
        "widget": "a {kind} holding {value}",
    },
    "zh": {
        "title": "预期结果",
        "first": "脚本首次运行时",
        "click": "点击 **{target}** 后",
        "set": "将 **{target}** 设为 {value} 后",
        "rerun": "重新运行脚本后",
        "shows": "{when}，页面显示 {shows}。",
        "blank": "{when}，脚本正常运行，没有抛出异常。",
        "and": "；",
        "state": "此时 {key} 为 {value}。",
        "exception": "脚本抛出异常 {name}。",
        "exception_message": "脚本抛出异常 {name}：{message}",
        "log": "服务器日志中出现 {line}。",
        "widget": "值为 {value} 的 {kind}",
    },
    "ja": {
        "title": "期待される結果",
        "first": "スクリプトを最初に実行すると",
        "click": "**{target}** を押すと",
        "set": "**{target}** を {value} にすると",
        "rerun": "スクリプトを再実行すると",
        "shows": "{when}、{shows} と表示されます。",
        "blank": "{when}、スクリプトは例外を出さずに実行されます。",
        "and": "、",
        "state": "このとき {key} は {value} です。",
        "exception": "例外 {name} が発生します。",
        "exception_message": "例外 {name} が発生します：{message}",
        "log": "サーバーログに {line} が出力されます。",
        "widget": "値が {value} の {kind}",
    },
}

TEXT_TYPES = {"markdown", "title", "header", "subheader", "caption", "text", "error", "warning", "info", "success"}


def _text(value: Any) -> str:
    """A value as a Python reader writes it (``False``, ``['Buy milk']``); dates as ISO dates."""
    if isinstance(value, str):
        return value
    if isinstance(value, (date, time)):
        return value.isoformat()
    return repr(value)


def _code(value: Any) -> str:
    """A value as an inline code span that always closes, even when the value starts or ends with a backtick."""
    text = _text(value)
    if "\n" not in text and (text.startswith("`") or text.endswith("`")):
        fence = "`" * (max(len(run) for run in re.findall("`+", text)) + 1)
        return f"{fence} {text} {fence}"
    return as_inline_code(text)


def _markdown_text(text: str) -> str:
    """Expected text as it goes into the page: markdown stays markdown, but no raw HTML gets through."""
    return html.escape(text, quote=False)


def _shown(expect: dict[str, Any], words: dict[str, str]) -> list[str]:
    parts: list[str] = []
    for kind, expected in expect.items():
        if kind in ("state", "exception", "log"):
            continue
        values = expected if isinstance(expected, list) else [expected]
        if kind in TEXT_TYPES:
            parts.extend(_markdown_text(str(v)) for v in values)
        else:
            parts.extend(words["widget"].format(kind=_code(kind), value=_code(v)) for v in values)
    return parts


def _notes(expect: dict[str, Any], words: dict[str, str]) -> str:
    notes = ""
    for key, value in (expect.get("state") or {}).items():
        notes += words["state"].format(key=_code(f"st.session_state.{key}"), value=_code(value))
    raised = expect.get("exception")
    if raised is not None:
        spec = raised if isinstance(raised, dict) else {"type": raised}
        name = _code(spec["type"])
        if "message" in spec:
            notes += words["exception_message"].format(name=name, message=_markdown_text(spec["message"]))
        else:
            notes += words["exception"].format(name=name)
    for line in expect.get("log") or []:
        notes += words["log"].format(line=_code(line))
    return notes


def describe(step: Step, lang: str) -> str:
    words = TEMPLATES.get(lang, TEMPLATES["en"])
    when = words[step.action or "first"].format(target=step.target, value=_code(step.value))
    shown = _shown(step.expect, words)
    sentence = words["shows"].format(when=when, shows=words["and"].join(shown)) if shown else ""
    notes = _notes(step.expect, words)
    if not shown and not notes:
        sentence = words["blank"].format(when=when)
    if not sentence:
        sentence = f"{when}{'，' if lang == 'zh' else '、' if lang == 'ja' else ': '}"
        notes = notes.strip()
        if lang == "en":
            notes = notes[:1].lower() + notes[1:]
    return (sentence + notes).strip()


def steps_markdown(steps: list[Step], lang: str) -> str:
    words = TEMPLATES.get(lang, TEMPLATES["en"])
    items = "\n".join(f"{n}. {describe(step, lang)}" for n, step in enumerate(steps, 1))
    return (f'<div class="st-steps" markdown="1">\n<p class="st-steps-title">{words["title"]}</p>\n\n'
            f"{items}\n\n</div>")
