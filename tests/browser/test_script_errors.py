"""What a script meets in the browser (issue 6): exits keep the output, missing commands and packages say so in
the page's language, HTML stays text with a note, print() lands in the log with a count past its cap, an uncaught
BaseException is an exception element in monospace, and deeply nested input does not crash Python."""
from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import console_problems, live

pytestmark = pytest.mark.browser

SCRIPT = """import streamlit as st

clicked = {name: st.button(name) for name in
           ["Exit", "Balloons", "Pandas", "Html", "Print", "GenExit", "Nested"]}
st.write("ready")
if clicked["Exit"]:
    st.write("written before exit")
    import sys
    sys.exit()
if clicked["Balloons"]:
    st.balloons()
if clicked["Pandas"]:
    import pandas
if clicked["Html"]:
    st.markdown("<b>bold</b>", unsafe_allow_html=True)
if clicked["Print"]:
    for i in range(20000):
        print(i)
if clicked["GenExit"]:
    raise GeneratorExit
if clicked["Nested"]:
    import json
    json.loads("[" * 100000 + "]" * 100000)
st.write("end of script")
"""


@pytest.fixture(scope="module")
def page_url(serve_page: Any) -> str:
    return serve_page([live(SCRIPT, "errors")], lang="ja")  # type: ignore[no-any-return]


def test_script_errors_and_output_in_the_browser(browser: Any, page_url: str) -> None:
    page = browser.new_page()
    problems = console_problems(page)
    page.goto(page_url)
    block = page.locator('.st-live[data-id="errors"]')
    output = block.locator(".st-output")

    def press(name: str) -> None:
        block.get_by_role("button", name=name, exact=True).click()

    # sys.exit(): the run ends where it is, what it wrote stays, no error of any kind.
    press("Exit")
    expect(output).to_contain_text("written before exit", timeout=120_000)
    expect(output).not_to_contain_text("end of script")
    expect(output.locator(".st-exception")).to_have_count(0)
    expect(block.locator(".st-live-notice")).to_be_hidden()

    press("Balloons")
    exception = output.locator(".st-exception")
    expect(exception.locator(".st-exception-type")).to_have_text("streamlit.errors.StreamlitUnavailableCommandError")
    expect(exception.locator(".st-exception-message")).to_contain_text("st.balloons")
    expect(exception.locator(".st-exception-hint")).to_contain_text("st.balloons は使えません")

    press("Pandas")
    expect(exception.locator(".st-exception-message")).to_have_text("No module named 'pandas'")
    expect(exception.locator(".st-exception-hint")).to_contain_text("pandas などのサードパーティ製パッケージは使えません")

    press("Html")
    expect(output).to_contain_text("<b>bold</b>")
    expect(output.locator(".st-html-note")).to_contain_text("HTML をテキストとして表示")
    expect(output.locator("b")).to_have_count(0)

    press("Print")
    log = block.locator(".st-live-log")
    expect(log.locator(".st-live-log-more")).to_have_text("…ほかに 19,800 行")
    assert log.locator("pre").inner_text().splitlines()[:3] == ["0", "1", "2"]

    press("GenExit")
    expect(exception.locator(".st-exception-type")).to_have_text("GeneratorExit")
    expect(output).to_contain_text("ready")
    expect(output).not_to_contain_text("end of script")
    trace = exception.locator(".st-traceback")
    trace.locator("summary").click()
    expect(trace.locator("code")).to_contain_text('File "streamlit_app.py"')
    assert "streamlet" not in trace.inner_text(), "no frame of the runtime's own files"
    for selector in (".st-traceback code", ".st-exception-type", ".st-exception-message"):
        font = exception.locator(selector).evaluate("el => getComputedStyle(el).fontFamily")
        assert "monospace" in font, (selector, font)

    press("Nested")
    expect(exception.locator(".st-exception-type")).to_have_text("RecursionError", timeout=30_000)
    # Python lived through it: the next click is answered by the same worker.
    press("Exit")
    expect(output).to_contain_text("written before exit", timeout=30_000)
    expect(output.locator(".st-exception")).to_have_count(0)
    assert problems == [], f"console problems: {problems}"
    page.close()
