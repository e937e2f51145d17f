"""The worker protocol (bridge.py): run, event and check in; render, checked and error out."""
from __future__ import annotations

import json
from typing import Any

from streamlet import bridge
from streamlet.bridge import Bridge

COUNTER = """import streamlit as st
st.session_state.setdefault("count", 0)
def add(by):
    st.session_state.count += by
st.button("Add", on_click=add, args=(2,))
name = st.text_input("Name", key="name")
st.write("count", st.session_state.count, "name", name)
"""

FORM = """import streamlit as st
with st.form("f", clear_on_submit={clear}):
    name = st.text_input("Name", key="name")
    n = st.slider("N", 0, 10, 3)
    sent = st.form_submit_button("Send")
st.write("sent", sent, "name", name, "n", n)
"""


def widgets(reply: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The widgets of a render reply, by label."""
    found: dict[str, dict[str, Any]] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if "id" in node:
                found[node["label"]] = node
            walk(node.get("children", []))

    walk(reply["elements"])
    return found


def last_text(reply: dict[str, Any]) -> str:
    return str(reply["elements"][-1]["body"])


def started(code: str, session: str = "s") -> tuple[Bridge, dict[str, Any]]:
    b = Bridge()
    return b, b.handle({"type": "run", "id": 1, "session": session, "code": code})


def test_run_replies_render_with_the_request_id_and_session() -> None:
    _, reply = started(COUNTER)
    assert (reply["type"], reply["id"], reply["session"], reply["log"]) == ("render", 1, "s", [])
    assert last_text(reply) == "count `0` name"
    assert widgets(reply)["Add"]["value"] is False


def test_event_with_trigger_calls_back_and_the_button_is_true_once() -> None:
    b, reply = started(COUNTER)
    add = widgets(reply)["Add"]["id"]
    reply = b.handle({"type": "event", "id": 2, "session": "s", "widget": add, "trigger": True})
    assert reply["id"] == 2 and last_text(reply) == "count `2` name"
    assert widgets(reply)["Add"]["value"] is True
    name = widgets(reply)["Name"]["id"]
    reply = b.handle({"type": "event", "id": 3, "session": "s", "widget": name, "value": "Ada"})
    assert last_text(reply) == "count `2` name Ada"
    assert widgets(reply)["Add"]["value"] is False


def test_event_keeps_the_other_widgets_client_values() -> None:
    b, reply = started(COUNTER)
    ids = {label: node["id"] for label, node in widgets(reply).items()}
    b.handle({"type": "event", "id": 2, "session": "s", "widget": ids["Name"], "value": "Ada"})
    reply = b.handle({"type": "event", "id": 3, "session": "s", "widget": ids["Add"], "trigger": True})
    assert last_text(reply) == "count `2` name Ada"


def test_run_again_starts_a_fresh_session() -> None:
    b, reply = started(COUNTER)
    b.handle({"type": "event", "id": 2, "session": "s", "widget": widgets(reply)["Add"]["id"], "trigger": True})
    reply = b.handle({"type": "run", "id": 3, "session": "s", "code": COUNTER})
    assert last_text(reply) == "count `0` name"


def test_sessions_are_independent() -> None:
    b, reply = started(COUNTER, "one")
    b.handle({"type": "run", "id": 2, "session": "two", "code": COUNTER})
    b.handle({"type": "event", "id": 3, "session": "one", "widget": widgets(reply)["Add"]["id"], "trigger": True})
    reply = b.handle({"type": "event", "id": 4, "session": "two", "widget": widgets(reply)["Name"]["id"],
                      "value": "x"})
    assert last_text(reply) == "count `0` name x"


def test_form_submit_sends_the_held_values() -> None:
    b, reply = started(FORM.format(clear=False))
    ids = {label: node["id"] for label, node in widgets(reply).items()}
    reply = b.handle({"type": "event", "id": 2, "session": "s", "widget": ids["Send"], "trigger": True,
                      "values": {ids["Name"]: "Bob", ids["N"]: 7}})
    assert last_text(reply) == "sent `True` name Bob n `7`"
    assert [widgets(reply)[k]["value"] for k in ("Name", "N")] == ["Bob", 7]
    reply = b.handle({"type": "event", "id": 3, "session": "s", "widget": ids["Send"], "trigger": True})
    assert last_text(reply) == "sent `True` name Bob n `7`"


def test_clear_on_submit_resets_the_client_values_after_the_submit() -> None:
    b, reply = started(FORM.format(clear=True))
    ids = {label: node["id"] for label, node in widgets(reply).items()}
    reply = b.handle({"type": "event", "id": 2, "session": "s", "widget": ids["Send"], "trigger": True,
                      "values": {ids["Name"]: "Bob", ids["N"]: 7}})
    assert last_text(reply) == "sent `True` name Bob n `7`"
    assert [widgets(reply)[k]["value"] for k in ("Name", "N")] == ["", 3]
    reply = b.handle({"type": "event", "id": 3, "session": "s", "widget": ids["Send"], "trigger": True})
    assert last_text(reply) == "sent `True` name  n `3`"


def test_config_toml_applies_to_the_session() -> None:
    b = Bridge()
    reply = b.handle({"type": "run", "id": 1, "session": "s", "code": "import streamlit as st\n'magic'",
                      "config": "[runner]\nmagicEnabled = false\n"})
    assert reply["type"] == "render" and reply["elements"] == []


def test_error_replies() -> None:
    b, reply = started(COUNTER)
    no_session = b.handle({"type": "event", "id": 7, "session": "nope", "widget": "w", "trigger": True})
    assert (no_session["type"], no_session["id"], no_session["code"]) == ("error", 7, "no-session")
    assert no_session["message"] == "No session 'nope': run the code first."
    unknown = b.handle({"type": "event", "id": 8, "session": "s", "widget": "$$ID-gone-None", "value": 1})
    assert (unknown["type"], unknown["code"]) == ("error", "unknown-widget")
    assert "$$ID-gone-None" in unknown["message"]
    assert b.handle({"type": "bogus", "id": 9}) == {"type": "error", "id": 9,
                                                   "message": "unknown message type 'bogus'"}
    bad_config = b.handle({"type": "run", "id": 10, "session": "t", "code": "x = 1",
                           "config": "[server]\nport = 1\n"})
    assert bad_config["type"] == "error" and "code" not in bad_config
    assert bad_config["message"] == 'StreamlitAPIException: Config key "server.port" not defined.'
    assert "t" not in b.sessions


def test_check_replies_ok_or_failures() -> None:
    b = Bridge()
    steps = [{"expect": {"markdown": ["count `0` name"]}},
             {"action": "click", "target": "Add", "expect": {"markdown": ["count `2` name"]}},
             {"action": "set", "target": "name", "value": "Ada", "line": 12,
              "expect": {"markdown": ["count `2` name Bob"]}}]
    reply = b.handle({"type": "check", "id": 5, "code": COUNTER, "steps": steps[:2]})
    assert reply == {"type": "checked", "id": 5, "ok": True, "failures": []}
    reply = b.handle({"type": "check", "id": 6, "code": COUNTER, "steps": steps})
    assert reply["ok"] is False
    assert reply["failures"] == ["Step 3 (type “Ada” into “Name”): the page should show the text "
                                 "“count `2` name Bob”, but it shows “count `2` name Ada”."]


def test_check_words_the_failures_in_the_page_language() -> None:
    b = Bridge()
    steps = [{"expect": {"markdown": ["count `0` name"]}},
             {"action": "click", "target": "Add", "expect": {"markdown": ["count `5` name"]}}]
    said = {lang: b.handle({"type": "check", "id": 1, "code": COUNTER, "steps": steps, "lang": lang})["failures"]
            for lang in ("en", "zh", "ja", "fr")}
    assert said["en"] == ["Step 2 (click “Add”): the page should show the text “count `5` name”, "
                          "but it shows “count `2` name”."]
    assert said["zh"] == ["第 2 步（点击“Add”）：页面应显示文字“count `5` name”，实际显示的是“count `2` name”。"]
    assert said["ja"] == ["手順 2（「Add」を押す）：ページにはテキスト「count `5` name」が表示されるはずですが、"
                          "実際に表示されているのは「count `2` name」です。"]
    assert said["fr"] == said["en"]
    raising = b.handle({"type": "check", "id": 2, "code": "import streamlit as st\nst.session_state.nope\n",
                        "steps": [{}], "lang": "ja"})
    assert raising["ok"] is False
    assert raising["failures"] == ["手順 1（最初の実行）：例外は発生しないはずですが、実際には例外 AttributeError "
                                   "が発生し、メッセージは「st.session_state has no attribute \"nope\". Did you forget "
                                   "to initialize it? More info: https://docs.streamlit.io/develop/concepts/"
                                   "architecture/session-state#initialization」です。"]


def test_a_stopped_run_keeps_what_it_drew_says_so_and_the_session_stays_usable() -> None:
    code = ("import streamlit as st\nst.write('before')\nst.button('Go')\n"
            "if st.session_state.setdefault('interrupt', True):\n"
            "    st.session_state.interrupt = False\n    raise KeyboardInterrupt\nst.write('done')\n")
    b, reply = started(code)
    assert [e["type"] for e in reply["elements"]] == ["markdown", "button"]
    assert reply["interrupted"] is True
    reply = b.handle({"type": "event", "id": 2, "session": "s", "widget": widgets(reply)["Go"]["id"],
                      "trigger": True})
    assert reply["type"] == "render" and "interrupted" not in reply
    assert [e["type"] for e in reply["elements"]] == ["markdown", "button", "markdown"]
    assert last_text(reply) == "done"


def _reject_constant(name: str) -> None:
    raise AssertionError(f"the reply holds {name}, which JSON.parse rejects")


def test_handle_json_makes_nan_and_infinity_json_safe() -> None:
    code = ("import streamlit as st\nst.number_input('x', value=float('nan'))\n"
            "st.data_editor({'a': [float('inf'), -float('inf'), 1.5]})\n")
    text = bridge.handle(json.dumps({"type": "run", "id": 1, "session": "nan", "code": code}))
    reply = json.loads(text, parse_constant=_reject_constant)
    number, editor = reply["elements"]
    assert number["value"] == "nan"
    assert editor["rows"] == [["inf"], ["-inf"], [1.5]]


def test_handle_json_round_trip_of_an_error() -> None:
    reply = json.loads(bridge.handle(json.dumps({"type": "event", "id": "x1", "session": "missing-session",
                                                 "widget": "w", "trigger": True})))
    assert reply["type"] == "error" and reply["id"] == "x1" and reply["code"] == "no-session"


# -- Replay: a session rebuilt in a fresh worker from what its reader did ---------------------

def _ids(reply: dict[str, Any]) -> dict[str, str]:
    return {label: node["id"] for label, node in widgets(reply).items()}


def test_run_with_events_replays_them_and_renders_the_state_reached_once() -> None:
    b, reply = started(COUNTER)
    ids = _ids(reply)
    events = [{"widget": ids["Add"], "trigger": True}, {"widget": ids["Name"], "value": "Ada"},
              {"widget": ids["Add"], "trigger": True}]
    live = [b.handle({"type": "event", "id": n, "session": "s", **e}) for n, e in enumerate(events, start=2)][-1]
    fresh = Bridge()
    replayed = fresh.handle({"type": "run", "id": 9, "session": "s", "code": COUNTER, "events": events})
    assert (replayed["type"], replayed["id"], replayed["session"], replayed["replayed"]) == ("render", 9, "s", 3)
    assert "replay_stopped" not in replayed
    assert replayed["elements"] == live["elements"] and last_text(replayed) == "count `4` name Ada"
    # The rebuilt session goes on like the original one.
    again = fresh.handle({"type": "event", "id": 10, "session": "s", "widget": ids["Add"], "trigger": True})
    assert last_text(again) == "count `6` name Ada"
    assert fresh.sessions["s"].session.state["count"] == 6


def test_replayed_form_submit_uses_the_values_it_carried() -> None:
    code = FORM.format(clear=False)
    b, reply = started(code)
    ids = _ids(reply)
    submit = {"widget": ids["Send"], "trigger": True, "values": {ids["Name"]: "Bo", ids["N"]: 7}}
    reply = Bridge().handle({"type": "run", "id": 1, "session": "s", "code": code, "events": [submit]})
    assert reply["replayed"] == 1 and last_text(reply) == "sent `True` name Bo n `7`"


def test_replay_stops_at_an_event_whose_widget_is_gone_and_keeps_the_state_reached() -> None:
    _, reply = started(COUNTER)
    ids = _ids(reply)
    events = [{"widget": ids["Add"], "trigger": True}, {"widget": "$$ID-gone", "trigger": True},
              {"widget": ids["Add"], "trigger": True}]
    b = Bridge()
    reply = b.handle({"type": "run", "id": 1, "session": "s", "code": COUNTER, "events": events})
    assert (reply["type"], reply["replayed"], reply["replay_stopped"]) == ("render", 1, 1)
    assert last_text(reply) == "count `2` name"
    reply = b.handle({"type": "event", "id": 2, "session": "s", "widget": ids["Add"], "trigger": True})
    assert last_text(reply) == "count `4` name", "the session is usable after a stopped replay"


def test_replay_of_malformed_events_stops_there() -> None:
    for bad in ([None], [{"value": 1}], [{"widget": 3, "trigger": True}]):
        reply = Bridge().handle({"type": "run", "id": 1, "session": "s", "code": COUNTER, "events": bad})
        assert (reply["type"], reply["replayed"], reply["replay_stopped"]) == ("render", 0, 0)
        assert last_text(reply) == "count `0` name"


def test_an_event_that_fails_mid_replay_keeps_the_session(monkeypatch: Any) -> None:
    _, reply = started(COUNTER)
    ids = _ids(reply)
    b = Bridge()
    calls = []
    original = bridge.LiveSession.run

    def flaky(self: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        calls.append(1)
        if len(calls) == 3:  # the first run, one event, then a failure
            raise RuntimeError("boom")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(bridge.LiveSession, "run", flaky)
    events = [{"widget": ids["Add"], "trigger": True}] * 3
    reply = b.handle({"type": "run", "id": 1, "session": "s", "code": COUNTER, "events": events})
    assert (reply["type"], reply["replayed"], reply["replay_stopped"]) == ("render", 1, 1)
    assert last_text(reply) == "count `2` name"
    monkeypatch.setattr(bridge.LiveSession, "run", original)
    assert "s" in b.sessions
    reply = b.handle({"type": "event", "id": 2, "session": "s", "widget": ids["Add"], "trigger": True})
    assert last_text(reply) == "count `4` name"


def test_replay_with_an_exception_in_the_script_goes_on_as_the_page_did() -> None:
    code = ("import streamlit as st\nst.session_state.setdefault('n', 0)\n"
            "if st.button('Add'):\n    st.session_state.n += 1\n"
            "if st.session_state.n == 1:\n    raise ValueError('one')\nst.write('n', st.session_state.n)\n")
    _, reply = started(code)
    add = _ids(reply)["Add"]
    reply = Bridge().handle({"type": "run", "id": 1, "session": "s", "code": code,
                             "events": [{"widget": add, "trigger": True}, {"widget": add, "trigger": True}]})
    assert reply["replayed"] == 2 and last_text(reply) == "n `2`"


def test_replay_stops_after_a_run_stop_interrupted() -> None:
    code = ("import streamlit as st\nst.session_state.setdefault('n', 0)\n"
            "if st.button('Add'):\n    st.session_state.n += 1\n    raise KeyboardInterrupt\n")
    _, reply = started(code)
    add = _ids(reply)["Add"]
    reply = Bridge().handle({"type": "run", "id": 1, "session": "s", "code": code,
                             "events": [{"widget": add, "trigger": True}] * 3})
    assert (reply["replayed"], reply["replay_stopped"], reply["interrupted"]) == (1, 1, True)


def test_run_without_events_has_no_replay_fields_and_empty_events_count_zero() -> None:
    _, reply = started(COUNTER)
    assert "replayed" not in reply and "replay_stopped" not in reply
    reply = Bridge().handle({"type": "run", "id": 1, "session": "s", "code": COUNTER, "events": []})
    assert reply["replayed"] == 0 and "replay_stopped" not in reply


def test_render_reports_log_lines_past_the_cap() -> None:
    _, reply = started("for i in range(20000):\n    print(i)\n")
    assert len(reply["log"]) == 200 and reply["log"][:2] == ["0", "1"]
    assert reply["log_dropped"] == 19800
    _, reply = started("print('one')\n")
    assert reply["log"] == ["one"] and "log_dropped" not in reply


def test_an_exit_keeps_the_output_and_is_no_error_reply() -> None:
    _, reply = started("import streamlit as st, sys\nst.write('kept')\nsys.exit(2)\nst.write('never')\n")
    assert reply["type"] == "render" and [e.get("body") for e in reply["elements"]] == ["kept"]
