"""Snippets of the docs and their documented steps: the model and the checker.

Pure Python, shipped in the runtime wheel: the page's ``check`` request (``streamlet.bridge``)
checks a block's steps in Pyodide. Reading them from markdown is build-time work
(``streamlet_site.parse``), outside the wheel.
"""
