"""streamlet.docsite.steps_text: a snippet's steps told to the reader in the page's language."""
from __future__ import annotations

import re

import pytest

from streamlet.docsite.steps_text import describe, steps_markdown
from streamlet.snippets.model import Step

STEPS = [
    Step(expect={"markdown": ["Count =  `0`"]}),
    Step("click", "Increment", expect={"markdown": ["Count =  `1`"], "state": {"count": 1}}),
    Step("set", "Name", "Bob", expect={"text_input": ["Bob"]}),
    Step("rerun", expect={}),
    Step("click", "Go", expect={"exception": "StreamlitAPIException"}),
    Step("click", "Go", expect={"exception": {"type": "KeyError", "message": "boom"}}),
    Step(expect={"log": ["warn line"], "markdown": ["x"]}),
]

EXPECTED = {
    "en": [
        "When the script first runs: the page shows Count =  `0`.",
        "Click **Increment**: the page shows Count =  `1`. `st.session_state.count` is `1`.",
        "Set **Name** to `Bob`: the page shows a `text_input` holding `Bob`.",
        "Rerun the script: the script runs without an exception.",
        "Click **Go**: the script raises `StreamlitAPIException`.",
        "Click **Go**: the script raises `KeyError`: boom",
        "When the script first runs: the page shows x. The server log gets `warn line`.",
    ],
    "zh": [
        "脚本首次运行时，页面显示 Count =  `0`。",
        "点击 **Increment** 后，页面显示 Count =  `1`。此时 `st.session_state.count` 为 `1`。",
        "将 **Name** 设为 `Bob` 后，页面显示 值为 `Bob` 的 `text_input`。",
        "重新运行脚本后，脚本正常运行，没有抛出异常。",
        "点击 **Go** 后，脚本抛出异常 `StreamlitAPIException`。",
        "点击 **Go** 后，脚本抛出异常 `KeyError`：boom",
        "脚本首次运行时，页面显示 x。服务器日志中出现 `warn line`。",
    ],
    "ja": [
        "スクリプトを最初に実行すると、Count =  `0` と表示されます。",
        "**Increment** を押すと、Count =  `1` と表示されます。このとき `st.session_state.count` は `1` です。",
        "**Name** を `Bob` にすると、値が `Bob` の `text_input` と表示されます。",
        "スクリプトを再実行すると、スクリプトは例外を出さずに実行されます。",
        "**Go** を押すと、例外 `StreamlitAPIException` が発生します。",
        "**Go** を押すと、例外 `KeyError` が発生します：boom",
        "スクリプトを最初に実行すると、x と表示されます。サーバーログに `warn line` が出力されます。",
    ],
}


@pytest.mark.parametrize("lang", ["en", "zh", "ja"])
def test_each_kind_of_step_in_each_language(lang: str) -> None:
    assert [describe(step, lang) for step in STEPS] == EXPECTED[lang]


# Steps whose page text is code or a label only, so any English word left is a leak.
CODE_ONLY = [
    Step(expect={"markdown": ["`0`"]}),
    Step("click", "Increment", expect={"markdown": ["`1`"], "state": {"count": 1}, "log": ["warning"]}),
    Step("set", "Name", "Bob", expect={"json": {"a": 1}}),
    Step("rerun", expect={"exception": {"type": "KeyError", "message": "`boom`"}}),
    Step(expect={"state": {"a": [1, 2]}}),
    Step("click", "Go", expect={"exception": "ValueError"}),
]


def _without_code_and_labels(text: str) -> str:
    text = re.sub(r"(`+)(?:.+?)\1", "", text)
    return re.sub(r"\*\*.+?\*\*", "", text)


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_english_words_outside_code_and_labels(lang: str) -> None:
    leaks = {describe(step, lang): re.findall(r"[A-Za-z]{2,}", _without_code_and_labels(describe(step, lang)))
             for step in CODE_ONLY}
    assert {text: words for text, words in leaks.items() if words} == {}


def test_english_without_a_shown_element_reads_as_one_sentence() -> None:
    assert describe(Step("click", "Go", expect={"exception": "ValueError"}), "en") == (
        "Click **Go**: the script raises `ValueError`.")


def test_multi_line_and_backticked_values_are_fenced_as_code() -> None:
    step = Step("set", "Note", "a `tick` b", expect={"state": {"note": "line one\nline two"}})
    assert describe(step, "en") == ("Set **Note** to ``a `tick` b``: `st.session_state.note` is ```\nline one"
                                    "\nline two\n```.")


def test_a_value_ending_in_a_backtick_still_closes_its_code_span() -> None:
    assert describe(Step("set", "Note", "tick`", expect={}), "en").startswith("Set **Note** to `` tick` ``:")


def test_dates_in_steps_are_told_as_iso_dates() -> None:
    from datetime import date

    step = Step("set", "Day", date(2024, 1, 2), expect={"state": {"day": date(2024, 1, 2)}})
    assert describe(step, "zh") == "将 **Day** 设为 `2024-01-02` 后，此时 `st.session_state.day` 为 `2024-01-02`。"


def test_unknown_language_falls_back_to_english_words() -> None:
    assert describe(STEPS[0], "fr") == EXPECTED["en"][0]


@pytest.mark.parametrize("lang, title", [("en", "Expected"), ("zh", "预期结果"), ("ja", "期待される結果")])
def test_steps_markdown_is_a_numbered_list_under_a_localised_title(lang: str, title: str) -> None:
    text = steps_markdown(STEPS[:2], lang)
    assert text == (f'<div class="st-steps" markdown="1">\n<p class="st-steps-title">{title}</p>\n\n'
                    f"1. {EXPECTED[lang][0]}\n2. {EXPECTED[lang][1]}\n\n</div>")
