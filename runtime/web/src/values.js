// Pure helpers for widget values: what the page holds for forms, and the conversions
// between the JSON values of the element tree and what HTML inputs show.

/** Every widget node in a tree, depth first (exceptions carry no id of a widget). */
export function* iterWidgets(elements) {
  for (const node of elements ?? []) {
    if (node && typeof node.id === "string" && node.type !== "exception") yield node;
    yield* iterWidgets(node?.children);
  }
}

const TRIGGERS = new Set(["button", "form_submit_button", "download_button"]);

export const isTrigger = (node) => TRIGGERS.has(node.type);

/**
 * What a form's submit button sends: every value widget of the form, with the value the
 * reader set since the last submit (`held`, by widget id) or else the one last rendered.
 */
export function formValues(elements, formId, held = new Map()) {
  const values = {};
  for (const node of iterWidgets(elements)) {
    if (node.form_id !== formId || isTrigger(node)) continue;
    values[node.id] = held.has(node.id) ? held.get(node.id) : (node.value ?? null);
  }
  return values;
}

/**
 * The submit button that Enter in a form's text or number input presses: the form's first
 * enabled one, unless the form was made with `enter_to_submit=False`.
 */
export function enterSubmitButton(elements, formId) {
  const form = findBlock(elements, (node) => node.type === "form" && node.form_id === formId);
  if (!form || form.enter_to_submit === false) return null;
  for (const node of iterWidgets(form.children)) {
    if (node.type === "form_submit_button" && node.form_id === formId && !node.disabled) return node;
  }
  return null;
}

function findBlock(elements, test) {
  for (const node of elements ?? []) {
    if (node && test(node)) return node;
    const found = findBlock(node?.children, test);
    if (found) return found;
  }
  return null;
}

/** The number typed into a number_input: a number, null for an empty box, undefined if invalid. */
export function parseNumber(text, { data_type: dataType = "float", min = null, max = null } = {}) {
  const trimmed = String(text).trim();
  if (trimmed === "") return null;
  let n = Number(trimmed);
  if (!Number.isFinite(n)) return undefined;
  if (dataType === "int") {
    if (!Number.isInteger(n)) return undefined;
  }
  if (typeof min === "number" && n < min) n = min;
  if (typeof max === "number" && n > max) n = max;
  return n;
}

function decimals(step) {
  const text = String(step);
  if (/e-/i.test(text)) return Number(text.split(/e-/i)[1]);
  return text.includes(".") ? text.split(".")[1].length : 0;
}

const DAY = 86_400;
const pad = (n, width = 2) => String(n).padStart(width, "0");

function timeToSeconds(text) {
  const [hh = 0, mm = 0, ss = 0] = String(text).split(":").map(Number);
  return hh * 3600 + mm * 60 + Math.floor(ss);
}

function secondsToTime(total, withSeconds) {
  const s = ((Math.round(total) % DAY) + DAY) % DAY;
  const hhmm = `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}`;
  return withSeconds ? `${hhmm}:${pad(s % 60)}` : hhmm;
}

// Naive ISO date-times (what Python's isoformat() gives) are read as UTC so that no
// time zone of the reader's shifts them.
function dateTimeToSeconds(text) {
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  return Date.parse(iso) / 1000;
}

/**
 * How a slider of `node.data_type` maps its values onto an `<input type=range>`:
 * numbers as they are, dates as days, date-times as seconds, times as seconds of the day.
 * A date or time slider's `step` is read as seconds (a timedelta's total_seconds()).
 */
export function sliderScale(node) {
  const type = node.data_type ?? "int";
  if (type === "date") {
    const step = Math.max(1, Math.round((node.step ?? DAY) / DAY));
    return {
      step,
      toNumber: (v) => Date.parse(`${v}T00:00:00Z`) / 1000 / DAY,
      fromNumber: (n) => new Date(Math.round(n) * DAY * 1000).toISOString().slice(0, 10),
    };
  }
  if (type === "datetime") {
    return {
      step: node.step ?? DAY,
      toNumber: dateTimeToSeconds,
      fromNumber: (n) => new Date(Math.round(n) * 1000).toISOString().slice(0, 19),
    };
  }
  if (type === "time") {
    const samples = [node.min, node.max, node.value].flat().filter((v) => typeof v === "string");
    const withSeconds = samples.some((v) => v.length > 5) || (node.step ?? 900) % 60 !== 0;
    return { step: node.step ?? 900, toNumber: timeToSeconds, fromNumber: (n) => secondsToTime(n, withSeconds) };
  }
  const step = node.step ?? (type === "int" ? 1 : 0.01);
  const places = decimals(step);
  return {
    step,
    toNumber: Number,
    // Range inputs hand back float noise (0.30000000000000004); round to the step's places.
    fromNumber: (n) => (type === "int" ? Math.round(Number(n)) : Number(Number(n).toFixed(places))),
  };
}

/** A `json` element's body, pretty-printed; a body that is not strict JSON stays as it came. */
export function prettyJson(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return String(body ?? "");
  }
}

/** What a data_editor column holds, from its values: "boolean", "number" or "text". */
export function columnKind(rows, column) {
  const values = rows.map((row) => row[column]).filter((v) => v !== null && v !== undefined);
  if (values.length && values.every((v) => typeof v === "boolean")) return "boolean";
  if (values.length && values.every((v) => typeof v === "number")) return "number";
  return "text";
}

/** A data_editor cell as the reader typed it, kept to its column's kind; undefined if invalid. */
export function cellValue(input, kind) {
  if (kind === "boolean") return Boolean(input);
  if (kind === "number") return parseNumber(input);
  return input === "" ? null : String(input);
}

/** A copy of `rows` with one cell changed. */
export function withCell(rows, rowIndex, columnIndex, value) {
  return rows.map((row, r) => (r === rowIndex ? row.map((cell, c) => (c === columnIndex ? value : cell)) : [...row]));
}

/** Rows without one row, and rows with a row of empty cells added. */
export const withoutRow = (rows, index) => rows.filter((_, r) => r !== index).map((row) => [...row]);
export const withNewRow = (rows, width) => [...rows.map((row) => [...row]), Array(width).fill(null)];

/**
 * A number through a printf-style format as Streamlit's sliders take it ("%d", "%0.2f",
 * "%.1f%%", "$%d"); without a conversion in it, the plain number.
 */
export function formatNumber(value, format) {
  if (typeof value !== "number" || typeof format !== "string" || !format.includes("%")) return String(value);
  return format.replace(/%(%|[-+0 ]*\d*(?:\.(\d+))?([diufeEs]))/g, (_, spec, precision, conv) => {
    if (spec === "%") return "%";
    const places = precision === undefined ? undefined : Number(precision);
    if ("diu".includes(conv)) return String(Math.trunc(value));
    if (conv === "f") return value.toFixed(places ?? 6);
    if (conv === "e" || conv === "E") {
      const out = value.toExponential(places ?? 6).replace(/e([+-])(\d)$/, (m, sign, digit) => `e${sign}0${digit}`);
      return conv === "E" ? out.toUpperCase() : out;
    }
    return String(value); // %s
  });
}

/** A colour as `<input type=color>` needs it: "#rrggbb" (Streamlit also takes "#rgb"). */
export function toColorInput(value) {
  const text = String(value ?? "").trim();
  if (/^#[0-9a-f]{6}$/i.test(text)) return text.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(text)) return `#${[...text.slice(1)].map((c) => c + c).join("")}`.toLowerCase();
  return "#000000";
}
