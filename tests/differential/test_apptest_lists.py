"""AppTest's element lists are the ones real Streamlit's AppTest has, for every command streamlet offers.

The names, the list types (``ElementList``, ``WidgetList``, ``BlockList``) and the element classes
are read from ``streamlit.testing.v1.AppTest`` in the reference environment and compared with
``streamlet.testing``, where each list must be a real property on ``AppTest`` and on every block,
so that type checkers and editors see it.
"""
from __future__ import annotations

import inspect
import json
import re
import subprocess

import streamlet.api
from streamlet.testing import AppTest, Block

from .engines import REFERENCE_PYTHON

READ_REFERENCE = """
import inspect, json
from streamlit.testing.v1 import AppTest
print(json.dumps({name: attr.fget.__annotations__.get("return")
                  for name, attr in inspect.getmembers(AppTest) if isinstance(attr, property)}))
"""

UNSUPPORTED = frozenset({
    "audio_input", "camera_input", "chat_input", "chat_message", "dataframe", "datetime_input", "feedback", "grid",
    "html", "image", "latex", "link_button", "menu_button", "metric", "page_link", "pagination", "pills",
    "progress", "segmented_control", "space", "status", "table", "tabs", "toast",
    "button_group",  # the element behind pills and segmented_control, not a command of its own
})
"""Streamlit's lists for commands streamlet does not offer (a script calling one gets Streamlit's error)."""

OWN_CLASSES = {"data_editor": "DataEditor"}
"""Where streamlet's element class has a name of its own: Streamlit shows a data_editor as its
``Dataframe`` element; streamlet's is a widget with the edited table as its value."""

LIST_TYPE = re.compile(r"^(ElementList|WidgetList|BlockList)\[(\w+)")


def list_types(annotations: dict[str, str | None]) -> dict[str, tuple[str, str]]:
    """name -> (list class, element class) for each property typed as an element list."""
    found = {}
    for name, annotation in annotations.items():
        match = LIST_TYPE.match(annotation or "")
        if match:
            found[name] = (match[1], match[2])
    return found


def reference_lists() -> dict[str, tuple[str, str]]:
    proc = subprocess.run([str(REFERENCE_PYTHON), "-c", READ_REFERENCE], capture_output=True, text=True,
                          timeout=120, check=True)
    return list_types(json.loads(proc.stdout))


def our_lists(cls: type) -> dict[str, tuple[str, str]]:
    return list_types({name: attr.fget.__annotations__.get("return")
                       for name, attr in inspect.getmembers(cls) if isinstance(attr, property)})


def test_every_list_of_a_supported_command_is_a_typed_property_as_in_streamlit() -> None:
    reference = reference_lists()
    assert len(reference) > 50, reference
    assert UNSUPPORTED <= set(reference), "a name here that Streamlit's AppTest lacks is a typo"
    expected = {name: (kind, OWN_CLASSES.get(name, element)) for name, (kind, element) in reference.items()
                if name not in UNSUPPORTED}
    assert our_lists(AppTest) == expected
    assert our_lists(Block) == expected, "a block (at.sidebar, a form, a column) has the same lists"


def test_the_lists_left_out_are_commands_streamlet_does_not_offer() -> None:
    offered = vars(streamlet.api)
    assert [name for name in sorted(UNSUPPORTED - {"button_group"}) if name in offered] == []
    assert not any(hasattr(AppTest, name) for name in UNSUPPORTED)
