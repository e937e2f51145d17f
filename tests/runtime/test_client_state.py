"""The client model (streamlet.client.ClientState): the form scenarios the page's Node test replays
too (form_scenarios.json), through the bridge; and the two clients' differences, through AppTest."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from streamlet.bridge import Bridge
from streamlet.client import ClientState
from streamlet.runner import Session
from streamlet.testing import AppTest

SCENARIOS = json.loads(Path(__file__).with_name("form_scenarios.json").read_text(encoding="utf-8"))


def labelled(elements: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if "id" in node:
                found[node["label"]] = node
            walk(node.get("children", []))

    walk(elements)
    return found


def script(clear: bool) -> str:
    return str(SCENARIOS["script"]).replace("CLEAR", str(clear))


@pytest.mark.parametrize("scenario", SCENARIOS["scenarios"], ids=lambda s: s["name"])
def test_the_bridge_follows_the_shared_form_scenarios(scenario: dict[str, Any]) -> None:
    bridge = Bridge()
    reply = bridge.handle({"type": "run", "id": 0, "session": "s", "code": script(scenario["clear_on_submit"])})
    ids = {label: node["id"] for label, node in labelled(reply["elements"]).items()}
    for number, step in enumerate(scenario["steps"], start=1):
        request = step["request"]
        if request is None:
            continue  # the page holds a form's value; Python hears nothing
        event = {**request, "widget": ids[request["widget"]]}
        if "values" in request:
            event["values"] = {ids[label]: value for label, value in request["values"].items()}
        reply = bridge.handle({"type": "event", "id": number, "session": "s", **event})
        assert reply["type"] == "render", reply
        assert json.loads(reply["elements"][-1]["body"]) == step["seen"], f"step {number}"
        shows = labelled(reply["elements"])
        assert {label: shows[label]["value"] for label in step["python_shows"]} == step["python_shows"], f"step {number}"


# -- The two clients, side by side --------------------------------------------------------------

FORM = """import streamlit as st
with st.form("f", clear_on_submit=True):
    name = st.text_input("Name", "dflt")
    sent = st.form_submit_button("Send")
other = st.button("Other")
st.text(f"{name}|{sent}|{other}")
"""


def page_client() -> tuple[Session, ClientState, dict[str, str]]:
    session = Session(FORM)
    client = ClientState(session.state)
    result = session.run(client.values())
    client.show(result.elements)
    return session, client, {label: n["id"] for label, n in labelled(result.elements).items()}


def rerun(session: Session, client: ClientState) -> str:
    result = session.run(client.values())
    client.show(result.elements)
    return str(result.elements[-1]["body"])


def test_a_form_change_counts_only_with_its_submit_and_is_spent_by_another_run() -> None:
    session, client, ids = page_client()
    client.change(ids["Name"], "typed")
    assert client.counts(ids["Name"]) is False
    assert rerun(session, client) == "dflt|False|False"
    client.click(ids["Send"])
    assert client.counts(ids["Name"]) is True
    assert rerun(session, client) == "dflt|True|False", "the earlier change was spent by the run without the submit"


def test_a_click_is_true_once_and_a_change_outside_a_form_goes_with_the_next_run() -> None:
    session, client, ids = page_client()
    client.click(ids["Other"])
    assert rerun(session, client) == "dflt|False|True"
    assert rerun(session, client) == "dflt|False|False"


def test_on_the_page_a_cleared_form_shows_and_sends_its_defaults_right_after_the_submit() -> None:
    session, client, ids = page_client()
    client.change(ids["Name"], "Bob")
    client.click(ids["Send"])
    result = session.run(client.values())
    client.show(result.elements)
    assert result.elements[-1]["body"] == "Bob|True|False"
    assert labelled(result.elements)["Name"]["value"] == "dflt", "the tree the page gets shows the default"
    client.click(ids["Other"])
    assert rerun(session, client) == "dflt|False|True"


def test_in_apptest_a_cleared_form_holds_python_s_value_until_its_next_submit_sends_none() -> None:
    """Streamlit's AppTest has no page to reset: the script sees the submitted value until the next submit."""
    at = AppTest.from_string(FORM).run()
    at.text_input[0].input("Bob")
    at.button[0].click()
    assert at.run().text[0].value == "Bob|True|False"
    at.button[1].click()
    assert at.run().text[0].value == "Bob|False|True"
    at.button[0].click()
    assert at.run().text[0].value == "dflt|True|False"
