"""streamlet: Streamlit's session state, widgets, forms and callbacks, small enough for Pyodide.

A live snippet that runs ``import streamlit as st`` gets :mod:`streamlet.api`.
Everything a run produces is an element tree of plain dicts (:mod:`streamlet.elements`).
"""
from __future__ import annotations

__version__ = "0.1.0"
STREAMLIT_VERSION = "1.67.0"
"""The release of real Streamlit whose behaviour this runtime reproduces."""

__all__ = ["STREAMLIT_VERSION", "__version__"]
