"""The timeline under the guide's live blocks, in the three languages: what each run did that Streamlit hides.

The counter with a callback shows the click, the callback, the rerun and ``count`` going from 0 to 1;
Reset keeps the entries below a new-session separator. In the form, setting a widget adds nothing
until **Update** is clicked, which shows the values set, the callback and the changes. The Celsius
slider shows its widget key changing, marked as a widget's key.
"""
from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import console_problems

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/", "ja": "ja/"}
# The page's own words (runtime/web/src/i18n.js), for each language.
WORDS = {
    "en": {"summary": "Timeline and session state", "reset": "Reset", "widget": "widget key", "colon": ": ",
           "callback": "Callback {}() ran.", "rerun": "The script reran from the top.",
           "clicked": "Clicked {}.", "set": "Set {} to {}.", "session": "New session:", "table": ["Key", "Value"]},
    "zh": {"summary": "时间线与会话状态", "reset": "重置", "widget": "小部件的键", "colon": "：",
           "callback": "调用了回调函数 {}()。", "rerun": "脚本从头重新运行。",
           "clicked": "点击了 {}。", "set": "把 {} 设为 {}。", "session": "新会话：", "table": ["键", "值"]},
    "ja": {"summary": "タイムラインとセッションステート", "reset": "リセット", "widget": "ウィジェットのキー", "colon": "：",
           "callback": "コールバック {}() を呼び出しました。", "rerun": "スクリプトを先頭から再実行しました。",
           "clicked": "{} を押しました。", "set": "{} を {} に設定しました。", "session": "新しいセッション：",
           "table": ["キー", "値"]},
}

ENTRY = """
(entry) => ({
  action: [...entry.querySelectorAll(".st-timeline-action .st-timeline-sentence")].map((s) => s.textContent),
  steps: [...entry.querySelectorAll(".st-timeline-steps > li")].map((li) => li.textContent),
  diff: [...entry.querySelectorAll(".st-timeline-diff > li")].map((li) => ({
    text: li.firstChild.textContent, widget: li.querySelector(".st-timeline-widget")?.textContent ?? null })),
})
"""

STATE = """
(panel) => ({
  head: [...panel.querySelectorAll("table.st-timeline-state thead th")].map((th) => [th.textContent, th.scope]),
  rows: [...panel.querySelectorAll("table.st-timeline-state tbody tr")].map((tr) => ({
    key: tr.querySelector("th code").textContent, value: tr.querySelector("td").textContent,
    widget: tr.querySelector("th .st-timeline-widget")?.textContent ?? null })),
})
"""


def open_panel(block: Any, words: dict[str, Any]) -> Any:
    panel = block.locator("details.st-timeline")
    summary = panel.locator("summary")
    expect(summary).to_have_text(words["summary"])
    assert panel.locator(".st-timeline-body > *").count() == 0, "a closed panel builds nothing"
    summary.click()
    expect(panel).to_have_attribute("open", "")
    return panel


def newest(panel: Any) -> dict[str, Any]:
    return panel.locator(".st-timeline-list > li").first.evaluate(ENTRY)  # type: ignore[no-any-return]


def change(words: dict[str, Any], key: str, old: str, new: str) -> str:
    return f"{key}{words['colon']}{old} → {new}"


@pytest.mark.parametrize("lang", list(PREFIX))
def test_the_timeline_shows_callbacks_reruns_and_state_changes(browser: Any, site_url: str, lang: str,
                                                               report: Any) -> None:
    words = WORDS[lang]
    context = browser.new_context()
    page = context.new_page()
    problems = console_problems(page)
    page.goto(site_url + PREFIX[lang] + "guide/")

    # The counter with a callback: the click, the callback, then the rerun, and count 0 -> 1.
    block = page.locator('.st-live[data-id="counter-callback"]')
    panel = open_panel(block, words)
    block.get_by_role("button", name="Increment", exact=True).click()
    expect(block.locator(".st-output")).to_contain_text("Count = 1", timeout=120_000)
    expect(panel.locator(".st-timeline-entry").first).to_contain_text("increment_counter()", timeout=10_000)
    entry = newest(panel)
    assert entry["action"] == [words["clicked"].format("Increment")]
    assert entry["steps"] == [words["callback"].format("increment_counter"), words["rerun"]]
    assert entry["diff"] == [{"text": change(words, "count", "0", "1"), "widget": None}]
    state = panel.evaluate(STATE)
    assert state["head"] == [[name, "col"] for name in words["table"]]
    assert state["rows"] == [{"key": "count", "value": "1", "widget": None}]
    expect(panel.locator(".st-timeline-announce")).to_contain_text("Increment")

    # Reset starts a new session: the entries stay, below a separator that says so.
    block.get_by_role("button", name=words["reset"], exact=True).click()
    expect(panel.locator(".st-timeline-list > li").first).to_have_class("st-timeline-entry", timeout=30_000)
    items = panel.locator(".st-timeline-list > li")
    expect(items.nth(1)).to_have_class("st-timeline-session")
    assert items.nth(1).text_content().startswith(words["session"])
    assert any("increment_counter()" in items.nth(i).text_content() for i in range(2, items.count()))
    assert panel.evaluate(STATE)["rows"] == [{"key": "count", "value": "0", "widget": None}]

    # The form: setting its widgets sends nothing; Update runs the callback with both values.
    form = page.locator('.st-live[data-id="counter-form"]')
    panel = open_panel(form, words)
    box = form.locator(".st-widget", has_text="Enter a value").locator("input")
    page.wait_for_timeout(300)
    before = panel.locator(".st-timeline-entry").count()
    box.fill("2")
    box.press("Tab")
    page.wait_for_timeout(1500)
    assert panel.locator(".st-timeline-entry").count() == before, "a form widget ran something before Update"
    form.get_by_role("button", name="Update", exact=True).click()
    expect(form.locator(".st-output")).to_contain_text("Current Count = 2", timeout=30_000)
    expect(panel.locator(".st-timeline-entry")).to_have_count(before + 1)
    entry = newest(panel)
    assert entry["action"] == [words["set"].format("Enter a value", "2"), words["clicked"].format("Update")]
    assert entry["steps"] == [words["callback"].format("update_counter"), words["rerun"]]
    assert {"text": change(words, "count", "0", "2"), "widget": None} in entry["diff"]
    assert {"text": change(words, "increment_value", "0", "2"), "widget": words["widget"]} in entry["diff"]
    assert {"text": change(words, "last_updated", "datetime.time(0, 0)", "datetime.time(8, 45)"),
            "widget": None} in entry["diff"]

    # The Celsius slider: its key is the widget's, and it changes with the slider.
    celsius = page.locator('.st-live[data-id="celsius"]')
    panel = open_panel(celsius, words)
    celsius.locator("input[type=range]").fill("20")
    expect(celsius.locator(".st-output")).to_contain_text("20.0", timeout=30_000)
    expect(panel.locator(".st-timeline-entry").first).to_contain_text("20.0", timeout=10_000)
    entry = newest(panel)
    assert entry["action"] == [words["set"].format("Temperature in Celsius", "20.0")]
    assert entry["steps"] == [words["rerun"]]
    assert entry["diff"] == [{"text": change(words, "celsius", "50.0", "20.0"), "widget": words["widget"]}]
    assert panel.evaluate(STATE)["rows"] == [{"key": "celsius", "value": "20.0", "widget": words["widget"]}]

    assert problems == [], f"console problems: {problems}"
    report(f"timeline [{lang}]: callback, rerun and diff of the counter; form held until Update; "
           "the slider's widget key")
    context.close()
