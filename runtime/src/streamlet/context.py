"""The run that is under way: which session, which widgets and forms it has seen.

Pyodide has no threads and neither does this runtime, so the current run is a
module-level slot that the runner sets and clears.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Config
    from .elements import Block
    from .state import SessionState


@dataclass(slots=True)
class RunContext:
    """Everything one script run needs to know besides the script."""

    state: SessionState
    config: Config
    root: Block
    sidebar: Block
    widget_ids_this_run: set[str] = field(default_factory=set)
    form_ids_this_run: set[str] = field(default_factory=set)
    keys_this_run: set[str] = field(default_factory=set)
    element_ids_this_run: set[str] = field(default_factory=set)
    # The generators opened with ``with``: the innermost receives st.* calls.
    block_stack: list[Any] = field(default_factory=list)
    interrupted: bool = False
    generators: dict[str, Any] = field(default_factory=dict)
    """The generators of the run's roots, by name ("main", "sidebar")."""
    log: list[str] = field(default_factory=list)


class Slot:
    """Holds the current run; every ``st.*`` call reads it, so reading is one attribute access."""

    __slots__ = ("run",)

    def __init__(self) -> None:
        self.run: RunContext | None = None


ACTIVE = Slot()
"""The run under way (``ACTIVE.run``), set by :func:`activate`."""


def current() -> RunContext | None:
    return ACTIVE.run


def activate(ctx: RunContext | None) -> RunContext | None:
    """Make ``ctx`` the current run and return the one it replaces."""
    previous, ACTIVE.run = ACTIVE.run, ctx
    return previous
