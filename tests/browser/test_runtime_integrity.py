"""A runtime wheel other than the one the site was built with is refused, and the page says so in its language.

The site serves the wheel gzipped (``<wheel>.gz``, its entries stored so that it compresses as one
stream); the build compiles the SHA-256 of the inflated wheel into the worker. The tests serve the
page with the wheel's bytes changed (one byte more at its end, still a readable zip, gzipped again)
and expect the block's notice in English, Chinese and Japanese, with Python never answering; a .gz
cut short is refused the same way, and a wheel a host already inflated (Content-Encoding: gzip) runs.
"""
from __future__ import annotations

import gzip
from typing import Any

import pytest
from playwright.sync_api import expect

from .livepage import ASSETS, live

pytestmark = pytest.mark.browser

COUNTER = """import streamlit as st

st.session_state.setdefault("count", 0)
if st.button("Add one"):
    st.session_state.count += 1
st.write("Count:", st.session_state.count)
"""
REFUSED = {
    "en": "is not the one this site was built with, so it was not run",
    "zh": "与本站构建时所用的不一致，因此没有运行",
    "ja": "このサイトのビルドに使われたものと一致しないため、実行しませんでした",
}


def _served_wheel() -> tuple[str, bytes]:
    """The served .gz's name and the wheel inflated."""
    wheels = sorted((ASSETS / "streamlet").glob("streamlet-*.whl.gz"))
    assert len(wheels) == 1, "site/ is not built: run 'make build'"
    return wheels[0].name, gzip.decompress(wheels[0].read_bytes())


def _open_counter(browser: Any, serve_page: Any, lang: str, body: bytes) -> tuple[Any, Any, Any]:
    """The counter's page with ``body`` served for the wheel's .gz; its first click made."""
    url = serve_page([live(COUNTER, "counter")], lang=lang)
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*.whl.gz", lambda route: route.fulfill(status=200, body=body,
                                                          headers={"Content-Type": "application/gzip"}))
    page.goto(url)
    block = page.locator('.st-live[data-id="counter"]')
    block.get_by_role("button", name="Add one", exact=True).click()
    return context, page, block


@pytest.mark.parametrize("lang", list(REFUSED))
def test_a_tampered_runtime_wheel_is_refused_in_the_pages_language(browser: Any, serve_page: Any, lang: str) -> None:
    _, wheel = _served_wheel()
    context, _, block = _open_counter(browser, serve_page, lang, gzip.compress(wheel + b"\0"))
    expect(block.locator(".st-live-notice")).to_contain_text(REFUSED[lang], timeout=120_000)
    expect(block).to_contain_text("Count: 0")  # the first paint stays; nothing ran
    context.close()


def test_a_wheel_gz_that_does_not_inflate_is_refused(browser: Any, serve_page: Any) -> None:
    _, wheel = _served_wheel()
    packed = gzip.compress(wheel)
    context, _, block = _open_counter(browser, serve_page, "en", packed[: len(packed) // 2])
    expect(block.locator(".st-live-notice")).to_contain_text(REFUSED["en"], timeout=120_000)
    expect(block).to_contain_text("Count: 0")
    context.close()


def test_a_wheel_the_host_already_inflated_runs(browser: Any, serve_page: Any) -> None:
    _, wheel = _served_wheel()
    context, _, block = _open_counter(browser, serve_page, "en", wheel)
    expect(block).to_contain_text("Count: 1", timeout=120_000)
    expect(block.locator(".st-live-notice")).to_be_hidden()
    context.close()
