"""Every live block of every page, in English, Chinese and Japanese, replayed by clicking and typing in Chromium.

Pages and blocks are found in the built site, so a new page or block is covered as soon as it is built.
Each page is loaded once (its blocks share one Pyodide); each block's documented steps are done as a reader
does them and each expectation is checked against what the block shows (see ``replay.py``). No console error
or warning, and no request outside 127.0.0.1, on any page.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from streamlet.snippets.model import Step
from streamlet_site.plugin import live_data

from .livepage import ROOT, console_problems, live
from .replay import LANGS, TRACK_WORKER, Tally, discover, replay_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def reader(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """One browser context for the pages of all three languages, and the requests that left 127.0.0.1."""
    context = browser.new_context()
    context.add_init_script(TRACK_WORKER)
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url)
               if urlparse(r.url).scheme not in ("data", "blob") and urlparse(r.url).hostname != "127.0.0.1" else None)
    yield context, foreign
    context.close()


def replay_all(context: Any, base: str, pages: list[Any], lang: str) -> Tally:
    tally = Tally()
    for live_page in pages:
        page = context.new_page()
        problems = console_problems(page)
        where = f"{lang}:/{live_page.path}"
        replay_page(page, base + live_page.path, live_page.blocks, where, tally)
        tally.failures.extend(f"{where}: console {p}" for p in problems)
        page.close()
    return tally


@pytest.mark.parametrize("lang", LANGS)
def test_every_live_block_replays_in_the_page(reader: tuple[Any, list[str]], site_url: str, lang: str,
                                              report: Any) -> None:
    context, foreign = reader
    pages = [p for p in discover(ROOT / "site") if p.lang == lang]
    assert pages, f"no page with live blocks in {lang}"
    tally = replay_all(context, site_url, pages, lang)
    report(tally.summary(lang))
    assert tally.blocks == sum(len(p.blocks) for p in pages)
    assert foreign == [], f"requests left 127.0.0.1: {foreign}"
    assert not tally.failures, "\n".join(tally.failures)


# ---- the replayer itself: it drives every kind of widget, and it catches a page that says the wrong thing ----

WIDGETS = """import streamlit as st
from datetime import date, time

st.title("Widgets")
if "changes" not in st.session_state:
    st.session_state.changes = 0

def changed():
    st.session_state.changes += 1

st.checkbox("Agree", key="agree", on_change=changed)
st.text_input("Your name", key="name", on_change=changed)
st.number_input("Step", value=1, key="step")
st.slider("Celsius", -100.0, 100.0, 0.0, key="celsius", on_change=changed)
st.slider("Range", 0, 10, (2, 4), key="span")
st.select_slider("Size", ["S", "M", "L"], value="M", key="size")
st.selectbox("Fruit", ["apple", "pear"], key="fruit")
st.radio("Colour", ["red", "blue"], key="colour")
st.multiselect("Tags", ["a", "b", "c"], key="tags")
st.date_input("Day", date(2024, 1, 2), key="day")
st.time_input("At", time(10, 30), key="at")
st.color_picker("Paint", "#ff0000", key="paint")
st.toggle("Dark", key="dark")
st.write("Changes:", st.session_state.changes)
st.write(f"Hello **{st.session_state.name or 'nobody'}**, step {st.session_state.step}")
if st.button("Fail"):
    st.session_state.missing
"""

FORM = """import streamlit as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += st.session_state.by

with st.form("adder"):
    st.number_input("By", value=1, key="by")
    st.form_submit_button("Add", on_click=add)
st.write("Count =", st.session_state.count)
print("ran with count", st.session_state.count)
"""

NO_STATE = """import streamlit as st

count = 0
if st.button("Increment"):
    count += 1
st.write("Count:", count)
"""

MISSING = "st.session_state has no attribute \"missing\". Did you forget to initialize it? More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"


def widget_steps() -> list[Step]:
    from datetime import date, time

    return [
        Step(expect={"title": ["Widgets"], "markdown": ["Changes: `0`", "Hello **nobody**, step 1"],
                     "checkbox": [False], "slider": [0.0, [2, 4]]}),
        Step("set", "agree", True, expect={"checkbox": [True], "markdown": ["Changes: `1`", "Hello **nobody**, step 1"],
                                           "state": {"agree": True}}),
        Step("set", "Your name", "Ada", expect={"text_input": ["Ada"], "markdown": ["Changes: `2`", "Hello **Ada**, step 1"]}),
        Step("set", "step", 5, expect={"number_input": [5], "markdown": ["Changes: `2`", "Hello **Ada**, step 5"]}),
        Step("set", "Celsius", 42.5, expect={"slider": [42.5, [2, 4]], "markdown": ["Changes: `3`", "Hello **Ada**, step 5"]}),
        Step("set", "span", [3, 8], expect={"slider": [42.5, [3, 8]]}),
        Step("set", "Size", "L", expect={"select_slider": ["L"]}),
        Step("set", "Fruit", "pear", expect={"selectbox": ["pear"]}),
        Step("set", "colour", "blue", expect={"radio": ["blue"]}),
        Step("set", "Tags", ["c", "a"], expect={"multiselect": [["c", "a"]]}),
        Step("set", "Day", date(2025, 3, 4), expect={"date_input": [date(2025, 3, 4)]}),
        Step("set", "At", "12:45", expect={"time_input": [time(12, 45)]}),
        Step("set", "Paint", "#00ff00", expect={"color_picker": ["#00FF00"]}),
        Step("click", "Dark", expect={"toggle": [True]}),
        Step("click", "Fail", expect={"exception": {"type": "AttributeError", "message": MISSING}}),
    ]


def form_steps() -> list[Step]:
    return [
        Step(expect={"markdown": ["Count = `0`"], "log": ["ran with count 0"]}),
        Step("set", "by", 4, expect={"markdown": ["Count = `0`"]}),
        Step("click", "Add", expect={"markdown": ["Count = `4`"], "number_input": [4], "state": {"count": 4},
                                     "log": ["ran with count 4"]}),
        Step("rerun", expect={"markdown": ["Count = `4`"]}),
        Step("click", "Add", expect={"markdown": ["Count = `8`"]}),
    ]


def no_state_steps() -> list[Step]:
    return [Step(expect={"markdown": ["Count: `0`"]}),
            Step("click", "Increment", expect={"markdown": ["Count: `1`"]}),
            Step("click", "Increment", expect={"markdown": ["Count: `1`"]})]


def blocks(mutate: str | None = None) -> list[dict[str, Any]]:
    widgets, form, no_state = widget_steps(), form_steps(), no_state_steps()
    if mutate == "output":
        no_state[2].expect["markdown"] = ["Count: `2`"]  # the page would claim the counter climbs
    elif mutate == "exception":
        widgets[-1].expect["exception"] = {"type": "StreamlitAPIException", "message": MISSING}
    elif mutate == "widget":
        widgets[9].expect["multiselect"] = [["a", "b"]]
    elif mutate == "log":
        form[2].expect["log"] = ["ran with count 5"]
    snippets = [live(WIDGETS, "widgets", steps=widgets), live(FORM, "form", steps=form),
                live(NO_STATE, "no-state", steps=no_state)]
    return [live_data(s) for s in snippets]


MUTATIONS = ("output", "exception", "widget", "log")


def test_the_replayer_drives_every_widget_and_catches_a_wrong_page(reader: tuple[Any, list[str]], serve_page: Any,
                                                                    report: Any) -> None:
    context, foreign = reader
    good = blocks()
    tally = Tally()
    page = context.new_page()
    problems = console_problems(page)
    replay_page(page, _page_with(serve_page, good), good, "self-test", tally)
    assert not tally.failures, "\n".join(tally.failures)
    assert tally.steps == 15 + 3 + 3 and tally.exceptions == 1
    assert tally.not_driven == {"rerun": 1} and tally.not_replayed == 1
    assert tally.not_visible == {"state keys": 2}
    page.close()
    caught = []
    for mutation in MUTATIONS:
        bad = blocks(mutation)
        wrong = Tally()
        page = context.new_page()
        replay_page(page, _page_with(serve_page, bad), bad, f"mutant {mutation}", wrong)
        page.close()
        assert len(wrong.failures) == 1, (mutation, wrong.failures)
        caught.append(mutation)
    report(f"browser replay self-test: every widget kind driven ({tally.steps} steps); "
           f"{len(caught)}/{len(MUTATIONS)} wrong expectations caught ({', '.join(caught)})")
    assert problems == [] and foreign == [], (problems, foreign)


def _page_with(serve_page: Any, data: list[dict[str, Any]]) -> str:
    from streamlet.snippets.model import Snippet

    snippets = [Snippet("test.md", 1, d["code"], id=d["id"], live=True,
                        steps=[Step.from_dict(s) for s in d["steps"]]) for d in data]
    return serve_page(snippets, lang="zh")  # type: ignore[no-any-return]


# ---- a built page that says the wrong thing is caught, in every language ----

def _mutants(blocks: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Copies of two blocks of a page: one expected text changed, one expected exception class changed."""
    import copy

    def driven(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Steps done by clicking or typing, up to the first the page has no control for (a rerun)."""
        done = []
        for step in steps[1:]:
            if step["action"] not in ("click", "set"):
                break
            done.append(step)
        return done

    output = exception = None
    for data in blocks:
        steps = data["steps"]
        if output is None and any(k in ("markdown", "title") for s in driven(steps) for k in s["expect"]):
            output = copy.deepcopy(data)
            step = next(s for s in driven(output["steps"]) if "markdown" in s["expect"] or "title" in s["expect"])
            kind = "markdown" if "markdown" in step["expect"] else "title"
            texts = step["expect"][kind]
            step["expect"][kind] = [f"{texts[0] if isinstance(texts, list) else texts} (not so)"] + (
                texts[1:] if isinstance(texts, list) else [])
        if exception is None and any("exception" in s["expect"] for s in steps):
            exception = copy.deepcopy(data)
            step = next(s for s in exception["steps"] if "exception" in s["expect"])
            raised = step["expect"]["exception"]
            step["expect"]["exception"] = ({**raised, "type": "ValueError"} if isinstance(raised, dict) else "ValueError")
    assert output is not None and exception is not None, "no block with both kinds of expectation to change"
    return output, exception


@pytest.mark.parametrize("lang", LANGS)
def test_a_built_page_with_a_wrong_expectation_fails(browser: Any, site_url: str, lang: str, report: Any) -> None:
    from streamlet_site.plugin import script_json

    pages = [p for p in discover(ROOT / "site") if p.lang == lang]
    target = max(pages, key=lambda p: sum("exception" in s["expect"] for b in p.blocks for s in b["steps"]))
    output, exception = _mutants(target.blocks)
    originals = {b["id"]: b for b in target.blocks}

    def corrupt(route: Any) -> None:
        response = route.fetch()
        text = response.text()
        for mutant in (output, exception):
            before, after = script_json(originals[mutant["id"]]), script_json(mutant)
            assert text.count(before) == 1, "the page's data script is not where the plugin puts it"
            text = text.replace(before, after)
        route.fulfill(response=response, body=text)

    # No service worker, so the page's HTML comes through the route (the copy with the changed steps).
    context = browser.new_context(service_workers="block")
    context.add_init_script(TRACK_WORKER)
    page = context.new_page()
    page.route(site_url + target.path, corrupt)
    tally = Tally()
    replay_page(page, site_url + target.path, [output, exception], f"{lang}:/{target.path} (changed)", tally)
    context.close()
    assert len(tally.failures) == 2, tally.failures
    assert f"block {output['id']!r}" in tally.failures[0] and "(not so)" in tally.failures[0], tally.failures
    assert f"block {exception['id']!r}" in tally.failures[1] and "ValueError" in tally.failures[1], tally.failures
    report(f"browser replay [{lang}]: a changed expected output ({output['id']}) and a changed expected exception "
           f"class ({exception['id']}) in a copy of /{target.path} are both caught")
