"""Widgets as AppTest drives them: values set here are sent on the next ``run()``."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Self, TypeVar

from ..widget_meta import WidgetMeta
from ..widgets.choice import format_for_widget
from ..widgets.dates import to_date
from .nodes import ElementList, Node, Root, WithHelp

UNSET: Any = object()


def client_value(meta: WidgetMeta, value: Any) -> Any:
    """``value`` as the AppTest client sends it: checked as Streamlit's AppTest writes it into a
    widget state (a value of the wrong type fails with the same error), then in the widget's wire
    form, except that a date_input always sends a list of dates (``[]`` for none, which reads back
    as no date), as Streamlit's AppTest does; the page sends one date, or null, for a single one."""
    try:
        if meta.check is not None:
            meta.check(value)
        shown = meta.serialize(value)
    except AttributeError as err:
        # Streamlit's widgets compute their state in a property, and an AttributeError raised there
        # falls through to the element's __getattr__, which reports the property's name instead.
        raise AttributeError("_widget_state") from err
    if meta.type == "date_input" and not isinstance(shown, list):
        return [] if shown is None else [shown]
    return shown


class LabelVisibility:
    """``label_visibility`` as Streamlit's AppTest gives it: a small message whose ``value`` is 0
    (visible), 1 (hidden) or 2 (collapsed), printed as protobuf prints it (nothing for visible)."""

    NAMES = ("VISIBLE", "HIDDEN", "COLLAPSED")

    def __init__(self, visibility: Any) -> None:
        name = str(visibility).upper()
        self.value = self.NAMES.index(name) if name in self.NAMES else 0

    def __repr__(self) -> str:
        return f"value: {self.NAMES[self.value]}\n" if self.value else ""

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LabelVisibility) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


class AppTestError(Exception):
    """The test asked for something a person in a browser could not do."""


def held_value(root: Root, node: Node) -> Any:
    """What a widget nobody set sends: the value Python holds for it, in the client's form.

    A widget whose key was deleted holds none: ``KeyError``, and the run fails, as in Streamlit.
    """
    meta = root.widget_meta(node["id"])
    if meta is not None:
        return client_value(meta, root.widget_value(node["id"]))
    return node.get("value")


class Widget(WithHelp):
    """An element with a value the test can change before the next ``run()``."""

    def __init__(self, node: Node, root: Root) -> None:
        super().__init__(node, root)
        self._pending: Any = UNSET

    @property
    def id(self) -> str:
        return str(self.node["id"])

    @property
    def label(self) -> str:
        return str(self.node.get("label", ""))

    @property
    def disabled(self) -> bool:
        return bool(self.node.get("disabled", False))

    @property
    def form_id(self) -> str:
        return str(self.node.get("form_id", ""))

    @property
    def label_visibility(self) -> LabelVisibility:
        return LabelVisibility(self.node.get("label_visibility", "visible"))

    @property
    def has_pending(self) -> bool:
        return self._pending is not UNSET

    def _meta(self) -> WidgetMeta | None:
        return self.root.widget_meta(self.id)

    @property
    def value(self) -> Any:
        """The value set since the last run, else the one session state holds for this widget (a
        KeyError, as in Streamlit, once the test or the script has deleted the widget's key)."""
        if self._pending is not UNSET:
            return self._pending
        return self.root.widget_value(self.id)

    def _assert_can_interact(self) -> None:
        if self.disabled:
            key_part = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(f"Cannot update a disabled {self.type} widget{key_part}. "
                               "A browser user cannot interact with a disabled widget.")

    def set_value(self, value: Any) -> Self:
        self._assert_can_interact()
        self._pending = value
        return self

    def committed_state(self) -> Any:
        """What the client sends when nothing was set: the value the widget holds now."""
        return held_value(self.root, self.node)

    def widget_state(self) -> Any:
        """The value the client sends for this widget on the next run, in the client's form."""
        if not self.has_pending:
            return self.committed_state()
        meta = self._meta()
        return client_value(meta, self.value) if meta is not None else self._pending


W_co = TypeVar("W_co", bound=Widget, covariant=True)


class WidgetList(ElementList[W_co]):
    """An ``ElementList`` of widgets (``at.slider``, ``at.button``), as Streamlit's AppTest types it."""


class Button(Widget):
    def committed_state(self) -> Any:
        return False

    def widget_state(self) -> Any:
        return self._pending is True

    @property
    def value(self) -> bool:
        if self.has_pending:
            return bool(self._pending)
        return bool(self.node.get("value"))

    def click(self) -> Self:
        return self.set_value(True)


    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""


class DownloadButton(Button):
    """``st.download_button``: clicked like a button; the page downloads, the script reruns."""


class Checkbox(Widget):
    @property
    def value(self) -> bool:
        return super().value

    def check(self) -> Self:
        return self.set_value(True)

    def uncheck(self) -> Self:
        return self.set_value(False)


class Toggle(Widget):
    """``st.toggle``: set with ``set_value`` only, as Streamlit's AppTest has no ``check`` for it."""

    @property
    def value(self) -> bool:
        return super().value


class Prompted(Widget):
    """A widget that shows a placeholder and an icon in its box (text, number and select inputs)."""

    @property
    def placeholder(self) -> str:
        return self.node.get("placeholder") or ""

    @property
    def icon(self) -> str:
        return self.node.get("icon") or ""


class TextInput(Prompted):
    @property
    def value(self) -> str | None:
        return super().value

    @property
    def max_chars(self) -> int | None:
        return self.node.get("max_chars")

    @property
    def autocomplete(self) -> str:
        return self.node.get("autocomplete") or ""

    def input(self, value: str) -> Self:
        """Type ``value``; as in Streamlit's AppTest, nothing happens when it is longer than ``max_chars``."""
        if self.max_chars and len(value) > self.max_chars:
            return self
        return self.set_value(value)


class TextArea(TextInput):
    """``st.text_area``."""


class Bounded(Widget):
    @property
    def min(self) -> Any:
        return self.node.get("min")

    @property
    def max(self) -> Any:
        return self.node.get("max")

    @property
    def step(self) -> Any:
        return self.node.get("step")


class NumberInput(Bounded, Prompted):
    @property
    def value(self) -> int | float | None:
        return super().value

    def increment(self) -> Self:
        """One step up, as Streamlit's AppTest computes it: in the proto's doubles, capped by
        ``max or inf``, so a maximum of 0 caps nothing (the run then finds the value out of range)."""
        if self.value is None:
            return self
        return self.set_value(min(self.value + float(self.step), _double(self.max) or float("inf")))

    def decrement(self) -> Self:
        """One step down, floored by ``min or -inf`` as in Streamlit's AppTest (a minimum of 0 floors nothing)."""
        if self.value is None:
            return self
        return self.set_value(max(self.value - float(self.step), _double(self.min) or float("-inf")))


def _double(number: int | float | None) -> float | None:
    """A bound as Streamlit's NumberInput proto holds it (a double, or absent)."""
    return None if number is None else float(number)


def _as_micros(kind: str, text: str) -> float:
    """A date/time bound as Streamlit's slider proto holds it: microseconds since 1970, as UTC."""
    if kind == "time":
        moment = datetime.combine(date(2000, 1, 1), time.fromisoformat(text).replace(tzinfo=None))
    elif kind == "date":
        moment = datetime.combine(date.fromisoformat(text), datetime.min.time())
    else:
        moment = datetime.fromisoformat(text)
    moment = moment.replace(tzinfo=timezone.utc)
    return float((moment - EPOCH) // timedelta(microseconds=1))


EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
TIMELIKE = ("date", "datetime", "time")


class Slider(Bounded):
    """Bounds read as Streamlit's AppTest reads them: numbers, or microseconds for dates and times."""

    @property
    def min(self) -> Any:
        kind = self.node.get("data_type")
        return _as_micros(kind, self.node["min"]) if kind in TIMELIKE else self.node.get("min")

    @property
    def max(self) -> Any:
        kind = self.node.get("data_type")
        return _as_micros(kind, self.node["max"]) if kind in TIMELIKE else self.node.get("max")

    @property
    def step(self) -> Any:
        kind = self.node.get("data_type")
        return self.node["step"] * 1_000_000 if kind in TIMELIKE else self.node.get("step")

    @property
    def options(self) -> list[str]:
        return list(self.node.get("options", []))

    def set_range(self, lower: Any, upper: Any) -> Self:
        return self.set_value([lower, upper])  # a list until the run, as in Streamlit's AppTest


class SelectSlider(Slider):
    """``st.select_slider``: its ``options`` are the labels the page shows."""


class _Options(Widget):
    """What the widgets with ``options`` share: the options' texts as the page shows them."""

    @property
    def options(self) -> list[str]:
        return list(self.node.get("options", []))

    @property
    def format_func(self) -> Any:
        meta = self._meta()
        return getattr(meta, "format_func", str)


class _SingleChoice(_Options):
    """selectbox and radio: the client sends the index of the value's text among the options."""

    @property
    def index(self) -> int | None:
        """The value's place among the options' texts (a ValueError when it is none of them)."""
        value = self.value
        if value is None:
            return None
        options = self.options
        if not options:
            return 0
        return options.index(format_for_widget(self.format_func, value))

    def widget_state(self) -> Any:
        if not self.has_pending:
            return self.committed_state()
        return self.index if self.options else None


class Selectbox(_SingleChoice, Prompted):
    def select(self, value: Any) -> Self:
        return self.set_value(value)

    def select_index(self, index: int | None) -> Self:
        """The option's text at ``index``, as Streamlit's AppTest sets it (the run finds the option)."""
        return self.set_value(None if index is None else self.options[index])


class Radio(_SingleChoice):
    """``st.radio``: set with ``set_value`` only, as in Streamlit's AppTest."""

    @property
    def horizontal(self) -> bool:
        return bool(self.node.get("horizontal"))

    @property
    def captions(self) -> list[str]:
        return [str(c) for c in self.node.get("captions") or []]


class Multiselect(_Options):
    @property
    def value(self) -> list[Any]:
        return super().value

    @property
    def placeholder(self) -> str:
        return self.node.get("placeholder") or ""

    @property
    def max_selections(self) -> int:
        return self.node.get("max_selections") or 0

    @property
    def indices(self) -> list[int]:
        meta = self._meta()
        return list(meta.serialize(self.value)) if meta is not None else []

    @property
    def values(self) -> list[str]:
        return [self.options[i] for i in self.indices]

    def select(self, value: Any) -> Self:
        """Add ``value``; when it is selected already, nothing is set (as in Streamlit's AppTest, a
        state write in the same step then still wins, and a cleared form sends its default)."""
        current = list(self.value)
        if value in current:
            return self
        return self.set_value([*current, value])

    def unselect(self, value: Any) -> Self:
        """Remove every ``value``; when none is selected, nothing is set."""
        current = list(self.value)
        if value not in current:
            return self
        return self.set_value([v for v in current if v != value])


class ColorPicker(Widget):
    @property
    def value(self) -> str:
        return super().value

    def pick(self, value: str) -> Self:
        return self.set_value(value)


class DateInput(Widget):
    @property
    def value(self) -> date | tuple[date, ...] | None:
        """After ``set_value``, the dates set as a tuple (one date too), dates taken from datetimes
        and ISO strings, as Streamlit's AppTest reads them; else the widget's value."""
        if not self.has_pending:
            return super().value  # type: ignore[no-any-return]
        pending = self._pending
        if pending is None:
            return None
        items = pending if isinstance(pending, Sequence) and not isinstance(pending, str) else [pending]
        return tuple(to_date(item) for item in items)

    @property
    def min(self) -> date:
        return date.fromisoformat(self.node["min"])

    @property
    def max(self) -> date:
        return date.fromisoformat(self.node["max"])

    @property
    def is_range(self) -> bool:
        return bool(self.node.get("is_range"))


class TimeInput(Widget):
    @property
    def value(self) -> time | None:
        """After ``set_value``, a datetime set reads as its time, as in Streamlit's AppTest."""
        current = super().value
        return current.time() if self.has_pending and isinstance(current, datetime) else current  # type: ignore[no-any-return]

    @property
    def step(self) -> int:
        return int(self.node.get("step", 900))

    def _shift(self, seconds: int) -> Self:
        current = self.value
        if current is None:
            return self
        moved = (datetime.combine(date(2000, 1, 1), current) + timedelta(seconds=seconds)).time()
        return self.set_value(moved)

    def increment(self) -> Self:
        return self._shift(self.step)

    def decrement(self) -> Self:
        return self._shift(-self.step)


class FileUploader(Widget):
    @property
    def accept_multiple_files(self) -> bool:
        return bool(self.node.get("multiple"))

    @property
    def allowed_type(self) -> list[str]:
        return list(self.node.get("accept") or [])

    @property
    def value(self) -> Any:
        return [] if self.accept_multiple_files else None


class Table:
    """The edited table ``AppTest`` gives for a data_editor, where Streamlit gives a pandas DataFrame.

    It offers the parts of the DataFrame API tests use on small tables: ``columns``,
    ``len``, ``to_dict(orient=...)`` and ``iloc``-free row access through ``records``.
    """

    def __init__(self, columns: list[str], rows: list[list[Any]]) -> None:
        self.columns = list(columns)
        self.rows = [list(r) for r in rows]

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def to_dict(self, orient: str = "dict") -> Any:
        if orient == "records":
            return self.records
        if orient == "list":
            return {c: [r[i] for r in self.rows] for i, c in enumerate(self.columns)}
        if orient == "split":
            return {"index": list(range(len(self.rows))), "columns": self.columns, "data": self.rows}
        if orient == "dict":
            return {c: {n: r[i] for n, r in enumerate(self.rows)} for i, c in enumerate(self.columns)}
        raise ValueError(f"orient '{orient}' not understood")

    def __getitem__(self, column: str) -> list[Any]:
        return [r[self.columns.index(column)] for r in self.rows]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return self.columns == other.columns and self.rows == other.rows
        if isinstance(other, list):
            return self.records == other
        if isinstance(other, dict):
            return self.to_dict("list") == other
        return NotImplemented

    def __repr__(self) -> str:
        return f"Table(columns={self.columns!r}, rows={self.rows!r})"


class DataEditor(Widget):
    @property
    def value(self) -> Table:
        """The table the editor was given, as Streamlit's AppTest reads it (edits are in session state)."""
        return Table(self.node["columns"], self.node["rows"])

    @property
    def editing_mode(self) -> str:
        return str(self.node.get("num_rows", "fixed"))


__all__ = ["AppTestError", "Button", "Checkbox", "ColorPicker", "DataEditor", "DateInput", "DownloadButton",
           "FileUploader", "Multiselect", "NumberInput", "Radio", "SelectSlider", "Selectbox", "Slider", "Table",
           "TextArea", "TextInput", "TimeInput", "Toggle", "Widget", "WidgetList"]
