"""``AppTest``: Streamlit's testing API over streamlet's runner.

A test written for ``streamlit.testing.v1.AppTest`` reads the same here::

    at = AppTest.from_string(script).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Count =  `1`"

Widget changes are held until ``run()``, as in Streamlit; everything is read
from the element tree the runner returns. It runs under Pyodide too.

The modules build on one another in one direction: ``nodes`` (elements, their
lists and the ``Root`` protocol they reach their app through), ``inputs``
(widgets), ``blocks`` (blocks and the typed lists), ``app`` (``AppTest``).
"""
from __future__ import annotations

from .app import AppTest, SessionStateView, patch_config_options
from .blocks import Block, BlockList, Column, Expander
from .inputs import AppTestError, Button, Widget, WidgetList
from .nodes import Element, ElementList, Exception, Root

__all__ = ["AppTest", "AppTestError", "Block", "BlockList", "Button", "Column", "Element", "ElementList",
           "Exception", "Expander", "Root", "SessionStateView", "Widget", "WidgetList", "patch_config_options"]
