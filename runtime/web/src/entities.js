// Named character references (`&copy;`) for micromark, which the page bundle takes in place of
// decode-named-character-reference (bundle-rules.mjs). HTML's table has 2,125 names, 12 kB
// gzipped: the first load carries the common few below, and the whole table is a chunk of its
// own (entity-table.js), loaded before a tree whose text names any other reference is shown.
// micromark asks during parsing whether a name is a reference at all, so the table must be there
// before the parse, not after: `tableNeeded` says when to wait for `loadTable` (`readableNow` both).

export const COMMON = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad",
  ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009", zwnj: "\u200c", zwj: "\u200d",
  copy: "©", reg: "®", trade: "™", hellip: "…", mdash: "—", ndash: "–", minus: "−",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»",
  times: "×", divide: "÷", plusmn: "±", deg: "°", middot: "·", bull: "•", sect: "§", para: "¶",
  euro: "€", pound: "£", yen: "¥", cent: "¢", le: "≤", ge: "≥", ne: "≠", infin: "∞", check: "✓",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", rArr: "⇒",
};
// What can follow `&` as a name: CommonMark's named references are 1 to 31 ASCII letters and digits.
const REFERENCE = /&([A-Za-z][A-Za-z\d]{0,30});/g;

let table = null; // HTML's whole table, once loaded
let unavailable = false; // its chunk could not be loaded: the common names are all there is
let loading = null;

/** The character `name` (without `&` and `;`) stands for, or false: micromark's decoder. */
export function decodeNamedCharacterReference(name) {
  const names = table ?? COMMON;
  return Object.hasOwn(names, name) ? names[name] : false;
}

/** Whether HTML's whole table is in use (a text parsed before may read differently now). */
export const tableLoaded = () => table !== null;

/** Whether reading `value` (any JSON-able value: a tree of elements) must wait for the whole table. */
export function tableNeeded(value) {
  if (table || unavailable) return false;
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  if (!text.includes("&")) return false;
  for (const [, name] of text.matchAll(REFERENCE)) if (!Object.hasOwn(COMMON, name)) return true;
  return false;
}

/** Whether `value` can be read now; when not, `then` is called once the table is in (or cannot be had). */
export function readableNow(value, then) {
  if (!tableNeeded(value)) return true;
  loadTable().then(then);
  return false;
}

/**
 * Loads the whole table (once); resolves when it is in use. When its chunk cannot be had (offline
 * before it was ever fetched), it resolves all the same, and for the rest of the page references
 * outside the common set stay as they were written.
 */
export function loadTable() {
  loading ??= import("./entity-table.js").then(
    (chunk) => {
      table = chunk.characterEntities;
    },
    (err) => {
      unavailable = true;
      console.info(`Named character references beyond the common ones stay as written: ${err?.message ?? err}`);
    },
  );
  return loading;
}
