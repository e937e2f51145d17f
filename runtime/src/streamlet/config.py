"""The configuration options the runtime knows, with Streamlit's names and defaults."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import StreamlitAPIException

DEFAULTS: dict[str, Any] = {
    "runner.enforceSerializableSessionState": False,
    "runner.magicEnabled": True,
    "global.disableWidgetStateDuplicationWarning": False,
}
"""Every option this runtime honours, by its dotted name."""


PATCHES: dict[str, Any] = {}
"""Options set for a while by ``streamlet.testing.patch_config_options``; they win over any Config."""


@dataclass
class Config:
    options: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))

    def get(self, name: str) -> Any:
        if name in PATCHES:
            return PATCHES[name]
        if name not in self.options:
            raise StreamlitAPIException(f'Config key "{name}" not defined.')
        return self.options[name]

    def set(self, name: str, value: Any) -> None:
        if name not in DEFAULTS:
            raise StreamlitAPIException(f'Config key "{name}" not defined.')
        expected = type(DEFAULTS[name])
        if type(value) is not expected:
            raise StreamlitAPIException(
                f'Config option "{name}" takes a {expected.__name__} (such as {DEFAULTS[name]!r}), '
                f"not {value!r}.")
        self.options[name] = value

    @classmethod
    def from_toml(cls, text: str) -> Config:
        """Read a ``.streamlit/config.toml`` text; unknown options are an error."""
        import tomllib  # here: only a fence with a config needs it (150 ms to import in Pyodide)

        config = cls()
        for section, values in tomllib.loads(text).items():
            if not isinstance(values, dict):
                raise StreamlitAPIException(f'Config key "{section}" not defined.')
            for option, value in values.items():
                config.set(f"{section}.{option}", value)
        return config
