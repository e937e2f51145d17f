"""Pages made of live blocks from the built assets, served on 127.0.0.1 with or without COOP/COEP.

A browser test writes the blocks it needs (code, id, steps, fence options) and gets back
the URL of a page that loads the site's real ``page.js``, ``worker.js``, wheel and Pyodide.
"""
from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from streamlet.snippets.model import Snippet
from streamlet_site.plugin import live_data, script_json
from streamlet_site.serve import serve_in_thread

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "site" / "assets"


def block_html(snippet: Snippet) -> str:
    """A live block as the mkdocs plugin writes it: the data script, then the highlighted code's place."""
    data = script_json(live_data(snippet))
    code = html.escape(snippet.code)
    return (f'<div class="st-live" data-id="{html.escape(str(snippet.id))}"><script type="application/json" '
            f'class="st-live-data">{data}</script><div class="st-live-code"><pre><code>{code}</code></pre></div></div>')


def write_page(root: Path, blocks: Sequence[Snippet], *, lang: str = "en", before: str = "", after: str = "",
               head: str = "") -> None:
    """``root/index.html`` with ``blocks``; ``root/assets`` points at the built site's assets."""
    if not (ASSETS / "streamlet" / "page.js").exists():
        pytest.fail("site/ is not built: run 'make build' (make test does it)")
    if not (root / "assets").exists():
        os.symlink(ASSETS, root / "assets")
    (root / "index.html").write_text(
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>live blocks</title>'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="assets/streamlet/page.css">'
        f'<script type="module" src="assets/streamlet/page.js"></script>{head}</head><body>'
        + before + "".join(block_html(b) for b in blocks) + after + "</body></html>", encoding="utf-8")


def console_problems(page: Any) -> list[str]:
    """Console errors and warnings and uncaught page errors of ``page``, collected as they happen."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    return problems


def send_html(handler: Any, page: Path, status: int) -> None:
    """Answer ``handler``'s request with ``page`` and ``status`` (a static host's own 404 page)."""
    body = page.read_bytes()
    handler.send_response(status)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


def live(code: str, id: str, *, steps: Sequence[Any] = (), **options: str) -> Snippet:
    """A live snippet as the docs parser would make it (``options`` are the fence's, e.g. timeout="3")."""
    return Snippet("test.md", 1, code, id=id, live=True, options=dict(options), steps=list(steps))


@pytest.fixture(scope="module")
def serve_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., str]]:
    """``serve_page(blocks, isolated=True, lang="en")`` -> the page's URL; servers stop with the module."""
    servers: list[Any] = []

    def serve(blocks: Sequence[Snippet], *, isolated: bool = True, lang: str = "en", **extra: str) -> str:
        root = tmp_path_factory.mktemp("page")
        write_page(root, blocks, lang=lang, **extra)
        server, url = serve_in_thread(root, isolated=isolated)
        servers.append(server)
        return url

    yield serve
    for server in servers:
        server.shutdown()


# An init script: `window.stBoots` lists how each worker of the page started Python ("snapshot" or "plain").
RECORD_BOOTS = """(() => {
  const Native = window.Worker;
  window.stBoots = [];
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data?.type === "ready") window.stBoots.push(event.data.boot);
      });
    }
  };
})()"""
