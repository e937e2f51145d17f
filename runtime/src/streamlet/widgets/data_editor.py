"""``st.data_editor`` on plain tables (a list of dicts or a dict of lists): live examples have no pandas."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..errors import StreamlitUnsupportedError
from .base import WidgetBase, compute_element_id, to_key

PANDAS_NEEDED = ("st.data_editor gets a {kind} here, which needs pandas; live examples run without pandas. "
                 "Pass a list of dicts or a dict of lists instead.")


def _table(data: Any) -> tuple[list[str], list[list[Any]], str]:
    """Columns, rows and the shape to give back, for a list of dicts or a dict of lists."""
    if isinstance(data, dict) and all(isinstance(v, (list, tuple)) for v in data.values()):
        columns = [str(c) for c in data]
        length = max((len(v) for v in data.values()), default=0)
        rows = [[data[c][i] if i < len(data[c]) else None for c in data] for i in range(length)]
        return columns, rows, "dict_of_lists"
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        columns = []
        for row in data:
            columns += [str(c) for c in row if str(c) not in columns]
        return columns, [[row.get(c) for c in columns] for row in data], "list_of_dicts"
    kind = type(data).__name__
    raise StreamlitUnsupportedError(PANDAS_NEEDED.format(kind=f"`{kind}`"))


def _apply(columns: list[str], rows: list[list[Any]], edits: dict[str, Any]) -> list[list[Any]]:
    out = [list(r) for r in rows]
    for index, changes in (edits.get("edited_rows") or {}).items():
        i = int(index)
        if 0 <= i < len(out):
            for column, value in changes.items():
                if column in columns:
                    out[i][columns.index(column)] = value
    out += [[added.get(c) for c in columns] for added in edits.get("added_rows") or []]
    deleted = set(edits.get("deleted_rows") or [])
    return [r for i, r in enumerate(out) if i not in deleted]


def _diff(columns: list[str], rows: list[list[Any]], shown: list[list[Any]]) -> dict[str, Any]:
    """The edits Streamlit keeps in session state, from the table the page shows.

    Rows are matched in order, so a deleted row is recorded as deleted (not as every
    later row edited), as the editor in Streamlit's page records it.
    """
    original = [tuple(r) for r in rows]
    current = [tuple(r) for r in shown]
    edited: dict[int, dict[str, Any]] = {}
    deleted: list[int] = []
    added: list[dict[str, Any]] = []

    def edit(i: int, row: tuple[Any, ...]) -> None:
        changes = {c: row[j] for j, c in enumerate(columns) if j < len(row) and row[j] != original[i][j]}
        if changes:
            edited[i] = changes

    import difflib  # here: only an edited table needs it (100 ms to import in Pyodide)

    matcher = difflib.SequenceMatcher(a=original, b=current, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "replace":
            pairs = min(a1 - a0, b1 - b0)
            for k in range(pairs):
                edit(a0 + k, current[b0 + k])
            deleted += range(a0 + pairs, a1)
            added += [dict(zip(columns, row)) for row in current[b0 + pairs:b1]]
        elif tag == "delete":
            deleted += range(a0, a1)
        elif tag == "insert":
            added += [dict(zip(columns, row)) for row in current[b0:b1]]
    return {"edited_rows": edited, "added_rows": added, "deleted_rows": deleted}


def _edits(value: dict[str, Any]) -> dict[str, Any]:
    """Edits given as a mapping, with Streamlit's integer row positions."""
    return {"edited_rows": {int(k): dict(v) for k, v in (value.get("edited_rows") or {}).items()},
            "added_rows": list(value.get("added_rows") or []),
            "deleted_rows": [int(i) for i in value.get("deleted_rows") or []]}


def _shape(columns: list[str], rows: list[list[Any]], shape: str) -> Any:
    if shape == "dict_of_lists":
        return {c: [r[j] for r in rows] for j, c in enumerate(columns)}
    return [dict(zip(columns, r)) for r in rows]

@dataclass(frozen=True, slots=True)
class DataEditorSerde:
    """The value in session state is the edits; the page shows (and may send) the edited table."""

    columns: list[str]
    rows: list[list[Any]]

    def deserialize(self, shown: Any) -> dict[str, Any]:
        if isinstance(shown, dict):
            return _edits(shown)
        if isinstance(shown, list) and all(isinstance(r, list) for r in shown):
            return _diff(self.columns, self.rows, shown)
        return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}

    def serialize(self, edits: Any) -> list[list[Any]]:
        return _apply(self.columns, self.rows, edits)


def _plain(value: Any) -> Any:
    """``column_config`` as the page can read it: JSON values, anything else as its text."""
    return None if value is None else json.loads(json.dumps(value, default=str))


class DataEditorMixin(WidgetBase):
    def data_editor(self, data: Any, *, width: Any = "stretch", height: Any = "auto",
                    use_container_width: bool | None = None, hide_index: bool | None = None, column_order: Any = None,
                    column_config: Any = None, num_rows: str = "fixed", disabled: Any = False, key: Any = None,
                    on_change: Any = "rerun", args: Any = None, kwargs: Any = None, row_height: int | None = None,
                    placeholder: str | None = None, alt: str | None = None) -> Any:
        dg = self._target()
        key = to_key(key)
        callback = dg._policies(key, on_change, writes_allowed=False)
        columns, rows, shape = _table(data)
        element_id = compute_element_id("data_editor", key, key_as_main_identity=True, form_id=dg.form_id,
                                        root=dg._root_name(), columns=columns, rows=repr(rows),
                                        num_rows=num_rows)
        edits = dg._value_widget(
            "data_editor", "", key, callback=callback, args=args, kwargs=kwargs, disabled=disabled is True,
            help=None, label_visibility="visible", element_id=element_id,
            serde=DataEditorSerde(columns, rows),
            fields={"columns": columns, "rows": rows, "num_rows": num_rows, "shape": shape,
                    "disabled_columns": None if isinstance(disabled, bool) else [str(c) for c in disabled],
                    "width": width, "height": height, "use_container_width": use_container_width,
                    "hide_index": hide_index, "row_height": row_height, "placeholder": placeholder, "alt": alt,
                    "column_order": None if column_order is None else [str(c) for c in column_order],
                    "column_config": _plain(column_config)})
        return _shape(columns, _apply(columns, rows, edits), shape)
