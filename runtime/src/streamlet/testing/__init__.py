"""``AppTest``: Streamlit's testing API over streamlet's runner.

A test written for ``streamlit.testing.v1.AppTest`` reads the same here::

    at = AppTest.from_string(script).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Count =  `1`"

Widget changes are held until ``run()``, as in Streamlit; everything is read
from the element tree the runner returns. It runs under Pyodide too.
"""
from __future__ import annotations

from .app import AppTest, SessionStateView, patch_config_options
from .inputs import AppTestError, Button, Widget
from .nodes import Block, Element, ElementList, Exception

__all__ = ["AppTest", "AppTestError", "Block", "Button", "Element", "ElementList", "Exception",
           "SessionStateView", "Widget", "patch_config_options"]
