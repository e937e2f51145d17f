"""No parameter is silently dropped: each one a command takes reaches the element tree.

For every command and every parameter of its signature, the script runs twice: once
with the command's base arguments, once with that parameter changed. The two trees
(element ids aside, which hash the arguments anyway) must differ, unless the parameter
is one of the few listed below, each with the reason it changes nothing a reader of a
live example could see.
"""
from __future__ import annotations

import inspect
from typing import Any

import pytest

import streamlet.api as st
from streamlet.runner import Session

# The arguments each command is called with, as source text (so the script can build them).
BASE: dict[str, dict[str, str]] = {
    "title": {"body": "'Hello'"}, "header": {"body": "'Hello'"}, "subheader": {"body": "'Hello'"},
    "markdown": {"body": "'Hello'"}, "caption": {"body": "'Hello'"}, "text": {"body": "'Hello'"},
    "code": {"body": "'x = 1'"}, "divider": {}, "json": {"body": "{'a': 1}"},
    "error": {"body": "'Oops'"}, "warning": {"body": "'Oops'"}, "info": {"body": "'Oops'"},
    "success": {"body": "'Oops'"}, "exception": {"exception": "ValueError('bad')"},
    "button": {"label": "'Go'"}, "form_submit_button": {"label": "'Send'"},
    "download_button": {"label": "'Get'", "data": "'text'"},
    "checkbox": {"label": "'Tick'"}, "toggle": {"label": "'Flip'"},
    "text_input": {"label": "'Name'"}, "text_area": {"label": "'Notes'"},
    "number_input": {"label": "'N'"}, "slider": {"label": "'S'"},
    "select_slider": {"label": "'Size'", "options": "['S', 'M', 'L']"},
    "selectbox": {"label": "'Pick'", "options": "['a', 'b']"}, "radio": {"label": "'Pick'", "options": "['a', 'b']"},
    "multiselect": {"label": "'Pick'", "options": "['a', 'b']"},
    "color_picker": {"label": "'Colour'"}, "date_input": {"label": "'Day'", "value": "datetime.date(2024, 1, 2)"},
    "time_input": {"label": "'At'", "value": "datetime.time(10, 30)"},
    "file_uploader": {"label": "'File'"}, "data_editor": {"data": "[{'a': 1, 'b': 2}]"},
    "form": {"key": "'f'"}, "columns": {"spec": "2"}, "container": {}, "expander": {"label": "'More'"},
    "write": {"*args": "'Hello'"},
}
INSIDE_FORM = {"form_submit_button"}
"""Commands that only draw inside a form."""

# A changed value for each parameter: per command first, then for any command.
SAMPLES: dict[str, dict[str, str]] = {
    "*": {
        "body": "'Other'", "label": "'Other'", "help": "'Some help'", "label_visibility": "'collapsed'",
        "placeholder": "'Type here'", "icon": "'🔥'", "width": "200", "height": "300",
        "text_alignment": "'center'", "wrap": "False", "disabled": "True", "anchor": "'here'",
        "divider": "True", "horizontal": "True", "border": "True", "use_container_width": "True",
        "key": "'k'", "value": "True", "max_chars": "5", "required": "True", "autocomplete": "'name'",
        "icon_position": "'right'", "shortcut": "'K'", "type": "'primary'", "min_value": "-5", "max_value": "50",
        "step": "2", "format": "'%d'", "format_func": "str.upper", "index": "1", "options": "['x', 'y']",
        "accept_new_options": "True", "filter_mode": "'prefix'", "gap": "'large'",
        "vertical_alignment": "'center'", "expanded": "True", "unsafe_allow_html": "True",
        "clear_on_submit": "True", "enter_to_submit": "False", "title": "'Heads up'",
    },
    "markdown": {"anchors": "False"},
    "code": {"language": "'sql'", "line_numbers": "True", "wrap_lines": "True"},
    "json": {"body": "[1, 2]", "expanded": "False"},
    "exception": {"exception": "KeyError('other')"},
    "download_button": {"data": "b'bytes'", "file_name": "'a.txt'", "mime": "'text/plain'"},
    "text_input": {"value": "'Ann'", "type": "'password'", "icon": "'🔥'", "validate": "'[a-z]+'", "live": "True"},
    "text_area": {"value": "'Hi'"},
    "number_input": {"value": "3", "format": "'%.2f'", "step": "0.5", "min_value": "-5.0", "max_value": "50.0"},
    "slider": {"value": "7", "format": "'%d years'"},
    "select_slider": {"value": "'M'", "format_func": "str.lower"},
    "multiselect": {"default": "['b']", "max_selections": "1", "select_all": "False"},
    "radio": {"captions": "['one', 'two']"},
    "color_picker": {"value": "'#ff0000'"},
    "date_input": {"value": "datetime.date(2024, 1, 3)", "min_value": "datetime.date(2020, 1, 1)",
                   "max_value": "datetime.date(2030, 1, 1)", "format": "'DD.MM.YYYY'"},
    "time_input": {"value": "datetime.time(11, 0)", "step": "60", "format": "'12h'"},
    "file_uploader": {"type": "['csv']", "accept_multiple_files": "True", "max_upload_size": "10"},
    "data_editor": {"data": "[{'a': 3}]", "hide_index": "True", "column_order": "['b']", "num_rows": "'dynamic'",
                    "column_config": "{'a': 'Alpha'}", "disabled": "['a']", "row_height": "50",
                    "width": "300", "height": "300", "alt": "'Prices'"},
    "columns": {"spec": "[1, 2]", "wrap": "False", "border": "True"},
    "container": {"horizontal_alignment": "'center'", "vertical_alignment": "'bottom'", "gap": "'large'",
                  "autoscroll": "True", "height": "300"},
    "expander": {"type": "'compact'"},
    "form": {"key": "'g'", "border": "False"},
}

# Parameters that cause behaviour, not display: callbacks and what they are given.
CALLBACKS = {"on_change", "on_click", "args", "kwargs"}

# The allowlist: parameters with no visible effect in a live example, and why.
NO_VISIBLE_EFFECT: dict[str, dict[str, str]] = {
    "*": {
        # Sync the value with the page's URL: a live example has no URL of its own.
        "bind": "query parameters belong to a whole app, not to a block inside a docs page",
        # How long a value outlives its widget across pages: a live example is one page.
        "persist_state": "a live example has a single page and session",
    },
    "expander": {
        # Streamlit tracks an expander's open state as a widget when on_change is set; streamlet does not yet.
        "on_change": "expander state as a widget is not implemented; the reader's open state is kept by the page",
    },
}
SKIPPED_COMMANDS = {"rerun", "stop"}
"""Commands that draw nothing; their behaviour is tested in test_runner."""


def commands() -> list[str]:
    return [name for name in BASE if name not in SKIPPED_COMMANDS]


def parameters(command: str) -> list[str]:
    params = inspect.signature(getattr(st, command)).parameters.values()
    return [p.name for p in params if p.kind is not inspect.Parameter.VAR_POSITIONAL]


def allowed(command: str) -> dict[str, str]:
    return {**NO_VISIBLE_EFFECT["*"], **NO_VISIBLE_EFFECT.get(command, {})}


def sample(command: str, param: str) -> str:
    for scope in (command, "*"):
        if param in SAMPLES.get(scope, {}):
            return SAMPLES[scope][param]
    raise AssertionError(f"no sample value for {command}({param}=...): add one to SAMPLES")


def script(command: str, arguments: dict[str, str]) -> str:
    call = f"st.{command}(" + ", ".join(v if k == "*args" else f"{k}={v}" for k, v in arguments.items()) + ")"
    if command in INSIDE_FORM:
        call = f"with st.form('f'):\n    {call}"
    elif command in ("form", "container", "expander"):
        call = f"with {call}:\n    st.write('inside')"
    return "import datetime\nimport streamlit as st\n" + call + "\n"


def without_ids(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: without_ids(v) for k, v in node.items() if k != "id"}
    if isinstance(node, list):
        return [without_ids(v) for v in node]
    return node


def tree(command: str, arguments: dict[str, str]) -> Any:
    """The tree the call draws; a call that raised would differ for the wrong reason, so it fails here."""
    elements = Session(script(command, arguments)).run().elements
    if command != "exception":
        assert all(e.get("type") != "exception" for e in elements), (command, arguments, elements)
    return without_ids(elements)


CASES = [(c, p) for c in commands() for p in parameters(c) if p not in CALLBACKS and p not in allowed(c)]


@pytest.mark.parametrize(("command", "param"), CASES, ids=[f"{c}-{p}" for c, p in CASES])
def test_parameter_changes_the_tree(command: str, param: str) -> None:
    base = dict(BASE[command])
    changed = {**base, param: sample(command, param)}
    assert tree(command, changed) != tree(command, base), f"{command}({param}=...) is dropped"


def test_every_command_with_a_base_call_is_a_command_streamlet_has() -> None:
    for command in BASE:
        assert callable(getattr(st, command))


def test_allowlist_names_real_parameters_only() -> None:
    # A stale entry (a parameter renamed or now shown) must not hide a dropped one.
    for command, entries in NO_VISIBLE_EFFECT.items():
        names = set(parameters(command)) if command != "*" else {p for c in commands() for p in parameters(c)}
        assert set(entries) <= names, (command, set(entries) - names)


@pytest.mark.parametrize("command", commands())
def test_base_call_draws_something(command: str) -> None:
    assert tree(command, BASE[command])
