// The code editor: a plain textarea that behaves enough like an editor for short
// snippets (Tab indents, it grows with its content, Ctrl/Cmd+Enter runs).

import { h } from "./dom.js";

const INDENT = "    ";

export function createEditor(doc, { value, label, hint, onRun }) {
  const hintId = `st-editor-hint-${Math.random().toString(36).slice(2, 10)}`;
  // After Esc, Tab moves focus out as usual, so keyboard users are never trapped.
  let tabLeaves = false;
  const textarea = h(doc, "textarea", {
    class: "st-editor",
    value,
    "aria-label": label,
    "aria-describedby": hintId,
    spellcheck: "false",
    autocapitalize: "off",
    autocomplete: "off",
    autocorrect: "off",
    wrap: "off",
    rows: Math.max(3, value.split("\n").length),
    oninput: () => fit(),
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

  function insert(text) {
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    if (!doc.execCommand?.("insertText", false, text)) {
      textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
      fit();
    }
  }

  function fit() {
    textarea.style.height = "auto";
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  }

  const element = h(doc, "div", { class: "st-live-editor", hidden: true }, [
    textarea,
    h(doc, "div", { class: "st-editor-hint", id: hintId, text: hint }),
  ]);

  return {
    element,
    textarea,
    fit,
    get value() {
      return textarea.value;
    },
    set value(text) {
      textarea.value = text;
      fit();
    },
  };
}
