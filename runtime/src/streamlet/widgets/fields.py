"""What the element fields Streamlit writes a widget's value into accept, and the value a page is shown.

Streamlit puts a widget's value into its element only when the page must be told it
(the value was set through session state, or restored from it): a value of the wrong
type then fails there, with the error of the protobuf field (upb's wording). The
checks here raise those errors for the values streamlet's serdes would otherwise take.
"""
from __future__ import annotations

import math
import operator
from collections.abc import Callable
from typing import Any

from ..widget_meta import WidgetMeta


def bool_field(value: Any) -> None:
    """A protobuf bool field takes what has ``__index__``; anything else fails with the TypeError
    ``operator.index`` raises (it names the type as upb does: ``'datetime.time' object ...``)."""
    operator.index(value)


def string_field(value: Any) -> None:
    """A protobuf string field takes ``str`` or ``bytes``."""
    if not isinstance(value, (str, bytes)):
        raise TypeError("bad argument type for built-in operation")


def optional_string_field(value: Any) -> None:
    """Text widgets leave the field unset for None."""
    if value is not None:
        string_field(value)


def optional_double_field(value: Any) -> None:
    """number_input leaves its double field unset for None; other values must be real numbers (the
    TypeError of a C function taking a double: ``must be real number, not str``)."""
    if value is not None:
        math.isfinite(value)


def shown_value(meta: WidgetMeta, value: Any, changed: bool, field: Callable[[Any], Any] | None) -> Any:
    """The value the page shows. Streamlit writes a widget's value into its element only when the
    page must be told it (``changed``): then a value of the wrong type fails there, with the
    field's error. Otherwise the page keeps what it shows, and a value this widget cannot show
    (left in session state by an earlier run) is not an error."""
    if changed:
        if field is not None:
            field(value)
        return meta.serialize(value)
    try:
        return meta.serialize(value)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):
        return None
