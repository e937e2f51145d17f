"""Widgets, forms, the docs check and Stop, live in Chromium, on a page made from the built assets."""
from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from streamlet.snippets.model import Snippet, Step

from .code_editor import replace_code
from .livepage import console_problems, live

pytestmark = pytest.mark.browser

FORM_AND_SLIDER = """import streamlit as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += st.session_state.step

with st.form("adder"):
    st.number_input("Step", value=1, key="step")
    st.form_submit_button("Add", on_click=add)
st.write("Count", st.session_state.count)

def c_to_f():
    st.session_state.f = st.session_state.c * 9 / 5 + 32

st.slider("Celsius", -100.0, 100.0, 0.0, key="c", on_change=c_to_f)
st.session_state.setdefault("f", 32.0)
st.write("Fahrenheit", st.session_state.f)
"""
RUNAWAY = """import streamlit as st

if st.button("Spin"):
    while True:
        pass
st.write("still here")
"""


def blocks() -> list[Snippet]:
    steps = [Step(expect={"markdown": ["Count `0`", "Fahrenheit `32.0`"]}),
             Step("click", "Add", expect={"markdown": ["Count `1`", "Fahrenheit `32.0`"]})]
    return [live(FORM_AND_SLIDER, "form-slider", steps=steps), live(RUNAWAY, "runaway")]


@pytest.fixture(scope="module")
def widgets_page(serve_page: Any) -> str:
    return serve_page(blocks(), lang="ja")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def plain_page(serve_page: Any) -> str:
    """The same page from a host that sends no COOP/COEP headers (as GitHub Pages)."""
    return serve_page(blocks(), lang="ja", isolated=False)  # type: ignore[no-any-return]


def test_form_slider_check_and_stop(browser: Any, widgets_page: str, report: Any) -> None:
    page = browser.new_page()
    problems = console_problems(page)
    page.goto(widgets_page)
    live = page.locator('.st-live[data-id="form-slider"]')
    expect(live).to_contain_text("Count 0")

    # A form holds its values until its submit button: nothing reruns on the change alone.
    live.get_by_label("Step").fill("5")
    live.get_by_label("Step").press("Tab")
    expect(live).to_contain_text("Count 0")
    live.get_by_role("button", name="Add", exact=True).click()
    expect(live).to_contain_text("Count 5", timeout=120_000)

    # The slider's callback runs before the script, which then shows the converted value.
    live.get_by_label("Celsius").fill("100")
    expect(live).to_contain_text("Fahrenheit 212.0", timeout=30_000)

    # The docs check replays the documented steps in a fresh session, in the page's language.
    live.get_by_role("button", name="ドキュメントと照合").click()
    expect(live.locator(".st-check-result")).to_contain_text("ドキュメントと一致", timeout=30_000)

    # A runaway script is stopped, and the other block keeps working.
    runaway = page.locator('.st-live[data-id="runaway"]')
    runaway.get_by_role("button", name="Spin", exact=True).click()
    stop = runaway.get_by_role("button", name="停止", exact=True)
    expect(stop).to_be_enabled(timeout=30_000)
    stop.click()
    expect(runaway).to_contain_text("停止しました", timeout=30_000)
    live.get_by_role("button", name="Add", exact=True).click()
    expect(live).to_contain_text("Count 10", timeout=30_000)

    # Code edited so it no longer does what the page says: the check fails and says why, in Japanese.
    live.locator("button.st-tool-edit").click()
    replace_code(live, FORM_AND_SLIDER.replace("+= st.session_state.step", "+= 2 * st.session_state.step"))
    live.get_by_role("button", name="ドキュメントと照合").click()
    expect(live.locator(".st-check-fail")).to_be_visible(timeout=30_000)
    expect(live.locator(".st-check-failures li")).to_have_text(
        "手順 2（「Add」を押す）：ページにはテキスト「Count `1`」と「Fahrenheit `32.0`」が表示されるはずですが、"
        "実際に表示されているのは「Count `2`」と「Fahrenheit `32.0`」です。")
    isolated = page.evaluate("crossOriginIsolated")
    report(f"browser: form, slider, docs check (matching, then a Japanese failure line) and Stop work live "
           f"(cross-origin isolated: {isolated})")
    assert problems == [], f"console problems: {problems}"
    page.close()


def test_stop_without_isolation_replaces_the_worker_and_other_blocks_keep_their_state(
        browser: Any, plain_page: str, report: Any) -> None:
    page = browser.new_page()
    page.goto(plain_page)
    assert page.evaluate("crossOriginIsolated") is False
    live = page.locator('.st-live[data-id="form-slider"]')
    runaway = page.locator('.st-live[data-id="runaway"]')
    live.get_by_role("button", name="Add", exact=True).click()
    expect(live).to_contain_text("Count 1", timeout=120_000)
    runaway.get_by_role("button", name="Spin", exact=True).click()
    stop = runaway.get_by_role("button", name="停止", exact=True)
    expect(stop).to_be_enabled(timeout=30_000)
    stop.click()
    expect(runaway).to_contain_text("停止しました", timeout=30_000)
    # The new worker gets every other block's session back, replayed from what its reader did.
    add = live.get_by_role("button", name="Add", exact=True)
    expect(runaway.locator(".st-live-notice")).to_contain_text("Python を再起動", timeout=30_000)
    expect(live).to_contain_text("Count 1")
    add.click()
    expect(live).to_contain_text("Count 2", timeout=120_000)
    report("browser: Stop without cross-origin isolation replaces the worker; the other block keeps its state")
    page.close()
