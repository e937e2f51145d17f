"""``st.date_input`` and ``st.time_input``: argument rules, value conversion, and the widgets.

Dates cross to the page as ``YYYY-MM-DD`` strings (a list for ranges), times as
``HH:MM`` (``HH:MM:SS`` when the step is not whole minutes).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ..errors import (
    StreamlitInvalidMinMaxError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueAboveMaxError,
    StreamlitValueBelowMinError,
    StreamlitValueOutOfRangeError,
)
from .base import WidgetBase, compute_element_id, to_key


def adjust_years(day: date, years: int) -> date:
    year = day.year + years
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February into a common year
        return day.replace(year=year, day=28)


def to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value == "today":
        return datetime.now().date()
    if isinstance(value, str):
        for parse in (date.fromisoformat, lambda v: datetime.fromisoformat(v).date()):
            try:
                return parse(value)
            except ValueError:
                pass
    raise StreamlitInvalidParameterTypeError("value", type(value).__name__,
                                             ["date", "datetime", "ISO string", '"today"'])


def _bound(value: Any, dates: list[date] | None, name: str, years: int) -> date:
    if isinstance(value, (datetime, date, str)):
        return to_date(value)
    if value is None:
        anchor = (dates[0] if years < 0 else dates[-1]) if dates else date.today()
        return adjust_years(anchor, years)
    raise StreamlitInvalidParameterTypeError(name, type(value).__name__, ["date", "datetime", "ISO string", "None"])


def _parse(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


@dataclass
class DateSpec:
    value: list[date] | None
    is_range: bool
    min: date
    max: date

    @classmethod
    def from_raw(cls, value: Any, min_value: Any, max_value: Any) -> DateSpec:
        dates: list[date] | None
        if value is None:
            dates, is_range = None, False
        else:
            is_range = isinstance(value, Sequence) and not isinstance(value, str)
            items = list(value) if is_range else [value]
            if len(items) > 2:
                raise StreamlitInvalidParameterTypeError(
                    "value", type(value).__name__, ["date", "datetime", "sequence of 0 to 2 date or datetime values"])
            dates = [to_date(v) for v in items]
        low = _bound(min_value, dates, "min_value", -10)
        high = _bound(max_value, dates, "max_value", 10)
        if value == "today" and dates:
            dates = [min(max(dates[0], low), high)]
        if low > high:
            raise StreamlitInvalidMinMaxError(low, high)
        if dates:
            if dates[0] < low:
                raise StreamlitValueBelowMinError(dates[0], low)
            if dates[-1] > high:
                raise StreamlitValueAboveMaxError(dates[-1], high)
        return cls(dates, is_range, low, high)

    def deserialize(self, shown: Any) -> Any:
        """The client's dates (a list, or one string) as Streamlit's serde reads them: unparsable or
        out-of-range dates give the default; a single date input takes the first date sent."""
        values: Any = self.value
        if shown is not None:
            try:
                parsed = tuple(_parse(v) for v in (shown if isinstance(shown, list) else [shown]))
            except (TypeError, ValueError):
                parsed = None
            if parsed is not None and not (parsed and any(d < self.min or d > self.max for d in parsed)):
                values = parsed
        if not values:
            return () if self.is_range else None
        return tuple(values) if self.is_range else values[0]

    def fits(self, current: Any) -> bool:
        """``current`` is of this input's kind (a non-empty range, or one date) and within its bounds;
        values of other types fail in the comparison as they do in Streamlit."""
        if self.is_range and isinstance(current, tuple) and len(current) > 0:
            return not (_day(current[0]) < self.min or _day(current[-1]) > self.max)
        if not self.is_range and isinstance(current, date):
            return not (_day(current) < self.min or _day(current) > self.max)
        return False

    def serialize(self, value: Any) -> Any:
        if value is None:
            return [] if self.is_range else None
        if isinstance(value, Sequence) and not isinstance(value, str):
            return [date_text(d) for d in value]
        return [date_text(value)] if self.is_range else date_text(value)


def _day(value: Any) -> Any:
    """A datetime compares with the bounds by its date."""
    return value.date() if isinstance(value, datetime) else value


def date_text(day: Any) -> str:
    """A date (or a datetime's date) as ``YYYY-MM-DD``, four-digit year, as Streamlit sends it."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def to_time(value: Any) -> time:
    if value == "now":
        return datetime.now().time().replace(microsecond=0)
    if isinstance(value, str):
        for parse in (time.fromisoformat, lambda v: datetime.fromisoformat(v).time()):
            try:
                return parse(value).replace(microsecond=0)
            except ValueError:
                pass
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0, tzinfo=None)
    if isinstance(value, time):
        return value
    raise StreamlitInvalidParameterTypeError("value", type(value).__name__, ["datetime", "time", "ISO string"])


@dataclass
class TimeSpec:
    value: time | None
    step_seconds: int

    @property
    def wire_format(self) -> str:
        return "%H:%M:%S" if self.step_seconds % 60 else "%H:%M"

    @classmethod
    def from_raw(cls, value: Any, step: Any) -> TimeSpec:
        if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
            raise StreamlitInvalidParameterTypeError("step", type(step).__name__, ["int", "timedelta"])
        seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
        parsed = None if value is None else to_time(value)
        if parsed is not None and seconds > 0 and seconds % 60 == 0:
            parsed = parsed.replace(second=0, microsecond=0)
        if not 1 <= seconds <= timedelta(hours=23).seconds:
            raise StreamlitValueOutOfRangeError("step", value=f"{seconds} seconds", min_value="1 second",
                                                max_value="23 hours")
        return cls(parsed, seconds)

    def deserialize(self, shown: Any) -> time | None:
        if shown is None:
            return self.value
        for fmt in ("%H:%M:%S", "%H:%M"):
            try:
                parsed = datetime.strptime(shown, fmt).time()
                break
            except (TypeError, ValueError):
                continue
        else:
            return self.value
        return parsed.replace(second=0, microsecond=0) if self.step_seconds % 60 == 0 else parsed

    def serialize(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.time()
        return time.strftime(value, self.wire_format)  # a str in state fails with Streamlit's TypeError


class TimeWidgetsMixin(WidgetBase):
    """Named as Streamlit's, so a misspelt keyword raises the same TypeError text."""

    def date_input(self, label: str, value: Any = "today", min_value: Any = None, max_value: Any = None,
                   key: Any = None, help: str | None = None, on_change: Any = "rerun", args: Any = None,
                   kwargs: Any = None, *, format: str = "YYYY/MM/DD", disabled: bool = False, required: bool = False,
                   label_visibility: str = "visible", width: Any = "stretch", bind: Any = None,
                   persist_state: Any = None) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value if value != "today" else None)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id(
            "date_input", key, key_as_main_identity={"min_value", "max_value"}, form_id=dg.form_id,
            root=dg._root_name(), label=label, value=repr(value), min_value=repr(min_value),
            max_value=repr(max_value), help=help, format=format)
        spec = DateSpec.from_raw(value, min_value, max_value)
        if value == "today" and key is not None:
            # With no value given, a value in session state says what the widget is (one date or a
            # range, its bounds, its default), as in Streamlit.
            try:
                spec = DateSpec.from_raw(dg._ctx().state.lookup(key), min_value, max_value)
            except KeyError:
                pass
        return dg._value_widget(
            "date_input", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, serde=spec,
            fields={"min": spec.min.isoformat(), "max": spec.max.isoformat(), "is_range": spec.is_range,
                    "format": format, "required": required, "width": width},
            after=dg._bounds_check(key, spec) if min_value is not None or max_value is not None else None)

    def _bounds_check(self, key: str | None, spec: DateSpec) -> Any:
        """With bounds given, a value outside them, or not of the widget's kind (one date, or a
        non-empty range), resets to the default and session state follows, as in Streamlit."""

        def check(current: Any) -> Any:
            if current is None or spec.fits(current):
                return current
            current = spec.deserialize(None)
            if key is not None:
                self._ctx().state.new_user[key] = current
            return current

        return check

    def time_input(self, label: str, value: Any = "now", key: Any = None, help: str | None = None,
                   on_change: Any = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False,
                   required: bool = False, label_visibility: str = "visible", step: Any = timedelta(minutes=15),
                   format: str = "24h", width: Any = "stretch", bind: Any = None, persist_state: Any = None) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, default=value if value != "now" else None)
        label = dg._label(label, label_visibility)
        element_id = compute_element_id("time_input", key, key_as_main_identity=True, form_id=dg.form_id,
                                        root=dg._root_name(), label=label, value=repr(value), help=help,
                                        step=repr(step))
        if key is not None and dg._state_says_none(key):
            value = None
        spec = TimeSpec.from_raw(value, step)
        return dg._value_widget(
            "time_input", label, key, callback=callback, args=args, kwargs=kwargs, disabled=disabled, help=help,
            label_visibility=label_visibility, element_id=element_id, serde=spec,
            fields={"step": spec.step_seconds, "time_format": format, "required": required, "width": width})

