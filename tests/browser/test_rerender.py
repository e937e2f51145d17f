"""A rerun keeps what the reader opened, focused, scrolled or typed, unless the script changed it."""
from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import console_problems, live

pytestmark = pytest.mark.browser

APP = """import time
import streamlit as st

st.session_state.setdefault("clicks", 0)
st.session_state.setdefault("slow", 0)
with st.expander("Details"):
    level = st.slider("Level", 0, 10, 3, key="level")
    name = st.text_input("Name", key="name")
    st.button("Inner")
st.write("Level is", level)
st.write("Name is", name)
if st.button("Elsewhere"):
    st.session_state.clicks += 1
st.write("Clicks", st.session_state.clicks)
st.checkbox("Flag", key="flag")
with st.expander("Flagged", expanded=st.session_state.get("flag", False)):
    st.write("inside the flagged expander")
other = st.checkbox("Other")
st.write("Other is", other)
if st.button("Slow"):
    time.sleep(1.5)
    st.session_state.slow += 1
st.write("Slow runs", st.session_state.slow)
st.code("total = " + " + ".join(["value"] * 120))
"""

RAISES = """import streamlit as st

st.session_state.setdefault("n", 0)
if st.button("Again"):
    st.session_state.n += 1
raise ValueError(f"boom {st.session_state.n}")
"""

# Times each render in the page (tree to DOM, capture and restore; not the browser's layout):
# from the first fragment a render makes to the end of the task that made it.
TIMING = """
window.__renders = [];
let timing = false;
const make = Document.prototype.createDocumentFragment;
Document.prototype.createDocumentFragment = function () {
  if (!timing) {
    timing = true;
    const start = performance.now();
    queueMicrotask(() => { window.__renders.push(performance.now() - start); timing = false; });
  }
  return make.call(this);
};
"""


@pytest.fixture(scope="module")
def rerender_page(serve_page: Any) -> str:
    blocks = [live(APP, "rerender"), live(RAISES, "raises")]
    return serve_page(blocks, after='<div style="height: 3000px"></div>')  # type: ignore[no-any-return]


def is_open(details: Any) -> bool:
    return bool(details.evaluate("el => el.open"))


def test_rerender_keeps_what_the_reader_opened_focused_scrolled_and_typed(
        browser: Any, rerender_page: str, report: Any) -> None:
    page = browser.new_page()
    problems = console_problems(page)
    page.add_init_script(TIMING)
    page.goto(rerender_page)
    assert page.evaluate("crossOriginIsolated") is True
    block = page.locator('.st-live[data-id="rerender"]')
    output = block.locator(".st-output")
    elsewhere = block.get_by_role("button", name="Elsewhere", exact=True)
    elsewhere.click()
    expect(output).to_contain_text("Clicks 1", timeout=120_000)

    # The reader opens the expander and moves the slider inside it with the keyboard.
    details = output.locator("details.st-expander").nth(0)
    details.locator("summary").click()
    assert is_open(details)
    level = block.get_by_role("slider", name="Level")
    level.focus()
    page.keyboard.press("ArrowRight")
    expect(output).to_contain_text("Level is 4", timeout=30_000)
    assert is_open(details), "the expander closed on the rerun"
    expect(level).to_be_focused()
    page.keyboard.press("ArrowRight")  # focus is still on the slider: the value moves again
    expect(output).to_contain_text("Level is 5", timeout=30_000)
    expect(level).to_be_focused()
    assert is_open(details)

    # A rerun from a button elsewhere leaves it open.
    elsewhere.click()
    expect(output).to_contain_text("Clicks 2", timeout=30_000)
    assert is_open(details)

    # The script's expanded= opens and closes its expander when it changes, and only then.
    flagged = output.locator("details.st-expander").nth(1)
    flag = block.get_by_role("checkbox", name="Flag")
    assert not is_open(flagged)
    flag.check()
    expect(flagged).to_have_attribute("data-st-open", "true", timeout=30_000)
    assert is_open(flagged), "the script opened it"
    flagged.locator("summary").click()  # the reader closes it
    elsewhere.click()
    expect(output).to_contain_text("Clicks 3", timeout=30_000)
    assert not is_open(flagged), "the script's expanded= did not change: the reader's choice stays"
    flag.uncheck()
    expect(flagged).to_have_attribute("data-st-open", "false", timeout=30_000)
    flagged.locator("summary").click()  # the reader opens it
    elsewhere.click()
    expect(output).to_contain_text("Clicks 4", timeout=30_000)
    assert is_open(flagged)
    flag.check()
    expect(flagged).to_have_attribute("data-st-open", "true", timeout=30_000)
    flag.uncheck()
    expect(flagged).to_have_attribute("data-st-open", "false", timeout=30_000)
    assert not is_open(flagged), "the script closed it"

    # Caret and selection in a text input survive a rerun another widget triggers.
    name = block.get_by_label("Name")
    name.fill("hello world")
    name.press("Enter")
    expect(output).to_contain_text("Name is hello world", timeout=30_000)
    name.evaluate("el => { el.focus(); el.setSelectionRange(2, 5, 'forward'); }")
    # A script click on another widget: a rerun while the reader's focus stays in the field.
    block.get_by_role("checkbox", name="Other").evaluate("el => el.click()")
    expect(output).to_contain_text("Other is True", timeout=30_000)
    expect(name).to_be_focused()
    assert name.evaluate("el => [el.value, el.selectionStart, el.selectionEnd, el.selectionDirection]") == [
        "hello world", 2, 5, "forward"]

    # Typing while a run is in flight is not overwritten, and is committed when the reader leaves.
    block.get_by_role("button", name="Slow", exact=True).click()
    name.focus()
    page.keyboard.press("End")
    page.keyboard.type("!!")
    expect(output).to_contain_text("Slow runs 1", timeout=30_000)
    expect(name).to_be_focused()
    assert name.evaluate("el => [el.value, el.selectionStart]") == ["hello world!!", 13]
    # The rerender itself commits nothing (the old field's blur on removal is not the reader's).
    expect(block).not_to_have_class(re.compile(r"\bst-running\b"), timeout=30_000)
    page.wait_for_timeout(300)
    expect(output).not_to_contain_text("Name is hello world!!")
    page.keyboard.press("Tab")
    expect(output).to_contain_text("Name is hello world!!", timeout=30_000)

    # A scrolled code block and the page itself stay where the reader scrolled them.
    code = output.locator("pre.st-code")
    code.evaluate("el => { el.scrollLeft = 300; }")
    scrolled = code.evaluate("el => el.scrollLeft")
    assert scrolled > 0, "the code block should scroll sideways"
    page.evaluate("window.scrollTo(0, 400)")
    block.get_by_role("checkbox", name="Other").evaluate("el => el.click()")
    expect(output).to_contain_text("Other is False", timeout=30_000)
    assert code.evaluate("el => el.scrollLeft") == scrolled
    assert page.evaluate("window.scrollY") == 400
    assert is_open(details)

    # An open traceback stays open across reruns that still raise.
    raises = page.locator('.st-live[data-id="raises"] .st-output')
    again = page.locator('.st-live[data-id="raises"]').get_by_role("button", name="Again", exact=True)
    again.click()
    expect(raises).to_contain_text("boom 1", timeout=30_000)
    traceback = raises.locator("details.st-traceback")
    traceback.locator("summary").click()
    assert is_open(traceback)
    again.click()
    expect(raises).to_contain_text("boom 2", timeout=30_000)
    assert is_open(traceback), "the traceback closed on the rerun"

    renders = sorted(page.evaluate("window.__renders"))
    assert len(renders) >= 10
    median = renders[len(renders) // 2]
    report(f"rerender in the page (tree to DOM, restore, and any layout a restored focus forces): "
           f"median {median:.2f} ms, max {renders[-1]:.2f} ms over {len(renders)} renders")
    assert median < 20, renders
    assert problems == [], f"console problems: {problems}"
    page.close()


def opened(browser: Any, url: str) -> tuple[Any, Any, Any, list[str]]:
    """The page after one rerun, with the first expander opened: page, block, output, console problems."""
    page = browser.new_page()
    problems = console_problems(page)
    page.goto(url)
    block = page.locator('.st-live[data-id="rerender"]')
    output = block.locator(".st-output")
    block.get_by_role("button", name="Elsewhere", exact=True).click()
    expect(output).to_contain_text("Clicks 1", timeout=120_000)
    output.locator("details.st-expander").nth(0).locator("summary").click()
    return page, block, output, problems


def test_a_rerun_waits_while_the_reader_composes_text(browser: Any, rerender_page: str) -> None:
    page, block, output, problems = opened(browser, rerender_page)
    name = block.get_by_label("Name")
    name.focus()
    # An input method is composing a word in the field when a rerun's reply comes in.
    name.evaluate("el => el.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}))")
    block.get_by_role("checkbox", name="Other").evaluate("el => el.click()")
    expect(block).not_to_have_class(re.compile(r"\bst-running\b"), timeout=30_000)
    page.wait_for_timeout(500)
    expect(output).to_contain_text("Other is False")  # the new output waits
    name_element = name.element_handle()
    name.evaluate("el => el.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: 'x'}))")
    expect(output).to_contain_text("Other is True", timeout=5_000)
    expect(name).to_be_focused()
    assert name_element.evaluate("el => el.isConnected") is False, "the output was rendered anew"
    assert problems == [], f"console problems: {problems}"
    page.close()


def test_a_rerun_waits_while_the_reader_drags_a_slider(browser: Any, rerender_page: str) -> None:
    page, block, output, problems = opened(browser, rerender_page)
    level = block.get_by_role("slider", name="Level")
    box = level.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=3)
    # A rerun's reply comes in while the thumb is held.
    block.get_by_role("checkbox", name="Other").evaluate("el => el.click()")
    expect(block).not_to_have_class(re.compile(r"\bst-running\b"), timeout=30_000)
    page.wait_for_timeout(300)
    expect(output).to_contain_text("Other is False")  # the new output waits for the release
    page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=3)
    page.mouse.up()
    expect(output).to_contain_text("Other is True", timeout=30_000)
    expect(output).to_contain_text("Level is 8", timeout=30_000)
    assert level.evaluate("el => el.value") == "8"
    assert problems == [], f"console problems: {problems}"
    page.close()
