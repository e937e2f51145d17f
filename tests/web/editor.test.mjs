// The editor's one interface (editor.js): the textarea until CodeMirror's chunk arrives, then
// CodeMirror with the textarea's code, cursor, focus and error mark; the textarea for good
// when the chunk cannot load. CodeMirror itself is driven in a real browser
// (tests/browser/test_editor.py); here a recording stand-in takes its place.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createEditor, errorLine } from "../../runtime/web/src/editor.js";
import { translator } from "../../runtime/web/src/i18n.js";
import { Document, find } from "./fake-dom.mjs";

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A module like codemirror-editor.js whose editor records what it was given and asked. */
function recordingModule(doc) {
  const made = [];
  return {
    made,
    codeMirrorEditor(_doc, options) {
      let value = options.value;
      const listeners = [];
      const editor = {
        options,
        marks: [],
        focused: 0,
        element: doc.createElement("div"),
        getValue: () => value,
        setValue(text, { undoable = false } = {}) {
          value = text;
          listeners.forEach((listener) => listener());
          return undoable;
        },
        focus: () => (editor.focused += 1),
        onChange: (listener) => listeners.push(listener),
        markErrorLine: (line) => editor.marks.push(line),
        destroy() {},
      };
      editor.element.className = "fake-cm";
      made.push(editor);
      return editor;
    },
  };
}

function setup({ lang = "en", load } = {}) {
  const doc = new Document();
  const runs = [];
  const editor = createEditor(doc, { value: "a = 1\nb = 2\n", t: translator(lang), onRun: () => runs.push(editor.getValue()), load });
  doc.body.append(editor.element);
  return { doc, editor, runs, textarea: find(editor.element, "textarea.st-editor") };
}

test("errorLine: the innermost frame of the script in an uncaught exception, else null", () => {
  const trace = ['File "streamlit_app.py", line 7, in <module>\n    f()', 'File "streamlit_app.py", line 3, in f\n    1 / 0'];
  assert.equal(errorLine([{ type: "markdown" }, { type: "exception", stack_trace: trace }]), 3);
  // A sidebar after the main area does not hide it; frames of other files do not count.
  const mixed = ['File "streamlit_app.py", line 5, in <module>', 'File "streamlit/elements.py", line 90, in write'];
  assert.equal(errorLine([{ type: "exception", stack_trace: mixed }, { type: "sidebar", children: [] }]), 5);
  // A syntax error has no frames; its message names the line.
  const syntax = { type: "exception", stack_trace: [], message: 'File "streamlit_app.py", line 2\n  x = (\n      ^\nSyntaxError: ...' };
  assert.equal(errorLine([syntax]), 2);
  // An exception shown earlier in the run is not the run's end; nor is one without a script line.
  assert.equal(errorLine([{ type: "exception", stack_trace: trace }, { type: "markdown" }]), null);
  assert.equal(errorLine([{ type: "exception", stack_trace: ['File "other.py", line 4'] }]), null);
  assert.equal(errorLine([]), null);
  assert.equal(errorLine(undefined), null);
});

test("the textarea is the editor until CodeMirror has loaded; then CodeMirror takes its code, cursor, focus and mark", async () => {
  const { doc, editor, textarea } = setup({ load: async () => module });
  const module = recordingModule(doc);
  const changes = [];
  editor.onChange(() => changes.push(editor.getValue()));
  assert.equal(textarea.getAttribute("aria-label"), "Code editor");
  assert.equal(module.made.length, 0, "nothing loads before the editor opens");

  textarea.value = "a = 10\n";
  textarea.fire("input");
  assert.deepEqual(changes, ["a = 10\n"]);
  editor.markErrorLine(1);
  assert.equal(find(editor.element, ".st-editor-error").textContent, "The error was raised on line 1.");
  assert.equal(textarea.getAttribute("aria-invalid"), "true");
  textarea.selectionStart = 2;
  textarea.selectionEnd = 4;

  const opened = editor.opened();
  assert.equal(doc.activeElement, textarea, "the textarea has focus while CodeMirror loads");
  await opened;
  const [cm] = module.made;
  assert.equal(cm.options.value, "a = 10\n");
  assert.deepEqual(cm.options.selection, { anchor: 2, head: 4 });
  assert.equal(cm.options.label, "Code editor");
  assert.equal(cm.focused, 1);
  assert.deepEqual(cm.marks, [1]);
  assert.equal(find(editor.element, "textarea.st-editor"), null);
  assert.ok(find(editor.element, ".fake-cm"));

  // From now on the interface speaks to CodeMirror, and its changes reach the same listeners.
  assert.equal(editor.setValue("shared", { undoable: true }), true);
  assert.equal(editor.getValue(), "shared");
  assert.deepEqual(changes.at(-1), "shared");
  editor.markErrorLine(null);
  assert.deepEqual(cm.marks, [1, null]);
  // Opening again loads nothing more.
  await editor.opened();
  assert.equal(module.made.length, 1);
});

test("when the chunk cannot load, the textarea stays and says so in the page's language", async () => {
  const { editor, textarea, runs } = setup({ lang: "ja", load: () => Promise.reject(new Error("offline")) });
  await editor.opened({ focus: false });
  const note = find(editor.element, ".st-editor-note");
  assert.equal(note.hidden, false);
  assert.match(note.textContent, /コードエディターを読み込めなかった/);
  assert.ok(find(editor.element, "textarea.st-editor"));
  textarea.fire("keydown", { key: "Enter", ctrlKey: true });
  assert.deepEqual(runs, ["a = 1\nb = 2\n"], "the textarea still runs the code");
  editor.markErrorLine(2);
  assert.equal(find(editor.element, ".st-editor-error").textContent, "エラーは 2 行目で発生しました。");
});

test("a chunk whose editor fails to start also leaves the textarea, with the note", async () => {
  const broken = { codeMirrorEditor: () => { throw new Error("no layout"); } };
  const { editor } = setup({ lang: "zh", load: async () => broken });
  await editor.opened();
  assert.ok(find(editor.element, "textarea.st-editor"));
  assert.match(find(editor.element, ".st-editor-note").textContent, /代码编辑器未能加载/);
});
