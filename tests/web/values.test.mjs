import assert from "node:assert/strict";
import { test } from "node:test";

import {
  cellValue, columnKind, enterSubmitButton, formatNumber, formValues, iterWidgets, parseNumber, prettyJson,
  sliderScale, toColorInput, withCell, withNewRow, withoutRow,
} from "../../runtime/web/src/values.js";

const FORM_TREE = [
  { type: "text_input", id: "outside", form_id: "", value: "o" },
  {
    type: "form", form_id: "f", enter_to_submit: true, children: [
      { type: "text_input", id: "name", form_id: "f", value: "" },
      { type: "columns", children: [{ type: "column", children: [{ type: "slider", id: "age", form_id: "f", value: 30 }] }] },
      { type: "multiselect", id: "tags", form_id: "f", value: [] },
      { type: "form_submit_button", id: "submit", form_id: "f", value: false, disabled: false },
    ],
  },
  { type: "exception", id: "not-a-widget", message: "x" },
];

test("iterWidgets finds widgets at any depth and skips exceptions", () => {
  assert.deepEqual([...iterWidgets(FORM_TREE)].map((n) => n.id), ["outside", "name", "age", "tags", "submit"]);
});

test("formValues: every widget of the form, held values over rendered ones, no buttons", () => {
  assert.deepEqual(formValues(FORM_TREE, "f"), { name: "", age: 30, tags: [] });
  const held = new Map([["age", 41], ["tags", [2, 0]]]);
  assert.deepEqual(formValues(FORM_TREE, "f", held), { name: "", age: 41, tags: [2, 0] });
  assert.deepEqual(formValues(FORM_TREE, "other"), {});
});

test("enterSubmitButton: the form's first enabled submit button, unless enter_to_submit is off", () => {
  assert.equal(enterSubmitButton(FORM_TREE, "f").id, "submit");
  const off = structuredClone(FORM_TREE);
  off[1].enter_to_submit = false;
  assert.equal(enterSubmitButton(off, "f"), null);
  const disabled = structuredClone(FORM_TREE);
  disabled[1].children[3].disabled = true;
  assert.equal(enterSubmitButton(disabled, "f"), null);
});

test("parseNumber: empty is null, junk is undefined, ints stay ints, bounds clamp", () => {
  assert.equal(parseNumber(""), null);
  assert.equal(parseNumber("  "), null);
  assert.equal(parseNumber("abc"), undefined);
  assert.equal(parseNumber("1e400"), undefined);
  assert.equal(parseNumber("2.5", { data_type: "int" }), undefined);
  assert.equal(parseNumber("3", { data_type: "int" }), 3);
  assert.equal(parseNumber("-0.25"), -0.25);
  assert.equal(parseNumber("120", { min: 0, max: 100 }), 100);
  assert.equal(parseNumber("-5", { min: 0, max: 100 }), 0);
});

test("sliderScale: numbers, rounding float noise to the step", () => {
  const ints = sliderScale({ data_type: "int", step: 5 });
  assert.equal(ints.step, 5);
  assert.equal(ints.fromNumber(10.4), 10);
  const floats = sliderScale({ data_type: "float", step: 0.1 });
  assert.equal(floats.fromNumber(0.1 + 0.2), 0.3);
  assert.equal(sliderScale({ data_type: "float" }).step, 0.01);
});

test("sliderScale: dates as days, date-times and times as seconds, steps given in seconds", () => {
  const date = sliderScale({ data_type: "date", step: 86400 * 7 });
  assert.equal(date.step, 7);
  assert.equal(date.fromNumber(date.toNumber("2024-02-28") + 2), "2024-03-01");

  const dt = sliderScale({ data_type: "datetime", step: 3600 });
  assert.equal(dt.fromNumber(dt.toNumber("2024-01-01T23:30:00") + 3600), "2024-01-02T00:30:00");

  const time = sliderScale({ data_type: "time", step: 900, min: "00:00", max: "23:45", value: "12:15" });
  assert.equal(time.toNumber("12:15"), 44100);
  assert.equal(time.fromNumber(44100 + 900), "12:30");
  const seconds = sliderScale({ data_type: "time", step: 30, value: "12:15:30" });
  assert.equal(seconds.fromNumber(seconds.toNumber("12:15:30") + 30), "12:16:00");
});

test("formatNumber understands the printf formats Streamlit's sliders use", () => {
  assert.equal(formatNumber(3, "%d"), "3");
  assert.equal(formatNumber(0.5, "%0.2f"), "0.50");
  assert.equal(formatNumber(12.345, "%.1f%%"), "12.3%");
  assert.equal(formatNumber(7, "$%d"), "$7");
  assert.equal(formatNumber(1234.5, "%e"), "1.234500e+03");
  assert.equal(formatNumber(4, "YYYY-MM-DD"), "4");
  assert.equal(formatNumber("2024-01-01", "YYYY-MM-DD"), "2024-01-01");
  assert.equal(formatNumber(4, null), "4");
});

test("prettyJson pretty-prints JSON and leaves anything else alone", () => {
  assert.equal(prettyJson('{"a": [1, 2]}'), '{\n  "a": [\n    1,\n    2\n  ]\n}');
  assert.equal(prettyJson('{"x": NaN}'), '{"x": NaN}');
  assert.equal(prettyJson(undefined), "");
});

test("data_editor helpers: column kinds, typed cells, immutable row edits", () => {
  const rows = [[1, "a", true], [null, "b", false]];
  assert.deepEqual([0, 1, 2].map((c) => columnKind(rows, c)), ["number", "text", "boolean"]);
  assert.equal(columnKind([[null]], 0), "text");
  assert.equal(cellValue("4.5", "number"), 4.5);
  assert.equal(cellValue("", "number"), null);
  assert.equal(cellValue("x", "number"), undefined);
  assert.equal(cellValue("", "text"), null);
  assert.equal(cellValue("text", "text"), "text");
  assert.equal(cellValue(true, "boolean"), true);
  const edited = withCell(rows, 1, 0, 9);
  assert.deepEqual(edited, [[1, "a", true], [9, "b", false]]);
  assert.deepEqual(rows[1], [null, "b", false]);
  assert.deepEqual(withoutRow(rows, 0), [[null, "b", false]]);
  assert.deepEqual(withNewRow(rows, 3).at(-1), [null, null, null]);
});

test("toColorInput normalises to #rrggbb", () => {
  assert.equal(toColorInput("#00FFAA"), "#00ffaa");
  assert.equal(toColorInput("#0fa"), "#00ffaa");
  assert.equal(toColorInput("red"), "#000000");
  assert.equal(toColorInput(null), "#000000");
});
