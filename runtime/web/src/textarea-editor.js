// The plain editor: a textarea that behaves enough like an editor for short snippets (Tab
// indents, it is as tall as its code, Ctrl/Cmd+Enter runs, Esc then Tab leaves). It is what
// the reader types into until CodeMirror has loaded, and what stays when it cannot load.
// It has the interface every editor of a live block has (see editor.js).

import { h } from "./dom.js";

const INDENT = "    ";
// Rows of the textarea: as many as the code has lines, within these bounds (longer code scrolls).
const MIN_ROWS = 2;
const MAX_ROWS = 30;

function lineCount(text) {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1 && lines <= MAX_ROWS; i = text.indexOf("\n", i + 1)) lines += 1;
  return lines;
}

export function textareaEditor(doc, { value, label, describedBy, onRun, t }) {
  const listeners = [];
  const changed = () => listeners.forEach((listener) => listener());
  // After Esc, Tab moves focus out as usual, so keyboard users are never trapped.
  let tabLeaves = false;
  const textarea = h(doc, "textarea", {
    class: "st-editor",
    value,
    "aria-label": label,
    "aria-describedby": describedBy,
    spellcheck: "false",
    autocapitalize: "off",
    autocomplete: "off",
    autocorrect: "off",
    wrap: "off",
    rows: Math.min(MAX_ROWS, Math.max(MIN_ROWS, lineCount(value))),
    oninput: () => {
      fit();
      changed();
    },
    onkeydown: (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        onRun();
      } else if (event.key === "Escape") {
        tabLeaves = true;
      } else if (event.key === "Tab" && !event.shiftKey && !tabLeaves && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        insert(INDENT);
      } else if (event.key !== "Shift") {
        tabLeaves = false;
      }
    },
  });
  // Where the last run's error is: the textarea cannot mark a line, so it says which one.
  const errorNote = h(doc, "div", { class: "st-editor-error", hidden: true });

  function insert(text) {
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    if (!doc.execCommand?.("insertText", false, text)) {
      textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
      fit();
      changed();
    }
  }

  // Sized by rows, not by measuring scrollHeight at height "auto": that shrinks the page for
  // a moment, and the browser then clamps the window's scroll position (the page jumps).
  function fit() {
    let rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, lineCount(textarea.value)));
    // A line wider than the editor brings a horizontal scrollbar, which takes about a row.
    if (rows < MAX_ROWS && textarea.scrollWidth > textarea.clientWidth) rows += 1;
    if (textarea.rows !== rows) textarea.rows = rows;
  }

  /** Replace the whole text as one step of the browser's undo history; false where that is not possible. */
  function replaceUndoably(text) {
    if (typeof doc.execCommand !== "function" || typeof textarea.select !== "function") return false;
    textarea.focus({ preventScroll: true });
    // execCommand edits whatever has focus: never anything but this editor.
    if (doc.activeElement !== textarea) return false;
    textarea.select();
    const done = doc.execCommand("insertText", false, text);
    if (done) {
      textarea.setSelectionRange(0, 0);
      textarea.scrollTop = 0;
      fit();
    }
    return done;
  }

  return {
    element: h(doc, "div", { class: "st-editor-plain" }, [textarea, errorNote]),
    textarea,
    getValue: () => textarea.value,
    setValue(text, { undoable = false } = {}) {
      const done = undoable && replaceUndoably(text);
      if (!done) textarea.value = text;
      fit();
      changed();
      return done;
    },
    focus: () => textarea.focus(),
    onChange: (listener) => listeners.push(listener),
    markErrorLine(line) {
      errorNote.hidden = line === null;
      errorNote.textContent = line === null ? "" : t("errorLine", { line });
      textarea.setAttribute("aria-invalid", String(line !== null));
    },
    destroy() {
      listeners.length = 0;
    },
    // Only the textarea has these: its height follows its code, and its cursor goes to CodeMirror.
    fit,
    selection: () => ({ anchor: textarea.selectionStart ?? 0, head: textarea.selectionEnd ?? 0 }),
    hasFocus: () => doc.activeElement === textarea,
  };
}
