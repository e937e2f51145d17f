"""The documented steps of a snippet, told to the reader in the page's language.

Each step becomes whole sentences: when it happens (the first run, a click, a value
entered the way the reader enters it), then what the page shows, what session state
holds, what the script raises and what the server log gets. Widgets are told as a
reader sees them (an unchecked checkbox), not by type name. In Chinese and Japanese a
half-width space goes between CJK text and Latin text, code or a bold label, and none
next to full-width punctuation.
"""
from __future__ import annotations

import html
import json
import keyword
import re
from datetime import date, time
from typing import Any

from streamlet.config import Config
from streamlet.snippets.model import Step
from streamlet.testing import AppTest, Widget
from streamlet.write import as_inline_code

Phrase = str | dict[Any, str]
"""A template, or templates by value: ``True``/``False`` for a checked box, ``"empty"``, ``"value"``."""

TEMPLATES: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Expected",
        "first": "When the script first runs",
        "click": "Click {label}",
        "rerun": "Rerun the script",
        "set": {
            "text_input": {"value": "Type {text} into {label}", "empty": "Clear {label}"},
            "number_input": "Enter {value} in {label}",
            "checkbox": {True: "Check {label}", False: "Uncheck {label}"},
            "toggle": {True: "Switch {label} on", False: "Switch {label} off"},
            "slider": "Move the slider {label} to {text}",
            "selectbox": "Choose {text} in {label}",
            "multiselect": "Choose {value} in {label}",
            "date_input": "Pick the date {value} in {label}",
            "time_input": "Pick the time {value} in {label}",
            "color_picker": "Pick the color {value} in {label}",
            "other": "Set {label} to {value}",
        },
        "sentence": "{when}: {clause}.",
        "next": "{clause}.",
        "shows": ("the page shows {items}", "The page shows {items}"),
        "state": ("{pairs}", "{pairs}"),
        "pair": "{key} is {value}",
        "raises": ("the script raises {name}", "The script raises {name}"),
        "raises_message": ("the script raises {name} with the message “{message}”",
                           "The script raises {name} with the message “{message}”"),
        "log": ("the server log gets {lines}", "The server log gets {lines}"),
        "blank": "the script runs to the end without an exception",
        "quote": "“{}”",
        "list": (", ", " and "),
        "pairs": (", ", " and "),
        "shown": {
            "checkbox": {True: "a checked checkbox", False: "an unchecked checkbox"},
            "toggle": {True: "a toggle switched on", False: "a toggle switched off"},
            "text_input": {"value": "a text box holding {text}", "empty": "an empty text box"},
            "number_input": "a number box holding {value}",
            "slider": "a slider at {text}",
            "selectbox": {"value": "a drop-down list set to {text}", "empty": "a drop-down list with nothing chosen"},
            "radio": {"value": "radio buttons with {text} chosen", "empty": "radio buttons with nothing chosen"},
            "multiselect": {"value": "a multiselect holding {value}", "empty": "an empty multiselect"},
            "date_input": "a date box set to {value}",
            "time_input": "a time box set to {value}",
            "color_picker": "a color picker set to {value}",
            "json": "the JSON {value}",
            "code": "the code {value}",
            "button": "a button",
            "other": "a {kind} holding {value}",
        },
    },
    "zh": {
        "title": "预期结果",
        "first": "脚本首次运行时",
        "click": "点击{label}后",
        "rerun": "重新运行脚本后",
        "set": {
            "text_input": {"value": "在{label}中输入{text}后", "empty": "清空{label}后"},
            "number_input": "在{label}中输入{value}后",
            "checkbox": {True: "勾选{label}后", False: "取消勾选{label}后"},
            "toggle": {True: "打开{label}后", False: "关闭{label}后"},
            "slider": "把滑块{label}拖到{text}后",
            "selectbox": "在{label}中选择{text}后",
            "multiselect": "在{label}中选择{value}后",
            "date_input": "在{label}中选择日期{value}后",
            "time_input": "在{label}中选择时间{value}后",
            "color_picker": "在{label}中选择颜色{value}后",
            "other": "将{label}设为{value}后",
        },
        "sentence": "{when}，{clause}。",
        "next": "{clause}。",
        "shows": ("页面显示{items}", "页面显示{items}"),
        "state": ("{pairs}", "此时{pairs}"),
        "pair": "{key}为{value}",
        "raises": ("抛出{name}异常", "脚本抛出{name}异常"),
        "raises_message": ("抛出{name}异常，错误信息为“{message}”", "脚本抛出{name}异常，错误信息为“{message}”"),
        "log": ("服务器日志中出现{lines}", "服务器日志中出现{lines}"),
        "blank": "运行顺利结束，没有抛出异常",
        "quote": "“{}”",
        "list": ("、", "和"),
        "pairs": ("，", "，"),
        "shown": {
            "checkbox": {True: "已勾选的复选框", False: "未勾选的复选框"},
            "toggle": {True: "已打开的开关", False: "已关闭的开关"},
            "text_input": {"value": "内容为{text}的文本框", "empty": "空白的文本框"},
            "number_input": "值为{value}的数字输入框",
            "slider": "停在{text}的滑块",
            "selectbox": {"value": "选中{text}的下拉框", "empty": "未选择任何选项的下拉框"},
            "radio": {"value": "选中{text}的单选按钮", "empty": "未选择任何选项的单选按钮"},
            "multiselect": {"value": "选中{value}的多选框", "empty": "未选择任何选项的多选框"},
            "date_input": "日期为{value}的日期框",
            "time_input": "时间为{value}的时间框",
            "color_picker": "选中颜色{value}的取色器",
            "json": "JSON 数据{value}",
            "code": "代码{value}",
            "button": "按钮",
            "other": "值为{value}的{kind}",
        },
    },
    "ja": {
        "title": "期待される結果",
        "first": "スクリプトを最初に実行すると",
        "click": "{label}を押すと",
        "rerun": "スクリプトを再実行すると",
        "set": {
            "text_input": {"value": "{label}に{text}と入力すると", "empty": "{label}を空にすると"},
            "number_input": "{label}に{value}と入力すると",
            "checkbox": {True: "{label}にチェックを入れると", False: "{label}のチェックを外すと"},
            "toggle": {True: "{label}をオンにすると", False: "{label}をオフにすると"},
            "slider": "スライダー{label}を{text}に動かすと",
            "selectbox": "{label}で{text}を選ぶと",
            "multiselect": "{label}で{value}を選ぶと",
            "date_input": "{label}で日付{value}を選ぶと",
            "time_input": "{label}で時刻{value}を選ぶと",
            "color_picker": "{label}で色{value}を選ぶと",
            "other": "{label}を{value}にすると",
        },
        "sentence": "{when}、{clause}。",
        "next": "{clause}。",
        "shows": ("{items}が表示されます", "{items}が表示されます"),
        "state": ("{pairs}になります", "このとき{pairs}です"),
        "pair": "{key}は{value}",
        "raises": ("例外{name}が発生します", "例外{name}が発生します"),
        "raises_message": ("例外{name}が発生し、メッセージは「{message}」です",
                           "例外{name}が発生し、メッセージは「{message}」です"),
        "log": ("サーバーログに{lines}が出力されます", "サーバーログに{lines}が出力されます"),
        "blank": "例外は発生せず、最後まで実行されます",
        "quote": "「{}」",
        "list": ("、", "と"),
        "pairs": ("、", "、"),
        "shown": {
            "checkbox": {True: "チェックの入ったチェックボックス", False: "チェックの入っていないチェックボックス"},
            "toggle": {True: "オンのトグル", False: "オフのトグル"},
            "text_input": {"value": "{text}と入力されたテキストボックス", "empty": "空のテキストボックス"},
            "number_input": "{value}が入った数値入力欄",
            "slider": "{text}の位置にあるスライダー",
            "selectbox": {"value": "{text}が選ばれたセレクトボックス", "empty": "何も選ばれていないセレクトボックス"},
            "radio": {"value": "{text}が選ばれたラジオボタン", "empty": "何も選ばれていないラジオボタン"},
            "multiselect": {"value": "{value}が選ばれたマルチセレクト", "empty": "何も選ばれていないマルチセレクト"},
            "date_input": "日付{value}が入った日付入力欄",
            "time_input": "時刻{value}が入った時刻入力欄",
            "color_picker": "色{value}が選ばれたカラーピッカー",
            "json": "JSON {value}",
            "code": "コード{value}",
            "button": "ボタン",
            "other": "値が{value}の{kind}",
        },
    },
}

TEXT_TYPES = {"markdown", "title", "header", "subheader", "caption", "text", "error", "warning", "info", "success"}
SAME_AS = {"text_area": "text_input", "select_slider": "slider", "radio": "selectbox",
           "form_submit_button": "button", "download_button": "button"}
"""Widgets a reader meets the same way as another kind, for the templates of ``set``."""

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z0-9`*]")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _needs_space(left: str, right: str) -> bool:
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    return bool((_CJK.match(a) and _LATIN.match(b)) or (_LATIN.match(a) and _CJK.match(b)))


def _fill(template: str, lang: str, **values: str) -> str:
    """``template`` with its placeholders filled; in zh and ja, spaced where CJK meets Latin text or code."""
    out = ""
    for n, part in enumerate(_PLACEHOLDER.split(template)):
        piece = values.get(part, "{" + part + "}") if n % 2 else part
        if lang in ("zh", "ja") and _needs_space(out, piece):
            out += " "
        out += piece
    return out


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
    if "\n" not in text and re.search(r"[<>&]", text):
        return f"<code>{html.escape(text, quote=False)}</code>"  # see _code_span
    if "\n" not in text and (text.startswith("`") or text.endswith("`")):
        fence = "`" * (max(len(run) for run in re.findall("`+", text)) + 1)
        return f"{fence} {text} {fence}"
    return as_inline_code(text)


def _json_code(value: Any) -> str:
    try:
        return _code(json.dumps(value, ensure_ascii=False, default=str))
    except (TypeError, ValueError):
        return _code(value)


_CODE_SPAN = re.compile(r"(`+)(?!`)(.*?)(?<!`)\1(?!`)")


def _code_span(span: re.Match[str]) -> str:
    """A code span as markdown, or as an HTML ``<code>`` when it holds ``<``, ``>`` or ``&``.

    Inside the steps' ``markdown="1"`` block, raw HTML is read before code spans are, so a
    ``</div>`` in backticks would end the block; escaped in a ``<code>`` element it cannot.
    """
    body = span.group(2)
    if not re.search(r"[<>&]", body):
        return span.group()
    if len(body) > 2 and body.startswith(" ") and body.endswith(" ") and body.strip():
        body = body[1:-1]
    return f"<code>{html.escape(body, quote=False)}</code>"


def _markdown_text(text: str) -> str:
    """Expected markdown as it goes into the page, on one line: markdown stays markdown, raw HTML does not."""
    text = " ".join(text.split("\n"))
    out, end = [], 0
    for span in _CODE_SPAN.finditer(text):
        out += [html.escape(text[end:span.start()], quote=False), _code_span(span)]
        end = span.end()
    return "".join(out) + html.escape(text[end:], quote=False)


def _plain_text(text: str) -> str:
    """Text a reader types or reads verbatim: no markdown or HTML of its own."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", html.escape(" ".join(text.split("\n")), quote=False))


def _join(items: list[str], separators: tuple[str, str], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    comma, last = separators
    return _fill("{a}" + last + "{b}", lang, a=comma.join(items[:-1]), b=items[-1])


def _pick(phrase: Phrase, value: Any) -> str:
    """The template for ``value``: by truth for a box, ``empty`` for nothing chosen, else ``value``."""
    if isinstance(phrase, str):
        return phrase
    if isinstance(value, bool) and value in phrase:
        return phrase[value]
    if (value is None or value == "" or value == [] or value == ()) and "empty" in phrase:
        return phrase["empty"]
    return phrase.get("value") or next(iter(phrase.values()))


def _value_words(kind: str, value: Any, words: dict[str, Any]) -> dict[str, str]:
    if isinstance(value, str) and "\n" not in value:
        text = words["quote"].format(_plain_text(value))
    else:
        text = _code(value)
    return {"text": text, "value": _json_code(value) if kind == "json" else _code(value), "kind": _code(kind)}


def _when(step: Step, lang: str, words: dict[str, Any], widget: tuple[str, str] | None) -> str:
    kind, label = widget if widget else ("", "")
    bold = f"**{html.escape(str(label or step.target), quote=False)}**"
    if step.action == "click":
        return _fill(words["click"], lang, label=bold)
    if step.action == "set":
        templates = words["set"]
        phrase = templates.get(kind) or templates.get(SAME_AS.get(kind, "")) or templates["other"]
        return _fill(_pick(phrase, step.value), lang, label=bold, **_value_words(kind, step.value, words))
    return str(words[step.action or "first"])


def _shown(expect: dict[str, Any], lang: str, words: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    for kind, expected in expect.items():
        if kind in ("state", "exception", "log"):
            continue
        values = expected if isinstance(expected, list) else [expected]
        if kind in TEXT_TYPES:
            parts.extend(words["quote"].format(_markdown_text(str(v))) for v in values)
            continue
        shown = words["shown"]
        phrase = shown.get(kind) or shown.get(SAME_AS.get(kind, "")) or shown["other"]
        parts.extend(_fill(_pick(phrase, v), lang, **_value_words(kind, v, words)) for v in values)
    return parts


def _state_key(key: str) -> str:
    if key.isidentifier() and not keyword.iskeyword(key):
        return _code(f"st.session_state.{key}")
    return _code(f"st.session_state[{key!r}]")


def _clauses(expect: dict[str, Any], lang: str, words: dict[str, Any]) -> list[tuple[str, str]]:
    """What the step's expectations say, each as (clause after ``when``, clause as a sentence of its own)."""
    clauses: list[tuple[str, str]] = []

    def add(clause: str, /, **values: str) -> None:
        main, alone = words[clause]
        clauses.append((_fill(main, lang, **values), _fill(alone, lang, **values)))

    shown = _shown(expect, lang, words)
    if shown:
        add("shows", items=_join(shown, words["list"], lang))
    state = expect.get("state") or {}
    if state:
        pairs = [_fill(words["pair"], lang, key=_state_key(str(k)), value=_code(repr(v) if isinstance(v, str) else v))
                 for k, v in state.items()]
        add("state", pairs=_join(pairs, words["pairs"], lang))
    raised = expect.get("exception")
    if raised is not None:
        spec = raised if isinstance(raised, dict) else {"type": raised}
        if "message" in spec:
            add("raises_message", name=_code(spec["type"]), message=_markdown_text(str(spec["message"])))
        else:
            add("raises", name=_code(spec["type"]))
    lines = [words["quote"].format(_plain_text(str(line))) for line in expect.get("log") or []]
    if lines:
        add("log", lines=_join(lines, words["list"], lang))
    return clauses


def _sentence(template: str, lang: str, **values: str) -> str:
    return _fill(template, lang, **values)


def describe(step: Step, lang: str, widget: tuple[str, str] | None = None) -> str:
    """One step as whole sentences; ``widget`` is the (type, label) of the widget the step acts on, if known."""
    words = TEMPLATES.get(lang, TEMPLATES["en"])
    lang = lang if lang in TEMPLATES else "en"
    when = _when(step, lang, words, widget)
    clauses = _clauses(step.expect, lang, words)
    if not clauses:
        return _sentence(words["sentence"], lang, when=when, clause=words["blank"])
    sentences = [_sentence(words["sentence"], lang, when=when, clause=clauses[0][0])]
    sentences += [_sentence(words["next"], lang, clause=alone) for _, alone in clauses[1:]]
    return (" " if lang == "en" else "").join(sentences)


def _find_widget(at: AppTest, target: str) -> Widget | None:
    """The widget a step names: by key first, else by a label no other widget has (as the checker finds it)."""
    found = [e for block in (at.main, at.sidebar) for e in block if isinstance(e, Widget)]
    by_key = [w for w in found if w.key == target]
    by_label = [w for w in found if w.label == target]
    return by_key[0] if by_key else by_label[0] if len(by_label) == 1 else None


def _as_value(widget: Widget, value: Any) -> Any:
    """A date or time the steps write as text becomes the value the widget holds."""
    parse = {"date_input": date.fromisoformat, "time_input": time.fromisoformat}.get(widget.type)
    if parse is not None and isinstance(value, str):
        try:
            return parse(value)
        except ValueError:
            return value
    return value


def targets(steps: list[Step], code: str, config_toml: str | None = None) -> list[tuple[str, str] | None]:
    """For each step, the (type, label) of the widget it clicks or sets, found by replaying the steps.

    Only the wording depends on it: a script or a step that fails leaves the rest unknown
    (``None``), and they are told without the widget's kind; the docs check reports the failure.
    """
    found: list[tuple[str, str] | None] = []
    try:
        at = AppTest(code, config=Config.from_toml(config_toml) if config_toml else None).run()
        for number, step in enumerate(steps):
            widget = _find_widget(at, str(step.target)) if step.action in ("click", "set") else None
            found.append((widget.type, widget.label) if widget is not None else None)
            if not step.action and number == 0:
                continue
            if step.action in ("click", "set") and widget is None:
                break
            if widget is not None:
                widget.set_value(True if step.action == "click" else _as_value(widget, step.value))
            if not (step.action == "set" and widget is not None and widget.form_id):
                at.run()  # a value set in a form waits for its submit button, as in the page
    except Exception:  # any failure only leaves the wording plainer
        pass
    return found + [None] * (len(steps) - len(found))


def steps_markdown(steps: list[Step], lang: str, *, code: str | None = None, config: str | None = None) -> str:
    """The steps as a numbered list under a title; with the snippet's ``code``, widgets are told by what they are."""
    words = TEMPLATES.get(lang, TEMPLATES["en"])
    widgets = targets(steps, code, config) if code is not None else [None] * len(steps)
    items = "\n".join(f"{n}. {describe(step, lang, widget)}" for n, (step, widget) in enumerate(zip(steps, widgets), 1))
    return (f'<div class="st-steps" markdown="1">\n<p class="st-steps-title">{words["title"]}</p>\n\n'
            f"{items}\n\n</div>")
