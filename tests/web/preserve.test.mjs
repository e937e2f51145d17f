// A rerender keeps what the reader opened, focused, scrolled or typed: the keys, capture
// and restore of preserve.js on the real renderers and the fake DOM.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { translator } from "../../runtime/web/src/i18n.js";
import { assignKeys, keyOf, replacePreserving, watchReader } from "../../runtime/web/src/preserve.js";
import { renderTree } from "../../runtime/web/src/render.js";
import { Document, Element, find, findAll } from "./fake-dom.mjs";

// The fake DOM has no selection; text fields get one here, as in a browser.
Element.prototype.setSelectionRange = function setSelectionRange(start, end, direction = "none") {
  const length = String(this.value ?? "").length;
  Object.assign(this, { selectionStart: Math.min(start, length), selectionEnd: Math.min(end, length), selectionDirection: direction });
};

function page() {
  const doc = new Document();
  const root = doc.createElement("div");
  doc.body.append(root);
  const calls = [];
  let n = 0;
  const ctx = {
    doc,
    t: translator("en"),
    uid: () => `id${++n}`,
    shown: (node) => node.value,
    trigger: (node) => calls.push(["trigger", node.id]),
    change: (node, value) => calls.push(["change", node.id, value]),
    submitForm: () => {},
  };
  // As a browser does, removing an edited focused field sends it change, then blur.
  const replace = root.replaceChildren.bind(root);
  root.replaceChildren = (...nodes) => {
    if (doc.activeElement && root.contains(doc.activeElement)) {
      const removed = doc.activeElement;
      doc.activeElement = doc.body;
      removed.fire("change");
      removed.fire("blur");
    }
    replace(...nodes);
  };
  const removeChild = root.removeChild.bind(root);
  const blurs = [];
  root.removeChild = (node) => {
    if (doc.activeElement && node.contains(doc.activeElement)) {
      const removed = doc.activeElement;
      doc.activeElement = doc.body;
      blurs.push(removed);
      removed.fire("blur");
    }
    return removeChild(node);
  };
  // What LiveBlock.show does.
  const show = (elements) => replacePreserving(root, renderTree(elements, ctx), { doc });
  return { doc, root, show, calls, blurs };
}

const slider = (value, extra = {}) => ({ type: "slider", id: "$$ID-s-level", key: "level", label: "Level", min: 0, max: 10, step: 1, data_type: "int", value, ...extra });
const textInput = (value) => ({ type: "text_input", id: "$$ID-t-name", label: "Name", value, input_type: "default" });
const expander = (label, expanded, children) => ({ type: "expander", label, expanded, children });
const exception = (message) => ({ type: "exception", exc_type: "ValueError", message, stack_trace: ["File \"app.py\", line 3", "raise ValueError"] });

describe("keys", () => {
  test("widgets are named by their id, blocks by type, label and rank among their siblings", () => {
    const tree = [
      { type: "markdown", body: "a" },
      expander("One", false, [slider(1)]),
      { type: "markdown", body: "b" },
      expander("One", false, []),
      expander("Two", false, [{ type: "markdown", body: "c" }]),
    ];
    assignKeys(tree, (node) => typeof node.id === "string");
    assert.equal(keyOf(tree[1].children[0]), 'w:"$$ID-s-level"');
    assert.notEqual(keyOf(tree[1]), keyOf(tree[3]));
    assert.equal(keyOf(tree[2]), '/["markdown"]#1');
    // A markdown inserted before an expander does not rename it.
    const moved = [{ type: "markdown", body: "new" }, ...tree];
    assignKeys(moved, (node) => typeof node.id === "string");
    assert.equal(keyOf(moved[2]), keyOf(tree[1]));
    assert.equal(keyOf(moved[5].children[0]), `${keyOf(tree[4])}/["markdown"]#0`);
  });

  test("labels cannot forge another element's key", () => {
    const a = [expander('x"]#0/["markdown"]', false, [{ type: "markdown", body: "m" }])];
    const b = [expander("x", false, [])];
    assignKeys(a, () => false);
    assignKeys(b, () => false);
    assert.notEqual(keyOf(a[0].children[0]), keyOf(b[0]));
    assert.doesNotMatch(keyOf(a[0]), /^\/\["expander","x"\]#0$/);
  });
});

describe("details", () => {
  test("an expander the reader opened stays open; one the reader closed stays closed", () => {
    const { root, show } = page();
    show([expander("Details", false, [slider(1)]), expander("Open", true, [])]);
    const [details, open] = findAll(root, "details.st-expander");
    assert.equal(Boolean(details.open), false);
    details.open = true; // the reader opens it
    open.open = false; // and closes the other
    show([expander("Details", false, [slider(2)]), expander("Open", true, [])]);
    const [again, openAgain] = findAll(root, "details.st-expander");
    assert.notEqual(again, details, "a new element");
    assert.equal(Boolean(again.open), true);
    assert.equal(Boolean(openAgain.open), false);
  });

  test("the script's expanded= decides when it changed since the last render", () => {
    const { root, show } = page();
    show([expander("X", false, [])]);
    find(root, "details").open = true;
    show([expander("X", false, [])]);
    assert.equal(Boolean(find(root, "details").open), true);
    show([expander("X", true, [])]); // unchanged reader state, the script now says open
    assert.equal(Boolean(find(root, "details").open), true);
    find(root, "details").open = false;
    show([expander("X", true, [])]);
    assert.equal(Boolean(find(root, "details").open), false, "the reader closed it, the script still says true");
    show([expander("X", false, [])]);
    assert.equal(Boolean(find(root, "details").open), false);
    find(root, "details").open = true;
    show([expander("X", true, [])]);
    assert.equal(Boolean(find(root, "details").open), true);
    show([expander("X", false, [])]);
    assert.equal(Boolean(find(root, "details").open), false, "the script closed it");
  });

  test("a gone element starts over; another label is another expander", () => {
    const { root, show } = page();
    show([expander("A", false, [])]);
    find(root, "details").open = true;
    show([]);
    show([expander("A", false, [])]);
    assert.equal(Boolean(find(root, "details").open), false);
    find(root, "details").open = true;
    show([expander("B", false, [])]);
    assert.equal(Boolean(find(root, "details").open), false);
  });

  test("an opened traceback stays open across reruns that still raise; collapsed json too", () => {
    const { root, show } = page();
    show([{ type: "json", body: "[1]", expanded: false }, exception("first")]);
    find(root, "details.st-traceback").open = true;
    find(root, "details.st-json-collapsed").open = true;
    show([{ type: "json", body: "[2]", expanded: false }, exception("second")]);
    assert.equal(find(root, ".st-exception-message").textContent, "second");
    assert.equal(Boolean(find(root, "details.st-traceback").open), true);
    assert.equal(Boolean(find(root, "details.st-json-collapsed").open), true);
  });
});

describe("focus, caret and typing", () => {
  test("focus stays on a slider inside an expander, and on a range's second thumb", () => {
    const { doc, root, show } = page();
    show([expander("Details", false, [slider(1), slider([2, 5], { id: "$$ID-r" })])]);
    find(root, "details").open = true;
    findAll(root, "input.st-range")[0].focus();
    show([expander("Details", false, [slider(2), slider([2, 5], { id: "$$ID-r" })])]);
    assert.equal(doc.activeElement, findAll(root, "input.st-range")[0]);
    assert.equal(doc.activeElement.value, "2");
    findAll(root, "input.st-range")[2].focus();
    show([expander("Details", false, [slider(2), slider([3, 5], { id: "$$ID-r" })])]);
    assert.equal(doc.activeElement, findAll(root, "input.st-range")[2]);
  });

  test("focus on a button follows its widget id, wherever the button moves", () => {
    const { doc, root, show } = page();
    const button = { type: "button", id: "go", label: "Go", value: false };
    show([button]);
    find(root, "button").focus();
    show([{ type: "markdown", body: "new" }, { type: "columns", children: [{ type: "column", children: [button] }] }]);
    assert.equal(doc.activeElement, find(root, "button"));
  });

  test("caret and selection survive; typing not yet committed stays, and blur commits it", () => {
    const { doc, root, show, calls } = page();
    show([textInput("hello world"), slider(1)]);
    const input = find(root, "input.st-input");
    input.focus();
    input.value = "hello, world"; // typed, not committed
    input.setSelectionRange(5, 6, "forward");
    show([textInput("hello world"), slider(2)]); // a rerun from elsewhere
    assert.deepEqual(calls, [], "the change and blur of the removed field commit nothing");
    const again = find(root, "input.st-input");
    assert.notEqual(again, input);
    assert.equal(doc.activeElement, again);
    assert.equal(again.value, "hello, world");
    assert.deepEqual([again.selectionStart, again.selectionEnd, again.selectionDirection], [5, 6, "forward"]);
    again.fire("blur");
    assert.deepEqual(calls, [["change", "$$ID-t-name", "hello, world"]]);
  });

  test("typing after Enter stays too; a value the script set wins over typing", () => {
    const { root, show } = page();
    show([textInput("")]);
    let input = find(root, "input.st-input");
    input.focus();
    input.value = "abc";
    input.fire("keydown", { key: "Enter" }); // committed
    input.value = "abcd"; // and typing on while the rerun runs
    show([textInput("abc")]);
    input = find(root, "input.st-input");
    assert.equal(input.value, "abcd");
    show([textInput("")]); // the script cleared the field (e.g. a callback)
    assert.equal(find(root, "input.st-input").value, "");
  });

  test("focus on an expander's summary or a traceback's summary comes back", () => {
    const { doc, root, show } = page();
    show([expander("A", false, []), exception("one")]);
    find(root, "details.st-traceback summary").focus();
    show([expander("A", false, []), exception("two")]);
    assert.equal(doc.activeElement, find(root, "details.st-traceback summary"));
    find(root, "details.st-expander summary").focus();
    show([{ type: "markdown", body: "above" }, expander("A", false, []), exception("three")]);
    assert.equal(doc.activeElement, find(root, "details.st-expander summary"));
  });

  test("a number the reader is typing stays, and is read when the reader leaves", () => {
    const { doc, root, show, calls } = page();
    const number = (value) => ({ type: "number_input", id: "n", label: "N", value, data_type: "int", step: 1 });
    show([number(1), textInput("")]);
    find(root, "input.st-input").focus();
    find(root, "input.st-input").value = "12";
    show([number(1), textInput("x")]);
    assert.equal(doc.activeElement.value, "12");
    doc.activeElement.fire("blur");
    assert.deepEqual(calls, [["change", "n", 12]]);
  });

  test("once a drag is sent, the script's answer decides where the thumb is, even its old value", () => {
    // (Replies to older events of the block are not rendered while a newer one is on its way:
    // live-block.js skips them, so this render is the script's answer to the drag.)
    const { doc, root, show } = page();
    show([slider(7)]);
    const thumb = find(root, "input.st-range");
    thumb.focus();
    thumb.value = "1";
    thumb.fire("change");
    show([slider(7)]); // the script sets the slider back through session state, as Streamlit shows it
    assert.equal(doc.activeElement.value, "7");
    show([slider(3)]); // the script moved it
    assert.equal(find(root, "input.st-range").value, "3");
  });
});

test("scroll offsets of scrollable parts come back", () => {
  const { root, show } = page();
  const editor = { type: "data_editor", id: "grid", columns: ["a"], rows: [[1]], value: [[1]], num_rows: "fixed" };
  const code = { type: "code", body: "x = 1\n".repeat(200), language: "python" };
  show([editor, code]);
  // The browser tells the output's capturing scroll listener; this DOM does not, so the test does.
  const scroll = (el, field, value) => {
    el[field] = value;
    root.fire("scroll", { target: el });
  };
  scroll(find(root, ".st-table-scroll"), "scrollLeft", 40);
  scroll(find(root, "pre.st-code"), "scrollTop", 120);
  show([editor, code]);
  assert.equal(find(root, ".st-table-scroll").scrollLeft, 40);
  assert.equal(find(root, "pre.st-code").scrollTop, 120);
  show([editor, code]); // twice: what a restore scrolled is known before its scroll event comes
  assert.equal(find(root, ".st-table-scroll").scrollLeft, 40);
  assert.equal(find(root, "pre.st-code").scrollTop, 120);
});

test("watchReader: busy while composing or dragging a slider, idle afterwards", async () => {
  const doc = new Document();
  const root = doc.createElement("div");
  let idle = 0;
  const busy = watchReader(root, null, () => { idle += 1; });
  root.fire("compositionstart");
  assert.equal(busy.active, true);
  root.fire("compositionend");
  assert.equal(busy.active, false);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(idle, 1);
  root.fire("pointerdown", { target: { type: "text" } });
  assert.equal(busy.active, false);
  root.fire("pointerdown", { target: { type: "range" } });
  assert.equal(busy.active, true);
  root.fire("change", { target: { type: "checkbox" } }); // another widget's change ends no drag
  assert.equal(busy.active, true);
  root.fire("change", { target: { type: "range" } });
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(busy.active, false);
  assert.equal(idle, 2);
});

describe("what shows the same stays", () => {
  const button = (extra = {}) => ({ type: "button", id: "$$ID-b-go", label: "Increment", value: true, ...extra });
  const count = (n) => ({ type: "markdown", body: `Count = ${n}` });

  test("a button shown again as it was is the same element, still focused; the new text replaces the old", () => {
    const { doc, root, show, blurs } = page();
    show([{ type: "title", body: "Counter" }, button(), count(0)]);
    const clicked = find(root, "button.st-button");
    clicked.focus();
    const text = root.childNodes[2];
    show([{ type: "title", body: "Counter" }, button(), count(1)]);
    assert.equal(find(root, "button.st-button"), clicked);
    assert.equal(doc.activeElement, clicked);
    assert.deepEqual(blurs, []);
    assert.notEqual(root.childNodes[2], text);
    assert.match(root.textContent, /Count = 1/);
  });

  test("a button whose node changed, even where the DOM does not show it, is a new element", () => {
    const { doc, root, show } = page();
    const download = (data) => button({ type: "download_button", id: "$$ID-d", label: "Save", value: false, data, file_name: "a.txt" });
    show([download("one")]);
    const first = find(root, "button.st-button");
    first.focus();
    show([download("two")]);
    const second = find(root, "button.st-button");
    assert.notEqual(second, first);
    assert.equal(doc.activeElement, second, "focus follows to the new button");
  });

  test("what holds a form control is always drawn anew (its live value is not in its DOM)", () => {
    const { root, show } = page();
    show([slider(4)]);
    const first = find(root, "input.st-range");
    show([slider(4)]);
    assert.notEqual(find(root, "input.st-range"), first);
  });

  test("a different number of elements replaces them all", () => {
    const { root, show } = page();
    show([button(), count(0)]);
    const clicked = find(root, "button.st-button");
    show([button(), count(0), count(1)]);
    assert.notEqual(find(root, "button.st-button"), clicked);
    assert.equal(root.childNodes.length, 3);
  });
});
