// The example picker in Node: the real Client, LiveBlock and picker on the fake DOM, with a
// fake worker. What the menu offers, what picking sends, and how share links and Reset follow.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Client } from "../../runtime/web/src/client.js";
import { translator } from "../../runtime/web/src/i18n.js";
import { LiveBlock } from "../../runtime/web/src/live-block.js";
import { examplesOf, setupPickers } from "../../runtime/web/src/picker.js";
import { shareHash } from "../../runtime/web/src/share.js";
import { Document, find, findAll } from "./fake-dom.mjs";

const TODO = 'st.title("To-do list")\n';
const EXAMPLES = [
  { id: "todo", name: "待办事项清单", code: TODO, config: null, steps: [{ expect: { title: ["To-do list"] } }] },
  { id: "counter", name: "计数器", code: 'st.button("Increment")\n', config: null, steps: [{ action: "click", target: "Increment", expect: {} }] },
  { id: "slow", name: "慢", code: "import time\n", config: "[runner]\nmagicEnabled = false\n", steps: [{ expect: {} }], timeout: 30 },
];

class FakeWorker {
  constructor(log) {
    this.log = log;
  }

  postMessage(message) {
    // Every run and event asks for its run's report (the timeline's; see timeline.test.mjs): the
    // log keeps the rest of the message, as the tests here spell it.
    const { report, ...rest } = message;
    if (message.type === "run" || message.type === "event") assert.equal(report, true);
    this.log.push(rest);
  }

  terminate() {}
}

function fakeWindow(hash = "") {
  const listeners = [];
  const win = {
    location: { href: `https://docs.example/zh/playground/${hash}`, hash, pathname: "/zh/playground/", search: "" },
    history: { replaceState: (state, title, url) => { win.replaced = url; } },
    navigator: {},
    replaced: null,
    addEventListener: (type, listener) => listeners.push([type, listener]),
    fire: (type) => listeners.filter(([name]) => name === type).forEach(([, listener]) => listener()),
  };
  return win;
}

function setup({ code = TODO, examples = EXAMPLES, sharedCode = null, hash = "", template = false } = {}) {
  const doc = new Document();
  doc.append(doc.body); // so that document-wide queries reach the page
  const root = doc.createElement("div");
  root.className = "st-live";
  const codeView = doc.createElement("div");
  codeView.className = "st-live-code";
  codeView.textContent = code;
  root.append(codeView);
  doc.body.append(root);
  if (template) {
    // What the build leaves for an example: its highlighted code, hidden.
    const holder = doc.createElement("div");
    holder.className = "st-example";
    holder.setAttribute("data-for", "playground");
    holder.setAttribute("data-example", "counter");
    const hidden = doc.createElement("div");
    hidden.className = "st-example-code";
    const pre = doc.createElement("pre");
    pre.className = "highlighted";
    pre.textContent = "highlighted counter";
    pre.cloneNode = () => {
      const copy = doc.createElement("pre");
      copy.className = "highlighted copy";
      copy.textContent = pre.textContent;
      return copy;
    };
    hidden.append(pre);
    holder.append(hidden);
    doc.body.append(holder);
  }
  const posted = [];
  const workers = [];
  const client = new Client({ spawn: () => { const w = new FakeWorker(posted); workers.push(w); return w; } });
  const win = fakeWindow(hash);
  const t = translator("zh");
  const data = { id: "playground", code, config: null, steps: [{ expect: { title: ["To-do list"] } }], elements: [], examples };
  // CodeMirror needs a real browser (tests/browser/test_editor.py): here the textarea stays the editor.
  const block = new LiveBlock(root, { data, session: "playground", client, t, doc, win, sharedCode, loadEditor: () => new Promise(() => {}) });
  const [picker] = setupPickers([block], t, win);
  const reply = (message) => workers.at(-1).onmessage({ data: message });
  const requests = () => posted.filter((m) => m.type !== "init");
  return { doc, root, block, picker, client, reply, requests, win };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function choose(picker, id) {
  picker.select.value = id;
  picker.select.fire("change");
}

test("the menu sits above the toolbar, labelled in the page's language, with the examples' own names", () => {
  const { root, picker } = setup();
  const order = root.children.map((el) => el.className.split(" ")[0]);
  assert.deepEqual(order.slice(0, 3), ["st-picker", "st-live-toolbar", "st-live-code"]);
  const label = find(root, "label");
  assert.equal(label.textContent, "示例");
  assert.equal(label.getAttribute("for"), picker.select.getAttribute("id"));
  assert.deepEqual(findAll(picker.select, "option").map((o) => [o.value, o.textContent]), [
    ["todo", "待办事项清单"], ["counter", "计数器"], ["slow", "慢"],
  ]);
  assert.equal(picker.select.value, "todo", "the block's own code is the to-do example");
});

test("picking an example runs its code at once, with its config; Reset and Check then use it", async () => {
  const { block, picker, client, reply, requests, root } = setup();
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "playground", elements: [], log: [] });
  await settle();
  choose(picker, "slow");
  assert.deepEqual(requests().at(-1), { type: "run", session: "playground", code: "import time\n", config: "[runner]\nmagicEnabled = false\n", id: 2 });
  assert.equal(block.editor.getValue(), "import time\n");
  assert.equal(block.timeoutSeconds, 30);
  assert.equal(root.classList.contains("st-edited"), false, "the picked example is the block's example now");
  assert.equal(find(root, ".st-live-code").textContent, "import time\n", "without the build's highlighted copy, plain code");
  reply({ type: "render", id: 2, session: "playground", elements: [], log: [] });
  await settle();

  block.editor.setValue("edited\n");
  find(root, "button.st-tool-check").click();
  assert.deepEqual(requests().at(-1).steps, EXAMPLES[2].steps);
  reply({ type: "checked", id: 3, failures: [] });
  await settle();
  findAll(root, "button.st-tool").find((b) => b.textContent === "重置").click();
  assert.equal(block.editor.getValue(), "import time\n");
  assert.equal(requests().at(-1).code, "import time\n");
});

test("the code view shows the build's highlighted code of the picked example, and the to-do's own again", () => {
  const { root, picker } = setup({ template: true });
  const original = find(root, ".st-live-code").textContent;
  choose(picker, "counter");
  assert.equal(find(root, ".st-live-code pre").className, "highlighted copy");
  assert.equal(find(root, ".st-live-code").textContent, "highlighted counter");
  choose(picker, "todo");
  assert.equal(find(root, ".st-live-code").textContent, TODO);
  assert.notEqual(original, "");
});

test("picking replaces the reader's edit and hides a share link's note; the link leaves the address bar", () => {
  const hash = shareHash("playground", "print(1)\n");
  const { block, picker, win } = setup({ sharedCode: "print(1)\n", hash });
  assert.equal(block.sharedNote.hidden, false);
  assert.equal(picker.select.value, "todo", "code from a link that is no example leaves the menu as it was");
  choose(picker, "counter");
  assert.equal(block.editor.getValue(), 'st.button("Increment")\n');
  assert.equal(block.sharedNote.hidden, true);
  assert.equal(win.replaced, "/zh/playground/");
});

test("a share link whose code is an example selects it; its code waits for Run", () => {
  const { block, picker, requests, win } = setup({ sharedCode: 'st.button("Increment")\n' });
  assert.equal(picker.select.value, "counter");
  assert.equal(block.original, 'st.button("Increment")\n');
  assert.equal(block.sharedNote.hidden, false);
  assert.deepEqual(requests(), []);
  // A link pasted later: page.js loads it into the block, then the picker follows.
  block.loadShared("import time\n");
  win.fire("hashchange");
  assert.equal(picker.select.value, "slow");
  assert.equal(block.data.config, "[runner]\nmagicEnabled = false\n");
});

test("a block whose own code is no example keeps it as a first option, named in the page's language", () => {
  const { picker, block } = setup({ code: "x = 1\n" });
  assert.deepEqual(findAll(picker.select, "option").map((o) => o.textContent), ["起始示例", "待办事项清单", "计数器", "慢"]);
  assert.equal(picker.select.value, "");
  choose(picker, "counter");
  choose(picker, "");
  assert.equal(block.editor.getValue(), "x = 1\n");
  assert.equal(block.data.steps.length, 1);
});

test("malformed examples are left out, and a block without examples gets no menu", () => {
  assert.deepEqual(examplesOf({ examples: [{ id: "a", name: " ", code: "" }, { id: "b", name: "B" }, null, { id: "c", name: "C", code: "x", timeout: -1 }, { id: "c", name: "D", code: "y" }] }),
    [{ id: "c", name: "C", code: "x", steps: [], config: null, timeout: 10 }]);
  assert.deepEqual(examplesOf({}), []);
  const { root } = setup({ examples: [] });
  assert.equal(find(root, ".st-picker"), null);
});
