"""st.slider (numbers, ranges, dates and times) and st.select_slider (sliders.py, choice.py)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from widget_helpers import widget_helpers


app, client_session, value_after, replies, messages = widget_helpers("import streamlit as st\nimport datetime as dt\n")


def test_slider_defaults_to_min_and_set_value() -> None:
    at = app("v = st.slider('S', 10, 20, key='s')\nst.write(v)")
    assert at.markdown[0].value == "`10`"
    assert (at.slider[0].min, at.slider[0].max, at.slider[0].step) == (10, 20, 1)
    at.slider("s").set_value(15).run()
    assert at.markdown[0].value == "`15`" and at.session_state.s == 15


def test_slider_default_bounds_for_floats_and_times() -> None:
    node = app("st.slider('S', value=0.5)").slider[0].node
    assert (node["min"], node["max"], node["step"], node["format"]) == (0.0, 1.0, 0.01, "%0.2f")
    node = app("st.slider('T', value=dt.time(10, 0))").slider[0].node
    assert (node["min"], node["value"], node["max"], node["step"]) == ("00:00:00", "10:00:00", "23:59:59.999999",
                                                                        900.0)


def test_range_slider_set_range_gives_a_tuple() -> None:
    at = app("v = st.slider('S', 0, 10, (2, 5), key='s')\nst.write(v)")
    assert at.slider[0].node["value"] == [2, 5]
    at.slider("s").set_range(3, 7).run()
    assert at.markdown[0].value == "`(3, 7)`"
    assert at.session_state.s == (3, 7)


def test_range_slider_from_state_before_the_widget() -> None:
    at = app("st.session_state.s = (2, 8)\nv = st.slider('S', 0, 10, key='s')\nst.write(v)")
    assert at.markdown[0].value == "`(2, 8)`"
    assert at.slider[0].node["value"] == [2, 8]


def test_slider_state_value_out_of_bounds_is_an_error_and_not_drawn() -> None:
    at = app("st.session_state.s = 50\nst.slider('S', 0, 10, key='s')")
    assert at.exception[0].message == "The `value` 50 is greater than the `max_value` 10."
    assert at.slider.len == 0


def test_slider_callback_with_args() -> None:
    at = app("""
def moved(name):
    st.session_state.moved = (name, st.session_state.s)
st.slider('S', 0, 10, key='s', on_change=moved, args=('volume',))
""")
    at.slider("s").set_value(4).run()
    assert at.session_state.moved == ("volume", 4)


def test_slider_argument_errors() -> None:
    cases = {
        "0, 10, step=0": "Invalid `step` value. Supported values: a number. Zero is not allowed.",
        "5, 5": "The `min_value` and `max_value` parameters are both set to 5. They must not be equal.",
        "0, 10, 'x'": "Invalid `value` type. Expected one of: int, float, date, time, datetime, list, tuple. "
                      "Provided type: str.",
    }
    assert messages(cases, "st.slider('S', {args})") == cases


def test_date_slider_sends_iso_strings_and_reads_bounds_as_microseconds() -> None:
    at = app("v = st.slider('D', value=dt.date(2024, 1, 10), key='d')\nst.write(str(v))")
    node = at.slider[0].node
    assert (node["min"], node["value"], node["max"]) == ("2023-12-27", "2024-01-10", "2024-01-24")
    assert node["data_type"] == "date"
    assert at.slider[0].min == dt.datetime(2023, 12, 27, tzinfo=dt.timezone.utc).timestamp() * 1_000_000
    assert at.slider[0].step == 86_400 * 1_000_000
    at.slider("d").set_value(dt.date(2024, 1, 12)).run()
    assert at.markdown[0].value == "2024-01-12"


def test_int_slider_client_values_out_of_range_fall_back() -> None:
    cases = [(7, 7), (11, 5), (-1, 5), ("3", 3), ("x", 5), ([1, 2], 5), (None, 5)]
    assert replies("st.slider('S', 0, 10, 5)", cases) == cases


def test_range_slider_client_values_need_two_values_in_range() -> None:
    cases = [([3, 4], (3, 4)), ([1], (2, 5)), ([1, 20], (2, 5)), (5, (2, 5)), ([None, 1], (2, 5))]
    assert replies("st.slider('S', 0, 10, (2, 5))", cases) == cases


def test_date_slider_client_values() -> None:
    cases = [("2024-01-15", dt.date(2024, 1, 15)), ("2030-01-01", dt.date(2024, 1, 10)),
             ("not a date", dt.date(2024, 1, 10))]
    assert replies("st.slider('D', value=dt.date(2024, 1, 10))", cases) == cases


def test_float_slider_nan_from_client_falls_back() -> None:
    session, wid = client_session("st.slider('S', 0.0, 1.0, 0.5)")
    assert value_after(session, wid, float("nan")) == 0.5
    assert value_after(session, wid, "0.25") == 0.25


def test_slider_meta_serialize_round_trip() -> None:
    session, wid = client_session("st.slider('D', value=(dt.date(2024, 1, 10), dt.date(2024, 1, 12)))")
    meta = session.state.meta[wid]
    value = (dt.date(2024, 1, 11), dt.date(2024, 1, 13))
    assert meta.serialize(value) == ["2024-01-11", "2024-01-13"]
    assert meta.deserialize(meta.serialize(value)) == value


# -- select_slider ---------------------------------------------------------------

def test_select_slider_shows_options_and_sends_indices() -> None:
    at = app("v = st.select_slider('Size', ['S', 'M', 'L'], value='M', key='z')\nst.write(v)")
    assert at.select_slider[0].options == ["S", "M", "L"]
    assert at.select_slider[0].node["value"] == 1
    at.select_slider("z").set_value("L").run()
    assert at.markdown[0].value == "L" and at.session_state.z == "L"


def test_select_slider_range_is_sorted_by_option_order() -> None:
    at = app("v = st.select_slider('Size', ['S', 'M', 'L'], value=('L', 'S'))\nst.write(v)")
    assert at.select_slider[0].node["value"] == [0, 2]
    assert at.markdown[0].value == "`('S', 'L')`"


def test_select_slider_format_func_labels() -> None:
    at = app("v = st.select_slider('N', [1, 2, 3], format_func=lambda x: f'#{x}')\nst.write(v)")
    assert at.select_slider[0].options == ["#1", "#2", "#3"]
    assert at.markdown[0].value == "`1`"


def test_select_slider_needs_options() -> None:
    at = app("st.select_slider('Size', [])")
    assert at.exception[0].message == "The `options` parameter is required. Provide at least one option."


def test_select_slider_client_values_out_of_range_fall_back() -> None:
    cases = [(0, "S"), (2, "L"), (5, "M"), (-1, "M"), ("M", "M"), (None, "M")]
    assert replies("st.select_slider('Size', ['S', 'M', 'L'], 'M')", cases) == cases
