"""The snippet tests drive the docs' pytest plugin in a pytest of their own (``pytester``).

``pytest_plugins = ["pytester"]`` is refused in a conftest below the rootdir when
pytest runs from the top (``make test``), so the plugin is registered here instead,
which works both ways.
"""
from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("pytester"):
        config.pluginmanager.import_plugin("pytester")
