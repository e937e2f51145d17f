// st.data_editor: a table of inputs, one per cell; column_order and column_config choose
// and name the columns shown, hide_index, row_height, height and alt shape the table.

import { h } from "./dom.js";
import { field, labelFor } from "./frame.js";
import { heightStyle, pixels } from "./look.js";
import { isDirty, isReplacing, setBase } from "./preserve.js";
import { cellValue, columnKind, withCell, withNewRow, withoutRow } from "./values.js";

/** The columns shown, in order: column_order when given, less those column_config sets to None. */
export function shownColumns(node) {
  const columns = (node.columns ?? []).map(String);
  const order = Array.isArray(node.column_order) ? node.column_order.map(String) : columns;
  const config = node.column_config && typeof node.column_config === "object" ? node.column_config : {};
  return order.map((name) => columns.indexOf(name)).filter((c) => c >= 0 && config[columns[c]] !== null);
}

/** A column's heading: column_config's text, or its "label", else the column's name. */
export function columnTitle(node, name) {
  const config = node.column_config?.[name];
  if (typeof config === "string") return config;
  if (config && typeof config === "object" && typeof config.label === "string") return config.label;
  return String(name);
}

export function dataEditor(node, ctx) {
  const labelId = ctx.uid();
  const columns = node.columns ?? [];
  let rows = (ctx.shown(node) ?? node.rows ?? []).map((row) => [...row]);
  // Kinds come from the script's own rows, so a cleared number cell stays a number column.
  const kinds = columns.map((_, c) => columnKind(node.rows ?? rows, c));
  const locked = new Set(Array.isArray(node.disabled_columns) ? node.disabled_columns.map(String) : []);
  const canAdd = ["dynamic", "add"].includes(node.num_rows) && !node.disabled;
  const canDelete = ["dynamic", "delete"].includes(node.num_rows) && !node.disabled;
  const shown = shownColumns(node);
  const rowHeight = pixels(node.row_height);
  const send = (next) => {
    rows = next;
    ctx.change(node, rows);
  };
  const cell = (value, r, c) => {
    const kind = kinds[c];
    const input = h(ctx.doc, "input", {
      type: kind === "boolean" ? "checkbox" : kind === "number" ? "number" : "text",
      step: kind === "number" ? "any" : null,
      class: kind === "boolean" ? "st-cell-check" : "st-cell",
      value: kind === "boolean" ? null : value === null || value === undefined ? "" : String(value),
      placeholder: kind === "boolean" || typeof node.placeholder !== "string" ? null : node.placeholder,
      checked: kind === "boolean" ? Boolean(value) : null,
      disabled: Boolean(node.disabled) || locked.has(String(columns[c])),
      "aria-label": `${columns[c] ?? c} ${r + 1}`,
      onchange: () => commitCell(),
      // Typing a rerender put back (see textInput) is committed when the reader leaves the cell.
      onblur: () => {
        if (kind !== "boolean" && isDirty(input)) commitCell();
      },
    });
    const commitCell = () => {
      if (isReplacing()) return; // see committer
      const next = cellValue(kind === "boolean" ? input.checked : input.value, kind);
      if (next === undefined) input.value = rows[r][c] ?? "";
      else {
        if (kind !== "boolean") setBase(input, input.value);
        send(withCell(rows, r, c, next));
      }
    };
    if (kind !== "boolean") setBase(input, input.value);
    return h(ctx.doc, "td", {}, [input]);
  };
  const removeCell = (r) =>
    h(ctx.doc, "td", { class: "st-row-tools" }, [
      h(ctx.doc, "button", { type: "button", class: "st-row-button", title: ctx.t("deleteRow"), "aria-label": ctx.t("deleteRow"), text: "×", onclick: () => send(withoutRow(rows, r)) }),
    ]);
  const table = h(ctx.doc, "table", {
    class: "st-table", "aria-labelledby": labelId, "aria-description": typeof node.alt === "string" && node.alt ? node.alt : null,
  }, [
    h(ctx.doc, "thead", {}, [h(ctx.doc, "tr", {}, [
      ...shown.map((c) => h(ctx.doc, "th", { scope: "col", text: columnTitle(node, columns[c]) })),
      canDelete ? h(ctx.doc, "th", {}) : null,
    ])]),
    h(ctx.doc, "tbody", {}, rows.map((row, r) => h(ctx.doc, "tr", { style: rowHeight ? `height: ${rowHeight}` : null }, [
      ...shown.map((c) => cell(row[c], r, c)),
      canDelete ? removeCell(r) : null,
    ]))),
  ]);
  const addRow = canAdd
    ? h(ctx.doc, "button", { type: "button", class: "st-tool st-add-row", text: `+ ${ctx.t("addRow")}`, onclick: () => send(withNewRow(rows, columns.length)) })
    : null;
  // A data_editor has a label only when the script gave one.
  const label = node.label ? labelFor(node, ctx, { id: labelId }) : h(ctx.doc, "span", { id: labelId, hidden: true });
  return field(node, ctx, label, [h(ctx.doc, "div", { class: "st-table-scroll", style: heightStyle(node.height) }, [table]), addRow]);
}
