"""Argument checks that reruns repeat with the same arguments: done once, remembered."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
LIMIT = 1024


def by_arguments(cache: dict[tuple[Any, ...], Any], args: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()`` once per distinct ``args`` (types included, so 1, 1.0 and True differ).

    Unhashable arguments are checked every time. Errors are not remembered: a call that
    raises raises again on the next run, as Streamlit's checks do.
    """
    try:
        key = (args, tuple(map(type, args)))
        found = cache.get(key)
    except TypeError:
        return compute()
    if found is None:
        found = compute()
        if len(cache) > LIMIT:
            cache.clear()
        cache[key] = found
    return found  # type: ignore[no-any-return]
