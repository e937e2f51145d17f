"""streamlet_site.steps_text: a snippet's steps told to the reader in the page's language."""
from __future__ import annotations

import re

import pytest

from streamlet.snippets.model import Step
from streamlet_site.steps_text import describe, steps_markdown

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
        "When the script first runs: the page shows “Count =  `0`”.",
        "Click **Increment**: the page shows “Count =  `1`”. `st.session_state.count` is `1`.",
        "Type “Bob” into **Name**: the page shows a text box holding “Bob”.",
        "Rerun the script: the script runs to the end without an exception.",
        "Click **Go**: the script raises `StreamlitAPIException`.",
        "Click **Go**: the script raises `KeyError` with the message “boom”.",
        "When the script first runs: the page shows “x”. The server log gets “warn line”.",
    ],
    "zh": [
        "脚本首次运行时，页面显示“Count =  `0`”。",
        "点击 **Increment** 后，页面显示“Count =  `1`”。此时 `st.session_state.count` 为 `1`。",
        "在 **Name** 中输入“Bob”后，页面显示内容为“Bob”的文本框。",
        "重新运行脚本后，运行顺利结束，没有抛出异常。",
        "点击 **Go** 后，抛出 `StreamlitAPIException` 异常。",
        "点击 **Go** 后，抛出 `KeyError` 异常，错误信息为“boom”。",
        "脚本首次运行时，页面显示“x”。服务器日志中出现“warn line”。",
    ],
    "ja": [
        "スクリプトを最初に実行すると、「Count =  `0`」が表示されます。",
        "**Increment** を押すと、「Count =  `1`」が表示されます。このとき `st.session_state.count` は `1` です。",
        "**Name** に「Bob」と入力すると、「Bob」と入力されたテキストボックスが表示されます。",
        "スクリプトを再実行すると、例外は発生せず、最後まで実行されます。",
        "**Go** を押すと、例外 `StreamlitAPIException` が発生します。",
        "**Go** を押すと、例外 `KeyError` が発生し、メッセージは「boom」です。",
        "スクリプトを最初に実行すると、「x」が表示されます。サーバーログに「warn line」が出力されます。",
    ],
}
WIDGETS = {"Name": ("text_input", "Name")}


@pytest.mark.parametrize("lang", ["en", "zh", "ja"])
def test_each_kind_of_step_in_each_language(lang: str) -> None:
    assert [describe(step, lang, WIDGETS.get(str(step.target))) for step in STEPS] == EXPECTED[lang]


# Steps whose page text is code, a label or quoted text only, so any English word left is a leak.
CODE_ONLY = [
    Step(expect={"markdown": ["`0`"]}),
    Step("click", "Increment", expect={"markdown": ["`1`"], "state": {"count": 1}, "log": ["warning"]}),
    Step("set", "Name", "Bob", expect={"json": {"a": 1}}),
    Step("rerun", expect={"exception": {"type": "KeyError", "message": "`boom`"}}),
    Step(expect={"state": {"a": [1, 2]}}),
    Step("click", "Go", expect={"exception": "ValueError"}),
    Step("set", "Agree", False, expect={"checkbox": [False, True], "toggle": [True], "slider": [3]}),
    Step("set", "Name", "", expect={"text_input": ["", "Ada"], "selectbox": [None], "radio": ["a"]}),
]
CODE_ONLY_WIDGETS = {"Name": ("text_input", "Name"), "Agree": ("checkbox", "Agree")}


def _without_code_and_labels(text: str) -> str:
    text = re.sub(r"(`+)(?:.+?)\1", "", text)
    text = re.sub(r"“[^”]*”|「[^」]*」", "", text)  # quoted text is the page's own
    return re.sub(r"\*\*.+?\*\*", "", text)


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_english_words_outside_code_and_labels(lang: str) -> None:
    told = [describe(step, lang, CODE_ONLY_WIDGETS.get(str(step.target))) for step in CODE_ONLY]
    leaks = {text: [w for w in re.findall(r"[A-Za-z]{2,}", _without_code_and_labels(text)) if w != "JSON"]
             for text in told}
    assert {text: words for text, words in leaks.items() if words} == {}


def test_english_without_a_shown_element_reads_as_one_sentence() -> None:
    assert describe(Step("click", "Go", expect={"exception": "ValueError"}), "en") == (
        "Click **Go**: the script raises `ValueError`.")


def test_multi_line_and_backticked_values_are_fenced_as_code() -> None:
    step = Step("set", "Note", "a `tick` b", expect={"code": ["line one\nline two"]})
    assert describe(step, "en") == ("Set **Note** to ``a `tick` b``: the page shows the code ```\nline one"
                                    "\nline two\n```.")


def test_a_value_ending_in_a_backtick_still_closes_its_code_span() -> None:
    assert describe(Step("set", "Note", "tick`", expect={}), "en").startswith("Set **Note** to `` tick` ``:")


def test_dates_in_steps_are_told_as_iso_dates() -> None:
    from datetime import date

    step = Step("set", "Day", date(2024, 1, 2), expect={"state": {"day": date(2024, 1, 2)}})
    assert describe(step, "zh") == "将 **Day** 设为 `2024-01-02` 后，`st.session_state.day` 为 `2024-01-02`。"
    assert describe(step, "ja", ("date_input", "Day")) == (
        "**Day** で日付 `2024-01-02` を選ぶと、`st.session_state.day` は `2024-01-02` になります。")


def test_unknown_language_falls_back_to_english_words() -> None:
    assert describe(STEPS[0], "fr") == EXPECTED["en"][0]


@pytest.mark.parametrize("lang, title", [("en", "Expected"), ("zh", "预期结果"), ("ja", "期待される結果")])
def test_steps_markdown_is_a_numbered_list_under_a_localised_title(lang: str, title: str) -> None:
    text = steps_markdown(STEPS[:2], lang)
    assert text == (f'<div class="st-steps" markdown="1">\n<p class="st-steps-title">{title}</p>\n\n'
                    f"1. {EXPECTED[lang][0]}\n2. {EXPECTED[lang][1]}\n\n</div>")


def test_several_state_keys_make_one_sentence() -> None:
    step = Step("click", "Add", expect={"markdown": ["Total: 6"], "state": {"count": 6, "last": "10:30", "my key": [1]}})
    assert describe(step, "zh") == ("点击 **Add** 后，页面显示“Total: 6”。此时 `st.session_state.count` 为 `6`，"
                                    "`st.session_state.last` 为 `'10:30'`，`st.session_state['my key']` 为 `[1]`。")
    assert describe(step, "ja") == ("**Add** を押すと、「Total: 6」が表示されます。このとき `st.session_state.count` は `6`、"
                                    "`st.session_state.last` は `'10:30'`、`st.session_state['my key']` は `[1]` です。")
    assert describe(step, "en") == ("Click **Add**: the page shows “Total: 6”. `st.session_state.count` is `6`, "
                                    "`st.session_state.last` is `'10:30'` and `st.session_state['my key']` is `[1]`.")


def test_cjk_text_is_quoted_without_a_stray_space_and_code_is_spaced() -> None:
    step = Step(expect={"markdown": ["你好，世界", "Count = `1`"], "json": [{"名前": "Ada"}]})
    assert describe(step, "zh") == "脚本首次运行时，页面显示“你好，世界”、“Count = `1`”和 JSON 数据 `{\"名前\": \"Ada\"}`。"
    assert describe(step, "ja") == ("スクリプトを最初に実行すると、「你好，世界」、「Count = `1`」と JSON `{\"名前\": \"Ada\"}` "
                                    "が表示されます。")


def test_an_exception_message_is_a_whole_sentence_in_every_language() -> None:
    step = Step("click", "Go", expect={"markdown": ["完了"], "exception": {"type": "KeyError", "message": "没有这个键"}})
    assert describe(step, "en") == "Click **Go**: the page shows “完了”. The script raises `KeyError` with the message “没有这个键”."
    assert describe(step, "zh") == "点击 **Go** 后，页面显示“完了”。脚本抛出 `KeyError` 异常，错误信息为“没有这个键”。"
    assert describe(step, "ja") == "**Go** を押すと、「完了」が表示されます。例外 `KeyError` が発生し、メッセージは「没有这个键」です。"


@pytest.mark.parametrize("lang, told", [
    ("en", "Check **Agree**: the page shows a checked checkbox and an unchecked checkbox."),
    ("zh", "勾选 **Agree** 后，页面显示已勾选的复选框和未勾选的复选框。"),
    ("ja", "**Agree** にチェックを入れると、チェックの入ったチェックボックスとチェックの入っていないチェックボックスが表示されます。"),
])
def test_widgets_are_told_as_a_reader_sees_them(lang: str, told: str) -> None:
    step = Step("set", "Agree", True, expect={"checkbox": [True, False]})
    assert describe(step, lang, ("checkbox", "Agree")) == told


def test_a_typed_value_is_quoted_text_with_its_markdown_escaped() -> None:
    step = Step("set", "Name", "*Ada*", expect={})
    assert describe(step, "zh", ("text_input", "Name")).startswith("在 **Name** 中输入“\\*Ada\\*”后，")
    assert describe(step, "ja", ("text_area", "Name")).startswith("**Name** に「\\*Ada\\*」と入力すると、")


def test_steps_markdown_finds_each_target_by_key_or_label_in_the_code() -> None:
    code = ('import streamlit as st\nst.slider("Temperature in Celsius", 0, 100, 20, key="celsius")\n'
            'st.number_input("Step", value=1)\nst.button("Go")\n')
    steps = [Step("set", "celsius", 25, expect={"slider": [25]}), Step("set", "Step", 2), Step("click", "Go")]
    text = steps_markdown(steps, "ja", code=code)
    assert "1. スライダー **Temperature in Celsius** を `25` に動かすと、`25` の位置にあるスライダーが表示されます。" in text
    assert "2. **Step** に `2` と入力すると、例外は発生せず、最後まで実行されます。" in text
    assert "3. **Go** を押すと、" in text
    assert "1. Move the slider **Temperature in Celsius** to `25`: the page shows a slider at `25`." in steps_markdown(
        steps, "en", code=code)


def test_a_script_that_fails_to_start_is_still_told() -> None:
    text = steps_markdown([Step("set", "x", 1)], "zh", code="raise SystemExit(", config=None)
    assert "1. 将 **x** 设为 `1` 后，" in text


def test_a_widget_that_appears_after_a_click_is_found_by_replaying_the_steps() -> None:
    code = ('import streamlit as st\nif st.button("Add") or st.session_state.get("added"):\n'
            '    st.session_state.added = True\n    st.checkbox("Done", key="done_0")\n')
    steps = [Step(), Step("click", "Add"), Step("set", "done_0", True, expect={"checkbox": [True]})]
    text = steps_markdown(steps, "zh", code=code)
    assert "3. 勾选 **Done** 后，页面显示已勾选的复选框。" in text


def test_a_value_set_in_a_form_waits_for_the_submit_button_while_replaying() -> None:
    code = ('import streamlit as st\nwith st.form("f"):\n    st.text_input("Name", key="name")\n'
            '    st.form_submit_button("Save")\nif st.session_state.get("name"):\n    st.slider("Age", 0, 9)\n')
    steps = [Step("set", "name", "Ada"), Step("click", "Save"), Step("set", "Age", 3)]
    text = steps_markdown(steps, "ja", code=code)
    assert "1. **Name** に「Ada」と入力すると、" in text
    assert "3. スライダー **Age** を `3` に動かすと、" in text


def test_html_is_escaped_in_text_and_in_code_spans_without_showing_entities() -> None:
    step = Step(expect={"exception": {"type": "E", "message": "type `<class 'function'>` <b>x</b> & `y`"}})
    assert describe(step, "en") == ("When the script first runs: the script raises `E` with the message "
                                    "“type <code>&lt;class 'function'&gt;</code> &lt;b&gt;x&lt;/b&gt; &amp; `y`”.")


def test_html_in_a_code_span_cannot_end_the_steps_block() -> None:
    import markdown

    step = Step(expect={"markdown": ["`</div><img src=x onerror=alert(1)>`"], "json": {"h": "</div><img>"},
                        "state": {"s": "</div><img>"},
                        "exception": {"type": "E", "message": "a `</div><script>alert(1)</script>`"}})
    out = markdown.markdown(steps_markdown([step], "en"), extensions=["md_in_html"])
    assert "<img" not in out and "<script" not in out and out.count("</div>") == 1
    assert "<code>&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>" in out


def test_a_slider_over_words_is_told_with_quoted_text() -> None:
    step = Step("set", "Rating", "good", expect={"select_slider": ["good"]})
    assert describe(step, "zh", ("select_slider", "Rating")) == "把滑块 **Rating** 拖到“good”后，页面显示停在“good”的滑块。"
