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


# ---- the example picker ----------------------------------------------------------------------------

from streamlet_site.parse import parse_page  # noqa: E402

from .code_editor import CONTENT, expect_editor_text, replace_code  # noqa: E402
from .livepage import ROOT, console_problems  # noqa: E402

# What each example shows when it first runs, and its name in the menu of each page language.
FIRST_OUTPUT = {
    "todo": "Items: 0",
    "counter": "Count = 0",
    "form": "Current count = 0",
    "celsius": "50.0",
    "args-kwargs": "Callbacks with arguments",
    "blank": None,
}
NAMES = {
    "playground/": {"label": "Example", "todo": "To-do list", "counter": "Counter", "form": "Counter with a form",
                    "celsius": "Celsius slider", "args-kwargs": "Callbacks with args and kwargs",
                    "blank": "Blank script", "run": "Run", "copy": "Copy link"},
    "zh/playground/": {"label": "示例", "todo": "待办事项清单", "counter": "计数器", "form": "带表单的计数器",
                       "celsius": "摄氏温度滑块", "args-kwargs": "向回调函数传递参数", "blank": "空白脚本",
                       "run": "运行", "copy": "复制链接"},
}


def examples(path: str) -> dict[str, str]:
    """The code of each example of the playground page, by id, as the docs hold it."""
    rel = "docs/" + ("en/" if path == "playground/" else path.split("/")[0] + "/") + "playground.md"
    snippets = parse_page((ROOT / rel).read_text(encoding="utf-8"), rel)
    return {s.id: s.code for s in snippets if s.example == "playground"}


def last_line(code: str) -> str:
    return [line for line in code.splitlines() if line.strip()][-1].strip()


def copied_link(page: Any, block: Any, names: dict[str, str]) -> str:
    """Press Copy link and return the link, from the clipboard or (without one) from the address bar."""
    copy = block.get_by_role("button", name=names["copy"], exact=True)
    copy.click()
    expect(block.locator("button.st-done")).to_be_visible()
    try:
        return str(page.evaluate("navigator.clipboard.readText()"))
    except Exception:  # noqa: BLE001 - no clipboard here: the block put the link in the address bar
        return str(page.url)


@pytest.mark.parametrize("path", list(NAMES))
def test_picker_loads_and_runs_each_example_and_links_reopen_it(browser: Any, site_url: str, path: str,
                                                                  report: Any) -> None:
    names = NAMES[path]
    codes = examples(path)
    assert sorted(codes) == sorted(FIRST_OUTPUT)
    context = browser.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    except Exception:  # noqa: BLE001 - copied_link falls back to the address bar
        pass
    page = context.new_page()
    problems = console_problems(page)
    page.goto(site_url + path)
    block = page.locator('.st-live[data-id="playground"]')
    menu = block.get_by_label(names["label"], exact=True)
    expect(block).to_contain_text("Items: 0", timeout=120_000)
    options = menu.locator("option").all_text_contents()
    assert options == [names[key] for key in codes], options  # in page order, in the page's language
    assert menu.input_value() == "todo"

    for key, code in codes.items():
        menu.select_option(label=names[key])
        expect(block.locator(".st-live-code")).to_contain_text(last_line(code))
        shown = FIRST_OUTPUT[key]
        if shown is None:
            expect(block.locator(".st-output .st-widget, .st-output .st-markdown")).to_have_count(0, timeout=30_000)
        else:
            expect(block.locator(".st-output")).to_contain_text(shown, timeout=30_000)
    # Run works on a picked example: the counter counts, and Run starts it over.
    menu.select_option(label=names["counter"])
    expect(block.locator(".st-output")).to_contain_text("Count = 0", timeout=30_000)
    block.get_by_role("button", name="Increment", exact=True).click()
    expect(block.locator(".st-output")).to_contain_text("Count = 1", timeout=30_000)
    block.get_by_role("button", name=names["run"], exact=True).click()
    expect(block.locator(".st-output")).to_contain_text("Count = 0", timeout=30_000)

    # A link made from a picked example reopens its code, selected in the menu, waiting for Run.
    menu.select_option(label=names["celsius"])
    expect(block.locator(".st-output")).to_contain_text("50.0", timeout=30_000)
    link = copied_link(page, block, names)
    assert "#live-playground=" in link
    other = context.new_page()
    problems += console_problems(other)
    other.goto(link)
    reopened = other.locator('.st-live[data-id="playground"]')
    expect_editor_text(reopened, codes["celsius"])
    expect(reopened.get_by_label(names["label"], exact=True)).to_have_value("celsius")
    expect(reopened.locator(".st-output .st-widget")).to_have_count(0)
    reopened.get_by_role("button", name=names["run"], exact=True).click()
    expect(reopened.locator(".st-output")).to_contain_text("50.0", timeout=120_000)
    other.close()

    # And a link made from an edit of it reopens the edit.
    menu.select_option(label=names["counter"])
    edited = codes["counter"].replace('st.title("Counter")', 'st.title("My own counter")')
    block.get_by_role("button", name={"playground/": "Edit", "zh/playground/": "编辑"}[path], exact=True).click()
    replace_code(block, edited)
    link = copied_link(page, block, names)
    other = context.new_page()
    problems += console_problems(other)
    other.goto(link)
    reopened = other.locator('.st-live[data-id="playground"]')
    expect_editor_text(reopened, edited)
    reopened.get_by_role("button", name=names["run"], exact=True).click()
    expect(reopened.locator(".st-output")).to_contain_text("My own counter", timeout=120_000)
    other.close()

    # Picking over the reader's own edit replaces it as one step of the editor's undo history.
    menu.select_option(label=names["blank"])
    expect_editor_text(block, codes["blank"])
    expect(block.locator(".st-live-shared")).to_contain_text("Ctrl+Z")
    expect(menu).to_be_focused()  # arrow keys keep choosing examples
    block.locator(CONTENT).press("Control+z")
    expect_editor_text(block, edited)
    report(f"browser [{path}]: the playground's picker loads and runs {len(codes)} examples; links reopen them")
    assert problems == [], f"console problems: {problems}"
    context.close()


@pytest.mark.parametrize("path", ["playground/", "zh/playground/", "ja/playground/"])
def test_each_picked_example_replays_its_documented_steps(browser: Any, site_url: str, path: str,
                                                          report: Any) -> None:
    """The examples are no blocks of their own: picked in the menu, each one's steps are replayed in the block."""
    from .replay import TRACK_WORKER, BlockReplay, Tally, _settle, discover

    built = next(p for p in discover(ROOT / "site") if p.path == path)
    block_data = next(b for b in built.blocks if b["id"] == "playground")
    options = block_data["examples"]
    context = browser.new_context()
    context.add_init_script(TRACK_WORKER)  # replay.py knows when Python has answered
    page = context.new_page()
    problems = console_problems(page)
    page.goto(site_url + path)
    block = page.locator('.st-live[data-id="playground"]')
    expect(block).to_contain_text("Items: 0", timeout=120_000)
    menu = block.locator("select.st-picker-select")
    tally = Tally()
    for option in options:
        menu.select_option(value=option["id"])
        expect(block.locator(".st-live-code")).to_contain_text(last_line(option["code"]))
        _settle(page, 30_000)
        BlockReplay(page, dict(option, id="playground"), f"{path} example {option['id']!r}", tally).replay()
    report(f"browser [{path}]: {len(options)} picked examples, {tally.steps} steps replayed in the playground "
           f"({tally.checks} expectations checked)")
    assert tally.blocks == len(options)
    assert not tally.not_driven, tally.not_driven_where
    assert not tally.failures, "\n".join(tally.failures)
    assert problems == [], f"console problems: {problems}"
    context.close()
