"""The snippet checker (snippets/check.py) and its plain-data model (snippets/model.py)."""
from __future__ import annotations

from streamlet.snippets.check import check_steps
from streamlet.snippets.model import Snippet, Step

CODE = """import streamlit as st
st.session_state.setdefault("n", 0)
def add():
    st.session_state.n += 1
st.button("Add", on_click=add)
st.write("n =", st.session_state.n)
st.text_input("Name", key="name")
if st.session_state.n >= 2:
    raise ValueError("too many")
"""


def test_passing_steps_give_no_failures() -> None:
    steps = [
        Step(expect={"markdown": ["n = `0`"], "text_input": [""]}),
        Step("click", "Add", expect={"markdown": ["n = `1`"], "state": {"n": 1}}),
        Step("set", "Name", "Ada", expect={"state": {"name": "Ada"}}),
        Step("rerun", expect={"markdown": "n = `1`"}),
        Step("click", "Add", expect={"exception": "ValueError"}),
    ]
    assert check_steps(CODE, steps) == []


def test_no_steps_still_runs_the_code_once() -> None:
    assert check_steps(CODE, []) == []
    assert check_steps("import streamlit as st\n1 / 0\n", []) == [
        "step 1 (first run): unexpected exception ZeroDivisionError: division by zero"]


def test_element_mismatch_names_step_action_and_line() -> None:
    failures = check_steps(CODE, [Step(), Step("click", "Add", expect={"markdown": ["n = `5`"]}, line=12)])
    assert failures == ["step 2 (click Add, line 12): markdown: expected ['n = `5`'], got ['n = `1`']"]


def test_state_mismatch_lists_each_wrong_key() -> None:
    failures = check_steps(CODE, [Step(expect={"state": {"n": 3, "missing": 1}}, line=4)])
    assert failures == ["step 1 (first run, line 4): session state: n is 0, expected 3; missing is missing"]


def test_unexpected_exception_fails_the_step() -> None:
    failures = check_steps(CODE, [Step(), Step("click", "Add"), Step("click", "Add", line=9)])
    assert failures == ["step 3 (click Add, line 9): unexpected exception ValueError: too many"]


def test_expected_exception_missing_or_different() -> None:
    assert check_steps(CODE, [Step(expect={"exception": "KeyError"})]) == [
        "step 1 (first run): exception: expected 'KeyError', got 'no exception'"]
    steps = [Step(), Step("click", "Add"),
             Step("click", "Add", expect={"exception": {"type": "ValueError", "message": "too few"}})]
    assert check_steps(CODE, steps) == [
        "step 3 (click Add): exception: expected {'type': 'ValueError', 'message': 'too few'}, "
        "got ['ValueError: too many']"]


def test_expected_exception_matches_by_short_or_qualified_name_and_message() -> None:
    code = "import streamlit as st\nst.slider('S', 5, 5)\n"
    message = "The `min_value` and `max_value` parameters are both set to 5. They must not be equal."
    for expected in ("StreamlitInvalidMinMaxError", "streamlit.errors.StreamlitInvalidMinMaxError",
                     {"type": "StreamlitInvalidMinMaxError", "message": message}, {"message": message}):
        assert check_steps(code, [Step(expect={"exception": expected})]) == [], expected


def test_log_expectation() -> None:
    code = "import streamlit as st\nst.checkbox('')\n"
    assert check_steps(code, [Step(expect={"log": ["nothing"]})])[0].startswith(
        "step 1 (first run): log: expected ['nothing'], got ['`label` got an empty value.")
    assert check_steps("import streamlit as st\n", [Step(expect={"log": []})]) == []


def test_unknown_or_ambiguous_widget_target_stops_the_replay() -> None:
    failures = check_steps(CODE, [Step("click", "Nope", line=3), Step("click", "Add", expect={"markdown": ["x"]})])
    assert failures == ["step 1 (click Nope, line 3): no single widget with key or label 'Nope'"]
    twice = "import streamlit as st\nst.button('B')\nst.button('B', key='other')\n"
    assert check_steps(twice, [Step("click", "B")]) == ["step 1 (click B): no single widget with key or label 'B'"]
    assert check_steps(twice, [Step("click", "other")]) == []


def test_set_by_key_and_json_expectations_compare_parsed_json() -> None:
    code = "import streamlit as st\nv = st.multiselect('Pick', ['a', 'b'], key='m')\nst.write(v)\n"
    assert check_steps(code, [Step("set", "m", ["b"], expect={"json": [["b"]]})]) == []
    assert check_steps(code, [Step("set", "m", ["a"], expect={"json": [["b"]]})]) == [
        "step 1 (set m to ['a']): json: expected [['b']], got [['a']]"]


def test_every_failing_expectation_of_a_step_is_reported() -> None:
    failures = check_steps(CODE, [Step(expect={"markdown": ["x"], "state": {"n": 9}})])
    assert [f.split(": ")[1] for f in failures] == ["markdown", "session state"]


def test_config_toml_reaches_the_run() -> None:
    code = "import streamlit as st\n'magic'\n"
    assert check_steps(code, [Step(expect={"markdown": []})], config_toml="[runner]\nmagicEnabled = false\n") == []
    assert check_steps(code, [Step(expect={"markdown": []})]) == [
        "step 1 (first run): markdown: expected [], got ['magic']"]


# -- the model ---------------------------------------------------------------------

def test_step_describe() -> None:
    steps = [Step(), Step("click", "Add"), Step("set", "Name", "Ada"), Step("rerun")]
    assert [s.describe() for s in steps] == ["first run", "click Add", "set Name to 'Ada'", "rerun"]


def test_step_and_snippet_round_trip_through_dicts() -> None:
    step = Step("set", "n", 3, {"state": {"n": 3}}, line=7)
    assert Step.from_dict(step.to_dict()) == step
    assert Step.from_dict({"action": "click", "target": "B", "ignored": 1}) == Step("click", "B")
    snippet = Snippet(path="docs/en/a.md", line=3, code="x = 1\n", id="a", live=True,
                      options={"live": "", "id": "a"}, steps=[step], config="[runner]\n")
    assert Snippet.from_dict(snippet.to_dict()) == snippet
    assert snippet.where == "docs/en/a.md:3" and snippet.norun is None
    assert Snippet(path="p", line=1, code="", options={"norun": "needs pandas"}).norun == "needs pandas"


def test_steps_with_dates_cross_json_and_come_back_equal() -> None:
    import json
    from datetime import date, time

    step = Step("set", "Day", date(2024, 1, 2), expect={"state": {"day": date(2024, 1, 2), "at": time(10, 30)}})
    again = Step.from_dict(json.loads(json.dumps(step.to_dict())))
    assert again == step


def test_a_disabled_widget_in_a_step_is_a_failure_not_a_crash() -> None:
    failures = check_steps("import streamlit as st\nst.button('B', disabled=True)\n", [Step("click", "B", line=4)])
    assert len(failures) == 1 and failures[0].startswith("step 1 (click B, line 4): Cannot update a disabled button")


def test_a_time_written_as_text_sets_a_time_input() -> None:
    code = "import streamlit as st\nimport datetime\nt = st.time_input('T', datetime.time(8, 0))\nst.write(str(t))\n"
    assert check_steps(code, [Step(expect={"markdown": ["08:00:00"]}),
                              Step("set", "T", "10:30", expect={"markdown": ["10:30:00"]})]) == []


def test_a_value_set_in_a_form_waits_for_the_submit_button_as_in_the_page() -> None:
    code = ("import streamlit as st\nwith st.form('f'):\n    name = st.text_input('Name')\n"
            "    st.form_submit_button('Send')\nst.write('Hello', name)\n")
    steps = [Step(expect={"markdown": ["Hello"]}),
             Step("set", "Name", "Ada", expect={"markdown": ["Hello"]}),
             Step("click", "Send", expect={"markdown": ["Hello Ada"]})]
    assert check_steps(code, steps) == []
