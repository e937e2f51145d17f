"""Share links: their code never runs until the reader presses Run, however the link arrives;
a damaged link says so in the page's language; the toolbar shows below Material's header."""
from __future__ import annotations

import base64
import http.server
import threading
import time
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from .code_editor import CM, CONTENT, editor_text, expect_editor_text
from .livepage import console_problems, live

pytestmark = pytest.mark.browser

# The documented example: CPython at build time paints "linux", Pyodide answers "emscripten",
# so the page shows when Python has run the block.
DOC_CODE = ('import sys\nimport streamlit as st\n\nst.write("platform", sys.platform)\n'
            'if st.button("Increment"):\n    st.session_state.n = st.session_state.get("n", 0) + 1\n'
            'st.write("Count", st.session_state.get("n", 0))\n')
BLOCK = 'share-demo'


def share_hash(session: str, code: str) -> str:
    data = code.encode("utf-8")
    payload = base64.urlsafe_b64encode(data).decode().rstrip("=")
    return f"#live-{quote(session, safe='')}={payload}.{zlib.crc32(data):08x}"


def evil_code(port: int) -> str:
    return ('import streamlit as st\nst.write("PWNED")\n'
            f'st.markdown("[Sign in again](http://127.0.0.1:{port}/login)")\n'
            'import js\n'
            f'js.fetch("http://127.0.0.1:{port}/ran")\n')


def watch(page: Any) -> list[str]:
    problems = console_problems(page)
    return problems


@pytest.fixture(scope="module")
def attacker() -> Iterator[tuple[str, list[str]]]:
    """A server on another port (so another origin) that serves an opener page and logs every request."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            body = b'<!doctype html><title>opener</title><link rel="icon" href="data:,"><p>another origin</p>'
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", seen
    server.shutdown()


def python_ran(block: Any) -> None:
    expect(block.locator(".st-output")).to_contain_text("emscripten", timeout=120_000)


@pytest.mark.parametrize("isolated", [True, False], ids=["isolated", "plain"])
def test_a_page_of_another_origin_cannot_run_code_in_the_docs(
        browser: Any, serve_page: Any, attacker: tuple[str, list[str]], isolated: bool, report: Any) -> None:
    opener_url, seen = attacker
    port = int(opener_url.rstrip("/").rsplit(":", 1)[1])
    docs_url = serve_page([live(DOC_CODE, BLOCK)], isolated=isolated)
    link = share_hash(BLOCK, evil_code(port))
    context = browser.new_context()
    opener = context.new_page()
    opener.goto(opener_url)
    seen.clear()
    with context.expect_page() as popup_info:
        opener.evaluate("url => { window.docs = window.open(url); }", docs_url)
    docs = popup_info.value
    problems = watch(docs)
    block = docs.locator(f'.st-live[data-id="{BLOCK}"]')
    python_ran(block)

    # The attack: point the docs tab at the share link. Cross-origin, only a navigation of
    # location.href is allowed; COOP (isolated host) severs the opener, so it does nothing there.
    outcome = opener.evaluate("""url => {
        try { window.docs.location.href = url; return window.docs.closed ? "severed" : "set"; }
        catch (e) { return "refused: " + e.name; }
    }""", docs_url + link)
    # On a plain host the project's service worker may isolate the page too (after one reload).
    if docs.evaluate("crossOriginIsolated"):
        assert outcome == "severed"
    else:
        assert not isolated
        assert outcome == "set"
        # The link arrived: the code is in the editor for review, with the note.
        expect(block.locator(".st-live-shared")).to_be_visible(timeout=10_000)
        expect(block.locator(".st-live-shared")).to_contain_text("click Run")
        expect_editor_text(block, evil_code(port))
    docs.wait_for_timeout(3000)
    expect(block.locator(".st-output")).not_to_contain_text("PWNED")
    expect(block.locator(".st-output")).to_contain_text("emscripten")  # the documented example's output stays
    assert [p for p in seen if p != "/favicon.ico"] == [], f"the attacker's server was reached: {seen}"
    assert problems == [], f"console problems: {problems}"

    if outcome == "set":
        # The proof the checks above can fail: the reader's own Run does run it.
        block.locator("button.st-tool-run").click()
        expect(block.locator(".st-output")).to_contain_text("PWNED", timeout=30_000)
    report(f"share link from another origin [{'isolated' if isolated else 'plain'} host]: {outcome}; "
           f"not run; the attacker saw {sorted(set(seen)) or 'no request'}"
           + (" after the reader pressed Run" if outcome == "set" else ""))
    context.close()


def test_a_hash_change_in_the_same_tab_runs_nothing_and_keeps_the_readers_edit(browser: Any, serve_page: Any) -> None:
    url = serve_page([live(DOC_CODE, BLOCK)], isolated=False)
    shared = 'import streamlit as st\nst.write("PWNED")\n'
    link = share_hash(BLOCK, shared)
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    page.goto(url)
    block = page.locator(f'.st-live[data-id="{BLOCK}"]')
    python_ran(block)
    editor = block.locator(CONTENT)
    block.locator("button.st-tool-edit").click()
    expect(editor).to_be_focused(timeout=30_000)
    editor.press("Control+End")
    page.keyboard.type("# my edit\n")
    mine = editor_text(block)
    assert mine and mine.endswith("# my edit\n"), mine

    page.evaluate("link => { location.hash = link; }", link)
    expect_editor_text(block, shared)
    note = block.locator(".st-live-shared")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Ctrl+Z")
    page.wait_for_timeout(2000)
    expect(block.locator(".st-output")).not_to_contain_text("PWNED")

    # The reader's edit is one undo step away.
    editor.focus()
    page.keyboard.press("Control+Z")
    expect_editor_text(block, mine)

    # Back and forward bring the link again: shown again with its note, still not run.
    page.go_back()
    page.wait_for_function("location.hash === ''")
    page.go_forward()
    page.wait_for_function("link => location.hash === link", arg=link)
    expect_editor_text(block, shared)
    expect(note).to_be_visible()
    page.wait_for_timeout(1500)
    expect(block.locator(".st-output")).not_to_contain_text("PWNED")
    expect(block.locator(".st-output")).to_contain_text("emscripten")
    assert problems == [], f"console problems: {problems}"
    context.close()


DAMAGED = {
    "en": ("damaged (it may have been cut short", "no example on this page is named “nope”"),
    "zh": ("分享链接已损坏（可能在复制时被截断）", "本页没有名为“nope”的示例"),
    "ja": ("共有リンクは壊れているため", "このページに「nope」という名前のサンプルはありません"),
}


@pytest.mark.parametrize(("isolated", "kind", "lang"), [
    (False, "truncated", "en"), (False, "unknown", "zh"), (True, "truncated", "ja"), (True, "unknown", "en"),
    (False, "not-utf8", "ja"), (False, "bad-escape", "zh"),
])
def test_a_damaged_link_says_so_and_leaves_the_example(
        browser: Any, serve_page: Any, isolated: bool, kind: str, lang: str) -> None:
    url = serve_page([live(DOC_CODE, BLOCK)], isolated=isolated, lang=lang)
    whole = share_hash(BLOCK, 'import streamlit as st\nst.write("shared code, 计数器 🎈")\n')
    hashes = {
        "truncated": whole[: len(whole) - 12],  # cut inside the code: the checksum is gone
        "unknown": share_hash("nope", "st.write('x')"),
        "not-utf8": f"#live-{BLOCK}=_w.{zlib.crc32(bytes([0xFF])):08x}",
        "bad-escape": "#live-%E0%A4%A=" + whole.split("=", 1)[1],
    }
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    page.goto(url + hashes[kind])
    block = page.locator(f'.st-live[data-id="{BLOCK}"]')
    if kind == "unknown" or kind == "bad-escape":
        banner = page.locator(".st-live-link-banner")
        expect(banner).to_be_visible()
        if kind == "unknown":
            expect(banner).to_contain_text(DAMAGED[lang][1])
        assert page.evaluate("document.querySelector('.st-live-link-banner').nextElementSibling.dataset.id") == BLOCK
    else:
        note = block.locator(".st-live-shared")
        expect(note).to_be_visible()
        expect(note).to_contain_text(DAMAGED[lang][0])
    # The documented example is in place, paints, runs and answers as usual.
    expect(block.locator(".st-live-code")).to_be_visible()
    expect(block.locator("textarea.st-editor")).to_have_value(DOC_CODE)
    python_ran(block)
    block.get_by_role("button", name="Increment").click()
    expect(block.locator(".st-output")).to_contain_text("Count 1", timeout=30_000)
    expect(block.locator(".st-output")).not_to_contain_text("shared code")
    assert problems == [], f"console problems: {problems}"
    context.close()


def test_a_one_megabyte_link_opens(browser: Any, serve_page: Any, report: Any) -> None:
    url = serve_page([live(DOC_CODE, BLOCK)], isolated=False)
    line = 'st.write("计数器 カウンター 🎈 and some more text")\n'
    code = "import streamlit as st\n" + line * (1_000_000 // len(line.encode()))
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    started = time.perf_counter()
    page.goto(url + share_hash(BLOCK, code))
    block = page.locator(f'.st-live[data-id="{BLOCK}"]')
    expect(block.locator(".st-live-shared")).to_be_visible()
    expect_editor_text(block, code)
    shown = time.perf_counter() - started
    report(f"a 1 MB share link ({len(share_hash(BLOCK, code)) // 1000} kB): editor filled {shown * 1000:.0f} ms after goto")
    assert problems == [], f"console problems: {problems}"
    context.close()


SITE_BLOCKS = {"": "counter-callbacks", "playground/": "playground"}


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", list(SITE_BLOCKS), ids=["home", "playground"])
def test_after_a_share_link_the_toolbar_shows_below_the_header(browser: Any, site_url: str, path: str, size: tuple[int, int]) -> None:
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    problems = watch(page)
    block_id = SITE_BLOCKS[path]
    page.goto(site_url + path + share_hash(block_id, 'import streamlit as st\nst.write("two lines")'))
    block = page.locator(f'.st-live[data-id="{block_id}"]')
    expect(block.locator(".st-live-shared")).to_be_visible()
    page.wait_for_timeout(500)  # anything that would move the page after load has done so
    header = page.locator(".md-header").bounding_box()
    run = block.locator("button.st-tool-run").bounding_box()
    assert header and run
    assert run["y"] >= header["y"] + header["height"], (run, header)
    assert run["y"] + run["height"] <= height, (run, height)
    editor = block.locator(CM)
    expect(editor).to_be_visible(timeout=30_000)
    box = editor.bounding_box()
    line = block.locator(".cm-line").first.evaluate("el => el.getBoundingClientRect().height")
    assert box and box["height"] < 4 * line, (box, line)
    # It grows as the reader types.
    block.locator(CONTENT).focus()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nst.write(3)\nst.write(4)\nst.write(5)")
    taller = editor.bounding_box()
    assert taller and taller["height"] >= box["height"] + 2.5 * line, (taller, box, line)
    assert problems == [], f"console problems: {problems}"
    context.close()
