"""Snippets of the docs: parse them from markdown, check their documented steps.

``model`` and ``check`` are pure Python and run in Pyodide too; ``parse`` reads
markdown (with PyYAML) at build and test time.
"""
