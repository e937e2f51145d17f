// The CodeMirror editor of a live block, a chunk of its own that the page loads the first
// time a reader opens an editor (editor.js). It has the same interface as the textarea:
// Python highlighting, bracket matching, indentation on Enter and Tab, undo history and line
// numbers; Ctrl/Cmd+Enter runs; Esc then Tab leaves; the line a run's error came from is marked.
// Its colours are the page's CSS variables, so they follow Material's light and dark palettes
// at once; only CodeMirror's own notion of "dark" is switched when the palette changes.

import { Compartment, EditorSelection, EditorState, Prec, RangeSet, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, GutterMarker, drawSelection, gutter, keymap, lineNumbers } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentLess, indentMore, isolateHistory } from "@codemirror/commands";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { pythonLanguage } from "@codemirror/lang-python";
import { classHighlighter } from "@lezer/highlight";

const INDENT = 4;
// After Esc, Tab leaves the editor until another key is pressed (CodeMirror alone allows 2 s).
const TAB_LEAVES_MS = 60 * 60 * 1000;

const setError = StateEffect.define();

class ErrorMarker extends GutterMarker {
  constructor(title) {
    super();
    this.title = title;
  }

  eq(other) {
    return other.title === this.title;
  }

  toDOM(view) {
    const marker = view.dom.ownerDocument.createElement("span");
    marker.className = "cm-st-error-marker";
    marker.title = this.title;
    marker.textContent = "●";
    return marker;
  }
}

/** The marked line as a line decoration and a gutter marker; both move with edits around them. */
function errorField(title) {
  const empty = { lines: Decoration.none, markers: RangeSet.empty };
  return StateField.define({
    create: () => empty,
    update(value, tr) {
      let next = tr.docChanged ? { lines: value.lines.map(tr.changes), markers: value.markers.map(tr.changes) } : value;
      for (const effect of tr.effects) {
        if (!effect.is(setError)) continue;
        const line = effect.value;
        if (line === null || line < 1 || line > tr.state.doc.lines) {
          next = empty;
          continue;
        }
        const from = tr.state.doc.line(line).from;
        next = {
          lines: Decoration.set([Decoration.line({ class: "cm-st-error-line" }).range(from)]),
          markers: RangeSet.of([new ErrorMarker(title).range(from)]),
        };
      }
      return next;
    },
    provide: (field) => [
      EditorView.decorations.from(field, (value) => value.lines),
      gutter({ class: "cm-st-error-gutter", markers: (view) => view.state.field(field).markers }),
    ],
  });
}

/** Tab: spaces to the next indent stop at the cursor, or the selected lines indented. */
function tab(view) {
  const { state } = view;
  if (!state.selection.ranges.every((range) => range.empty)) return indentMore(view);
  view.dispatch(
    state.changeByRange((range) => {
      const column = range.head - state.doc.lineAt(range.head).from;
      const spaces = " ".repeat(INDENT - (column % INDENT));
      return { changes: { from: range.head, insert: spaces }, range: EditorSelection.cursor(range.head + spaces.length) };
    }),
    { scrollIntoView: true, userEvent: "input" },
  );
  return true;
}

const theme = EditorView.theme({
  "&": {
    backgroundColor: "var(--st-code-bg)",
    color: "var(--st-code-fg)",
    borderLeft: "3px solid var(--st-primary)",
    fontSize: "0.85em",
    maxHeight: "75vh",
  },
  "&.cm-focused": { outline: "2px solid var(--st-accent)", outlineOffset: "-2px" },
  ".cm-scroller": { fontFamily: "var(--st-mono)", lineHeight: "1.5", overflow: "auto" },
  ".cm-content": { padding: "0.8em 0", caretColor: "var(--st-code-fg)" },
  ".cm-line": { padding: "0 1.2em 0 0.4em" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--st-code-fg)" },
  ".cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground": {
    backgroundColor: "var(--md-accent-fg-color--transparent, rgba(82, 108, 254, 0.2))",
  },
  ".cm-gutters": { backgroundColor: "var(--st-code-bg)", color: "var(--st-fg-lighter)", border: "none" },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 0.3em 0 0.8em" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--st-fg-lightest)", outline: "1px solid var(--st-fg-lighter)" },
  "&.cm-focused .cm-nonmatchingBracket": { color: "var(--st-error)" },
  ".cm-st-error-line": { backgroundColor: "rgba(229, 57, 53, 0.15)" },
  ".cm-st-error-gutter .cm-gutterElement": { padding: "0 0.1em" },
  ".cm-st-error-marker": { color: "var(--st-error)", cursor: "default" },
  ".tok-keyword": { color: "var(--md-code-hl-keyword-color, #3f6ec6)" },
  ".tok-bool, .tok-atom, .tok-typeName, .tok-variableName2": { color: "var(--md-code-hl-constant-color, #6e59d9)" },
  ".tok-number": { color: "var(--md-code-hl-number-color, #d52a2a)" },
  ".tok-string": { color: "var(--md-code-hl-string-color, #1c7d4d)" },
  ".tok-string2, .tok-meta": { color: "var(--md-code-hl-special-color, #db1457)" },
  ".tok-comment": { color: "var(--md-code-hl-comment-color, var(--st-fg-light))", fontStyle: "italic" },
  ".tok-operator": { color: "var(--md-code-hl-operator-color, var(--st-fg-light))" },
  ".tok-punctuation": { color: "var(--md-code-hl-punctuation-color, var(--st-fg-light))" },
  ".tok-definition, .tok-className": { color: "var(--md-code-hl-function-color, #a846b9)" },
  ".tok-invalid": { color: "var(--st-error)" },
});

/** Whether the page shows Material's dark palette (its schemes say so through color-scheme). */
function pageIsDark(doc) {
  const body = doc.body;
  if (!body) return false;
  const scheme = doc.defaultView?.getComputedStyle(body).colorScheme ?? "";
  return scheme.includes("dark") || body.getAttribute("data-md-color-scheme") === "slate";
}

export function codeMirrorEditor(doc, { value, selection, label, describedBy, onRun, t }) {
  const listeners = [];
  const dark = new Compartment();
  const errors = errorField(t("errorMarker"));
  const extensions = () => [
    lineNumbers(),
    errors,
    history(),
    drawSelection(),
    indentOnInput(),
    indentUnit.of(" ".repeat(INDENT)),
    pythonLanguage,
    syntaxHighlighting(classHighlighter),
    bracketMatching(),
    Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }])),
    keymap.of([{ key: "Tab", run: tab, shift: indentLess }, ...defaultKeymap, ...historyKeymap]),
    theme,
    dark.of(EditorView.darkTheme.of(pageIsDark(doc))),
    EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": describedBy }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) listeners.forEach((listener) => listener());
    }),
  ];
  const clamp = (offset) => Math.min(Math.max(0, offset ?? 0), value.length);
  const view = new EditorView({
    root: doc,
    state: EditorState.create({
      doc: value,
      selection: selection ? { anchor: clamp(selection.anchor), head: clamp(selection.head) } : undefined,
      extensions: extensions(),
    }),
  });
  // CodeMirror's Esc gives Tab back to the browser for 2 s; here it lasts until another key.
  view.dom.addEventListener("keydown", (event) => {
    if (event.key === "Escape") view.setTabFocusMode(TAB_LEAVES_MS);
  });
  view.dom.addEventListener("focusin", () => view.setTabFocusMode(false));
  const palette = new MutationObserver(() => {
    const isDark = pageIsDark(doc);
    if (isDark !== view.state.facet(EditorView.darkTheme)) view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(isDark)) });
  });
  if (doc.body) palette.observe(doc.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  return {
    element: view.dom,
    view,
    getValue: () => view.state.doc.toString(),
    setValue(text, { undoable = false } = {}) {
      if (undoable) {
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: text },
          selection: { anchor: 0 },
          annotations: isolateHistory.of("full"),
          scrollIntoView: true,
        });
      } else {
        // A new state: the old text's undo history goes with it, as when a textarea's value is set.
        view.setState(EditorState.create({ doc: text, extensions: extensions() }));
        listeners.forEach((listener) => listener());
      }
      return undoable;
    },
    focus: () => view.focus(),
    onChange: (listener) => listeners.push(listener),
    markErrorLine(line) {
      view.dispatch({ effects: setError.of(line) });
    },
    destroy() {
      listeners.length = 0;
      palette.disconnect();
      view.destroy();
    },
  };
}
