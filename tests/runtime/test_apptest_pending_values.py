"""What AppTest's widgets read as between ``set_value`` and the next run: the shapes Streamlit's AppTest gives.

The differential traces read values only after runs; these are the values before one,
checked against Streamlit 1.67.0's AppTest by hand (dates as a tuple, a datetime's time,
a range as the list it was set as).
"""
from __future__ import annotations

import datetime

import pytest

from streamlet.testing import AppTest

SCRIPT = """
import streamlit as st, datetime
st.date_input("d", datetime.date(2024, 1, 1))
st.date_input("r", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 2)))
st.time_input("t", datetime.time(1, 0))
st.slider("s", 0, 10, (1, 2))
st.select_slider("ss", [1, 2, 3], value=(1, 2))
st.multiselect("m", ["a", "b"])
"""
DAY = datetime.date(2024, 1, 5)


@pytest.fixture()
def at() -> AppTest:
    return AppTest.from_string(SCRIPT).run()


@pytest.mark.parametrize(("given", "read"), [
    (DAY, (DAY,)),
    (datetime.datetime(2024, 1, 6, 5), (datetime.date(2024, 1, 6),)),
    ("2024-01-07", (datetime.date(2024, 1, 7),)),
    ([DAY, DAY], (DAY, DAY)),
    (None, None),
])
def test_a_date_set_reads_as_a_tuple_of_dates(at: AppTest, given: object, read: object) -> None:
    assert at.date_input[0].set_value(given).value == read


def test_a_time_set_as_a_datetime_reads_as_its_time(at: AppTest) -> None:
    assert at.time_input[0].set_value(datetime.datetime(2024, 1, 6, 5, 30)).value == datetime.time(5, 30)


def test_a_range_set_reads_as_a_list_until_the_run_and_a_tuple_after(at: AppTest) -> None:
    assert at.slider[0].set_range(3, 4).value == [3, 4]
    assert at.select_slider[0].set_range(2, 3).value == [2, 3]
    assert at.multiselect[0].select("b").value == ["b"]
    at.date_input[0].set_value("2024-01-07")
    at.run()
    assert [at.date_input[0].value, at.date_input[1].value, at.time_input[0].value, at.slider[0].value,
            at.select_slider[0].value, at.multiselect[0].value] == [
        datetime.date(2024, 1, 7), (datetime.date(2024, 1, 1), datetime.date(2024, 1, 2)), datetime.time(1, 0),
        (3, 4), (2, 3), ["b"]]
    assert isinstance(at.slider[0].value, tuple)
