"""The playground's starter works live: a form with clear_on_submit, a callback, widgets that appear."""
from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["playground/", "zh/playground/"])
def test_playground_todo_list(browser: Any, site_url: str, path: str, report: Any) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.goto(site_url + path)
    block = page.locator('.st-live[data-id="playground"]')
    expect(block).to_contain_text("Items: 0")
    field = block.get_by_label("New item")
    field.fill("Buy milk")
    field.press("Tab")
    expect(block).to_contain_text("Items: 0")  # a form sends nothing before its submit button
    block.get_by_role("button", name="Add", exact=True).click()
    expect(block).to_contain_text("Items: 1", timeout=120_000)
    expect(block.get_by_label("Buy milk")).not_to_be_checked()
    expect(field).to_have_value("")  # clear_on_submit
    field.fill("Walk the dog")
    block.get_by_role("button", name="Add", exact=True).click()
    expect(block).to_contain_text("Items: 2", timeout=30_000)
    block.get_by_label("Buy milk").check()
    expect(block.get_by_label("Buy milk")).to_be_checked(timeout=30_000)
    expect(block).to_contain_text("Items: 2")
    report(f"browser [{path}]: the playground's to-do list works live")
    assert problems == [], f"console problems: {problems}"
    page.close()
