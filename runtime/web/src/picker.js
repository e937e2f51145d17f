// The example picker: a labelled <select> above a live block whose data lists examples
// (fences with example="<block id>", which the docs plugin gathers, named by the heading
// above each one in the page's language). Picking is the reader's own action, so the
// example's code replaces the block's code and runs at once. From then on the example is
// the block's own: Reset goes back to it, Check compares with its steps, and Copy link
// shares it (or the reader's edit of it) like any other code. A share link whose code is
// one of the examples selects that example, and its code still waits for Run.

import { h } from "./dom.js";
import { DEFAULT_TIMEOUT_SECONDS } from "./run-clock.js";
import { parseShareHash } from "./share.js";

let pickerIds = 0;
const STARTER = ""; // the option of the block's own code, when no example has that code

/** The well-formed examples of a block's data: `{id, name, code, steps, config, timeout}`. */
export function examplesOf(data) {
  if (!Array.isArray(data?.examples)) return [];
  const seen = new Set([STARTER]);
  const out = [];
  for (const item of data.examples) {
    if (!item || typeof item.code !== "string" || typeof item.name !== "string" || !item.name.trim()) continue;
    const id = String(item.id ?? "");
    if (seen.has(id)) continue;
    seen.add(id);
    const limit = Number(item.timeout);
    out.push({
      id,
      name: item.name,
      code: item.code,
      steps: Array.isArray(item.steps) ? item.steps : [],
      config: typeof item.config === "string" ? item.config : null,
      timeout: Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_TIMEOUT_SECONDS,
    });
  }
  return out;
}

/** The highlighted code the build left for each example of `blockId` (hidden), by example id. */
function highlightedCode(doc, blockId) {
  const found = new Map();
  for (const holder of doc.querySelectorAll?.("div.st-example") ?? []) {
    if (holder.getAttribute("data-for") !== blockId) continue;
    const code = holder.querySelector(".st-example-code");
    if (code) found.set(holder.getAttribute("data-example"), code);
  }
  return found;
}

/** Copies of the nodes under `holder`, or a plain `<pre><code>` of `code` where they cannot be copied. */
function codeNodes(doc, holder, code) {
  const nodes = holder ? [...holder.childNodes] : [];
  if (nodes.length > 0 && nodes.every((node) => typeof node.cloneNode === "function")) {
    return nodes.map((node) => node.cloneNode(true));
  }
  return [h(doc, "pre", {}, [h(doc, "code", { text: code })])];
}

class Picker {
  constructor(block, examples, t) {
    Object.assign(this, { block, t, doc: block.doc });
    this.examples = examples;
    this.templates = highlightedCode(this.doc, String(block.data.id ?? ""));
    const own = examples.find((example) => example.code === block.original);
    if (!own) {
      // The block's own code is no example: it stays the first option, as the build wrote it.
      this.examples = [
        {
          id: STARTER,
          name: t("exampleStarter"),
          code: block.original,
          steps: Array.isArray(block.data.steps) ? block.data.steps : [],
          config: block.data.config ?? null,
          timeout: block.timeoutSeconds,
          nodes: block.codeView ? [...block.codeView.childNodes] : null,
        },
        ...examples,
      ];
    }
    const id = `st-picker-${++pickerIds}`;
    this.select = h(
      this.doc,
      "select",
      { id, class: "st-picker-select", onchange: () => this.pick(this.select.value) },
      this.examples.map((example) => h(this.doc, "option", { value: example.id, text: example.name })),
    );
    this.element = h(this.doc, "div", { class: "st-picker" }, [
      h(this.doc, "label", { for: id, text: t("example") }),
      this.select,
    ]);
    const toolbar = block.root.querySelector(".st-live-toolbar");
    if (toolbar) toolbar.before(this.element);
    else block.root.prepend?.(this.element);
    this.current = own ?? this.examples[0];
    this.select.value = this.current.id;
    this.follow();
  }

  byId(id) {
    return this.examples.find((example) => example.id === id);
  }

  /** Make `example` the block's own example: its code view, Reset, steps, config and time limit. */
  adopt(example) {
    const { block } = this;
    this.current = example;
    this.select.value = example.id;
    block.original = example.code;
    block.data.steps = example.steps;
    block.data.config = example.config;
    block.timeoutSeconds = example.timeout;
    if (block.codeView) {
      block.codeView.replaceChildren(...(example.nodes ?? codeNodes(this.doc, this.templates.get(example.id), example.code)));
    }
    block.checkResult?.replaceChildren();
    block.updateCodeView();
  }

  /** The reader picked an example: it replaces the code (the reader's own edit can be undone) and runs. */
  pick(id) {
    const example = this.byId(id);
    if (!example) return;
    const { block, t } = this;
    const editor = block.editor;
    const before = editor.getValue();
    const edited = before !== block.original && before !== block.sharedCode && before !== example.code;
    this.adopt(example);
    block.showLinkProblem(null);
    block.sharedNote.hidden = true;
    // The reader's edit goes into the editor's undo history, which needs the editor open.
    if (edited) block.toggleEditor(true, { focus: false });
    const undoable = editor.setValue(example.code, { undoable: edited });
    if (edited) this.select.focus?.({ preventScroll: true }); // arrow keys keep choosing examples
    if (undoable) {
      block.sharedNote.textContent = t("exampleReplaced");
      block.sharedNote.hidden = false;
    }
    block.updateCodeView();
    // An old share link in the address bar would bring its code back on reload.
    const { location, history } = block.win;
    if (parseShareHash(location.hash)?.session === block.session) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    block.client.start();
    block.run(example.code);
  }

  /** After a share link loaded code for review: select its example when the code is one (nothing runs). */
  follow() {
    const code = this.block.sharedCode;
    if (typeof code !== "string" || this.block.editor.getValue() !== code) return;
    const example = this.examples.find((item) => item.code === code);
    if (example && example !== this.current) this.adopt(example);
    else if (example) this.block.updateCodeView();
  }
}

/**
 * A picker for each block whose data has examples; returns them. Call after the blocks are
 * made and after page.js listens for share links, so a link's code is loaded before `follow`.
 */
export function setupPickers(blocks, t, win = window) {
  const pickers = [];
  for (const block of blocks) {
    const examples = examplesOf(block.data);
    if (examples.length > 0) pickers.push(new Picker(block, examples, t));
  }
  if (pickers.length > 0) win.addEventListener("hashchange", () => pickers.forEach((picker) => picker.follow()));
  return pickers;
}
