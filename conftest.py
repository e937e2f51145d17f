"""Collects the docs' snippets as tests (see streamlet.snippets.pytest_plugin)."""
pytest_plugins = ["streamlet.snippets.pytest_plugin"]
