"""A docs check's failures told to the reader, in the page's language (en, zh, ja).

The checker (``check.py``) finds what no longer matches and describes it as a
``Failure``: its kind and the values involved. This module turns each one into a
whole sentence per case, as plain text (the page shows it with ``textContent``):
which step, what the docs say, and what the page does instead. Displayed text is
quoted (“…” in en and zh, 「…」 in ja); in zh and ja a half-width space goes between
CJK text and Latin text, digits or code, and none next to full-width punctuation.

Imports nothing beyond the standard library: the browser's worker uses it.
"""
from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

LANGS = ("en", "zh", "ja")

MISSING = object()
"""A state key that was never set."""


@dataclass
class Failure:
    """One expectation that does not hold: ``kind`` and what it needs to be told."""

    kind: str
    """``element``, ``state``, ``unexpected``, ``exception``, ``log``, ``no-widget``, ``disabled`` or ``action``."""
    text: str
    """The developer's wording (pytest, the CPython doc tests): unchanged, in English."""
    data: dict[str, Any] = field(default_factory=dict)


WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "step": "Step {n} ({what}): {sentence}",
        "quote": "“{}”",
        "list": (", ", " and "),
        "first": "first run",
        "rerun": "rerun",
        "click": "click {label}",
        "set": {
            "text": {"value": "type {value} into {label}", "empty": "clear {label}"},
            "number": "enter {value} in {label}",
            "check": {True: "check {label}", False: "uncheck {label}"},
            "switch": {True: "switch {label} on", False: "switch {label} off"},
            "choose": "choose {value} in {label}",
            "slide": "move {label} to {value}",
            "pick": "pick {value} in {label}",
            "other": "set {label} to {value}",
        },
        "display": {
            "both": "the page should show the {noun} {expected}, but it shows {actual}.",
            "none_shown": "the page should show the {noun} {expected}, but it shows no {noun}.",
            "none_expected": "the page should show no {noun}, but it shows {actual}.",
        },
        "widget": {
            "both": "the {noun} should hold {expected}, but it holds {actual}.",
            "none_shown": "the page should have a {noun} holding {expected}, but it has none.",
            "none_expected": "the page should have no {noun}, but it has one holding {actual}.",
        },
        "state": {
            "wrong": "{key} should be {expected}, but it is {actual}.",
            "missing": "{key} should be {expected}, but it was never set.",
        },
        "unexpected": {
            "message": "the script should run without an exception, but it raises {name} "
                       "with the message {message}.",
            "bare": "the script should run without an exception, but it raises {name}.",
        },
        "expected": {
            "type": "the script should raise {name}",
            "both": "the script should raise {name} with the message {message}",
            "message": "the script should raise an exception with the message {message}",
        },
        "instead": {
            "none": "{expected}, but it runs without an exception.",
            "message": "{expected}, but it raises {name} with the message {message}.",
            "bare": "{expected}, but it raises {name}.",
        },
        "log": {
            "both": "the server log should get {expected}, but it gets {actual}.",
            "none_shown": "the server log should get {expected}, but it gets nothing.",
            "none_expected": "the server log should get nothing, but it gets {actual}.",
        },
        "no-widget": "the page has no widget with the label or key {target}, "
                     "so the remaining steps cannot be checked.",
        "ambiguous": "the page has more than one widget labelled {target}, "
                     "so the remaining steps cannot be checked.",
        "disabled": "{label} is disabled and cannot be used, so the remaining steps cannot be checked.",
        "action": "the steps use an unknown action, {action}.",
        "nouns": {
            "markdown": "text", "text": "text", "title": "title", "header": "header",
            "subheader": "subheader", "caption": "caption", "error": "error message",
            "warning": "warning", "info": "info message", "success": "success message",
            "json": "JSON", "code": "code", "exception": "exception",
            "checkbox": "checkbox", "toggle": "toggle", "text_input": "text box", "text_area": "text area",
            "number_input": "number box", "slider": "slider", "select_slider": "slider",
            "selectbox": "drop-down list", "radio": "radio group", "multiselect": "multiselect",
            "date_input": "date box", "time_input": "time box", "color_picker": "color picker",
            "button": "button", "form_submit_button": "submit button", "download_button": "download button",
            "other": "{kind} element",
        },
    },
    "zh": {
        "step": "第 {n} 步（{what}）：{sentence}",
        "quote": "“{}”",
        "list": ("、", "和"),
        "first": "首次运行",
        "rerun": "重新运行",
        "click": "点击{label}",
        "set": {
            "text": {"value": "在{label}中输入{value}", "empty": "清空{label}"},
            "number": "在{label}中输入{value}",
            "check": {True: "勾选{label}", False: "取消勾选{label}"},
            "switch": {True: "打开{label}", False: "关闭{label}"},
            "choose": "在{label}中选择{value}",
            "slide": "把{label}拖到{value}",
            "pick": "在{label}中选择{value}",
            "other": "把{label}设为{value}",
        },
        "display": {
            "both": "页面应显示{noun}{expected}，实际显示的是{actual}。",
            "none_shown": "页面应显示{noun}{expected}，实际却没有显示任何{noun}。",
            "none_expected": "页面不应显示{noun}，实际却显示了{actual}。",
        },
        "widget": {
            "both": "{noun}的值应为{expected}，实际为{actual}。",
            "none_shown": "页面上应有值为{expected}的{noun}，实际却没有。",
            "none_expected": "页面上不应有{noun}，实际却有一个值为{actual}的{noun}。",
        },
        "state": {
            "wrong": "{key}应为{expected}，实际为{actual}。",
            "missing": "{key}应为{expected}，但会话状态中没有这个键。",
        },
        "unexpected": {
            "message": "脚本本应顺利运行完毕，实际却抛出了{name}异常，错误信息为{message}。",
            "bare": "脚本本应顺利运行完毕，实际却抛出了{name}异常。",
        },
        "expected": {
            "type": "脚本应抛出{name}异常",
            "both": "脚本应抛出错误信息为{message}的{name}异常",
            "message": "脚本应抛出错误信息为{message}的异常",
        },
        "instead": {
            "none": "{expected}，实际却没有抛出任何异常。",
            "message": "{expected}，实际抛出的却是{name}异常，错误信息为{message}。",
            "bare": "{expected}，实际抛出的却是{name}异常。",
        },
        "log": {
            "both": "服务器日志中应出现{expected}，实际出现的是{actual}。",
            "none_shown": "服务器日志中应出现{expected}，实际却什么也没有出现。",
            "none_expected": "服务器日志中不应出现任何内容，实际却出现了{actual}。",
        },
        "no-widget": "页面上没有标签或键为{target}的小部件，后面的步骤无法核对。",
        "ambiguous": "页面上有多个标签为{target}的小部件，无法确定是哪一个，后面的步骤无法核对。",
        "disabled": "{label}处于禁用状态，无法操作，后面的步骤无法核对。",
        "action": "步骤中使用了未知的操作{action}。",
        "nouns": {
            "markdown": "文字", "text": "文字", "title": "大标题", "header": "标题",
            "subheader": "小标题", "caption": "说明文字", "error": "错误提示",
            "warning": "警告", "info": "提示信息", "success": "成功提示",
            "json": "JSON 数据", "code": "代码", "exception": "异常",
            "checkbox": "复选框", "toggle": "开关", "text_input": "文本框", "text_area": "多行文本框",
            "number_input": "数字输入框", "slider": "滑块", "select_slider": "滑块",
            "selectbox": "下拉框", "radio": "单选按钮", "multiselect": "多选框",
            "date_input": "日期框", "time_input": "时间框", "color_picker": "取色器",
            "button": "按钮", "form_submit_button": "提交按钮", "download_button": "下载按钮",
            "other": "{kind} 元素",
        },
    },
    "ja": {
        "step": "手順 {n}（{what}）：{sentence}",
        "quote": "「{}」",
        "list": ("、", "と"),
        "first": "最初の実行",
        "rerun": "再実行",
        "click": "{label}を押す",
        "set": {
            "text": {"value": "{label}に{value}と入力する", "empty": "{label}を空にする"},
            "number": "{label}に{value}と入力する",
            "check": {True: "{label}にチェックを入れる", False: "{label}のチェックを外す"},
            "switch": {True: "{label}をオンにする", False: "{label}をオフにする"},
            "choose": "{label}で{value}を選ぶ",
            "slide": "{label}を{value}に動かす",
            "pick": "{label}で{value}を選ぶ",
            "other": "{label}を{value}にする",
        },
        "display": {
            "both": "ページには{noun}{expected}が表示されるはずですが、実際に表示されているのは{actual}です。",
            "none_shown": "ページには{noun}{expected}が表示されるはずですが、{noun}は表示されていません。",
            "none_expected": "ページには{noun}が表示されないはずですが、実際には{actual}が表示されています。",
        },
        "widget": {
            "both": "{noun}の値は{expected}のはずですが、実際には{actual}です。",
            "none_shown": "ページには値が{expected}の{noun}があるはずですが、見つかりません。",
            "none_expected": "ページには{noun}がないはずですが、値が{actual}の{noun}があります。",
        },
        "state": {
            "wrong": "{key}は{expected}のはずですが、実際には{actual}です。",
            "missing": "{key}は{expected}のはずですが、セッションステートにこのキーがありません。",
        },
        "unexpected": {
            "message": "例外は発生しないはずですが、実際には例外{name}が発生し、メッセージは{message}です。",
            "bare": "例外は発生しないはずですが、実際には例外{name}が発生します。",
        },
        "expected": {
            "type": "例外{name}が発生するはずですが",
            "both": "メッセージが{message}の例外{name}が発生するはずですが",
            "message": "メッセージが{message}の例外が発生するはずですが",
        },
        "instead": {
            "none": "{expected}、実際には例外が発生しません。",
            "message": "{expected}、実際には例外{name}が発生し、メッセージは{message}です。",
            "bare": "{expected}、実際には例外{name}が発生します。",
        },
        "log": {
            "both": "サーバーログには{expected}が出力されるはずですが、実際に出力されたのは{actual}です。",
            "none_shown": "サーバーログには{expected}が出力されるはずですが、実際には何も出力されていません。",
            "none_expected": "サーバーログには何も出力されないはずですが、実際には{actual}が出力されています。",
        },
        "no-widget": "ラベルまたはキーが{target}のウィジェットがページにないため、以降の手順は確認できません。",
        "ambiguous": "ラベルが{target}のウィジェットがページに複数あり、どれを操作するか決められないため、"
                     "以降の手順は確認できません。",
        "disabled": "{label}は無効になっていて操作できないため、以降の手順は確認できません。",
        "action": "手順に不明な操作{action}が使われています。",
        "nouns": {
            "markdown": "テキスト", "text": "テキスト", "title": "タイトル", "header": "見出し",
            "subheader": "小見出し", "caption": "キャプション", "error": "エラーメッセージ",
            "warning": "警告", "info": "情報メッセージ", "success": "成功メッセージ",
            "json": "JSON", "code": "コード", "exception": "例外",
            "checkbox": "チェックボックス", "toggle": "トグル", "text_input": "テキストボックス",
            "text_area": "テキストエリア", "number_input": "数値入力欄", "slider": "スライダー",
            "select_slider": "スライダー", "selectbox": "セレクトボックス", "radio": "ラジオボタン",
            "multiselect": "マルチセレクト", "date_input": "日付入力欄", "time_input": "時刻入力欄",
            "color_picker": "カラーピッカー", "button": "ボタン", "form_submit_button": "送信ボタン",
            "download_button": "ダウンロードボタン", "other": "{kind} 要素",
        },
    },
}

DISPLAY = {"markdown", "text", "title", "header", "subheader", "caption", "error", "warning", "info",
           "success", "json", "code", "exception"}
"""Element types whose value is what the page displays; any other type is a widget and holds a value."""
TEXT = DISPLAY - {"json", "code"}

SET_PHRASE = {"text_input": "text", "text_area": "text", "number_input": "number", "checkbox": "check",
              "toggle": "switch", "selectbox": "choose", "radio": "choose", "multiselect": "choose",
              "select_slider": "slide", "slider": "slide", "date_input": "pick", "time_input": "pick",
              "color_picker": "pick"}
"""How a reader sets each kind of widget; any other kind is ``set``."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _halfwidth(char: str) -> bool:
    return "!" <= char <= "~"


def _needs_space(left: str, right: str) -> bool:
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    if a.isascii() and a.isalnum() and _halfwidth(b):  # a word, then a value: JSON {"n": 1}
        return True
    return bool((_CJK.match(a) and _halfwidth(b)) or (_halfwidth(a) and _CJK.match(b)))


def _fill(template: str, lang: str, **values: str) -> str:
    """``template`` with its placeholders filled; in zh and ja, spaced where CJK meets Latin text or code."""
    out = ""
    for n, part in enumerate(_PLACEHOLDER.split(template)):
        piece = values.get(part, "{" + part + "}") if n % 2 else part
        if lang != "en" and _needs_space(out, piece):
            out += " "
        out += piece
    return out


def _one_line(text: str) -> str:
    return " ".join(str(text).split("\n"))


def _quote(words: dict[str, Any], text: Any) -> str:
    return str(words["quote"]).format(_one_line(text))


def _code(value: Any) -> str:
    """A Python value as a reader writes it in code (``True``, ``['a']``); dates as ISO text."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return _one_line(repr(value))


def _value(words: dict[str, Any], kind: str, value: Any) -> str:
    """A value the page shows: text quoted, JSON as JSON, anything else as code."""
    if kind == "json":
        try:
            return _one_line(json.dumps(value, ensure_ascii=False, default=str))
        except (TypeError, ValueError):
            return _code(value)
    if isinstance(value, str):
        return _quote(words, value)
    return _code(value)


def _join(items: list[str], words: dict[str, Any], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    comma, last = words["list"]
    return _fill("{a}" + last + "{b}", lang, a=comma.join(items[:-1]), b=items[-1])


def _pick(phrase: Any, value: Any) -> str:
    if isinstance(phrase, str):
        return phrase
    if isinstance(value, bool) and value in phrase:
        return str(phrase[value])
    if value in ("", None) and "empty" in phrase:
        return str(phrase["empty"])
    return str(phrase.get("value") or next(iter(phrase.values())))


def state_key(key: str) -> str:
    if key.isidentifier() and not keyword.iskeyword(key):
        return f"st.session_state.{key}"
    return f"st.session_state[{key!r}]"


def step_action(action: str | None, target: Any, value: Any, lang: str,
                widget: tuple[str, str] | None = None) -> str:
    """What a step does, as a reader does it (``click “Increment”``); ``widget`` is its (type, label) if known."""
    words = WORDS[lang if lang in WORDS else "en"]
    kind, label = widget if widget else ("", str(target))
    quoted = _quote(words, label)
    if action == "click":
        return _fill(words["click"], lang, label=quoted)
    if action == "set":
        phrase = words["set"][SET_PHRASE.get(kind, "other")]
        shown = _quote(words, value) if isinstance(value, str) else _code(value)
        return _fill(_pick(phrase, value), lang, label=quoted, value=shown)
    if action == "rerun":
        return str(words["rerun"])
    if action:
        return _quote(words, action)
    return str(words["first"])


def _noun(words: dict[str, Any], kind: str, lang: str) -> str:
    nouns = words["nouns"]
    return str(nouns.get(kind) or _fill(nouns["other"], lang, kind=kind))


def _case(templates: dict[str, str], expected: list[Any], actual: list[Any]) -> str:
    if not actual:
        return templates["none_shown"]
    if not expected:
        return templates["none_expected"]
    return templates["both"]


def _raised(words: dict[str, Any], node: dict[str, Any]) -> dict[str, str]:
    return {"name": str(node["exc_type"]).rpartition(".")[2],
            "message": _quote(words, node["message"]) if node.get("message") else ""}


def sentences(failure: Failure, lang: str) -> list[str]:
    """What went wrong, as whole sentences in ``lang`` (one per wrong state key, else one)."""
    words = WORDS[lang]
    data = failure.data
    kind = failure.kind
    if kind == "element":
        element = data["type"]
        expected, actual = data["expected"], data["actual"]
        templates = words["display" if element in DISPLAY else "widget"]
        return [_fill(_case(templates, expected, actual), lang, noun=_noun(words, element, lang),
                      expected=_join([_value(words, element, v) for v in expected], words, lang),
                      actual=_join([_value(words, element, v) for v in actual], words, lang))]
    if kind == "state":
        out = []
        for key, actual, expected in data["wrong"]:
            template = words["state"]["missing" if actual is MISSING else "wrong"]
            out.append(_fill(template, lang, key=state_key(str(key)), expected=_code(expected),
                             actual="" if actual is MISSING else _code(actual)))
        return out
    if kind == "unexpected":
        raised = _raised(words, data["raised"])
        return [_fill(words["unexpected"]["message" if raised["message"] else "bare"], lang, **raised)]
    if kind == "exception":
        spec = data["expected"] if isinstance(data["expected"], dict) else {"type": data["expected"]}
        name = str(spec.get("type", "")).rpartition(".")[2]
        message = _quote(words, spec["message"]) if "message" in spec else ""
        which = "both" if name and message else "type" if name else "message"
        expected = _fill(words["expected"][which], lang, name=name, message=message)
        if not data["raised"]:
            return [_fill(words["instead"]["none"], lang, expected=expected)]
        raised = _raised(words, data["raised"][0])
        return [_fill(words["instead"]["message" if raised["message"] else "bare"], lang,
                      expected=expected, **raised)]
    if kind == "log":
        expected, actual = data["expected"], data["actual"]
        return [_fill(_case(words["log"], expected, actual), lang,
                      expected=_join([_quote(words, line) for line in expected], words, lang),
                      actual=_join([_quote(words, line) for line in actual], words, lang))]
    if kind == "no-widget":
        which = "ambiguous" if data.get("matches", 0) > 1 else "no-widget"
        return [_fill(words[which], lang, target=_quote(words, data["target"]))]
    if kind == "disabled":
        return [_fill(words["disabled"], lang, label=_quote(words, data["label"]))]
    if kind == "action":
        return [_fill(words["action"], lang, action=_quote(words, data["action"]))]
    return [failure.text]


def lines(failure: Failure, number: int, action: str, lang: str) -> list[str]:
    """The failure as the reader's lines: the step's number and action, then each sentence."""
    words = WORDS[lang]
    out = []
    for sentence in sentences(failure, lang):
        out.append(_fill(words["step"], lang, n=str(number), what=action, sentence=sentence))
    return out
