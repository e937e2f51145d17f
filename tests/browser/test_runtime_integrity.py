"""A runtime wheel other than the one the site was built with is refused, and the page says so in its language.

The build compiles the wheel's SHA-256 into the worker; the test serves the page with the wheel's
bytes changed (one byte more at its end, still a readable zip) and expects the block's notice in
English, Chinese and Japanese, with Python never answering.
"""
from __future__ import annotations

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


@pytest.mark.parametrize("lang", list(REFUSED))
def test_a_tampered_runtime_wheel_is_refused_in_the_pages_language(browser: Any, serve_page: Any, lang: str) -> None:
    wheels = sorted((ASSETS / "streamlet").glob("streamlet-*.whl"))
    assert len(wheels) == 1, "site/ is not built: run 'make build'"
    tampered = wheels[0].read_bytes() + b"\0"
    url = serve_page([live(COUNTER, "counter")], lang=lang)
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*.whl", lambda route: route.fulfill(status=200, body=tampered,
                                                       headers={"Content-Type": "application/zip"}))
    page.goto(url)
    block = page.locator('.st-live[data-id="counter"]')
    block.get_by_role("button", name="Add one", exact=True).click()
    expect(block.locator(".st-live-notice")).to_contain_text(REFUSED[lang], timeout=120_000)
    expect(block).to_contain_text("Count: 0")  # the first paint stays; nothing ran
    context.close()
