"""st.date_input and st.time_input (dates.py): ISO strings on the wire, Python dates and times in the script."""
from __future__ import annotations

import datetime as dt
from typing import Any

from widget_helpers import widget_helpers


app, client_session, value_after, replies, messages = widget_helpers("import streamlit as st\nimport datetime as dt\n")


# -- date_input ----------------------------------------------------------------

def test_date_input_bounds_default_to_ten_years_each_side() -> None:
    at = app("v = st.date_input('D', dt.date(2024, 1, 15), key='d')\nst.write(str(v))")
    widget = at.date_input("d")
    assert widget.node["value"] == "2024-01-15" and widget.is_range is False
    assert (widget.min, widget.max) == (dt.date(2014, 1, 15), dt.date(2034, 1, 15))
    widget.set_value(dt.date(2024, 3, 1)).run()
    assert at.markdown[0].value == "2024-03-01" and at.session_state.d == dt.date(2024, 3, 1)


def test_date_input_today_by_default() -> None:
    at = app("v = st.date_input('D')\nst.write(v == dt.date.today())")
    assert at.markdown[0].value == "`True`"


def test_date_input_accepts_iso_strings_datetimes_and_none() -> None:
    cases = {"'2024-02-03'": "datetime.date(2024, 2, 3)", "dt.datetime(2024, 1, 2, 10, 0)": "datetime.date(2024, 1, 2)",
             "None": "None"}
    assert {v: app(f"v = st.date_input('D', {v})\nst.write(repr(v))").markdown[0].value for v in cases} == cases


def test_date_range_round_trip() -> None:
    at = app("v = st.date_input('D', (dt.date(2024, 1, 15), dt.date(2024, 1, 20)), key='d')\nst.write(v)")
    assert at.date_input[0].node["value"] == ["2024-01-15", "2024-01-20"] and at.date_input[0].is_range
    at.date_input("d").set_value((dt.date(2024, 1, 16), dt.date(2024, 1, 18))).run()
    assert at.session_state.d == (dt.date(2024, 1, 16), dt.date(2024, 1, 18))


def test_date_input_argument_errors() -> None:
    cases = {
        "dt.date(2024, 1, 15), min_value=dt.date(2024, 1, 20)":
            "The `value` 2024-01-15 is less than the `min_value` 2024-01-20.",
        "dt.date(2024, 1, 15), max_value=dt.date(2024, 1, 10)":
            "The `value` 2024-01-15 is greater than the `max_value` 2024-01-10.",
        "None, min_value=dt.date(2024, 1, 20), max_value=dt.date(2024, 1, 10)":
            "The `min_value`, set to 2024-01-20, cannot be greater than the `max_value`, set to 2024-01-10.",
        "5": 'Invalid `value` type. Expected one of: date, datetime, ISO string, "today". Provided type: int.',
        "[dt.date(2024, 1, 1)] * 3": "Invalid `value` type. Expected one of: date, datetime, sequence of 0 to 2 "
                                     "date or datetime values. Provided type: list.",
    }
    assert messages(cases, "st.date_input('D', {args})") == cases


def test_date_input_callback_gets_kwargs() -> None:
    at = app("""
def changed(label):
    st.session_state.note = f"{label} {st.session_state.d.isoformat()}"
st.date_input('D', dt.date(2024, 1, 1), key='d', on_change=changed, kwargs={'label': 'moved to'})
""")
    at.date_input("d").set_value(dt.date(2024, 2, 2)).run()
    assert at.session_state.note == "moved to 2024-02-02"


def test_date_from_state_before_the_widget() -> None:
    at = app("st.session_state.d = dt.date(2020, 1, 1)\nv = st.date_input('D', key='d')\nst.write(repr(v))")
    assert at.markdown[0].value == "datetime.date(2020, 1, 1)"
    assert at.date_input[0].node["value"] == "2020-01-01"


def test_date_input_malformed_or_out_of_range_client_dates_fall_back() -> None:
    default = dt.date(2024, 1, 15)
    cases = [("2024-02-01", dt.date(2024, 2, 1)), ("2024/02/01", dt.date(2024, 2, 1)), ("2024-13-01", default),
             ("1 Feb 2024", default), ("1900-01-01", default), ("2024-02-01T10:00", default), (5, default),
             (None, default)]
    assert replies("st.date_input('D', dt.date(2024, 1, 15))", cases) == cases


def test_date_range_client_values() -> None:
    session, wid = client_session("st.date_input('D', (dt.date(2024, 1, 15), dt.date(2024, 1, 20)))")
    default = (dt.date(2024, 1, 15), dt.date(2024, 1, 20))
    assert value_after(session, wid, ["2024-02-01", "2024-02-03"]) == (dt.date(2024, 2, 1), dt.date(2024, 2, 3))
    assert value_after(session, wid, ["x", "2024-02-01"]) == default
    assert value_after(session, wid, []) == ()


def test_date_meta_serialize_round_trip() -> None:
    session, wid = client_session("st.date_input('D', None)")
    meta = session.state.meta[wid]
    assert meta.serialize(None) is None and meta.deserialize(None) is None
    assert meta.deserialize(meta.serialize(dt.date(2024, 5, 6))) == dt.date(2024, 5, 6)


# -- time_input ----------------------------------------------------------------

def test_time_input_increment_and_decrement_by_step_wrapping_at_midnight() -> None:
    at = app("v = st.time_input('T', dt.time(10, 30), key='t')\nst.write(str(v))")
    assert at.time_input("t").node["value"] == "10:30" and at.time_input("t").step == 900
    at.time_input("t").increment().run()
    assert at.markdown[0].value == "10:45:00"
    at.time_input("t").decrement().decrement().run()
    assert at.markdown[0].value == "10:15:00"
    at.time_input("t").set_value(dt.time(23, 59)).run()
    at.time_input("t").increment().run()
    assert at.markdown[0].value == "00:14:00"


def test_time_input_seconds_kept_only_for_sub_minute_steps() -> None:
    cases = {"dt.time(1, 2, 3), step=30": ("01:02:03", "01:02:03"), "dt.time(1, 2, 3)": ("01:02:00", "01:02"),
             "'08:15', step=60": ("08:15:00", "08:15")}
    runs = {args: app(f"v = st.time_input('T', {args})\nst.write(str(v))") for args in cases}
    assert {args: (at.markdown[0].value, at.time_input[0].node["value"]) for args, at in runs.items()} == cases


def test_time_input_argument_errors() -> None:
    cases = {
        "step=0": "The `step` parameter, set to 0 seconds, is outside the required range [1 second, 23 hours].",
        "step=True": "Invalid `step` type. Expected one of: int, timedelta. Provided type: bool.",
        "5": "Invalid `value` type. Expected one of: datetime, time, ISO string. Provided type: int.",
    }
    assert messages(cases, "st.time_input('T', {args})") == cases


def test_time_input_none() -> None:
    at = app("v = st.time_input('T', None)\nst.write(repr(v))")
    assert at.markdown[0].value == "None" and at.time_input[0].node["value"] is None


def test_time_input_client_values() -> None:
    default = dt.time(10, 30)
    cases = [("11:45", dt.time(11, 45)), ("11:45:30", dt.time(11, 45)), ("25:00", default),
             ("half past ten", default), (1045, default), (None, default)]
    assert replies("st.time_input('T', dt.time(10, 30))", cases) == cases
