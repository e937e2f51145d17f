"""The code editor: CodeMirror, fetched only when the reader presses Edit, in the page's language.

Highlighting and line numbers, Tab and Enter indenting, Ctrl+Enter running, Esc then Tab leaving,
the palette followed as Material switches it, a run's error marked on its line, share links and
Reset; the textarea, with a note, when the chunk cannot load; the chunk kept by the service worker.
"""
from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .code_editor import CM, CONTENT, editor_text, expect_editor_text, open_editor, replace_code
from .livepage import console_problems, live

pytestmark = pytest.mark.browser

CHUNK = re.compile(r"/assets/streamlet/codemirror-editor-[A-Za-z0-9]+\.js$")
CODE = 'import streamlit as st\n\nst.write("before", 1 + 2)\n'
RAISES = 'import streamlit as st\nst.write("first line ran")\nraise ValueError("line three")\nst.write("never")\n'
LABELS = {
    "en": {"edit": "Edit", "run": "Run", "reset": "Reset", "copy": "Copy link", "editor": "Code editor",
           "hint": "Press Esc, then Tab", "fallback": "could not be loaded", "marker": "was raised on this line"},
    "ja": {"edit": "編集", "run": "実行", "reset": "リセット", "copy": "リンクをコピー", "editor": "コードエディター",
           "hint": "Esc の後に Tab", "fallback": "読み込めなかった", "marker": "この行で発生しました"},
    "zh": {"edit": "编辑", "run": "运行", "reset": "重置", "copy": "复制链接", "editor": "代码编辑器",
           "hint": "先按 Esc 再按 Tab", "fallback": "未能加载", "marker": "发生在这一行"},
}


def python_ran(block: Any, text: str) -> None:
    """Wait for Pyodide's answer (the build's first tree already shows the same output)."""
    expect(block.locator(".st-output")).to_contain_text(text, timeout=120_000)


def requested_chunks(page: Any) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if CHUNK.search(request.url) else None)
    return seen


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_codemirror_arrives_with_edit_only_and_highlights_python(browser: Any, serve_page: Any, lang: str,
                                                                  report: Any) -> None:
    url = serve_page([live(CODE, "hl")], lang=lang)
    page = browser.new_page()
    problems = console_problems(page)
    chunks = requested_chunks(page)
    page.goto(url)
    block = page.locator('.st-live[data-id="hl"]')
    python_ran(block, "before")
    page.wait_for_timeout(500)
    assert chunks == [], "the editor's chunk is fetched before anyone asked for it"
    assert block.locator(".cm-editor").count() == 0
    # The page bundle has none of CodeMirror in it: its theme's class names are only in the chunk.
    page_js = page.evaluate("fetch('assets/streamlet/page.js').then((r) => r.text())")
    assert "cm-gutters" not in page_js and "@codemirror" not in page_js

    labels = LABELS[lang]
    block.get_by_role("button", name=labels["edit"], exact=True).click()
    content = block.locator(CONTENT)
    expect(content).to_be_focused(timeout=30_000)
    assert len(chunks) == 1, chunks
    expect(block.get_by_role("textbox", name=labels["editor"], exact=True)).to_be_visible()
    assert content.get_attribute("aria-describedby")
    expect(block.locator(".st-editor-hint")).to_contain_text(labels["hint"])
    expect_editor_text(block, CODE)
    # Python's tokens are spans with the highlighter's classes, coloured by the page's variables.
    expect(content.locator("span.tok-keyword").first).to_have_text("import")
    expect(content.locator("span.tok-string")).to_have_text('"before"')
    expect(content.locator("span.tok-number").first).to_have_text("1")
    keyword = content.locator("span.tok-keyword").first.evaluate("el => getComputedStyle(el).color")
    plain = content.locator(".cm-line").nth(2).evaluate("el => getComputedStyle(el).color")
    assert keyword != plain
    expect(block.locator(".cm-lineNumbers .cm-gutterElement", has_text=re.compile(r"^3$"))).to_be_visible()
    assert block.locator("textarea.st-editor").count() == 0
    size = page.evaluate("url => fetch(url).then((r) => r.arrayBuffer()).then((b) => b.byteLength)", chunks[0])
    report(f"browser [{lang}]: CodeMirror's chunk ({size // 1024} KiB) fetched on Edit only; Python highlighted")
    assert problems == [], f"console problems: {problems}"
    page.close()


def test_tab_enter_brackets_undo_and_esc_then_tab_leaves(browser: Any, serve_page: Any) -> None:
    url = serve_page([live(CODE, "keys")])
    page = browser.new_page()
    problems = console_problems(page)
    page.goto(url)
    block = page.locator('.st-live[data-id="keys"]')
    python_ran(block, "before")
    content = open_editor(block)
    expect(content).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type("if True:")
    page.keyboard.press("Enter")  # Python's indentation after a colon
    page.keyboard.type("x = [1")
    expect_editor_text(block, CODE + "if True:\n    x = [1")
    page.keyboard.type("]")
    page.keyboard.press("ArrowLeft")
    expect(block.locator(".cm-matchingBracket")).to_have_count(2)
    page.keyboard.press("Home")
    page.keyboard.press("Tab")  # indents, and focus stays in the editor
    expect(content).to_be_focused()
    expect_editor_text(block, CODE + "if True:\n        x = [1]")
    page.keyboard.press("Control+z")
    expect_editor_text(block, CODE + "if True:\n    x = [1]")

    # Esc, then Tab: focus goes on to the next control of the page; nothing is typed. However
    # long the reader takes in between (CodeMirror alone gives Tab back to indenting after 2 s).
    page.keyboard.press("Escape")
    page.wait_for_timeout(2500)
    page.keyboard.press("Tab")
    expect(content).not_to_be_focused()
    assert page.evaluate("document.activeElement.closest('.cm-editor')") is None
    expect_editor_text(block, CODE + "if True:\n    x = [1]")
    # Shift+Tab after Esc comes back the other way, also without typing.
    content.focus()
    page.keyboard.press("Escape")
    page.keyboard.press("Shift+Tab")
    expect(content).not_to_be_focused()
    # Any other key in between gives Tab back to indenting.
    content.focus()
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    expect(content).to_be_focused()
    assert problems == [], f"console problems: {problems}"
    page.close()


def test_ctrl_enter_runs_the_edited_code(browser: Any, serve_page: Any) -> None:
    url = serve_page([live(CODE, "run")])
    page = browser.new_page()
    problems = console_problems(page)
    page.goto(url)
    block = page.locator('.st-live[data-id="run"]')
    python_ran(block, "before")
    open_editor(block)
    replace_code(block, 'import streamlit as st\n\nst.write("after", 6 * 7)\n')
    page.keyboard.press("Control+Enter")
    expect(block.locator(".st-output")).to_contain_text("after", timeout=30_000)
    expect(block.locator(".st-output")).to_contain_text("42")
    expect(block.locator(".st-output")).not_to_contain_text("before")
    assert problems == [], f"console problems: {problems}"
    page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_line_an_error_came_from_is_marked_until_a_run_succeeds(browser: Any, serve_page: Any, lang: str) -> None:
    url = serve_page([live(RAISES, "err")], lang=lang)
    page = browser.new_page()
    problems = console_problems(page)
    page.goto(url)
    block = page.locator('.st-live[data-id="err"]')
    python_ran(block, "line three")
    open_editor(block)
    lines = block.locator(".cm-content .cm-line")
    expect(lines.nth(2)).to_have_class(re.compile(r"\bcm-st-error-line\b"))
    expect(block.locator(".cm-st-error-line")).to_have_count(1)
    marker = block.locator(".cm-st-error-marker")
    expect(marker).to_have_count(1)
    assert LABELS[lang]["marker"] in (marker.get_attribute("title") or "")
    # The marker sits in the gutter beside line 3.
    line_box, marker_box = lines.nth(2).bounding_box(), marker.bounding_box()
    assert line_box and marker_box
    assert line_box["y"] <= marker_box["y"] + marker_box["height"] / 2 <= line_box["y"] + line_box["height"]

    # Another error moves it; a run without one clears it.
    replace_code(block, 'import streamlit as st\nx = 1\ny = 2\nz = 1 / 0\n')
    page.keyboard.press("Control+Enter")
    expect(block.locator(".st-output")).to_contain_text("ZeroDivisionError", timeout=30_000)
    expect(lines.nth(3)).to_have_class(re.compile(r"\bcm-st-error-line\b"))
    expect(block.locator(".cm-st-error-line")).to_have_count(1)
    replace_code(block, 'import streamlit as st\nst.write("fixed")\n')
    page.keyboard.press("Control+Enter")
    expect(block.locator(".st-output")).to_contain_text("fixed", timeout=30_000)
    expect(block.locator(".cm-st-error-line")).to_have_count(0)
    expect(block.locator(".cm-st-error-marker")).to_have_count(0)
    assert problems == [], f"console problems: {problems}"
    page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_share_link_round_trip_and_reset(browser: Any, serve_page: Any, lang: str) -> None:
    url = serve_page([live(CODE, "share")], lang=lang)
    labels = LABELS[lang]
    context = browser.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    except Exception:  # noqa: BLE001 - then the link is read from the address bar
        pass
    page = context.new_page()
    problems = console_problems(page)
    page.goto(url)
    block = page.locator('.st-live[data-id="share"]')
    python_ran(block, "before")
    open_editor(block)
    edited = 'import streamlit as st\n\nst.write("shared", 40 + 2)\n'
    replace_code(block, edited)
    block.get_by_role("button", name=labels["copy"], exact=True).click()
    expect(block.locator("button.st-done")).to_be_visible()
    try:
        link = str(page.evaluate("navigator.clipboard.readText()"))
    except Exception:  # noqa: BLE001 - no clipboard here: the block put the link in the address bar
        link = page.url
    assert "#live-share=" in link

    other = context.new_page()
    problems += console_problems(other)
    other.goto(link)
    reopened = other.locator('.st-live[data-id="share"]')
    expect(reopened.locator(CM)).to_be_visible(timeout=30_000)
    expect_editor_text(reopened, edited)
    expect(reopened.locator(".st-live-shared")).to_be_visible()
    other.wait_for_timeout(1000)
    expect(reopened.locator(".st-output")).not_to_contain_text("shared")  # the link's code waits for Run
    reopened.get_by_role("button", name=labels["run"], exact=True).click()
    expect(reopened.locator(".st-output")).to_contain_text("shared", timeout=30_000)
    expect(reopened.locator(".st-output")).to_contain_text("42")

    # Reset: the documented code in the editor and in the output again.
    reopened.get_by_role("button", name=labels["reset"], exact=True).click()
    expect_editor_text(reopened, CODE)
    expect(reopened.locator(".st-output")).to_contain_text("before", timeout=30_000)
    expect(reopened.locator(".st-live-shared")).to_be_hidden()
    assert "#live-" not in other.url
    # Reset starts a new history: undo has nothing to bring back.
    reopened.locator(CONTENT).focus()
    other.keyboard.press("Control+z")
    assert editor_text(reopened) == CODE
    assert problems == [], f"console problems: {problems}"
    context.close()


def test_without_the_chunk_the_textarea_stays_and_says_so(browser: Any, serve_page: Any) -> None:
    url = serve_page([live(CODE, "nochunk")], lang="zh")
    page = browser.new_page()
    problems = console_problems(page)
    page.route(CHUNK, lambda route: route.abort())
    page.goto(url)
    block = page.locator('.st-live[data-id="nochunk"]')
    python_ran(block, "before")
    block.get_by_role("button", name=LABELS["zh"]["edit"], exact=True).click()
    note = block.locator(".st-editor-note")
    expect(note).to_be_visible(timeout=30_000)
    expect(note).to_contain_text(LABELS["zh"]["fallback"])
    textarea = block.get_by_role("textbox", name=LABELS["zh"]["editor"], exact=True)
    expect(textarea).to_have_value(CODE)
    assert block.locator(".cm-editor").count() == 0
    textarea.fill('import streamlit as st\nst.write("plain", 5)\n')
    textarea.press("Control+Enter")
    expect(block.locator(".st-output")).to_contain_text("plain", timeout=30_000)
    # The only complaint is the browser's own about the refused request.
    assert all("Failed to load resource" in p or "codemirror-editor" in p for p in problems), problems
    page.close()


def test_the_editor_follows_materials_palette(browser: Any, site_url: str) -> None:
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    problems = console_problems(page)
    page.goto(site_url)
    block = page.locator(".st-live").first
    open_editor(block)
    editor = block.locator(CM)
    background = "el => getComputedStyle(el).backgroundColor"
    code_bg = "() => { const probe = document.createElement('div'); probe.style.background = 'var(--md-code-bg-color)';" \
              " document.body.append(probe); const c = getComputedStyle(probe).backgroundColor; probe.remove(); return c; }"
    keyword = block.locator(".cm-content span.tok-keyword").first
    colour = "el => getComputedStyle(el).color"
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    light, light_keyword = editor.evaluate(background), keyword.evaluate(colour)
    light_classes = editor.evaluate("el => el.className")
    assert light == page.evaluate(code_bg)
    # Material's toggle sets the body's scheme; the editor follows at once, nothing reloads.
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = editor.evaluate(background)
    assert dark == page.evaluate(code_bg) and dark != light, (dark, light)
    assert keyword.evaluate(colour) != light_keyword
    # CodeMirror's own light/dark flag (its base theme's class) follows too, a moment later.
    page.wait_for_function("([el, before]) => el.className !== before", arg=[editor.element_handle(), light_classes])
    assert editor.evaluate("el => el.isConnected") and editor_text(block)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    assert editor.evaluate(background) == light
    page.wait_for_function("([el, before]) => el.className === before", arg=[editor.element_handle(), light_classes])
    assert problems == [], f"console problems: {problems}"
    context.close()


def test_the_service_worker_keeps_the_chunk(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems = console_problems(page)
    page.goto(site_url)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    page.wait_for_load_state("load")
    block = page.locator(".st-live").first
    open_editor(block)
    chunk = page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)"
                          ".find((name) => /codemirror-editor-/.test(name))")
    assert chunk and CHUNK.search(chunk), chunk
    page.wait_for_function("url => caches.match(url).then(Boolean)", arg=chunk, timeout=30_000)
    assert problems == [], f"console problems: {problems}"
    context.close()
