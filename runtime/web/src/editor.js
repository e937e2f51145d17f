// A live block's code editor. Every editor has one small interface:
//
//   element                      its DOM
//   getValue()                   the code
//   setValue(text, {undoable})   replace the code; with `undoable`, as one step of the undo
//                                history when the editor can (then it returns true)
//   focus()
//   onChange(listener)           called after each change of the code
//   markErrorLine(line | null)   mark the line (1-based) a run's error came from, or clear it
//   destroy()
//
// The textarea (textarea-editor.js) is there from the first paint; CodeMirror
// (codemirror-editor.js, a chunk of its own) is loaded the first time the editor opens and
// takes the textarea's place with its code, cursor and focus. When the chunk cannot load,
// the textarea stays and a note says so in the page's language.

import { h } from "./dom.js";
import { textareaEditor } from "./textarea-editor.js";

const LINE = /File "streamlit_app\.py", line (\d+)/g;

/** The chunk with CodeMirror, fetched on demand (esbuild splits it from the page bundle). */
export const loadCodeMirror = () => import("./codemirror-editor.js");

/**
 * The script line an uncaught exception of this run came from, or null. The runner adds an
 * uncaught exception last to the main area (a sidebar comes after it); its innermost frame in
 * the script names the line, or, for a syntax error, its message does.
 */
export function errorLine(elements) {
  const main = (Array.isArray(elements) ? elements : []).filter((node) => node?.type !== "sidebar");
  const last = main.at(-1);
  if (last?.type !== "exception") return null;
  const trace = Array.isArray(last.stack_trace) ? last.stack_trace.map(String) : [];
  const text = trace.length > 0 ? trace.join("\n") : String(last.message ?? "");
  const frames = [...text.matchAll(LINE)];
  return frames.length > 0 ? Number(frames.at(-1)[1]) : null;
}

export function createEditor(doc, { value, t, onRun, load = loadCodeMirror }) {
  const hintId = `st-editor-hint-${Math.random().toString(36).slice(2, 10)}`;
  const options = { label: t("editorLabel"), describedBy: hintId, onRun, t };
  const listeners = [];
  let current = textareaEditor(doc, { ...options, value });
  let errorAt = null;
  let upgrading = null;
  const slot = h(doc, "div", { class: "st-editor-slot" }, [current.element]);
  const note = h(doc, "div", { class: "st-editor-note", role: "status", hidden: true });
  const element = h(doc, "div", { class: "st-live-editor", hidden: true }, [
    slot,
    h(doc, "div", { class: "st-editor-hint", id: hintId, text: t("editorHint") }),
    note,
  ]);
  const changed = () => listeners.forEach((listener) => listener());
  current.onChange(changed);

  async function upgrade() {
    const plain = current;
    let next;
    try {
      const module = await load();
      next = module.codeMirrorEditor(doc, { ...options, value: plain.getValue(), selection: plain.selection() });
    } catch {
      note.textContent = t("editorFallback");
      note.hidden = false;
      return;
    }
    const focused = plain.hasFocus();
    current = next;
    slot.replaceChildren(next.element);
    plain.destroy();
    next.onChange(changed);
    next.markErrorLine(errorAt);
    if (focused) next.focus();
  }

  return {
    element,
    getValue: () => current.getValue(),
    setValue: (text, opts) => current.setValue(text, opts),
    focus: () => current.focus(),
    onChange: (listener) => listeners.push(listener),
    markErrorLine(line) {
      errorAt = line;
      current.markErrorLine(line);
    },
    destroy() {
      listeners.length = 0;
      current.destroy();
    },
    /** The editor was shown: size the textarea, focus it if asked, and start loading CodeMirror. */
    opened({ focus = true } = {}) {
      current.fit?.();
      if (focus) current.focus();
      upgrading ??= upgrade();
      return upgrading;
    },
  };
}
