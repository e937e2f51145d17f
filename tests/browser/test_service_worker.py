"""The site's own service worker: isolation on a plain static host, offline pages, clean updates.

Each test serves its own copy of the built site (a rebuild of site/ by someone else must not
pull files from under it), mostly as a plain static host serves it: no COOP/COEP headers.
"""
from __future__ import annotations

import functools
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from streamlet_site.plugin import site_version
from streamlet_site.serve import Handler, Server, serve_in_thread

from .livepage import RECORD_BOOTS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# Recorded by every load of a page of the tab: "1" when it was cross-origin isolated, "0" when not.
RECORD_LOADS = ("sessionStorage.setItem('test-loads', (sessionStorage.getItem('test-loads') || '') "
                "+ (crossOriginIsolated ? '1' : '0'))")
LOADS = "sessionStorage.getItem('test-loads')"
CACHED = "async (urls) => { for (const url of urls) if (!(await caches.match(url))) return false; return true; }"
COUNTER = '.st-live[data-id="counter-callbacks"]'


def copy_site(target: Path) -> Path:
    site = ROOT / "site"
    if not (site / "sw.js").exists():
        pytest.fail("site/ is not built (or has no sw.js): run 'make build' (make test does it)")
    shutil.copytree(site, target)
    if not (target / "sw.js").exists() or not (target / "index.html").exists():
        pytest.fail("site/ was being rebuilt while this test copied it; run the test again")
    return target


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy for the tests that only read it."""
    return copy_site(tmp_path_factory.mktemp("sw") / "site")


@pytest.fixture
def serve() -> Iterator[Callable[..., tuple[Server, str]]]:
    servers: list[Server] = []

    def start(root: Path, *, isolated: bool = False, handler: Any = None) -> tuple[Server, str]:
        if handler is None:
            server, url = serve_in_thread(root, isolated=isolated)
        else:
            server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
            server.verbose, server.isolated = False, isolated
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_address[1]}/"
        servers.append(server)
        return server, url

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def wait_until(page: Any, script: str, arg: Any = None, timeout: float = 30.0) -> None:
    """Evaluate ``script`` (it may return a promise) until it is truthy; a navigation in between is retried."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(script, arg):
                return
        except Exception:  # the page navigated while the script ran
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {script}")
        time.sleep(0.25)


def watch(page: Any) -> tuple[list[str], list[str]]:
    """Console problems and main-frame navigations of ``page``, as they happen."""
    problems: list[str] = []
    navigations: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("framenavigated", lambda f: navigations.append(f.url) if f == page.main_frame else None)
    return problems, navigations


def new_page(browser: Any, **options: Any) -> tuple[Any, Any, list[str], list[str]]:
    context = browser.new_context(**options)
    context.add_init_script(RECORD_LOADS)
    page = context.new_page()
    problems, navigations = watch(page)
    return context, page, problems, navigations


def click_counter(page: Any, expected: int, timeout: float = 120_000) -> None:
    block = page.locator(COUNTER)
    block.get_by_role("button", name="Increment", exact=True).click()
    expect(block).to_contain_text(f"Count = {expected}", timeout=timeout)


def test_plain_host_becomes_isolated_after_one_reload(browser: Any, site_copy: Path, serve: Any, report: Any) -> None:
    _, url = serve(site_copy)
    context, page, problems, navigations = new_page(browser)
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function("crossOriginIsolated === true", timeout=30_000)
    click_counter(page, 1)
    with_worker = time.perf_counter() - started
    # Not isolated before the worker (the proof this needs it), isolated after exactly one reload.
    assert page.evaluate(LOADS) == "01"
    assert page.evaluate("typeof SharedArrayBuffer") == "function"
    time.sleep(3)  # no late second reload
    assert len(navigations) == 2, navigations
    # The next page of the site is isolated at once, without a reload.
    page.goto(url + "zh/")
    expect(page.locator(COUNTER)).to_contain_text("Count = 0")
    assert page.evaluate(LOADS) == "011"
    assert len(navigations) == 3, navigations
    assert problems == [], f"console problems: {problems}"
    context.close()

    # The same first visit where service workers are unavailable: works as before, quietly.
    context, page, problems, navigations = new_page(browser)
    context.add_init_script("delete Navigator.prototype.serviceWorker")
    started = time.perf_counter()
    page.goto(url)
    click_counter(page, 1)
    without_worker = time.perf_counter() - started
    assert page.evaluate(LOADS) == "0"
    assert len(navigations) == 1
    assert problems == [], f"console problems: {problems}"
    context.close()
    report(f"service worker: first visit on a plain host, navigation to the first click answered: "
           f"{with_worker:.2f} s with the worker (one reload included), {without_worker:.2f} s without")


def test_isolated_host_registers_the_worker_without_reloading(browser: Any, site_copy: Path, serve: Any) -> None:
    _, url = serve(site_copy, isolated=True)
    context, page, problems, navigations = new_page(browser)
    page.goto(url)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    click_counter(page, 1)
    time.sleep(2)
    assert page.evaluate(LOADS) == "1"
    assert len(navigations) == 1, navigations
    assert problems == [], f"console problems: {problems}"
    context.close()


class SlowWorkerHandler(Handler):
    """The service worker's script arrives late: the reader is already using a block."""

    def do_GET(self) -> None:
        if self.path.endswith("/sw.js"):
            time.sleep(4)
        super().do_GET()


def test_no_reload_once_the_reader_touched_a_block(browser: Any, site_copy: Path, serve: Any) -> None:
    _, url = serve(site_copy, handler=SlowWorkerHandler)
    context, page, problems, navigations = new_page(browser)
    page.goto(url)
    click_counter(page, 1)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    time.sleep(2)
    expect(page.locator(COUNTER)).to_contain_text("Count = 1")  # the reader's state is still there
    assert len(navigations) == 1, navigations
    # Isolation comes with the next page the reader opens.
    page.goto(url + "ja/")
    expect(page.locator(COUNTER)).to_contain_text("Count = 0")
    assert page.evaluate(LOADS) == "01"
    assert problems == [], f"console problems: {problems}"
    context.close()


def test_a_visited_page_stays_readable_and_live_offline(browser: Any, site_copy: Path, serve: Any, report: Any) -> None:
    server, url = serve(site_copy)
    context, page, problems, _ = new_page(browser)
    page.goto(url)
    page.wait_for_function("crossOriginIsolated === true", timeout=30_000)
    click_counter(page, 1)
    assets = [url, url + "assets/streamlet/page.js", url + "assets/streamlet/worker.js",
              url + "assets/pyodide/pyodide.asm.wasm.gz", url + "assets/pyodide/python_stdlib.zip"]
    wait_until(page, CACHED, assets)

    # Offline for real: the server is gone, and the browser is told it is offline.
    server.shutdown()
    server.server_close()
    context.set_offline(True)
    started = time.perf_counter()
    page.reload()
    block = page.locator(COUNTER)
    expect(block).to_contain_text("Count = 0")
    expect(page.locator("h1").first).to_be_visible()
    click_counter(page, 1, timeout=60_000)
    offline = time.perf_counter() - started
    assert page.evaluate("crossOriginIsolated") is True
    assert problems == [], f"console problems: {problems}"
    context.close()
    report(f"service worker: second visit offline, navigation to the first click answered: {offline:.2f} s")


def test_a_rebuilt_site_replaces_the_cache(browser: Any, tmp_path: Path, serve: Any) -> None:
    site = copy_site(tmp_path / "site")
    pyodide = site_version(site / "assets" / "pyodide")
    old = f"{site_version(site)}.{pyodide}"
    assert f'"{old}"' in (site / "sw.js").read_text(encoding="utf-8")
    _, url = serve(site)
    context, page, problems, _ = new_page(browser)
    page.goto(url)
    page.wait_for_function("crossOriginIsolated === true", timeout=30_000)
    click_counter(page, 1)
    css = url + "assets/streamlet/page.css"
    wasm = url + "assets/pyodide/pyodide.asm.wasm.gz"  # what the worker fetches (see worker.js)
    wait_until(page, CACHED, [url, css, wasm])
    old_cache = f"streamlet {url} {old}"
    assert page.evaluate("caches.keys()") == [old_cache]

    # A rebuild as the docs plugin does it: an asset changes, so do the version and sw.js.
    with (site / "assets" / "streamlet" / "page.css").open("a", encoding="utf-8") as stream:
        stream.write("\n.st-rebuilt-marker{}\n")
    new = f"{site_version(site)}.{pyodide}"
    assert new != old
    worker = site / "sw.js"
    worker.write_text(worker.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    # The browser checks sw.js for updates a moment after a navigation; the new worker takes
    # over at once and deletes the old build's cache.
    page.reload()
    wait_until(page, f"caches.keys().then((names) => !names.includes({old_cache!r}))")
    new_cache = f"streamlet {url} {new}"
    # Pyodide did not change: its files moved to the new cache, nothing to download again.
    assert page.evaluate(f"caches.open({new_cache!r}).then((c) => c.match({wasm!r})).then(Boolean)")
    # The changed asset is served as rebuilt, not from the old build's cache.
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=10_000)
    assert ".st-rebuilt-marker" in page.evaluate(f"fetch({css!r}).then((r) => r.text())")
    click_counter(page, 1)
    wait_until(page, CACHED, [url, css])
    assert page.evaluate("caches.keys()") == [new_cache]
    assert problems == [], f"console problems: {problems}"
    context.close()


# What a first visit inflated (the memory snapshot, Pyodide's wasm), kept by the worker in the
# site's cache (runtime/web/src/copies.js), read whole when it is complete.
COPIES = ["assets/streamlet/pyodide-snapshot", "assets/pyodide/pyodide.asm.wasm"]
COPIES_KEPT = ("async (urls) => { for (const url of urls) { const hit = await caches.match(url);"
               " if (!hit || (await hit.blob()).size < 1e6) return false; } return true; }")


def test_a_return_visit_reads_the_inflated_copies_the_first_visit_kept(
        browser: Any, site_copy: Path, serve: Any) -> None:
    _, url = serve(site_copy, isolated=True)
    context, page, problems, _ = new_page(browser)
    context.add_init_script(RECORD_BOOTS)
    page.goto(url)
    click_counter(page, 1)
    copies = [url + path for path in COPIES]
    wait_until(page, COPIES_KEPT, copies)
    gzipped: list[str] = []
    kept = {path.rsplit("/", 1)[-1] + ".gz" for path in COPIES}  # the runtime's own .gz (69 KB) is inflated every time
    context.on("request", lambda r: gzipped.append(r.url.rsplit("/", 1)[-1]) if r.url.endswith(".gz") else None)
    page.reload()
    click_counter(page, 1)
    assert page.evaluate("window.stBoots") == ["snapshot"]
    assert not kept & set(gzipped), f"a return visit fetched {gzipped}"

    # A copy that no longer fits (stamped for another wheel) is refused and replaced: Python starts
    # from the .gz, as on a first visit, and a fitting copy is kept again.
    info: list[str] = []
    page.on("console", lambda m: info.append(m.text) if m.type == "info" else None)
    stale = "0" * 64
    page.evaluate("""async ([url, stale]) => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        const hit = await cache.match(url);
        if (!hit) continue;
        const bytes = new Uint8Array(await hit.arrayBuffer());
        const newline = bytes.indexOf(10);
        const stamp = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline)));
        stamp.wheel_sha256 = stale;
        const line = new TextEncoder().encode(JSON.stringify(stamp) + "\\n");
        await cache.put(url, new Response(new Blob([line, bytes.subarray(newline + 1)]), { headers: hit.headers }));
      }
    }""", [copies[0], stale])
    gzipped.clear()
    page.reload()
    click_counter(page, 1)
    assert page.evaluate("window.stBoots") == ["snapshot"]
    said = [line for line in info if "kept is not used" in line]
    assert len(said) == 1 and "another runtime wheel" in said[0], info
    assert "pyodide-snapshot.gz" in gzipped, gzipped
    wait_until(page, """async ([url, stale]) => {
      const hit = await caches.match(url);
      if (!hit) return false;
      const bytes = new Uint8Array(await hit.arrayBuffer());
      const stamp = JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10))));
      return stamp.wheel_sha256 !== stale;
    }""", [copies[0], stale])
    assert problems == [], f"console problems: {problems}"
    context.close()


# Each start of Python's worker: whether the page was still being parsed (head.js, early.js,
# head-start.js); and how many of them were ended (early.js ends head.js's far from the viewport).
RECORD_WORKERS = """(() => {
  const Native = window.Worker;
  window.stWorkers = [];
  window.stEnded = 0;
  window.Worker = class extends Native {
    constructor(url, ...rest) {
      super(url, ...rest);
      if (String(url).includes("assets/streamlet/worker.js")) window.stWorkers.push(document.readyState);
    }
    terminate() {
      window.stEnded += 1;
      super.terminate();
    }
  };
})()"""


def test_a_return_visit_starts_python_while_the_page_is_parsed(browser: Any, site_copy: Path, serve: Any) -> None:
    _, url = serve(site_copy, isolated=True)
    context, page, problems, _ = new_page(browser)
    context.add_init_script(RECORD_WORKERS)
    page.goto(url)
    click_counter(page, 1)
    assert page.evaluate("window.stWorkers") != ["loading"]  # the first visit: page.js starts it
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    page.reload()
    click_counter(page, 1)
    assert page.evaluate("window.stWorkers") == ["loading"], "one worker, started by head.js, taken by page.js"
    assert page.evaluate("window.stEnded") == 0
    assert page.locator("script:not([type]):not([src])").evaluate_all(
        "(scripts) => scripts.filter((s) => s.closest('.st-live') || s.dataset.worker).length") == 0, \
        "head.js and early.js leave no script"
    # A page whose blocks are out of reach waits for the reader, as on a first visit: head.js's
    # worker is ended by early.js, and page.js starts one when the block comes near.
    page.set_viewport_size({"width": 800, "height": 200})
    page.goto(url + "?far")
    assert page.locator(COUNTER).evaluate("(b) => b.getBoundingClientRect().top") > 200 + 300
    assert page.evaluate("[window.stWorkers, window.stEnded]") == [["loading"], 1]
    page.locator(COUNTER).scroll_into_view_if_needed()
    click_counter(page, 1)
    assert page.evaluate("window.stWorkers") == ["loading", "complete"]
    assert problems == [], f"console problems: {problems}"
    context.close()
