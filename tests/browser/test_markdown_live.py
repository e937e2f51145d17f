"""GitHub's and Streamlit's markdown in a live block: a table, strikethrough, a task list and
colored text, painted from the embedded tree and again by Python in the page, with colours that
follow the page's light or dark scheme."""
from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import console_problems, live

pytestmark = pytest.mark.browser

CODE = '''import streamlit as st
if "runs" not in st.session_state:
    st.session_state.runs = 0
st.button("Again", on_click=lambda: st.session_state.update(runs=st.session_state.runs + 1))
st.markdown(f"""
| Widget | Runs |
|:-------|-----:|
| button | {st.session_state.runs} |

~~old~~ new, :red[red text], :blue-background[on blue], :green-badge[badge], <https://example.invalid/x>

- [x] parsed
- [ ] rendered
""")
st.checkbox("**Bold** and :violet[violet] in a label")
'''

SHAPE = """
(id) => {
  const out = document.querySelector(`.st-live[data-id="${id}"] .st-output`);
  const css = (selector, property) => {
    const el = out.querySelector(selector);
    return el ? getComputedStyle(el)[property] : null;
  };
  return {
    headers: [...out.querySelectorAll(".st-markdown table th")].map((th) => th.textContent),
    cells: [...out.querySelectorAll(".st-markdown table td")].map((td) => td.textContent),
    rightAligned: css(".st-markdown table td:nth-child(2)", "textAlign"),
    struck: out.querySelector(".st-markdown del")?.textContent ?? null,
    strikeStyle: css(".st-markdown del", "textDecorationLine"),
    tasks: [...out.querySelectorAll(".st-markdown li.st-md-task")].map((li) => {
      const box = li.querySelector("input[type=checkbox]");
      return [li.textContent.trim(), box.checked, box.disabled];
    }),
    red: css(".st-md-color-red", "color"),
    blueBackground: css(".st-md-bg-blue", "backgroundColor"),
    badge: css(".st-md-badge", "backgroundColor"),
    link: out.querySelector(".st-markdown a")?.getAttribute("href") ?? null,
    label: out.querySelector(".st-label")?.textContent ?? null,
    labelViolet: css(".st-label .st-md-color-violet", "color"),
  };
}
"""


def test_table_strikethrough_tasks_and_colors_render_live(browser: Any, serve_page: Any, report: Any) -> None:
    url = serve_page([live(CODE, "md")])
    context = browser.new_context()
    page = context.new_page()
    problems = console_problems(page)
    page.goto(url)
    block = page.locator('.st-live[data-id="md"]')

    # The first paint, from the tree embedded at build time.
    expect(block.locator(".st-markdown table")).to_be_visible()
    first = page.evaluate(SHAPE, "md")
    assert first["headers"] == ["Widget", "Runs"]
    assert first["cells"] == ["button", "0"]
    assert first["rightAligned"] == "right"
    assert first["struck"] == "old" and first["strikeStyle"] == "line-through"
    assert first["tasks"] == [["parsed", True, True], ["rendered", False, True]]
    assert first["link"] == "https://example.invalid/x"
    assert first["label"] == "Bold and violet in a label"
    assert first["red"] == "rgb(211, 47, 47)"
    assert first["labelViolet"] == "rgb(124, 58, 237)"
    assert first["blueBackground"] not in (None, "rgba(0, 0, 0, 0)")
    assert first["badge"] not in (None, "rgba(0, 0, 0, 0)")

    # Python in the page draws it again after a click.
    block.get_by_role("button", name="Again", exact=True).click()
    expect(block.locator(".st-markdown table td").nth(1)).to_have_text("1", timeout=120_000)
    again = page.evaluate(SHAPE, "md")
    assert {**again, "cells": first["cells"]} == first

    # The dark scheme (mkdocs-material's slate) has its own, lighter palette.
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate(SHAPE, "md")
    assert dark["red"] == "rgb(255, 107, 107)"
    assert dark["labelViolet"] == "rgb(177, 151, 252)"
    assert dark["blueBackground"] != first["blueBackground"]

    assert problems == [], f"console problems: {problems}"
    report("markdown live: table, strikethrough, task list and colours painted first and after a rerun; "
           "light and dark palettes")
    context.close()



COMMON_ONLY = '''import streamlit as st
st.session_state.setdefault("n", 0)
if st.button("More"):
    st.session_state.n += 1
st.markdown(f"Tom &amp; Jerry &copy; &rarr; {st.session_state.n}")
'''
RARE = '''import streamlit as st
st.markdown("Caf&eacute; &Aacute; &ngE; &nosuchname; &copy;")
'''
ENTITY_CHUNK = re.compile(r"/assets/streamlet/entity-table-[A-Za-z0-9]+\.js$")


def test_html_entity_table_arrives_only_for_a_text_that_names_a_rare_reference(browser: Any, serve_page: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems = console_problems(page)
    chunks: list[str] = []
    page.on("request", lambda request: chunks.append(request.url) if ENTITY_CHUNK.search(request.url) else None)
    page.goto(serve_page([live(COMMON_ONLY, "common")]))
    block = page.locator('.st-live[data-id="common"]')
    expect(block.locator(".st-markdown")).to_have_text("Tom & Jerry \u00a9 \u2192 0")
    block.get_by_role("button", name="More", exact=True).click()
    expect(block.locator(".st-markdown")).to_have_text("Tom & Jerry \u00a9 \u2192 1", timeout=120_000)
    assert chunks == [], "HTML's table of character references is fetched for common names"

    page.goto(serve_page([live(RARE, "rare")]))
    # The first paint waits for the table (it decides what a name is); then CommonMark's decoding, whole.
    expect(page.locator('.st-live[data-id="rare"] .st-markdown')).to_have_text(
        "Caf\u00e9 \u00c1 \u2267\u0338 &nosuchname; \u00a9")
    assert len(chunks) == 1, chunks
    assert problems == [], f"console problems: {problems}"
    context.close()
