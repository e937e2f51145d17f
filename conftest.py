"""Collects the docs' snippets as tests (see streamlet_site.pytest_plugin)."""
pytest_plugins = ["streamlet_site.pytest_plugin"]
