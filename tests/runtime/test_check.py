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


# -- the reader's wording (the page's docs check), per language ----------------------

def said(code: str, steps: list[Step]) -> dict[str, list[str]]:
    """The failures a reader sees under the docs check, in each page language."""
    return {lang: check_steps(code, steps, lang=lang) for lang in ("en", "zh", "ja")}


def test_reader_wrong_output() -> None:
    out = said(CODE, [Step(), Step("click", "Add", expect={"markdown": ["n = `5`"]}, line=12)])
    assert out == {
        "en": ["Step 2 (click “Add”): the page should show the text “n = `5`”, but it shows “n = `1`”."],
        "zh": ["第 2 步（点击“Add”）：页面应显示文字“n = `5`”，实际显示的是“n = `1`”。"],
        "ja": ["手順 2（「Add」を押す）：ページにはテキスト「n = `5`」が表示されるはずですが、"
               "実際に表示されているのは「n = `1`」です。"],
    }
    out = said(CODE, [Step(expect={"title": "Hi"})])
    assert out == {
        "en": ["Step 1 (first run): the page should show the title “Hi”, but it shows no title."],
        "zh": ["第 1 步（首次运行）：页面应显示大标题“Hi”，实际却没有显示任何大标题。"],
        "ja": ["手順 1（最初の実行）：ページにはタイトル「Hi」が表示されるはずですが、タイトルは表示されていません。"],
    }


def test_reader_wrong_widget_value_and_json_after_typing_cjk_text() -> None:
    code = ("import streamlit as st\nname = st.text_input('Name')\nok = st.checkbox('Agree')\n"
            "st.json({'name': name, 'ok': ok})\n")
    out = said(code, [Step("set", "Name", "小明", expect={"checkbox": True, "json": {"name": "小明", "ok": True}})])
    assert out == {
        "en": ["Step 1 (type “小明” into “Name”): the checkbox should hold True, but it holds False.",
               'Step 1 (type “小明” into “Name”): the page should show the JSON {"name": "小明", "ok": true}, '
               'but it shows {"name": "小明", "ok": false}.'],
        "zh": ["第 1 步（在“Name”中输入“小明”）：复选框的值应为 True，实际为 False。",
               '第 1 步（在“Name”中输入“小明”）：页面应显示 JSON 数据 {"name": "小明", "ok": true}，'
               '实际显示的是 {"name": "小明", "ok": false}。'],
        "ja": ["手順 1（「Name」に「小明」と入力する）：チェックボックスの値は True のはずですが、実際には False です。",
               '手順 1（「Name」に「小明」と入力する）：ページには JSON {"name": "小明", "ok": true} が表示されるはずですが、'
               '実際に表示されているのは {"name": "小明", "ok": false} です。'],
    }


def test_reader_wrong_state_one_sentence_per_key() -> None:
    out = said(CODE, [Step(expect={"state": {"n": 3, "missing": 1, "name": "Ada"}})])
    assert out == {
        "en": ["Step 1 (first run): st.session_state.n should be 3, but it is 0.",
               "Step 1 (first run): st.session_state.missing should be 1, but it was never set.",
               "Step 1 (first run): st.session_state.name should be 'Ada', but it is ''."],
        "zh": ["第 1 步（首次运行）：st.session_state.n 应为 3，实际为 0。",
               "第 1 步（首次运行）：st.session_state.missing 应为 1，但会话状态中没有这个键。",
               "第 1 步（首次运行）：st.session_state.name 应为 'Ada'，实际为 ''。"],
        "ja": ["手順 1（最初の実行）：st.session_state.n は 3 のはずですが、実際には 0 です。",
               "手順 1（最初の実行）：st.session_state.missing は 1 のはずですが、セッションステートにこのキーがありません。",
               "手順 1（最初の実行）：st.session_state.name は 'Ada' のはずですが、実際には '' です。"],
    }


def test_reader_unexpected_exception_with_its_message() -> None:
    out = said(CODE, [Step(), Step("click", "Add"), Step("click", "Add", line=9)])
    assert out == {
        "en": ["Step 3 (click “Add”): the script should run without an exception, "
               "but it raises ValueError with the message “too many”."],
        "zh": ["第 3 步（点击“Add”）：脚本本应顺利运行完毕，实际却抛出了 ValueError 异常，错误信息为“too many”。"],
        "ja": ["手順 3（「Add」を押す）：例外は発生しないはずですが、実際には例外 ValueError が発生し、"
               "メッセージは「too many」です。"],
    }


def test_reader_missing_or_different_exception() -> None:
    out = said(CODE, [Step(expect={"exception": "streamlit.errors.StreamlitAPIException"})])
    assert out == {
        "en": ["Step 1 (first run): the script should raise StreamlitAPIException, but it runs without an exception."],
        "zh": ["第 1 步（首次运行）：脚本应抛出 StreamlitAPIException 异常，实际却没有抛出任何异常。"],
        "ja": ["手順 1（最初の実行）：例外 StreamlitAPIException が発生するはずですが、実際には例外が発生しません。"],
    }
    steps = [Step(), Step("click", "Add"),
             Step("click", "Add", expect={"exception": {"type": "ValueError", "message": "too few"}})]
    assert said(CODE, steps) == {
        "en": ["Step 3 (click “Add”): the script should raise ValueError with the message “too few”, "
               "but it raises ValueError with the message “too many”."],
        "zh": ["第 3 步（点击“Add”）：脚本应抛出错误信息为“too few”的 ValueError 异常，"
               "实际抛出的却是 ValueError 异常，错误信息为“too many”。"],
        "ja": ["手順 3（「Add」を押す）：メッセージが「too few」の例外 ValueError が発生するはずですが、"
               "実際には例外 ValueError が発生し、メッセージは「too many」です。"],
    }
    steps[2] = Step("click", "Add", expect={"exception": {"message": "too few"}})
    assert said(CODE, steps)["zh"] == [
        "第 3 步（点击“Add”）：脚本应抛出错误信息为“too few”的异常，实际抛出的却是 ValueError 异常，错误信息为“too many”。"]


def test_reader_step_whose_widget_is_missing_ambiguous_or_disabled() -> None:
    out = said(CODE, [Step("click", "Nope"), Step("click", "Add", expect={"markdown": ["x"]})])
    assert out == {
        "en": ["Step 1 (click “Nope”): the page has no widget with the label or key “Nope”, "
               "so the remaining steps cannot be checked."],
        "zh": ["第 1 步（点击“Nope”）：页面上没有标签或键为“Nope”的小部件，后面的步骤无法核对。"],
        "ja": ["手順 1（「Nope」を押す）：ラベルまたはキーが「Nope」のウィジェットがページにないため、"
               "以降の手順は確認できません。"],
    }
    twice = "import streamlit as st\nst.button('B')\nst.button('B', key='other')\n"
    assert said(twice, [Step("click", "B")])["zh"] == [
        "第 1 步（点击“B”）：页面上有多个标签为“B”的小部件，无法确定是哪一个，后面的步骤无法核对。"]
    disabled = "import streamlit as st\nst.checkbox('Agree', disabled=True)\n"
    assert said(disabled, [Step("set", "Agree", True)]) == {
        "en": ["Step 1 (check “Agree”): “Agree” is disabled and cannot be used, "
               "so the remaining steps cannot be checked."],
        "zh": ["第 1 步（勾选“Agree”）：“Agree”处于禁用状态，无法操作，后面的步骤无法核对。"],
        "ja": ["手順 1（「Agree」にチェックを入れる）：「Agree」は無効になっていて操作できないため、以降の手順は確認できません。"],
    }


def test_reader_log_and_steps_told_by_widget_kind() -> None:
    code = "import streamlit as st\nst.checkbox('')\n"
    out = said(code, [Step(expect={"log": []})])
    assert out["en"][0].startswith("Step 1 (first run): the server log should get nothing, but it gets “`label` got")
    assert out["zh"][0].startswith("第 1 步（首次运行）：服务器日志中不应出现任何内容，实际却出现了“`label` got")
    assert out["ja"][0].startswith("手順 1（最初の実行）：サーバーログには何も出力されないはずですが、実際には「`label` got")
    assert said("import streamlit as st\n", [Step(expect={"log": ["hi"]})])["ja"] == [
        "手順 1（最初の実行）：サーバーログには「hi」が出力されるはずですが、実際には何も出力されていません。"]
    code = ("import streamlit as st\nst.number_input('N', key='n')\nst.toggle('On')\n"
            "st.selectbox('Pick', ['a', 'b'])\nst.slider('S', 0, 10)\nst.write('x')\n")
    steps = [Step("set", "n", 3, expect={"markdown": "y"}), Step("set", "On", True, expect={"markdown": "y"}),
             Step("set", "Pick", "b", expect={"markdown": "y"}), Step("set", "S", 4, expect={"markdown": "y"}),
             Step("rerun", expect={"markdown": "y"})]
    heads = {lang: [line.partition("：" if lang != "en" else ": ")[0] for line in lines]
             for lang, lines in said(code, steps).items()}
    assert heads == {
        "en": ["Step 1 (enter 3 in “N”)", "Step 2 (switch “On” on)", "Step 3 (choose “b” in “Pick”)",
               "Step 4 (move “S” to 4)", "Step 5 (rerun)"],
        "zh": ["第 1 步（在“N”中输入 3）", "第 2 步（打开“On”）", "第 3 步（在“Pick”中选择“b”）",
               "第 4 步（把“S”拖到 4）", "第 5 步（重新运行）"],
        "ja": ["手順 1（「N」に 3 と入力する）", "手順 2（「On」をオンにする）", "手順 3（「Pick」で「b」を選ぶ）",
               "手順 4（「S」を 4 に動かす）", "手順 5（再実行）"],
    }


def test_reader_wording_has_no_developer_text_and_an_unknown_language_is_english() -> None:
    steps = [Step(expect={"markdown": ["x"], "state": {"n": 9}})]
    assert check_steps(CODE, steps, lang="fr") == check_steps(CODE, steps, lang="en")
    for lang, lines in said(CODE, steps).items():
        assert len(lines) == 2
        for line in lines:
            assert "expected" not in line and "got" not in line and "markdown" not in line, (lang, line)
