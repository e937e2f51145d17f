// A live block driven end to end in Node: the real Client and LiveBlock, a fake worker
// and the fake DOM. What the page sends, in which order, and what it shows.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Client } from "../../runtime/web/src/client.js";
import { loadTable } from "../../runtime/web/src/entities.js";
import { translator } from "../../runtime/web/src/i18n.js";
import { LiveBlock } from "../../runtime/web/src/live-block.js";
import { Document, find, findAll } from "./fake-dom.mjs";

const COUNTER_TREE = (count, value = false) => [
  { type: "title", body: "Counter", help: null },
  { type: "button", label: "Increment", help: null, kind: "secondary", icon: null, disabled: false, id: "inc", key: null, form_id: "", value },
  { type: "markdown", body: `Count =  \`${count}\``, help: null },
];

const FORM_TREE = [
  {
    type: "form", form_id: "f", clear_on_submit: false, border: true, enter_to_submit: true, children: [
      { type: "text_input", id: "name", form_id: "f", label: "Name", value: "", input_type: "default" },
      { type: "checkbox", id: "ok", form_id: "f", label: "OK", value: false },
      { type: "form_submit_button", id: "go", form_id: "f", label: "Submit", kind: "secondary", value: false },
    ],
  },
];

class FakeWorker {
  constructor(log) {
    this.log = log;
    this.terminated = false;
  }

  postMessage(message) {
    // Every run and event asks for its run's report (the timeline's; see timeline.test.mjs): the
    // log keeps the rest of the message, as the tests here spell it.
    const { report, ...rest } = message;
    if (message.type === "run" || message.type === "event") assert.equal(report, true);
    this.log.push(rest);
  }

  terminate() {
    this.terminated = true;
  }
}

function fakeWindow(href = "https://docs.example/zh/guide/") {
  const win = {
    location: { href, hash: "", pathname: new URL(href).pathname, search: "" },
    history: { replaceState: (state, title, url) => { win.replaced = url; } },
    navigator: {},
    replaced: null,
  };
  return win;
}

function setup({ tree = COUNTER_TREE(0), steps = [], lang = "en", id = "counter", code = "code v1", sharedCode = null } = {}) {
  const doc = new Document();
  const root = doc.createElement("div");
  root.className = "st-live";
  const data = doc.createElement("script");
  data.className = "st-live-data";
  const codeView = doc.createElement("div");
  codeView.className = "st-live-code";
  codeView.textContent = code;
  root.append(data, codeView);
  doc.body.append(root);

  const posted = [];
  const workers = [];
  const client = new Client({ spawn: () => { const w = new FakeWorker(posted); workers.push(w); return w; } });
  const win = fakeWindow();
  const block = new LiveBlock(root, {
    data: { id, code, config: null, steps, elements: tree }, session: id, client, t: translator(lang), doc, win, sharedCode,
    loadEditor: NO_CODEMIRROR,
  });
  const reply = (message) => workers.at(-1).onmessage({ data: message });
  const requests = () => posted.filter((m) => m.type !== "init");
  return { doc, root, block, client, workers, posted, requests, reply, win };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
// CodeMirror needs a real browser (tests/browser/test_editor.py): here the textarea stays the editor.
const NO_CODEMIRROR = () => new Promise(() => {});

test("the first tree paints at once, before any worker exists", () => {
  const { root, workers } = setup();
  assert.equal(find(root, ".st-output .st-markdown").textContent, "Count =  0");
  assert.equal(workers.length, 0);
  const order = root.children.map((el) => el.className.split(" ")[0]);
  assert.deepEqual(order.slice(0, 3), ["st-live-data", "st-live-toolbar", "st-live-code"]);
});

test("a tree naming a rare character reference is shown once HTML's whole table is in", async () => {
  const tree = [{ type: "markdown", body: "Caf&eacute; &copy;", help: null }];
  const { root } = setup({ tree });
  assert.equal(find(root, ".st-output .st-markdown"), null); // not yet: the table decides what &eacute; is
  await loadTable();
  await Promise.resolve();
  assert.equal(find(root, ".st-output .st-markdown").textContent, "Caf\u00e9 \u00a9");
  const { root: later } = setup({ tree }); // the table is in: at once
  assert.equal(find(later, ".st-output .st-markdown").textContent, "Caf\u00e9 \u00a9");
});

test("toolbar labels are in the page language", () => {
  const { root } = setup({ lang: "ja", steps: [{ expect: {} }] });
  const labels = findAll(root, "button.st-tool").map((b) => b.textContent);
  assert.deepEqual(labels, ["編集", "実行", "リセット", "リンクをコピー", "停止", "ドキュメントと照合"]);
  assert.equal(find(root, ".st-live-output-label").textContent, "出力");
  assert.equal(root.getAttribute("aria-label"), "ライブサンプル");
});

test("a click before Python is ready starts it, and is replayed after the block's first run", async () => {
  const { root, client, requests, reply } = setup();
  find(root, "button.st-button").click();
  assert.equal(client.state, "loading");
  assert.equal(find(root, ".st-status-text").textContent, "Loading Python…");
  assert.equal(find(root, ".st-progress").hidden, false);
  assert.deepEqual(requests(), []);

  reply({ type: "ready" });
  assert.deepEqual(requests().map((m) => m.type), ["run"]);
  assert.deepEqual(requests()[0], { type: "run", session: "counter", code: "code v1", config: null, id: 1 });
  reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
  await settle();
  assert.deepEqual(requests()[1], { type: "event", session: "counter", widget: "inc", trigger: true, id: 2 });
  reply({ type: "render", id: 2, session: "counter", elements: COUNTER_TREE(1, true), log: [] });
  await settle();
  assert.equal(find(root, ".st-markdown").textContent, "Count =  1");
  assert.equal(find(root, ".st-progress").hidden, true);
});

test("form widgets send nothing until the submit button, which sends all their values", async () => {
  const { root, client, requests, reply } = setup({ tree: FORM_TREE });
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: FORM_TREE, log: [] });
  await settle();

  const [name, ok] = findAll(root, ".st-output input");
  name.value = "Ada";
  name.fire("change");
  ok.checked = true;
  ok.fire("change");
  assert.deepEqual(requests().map((m) => m.type), ["run"]);

  find(root, ".st-output button").click();
  const submit = requests().at(-1);
  assert.deepEqual(submit, { type: "event", session: "counter", widget: "go", trigger: true, values: { name: "Ada", ok: true }, id: 2 });
});

test("a form keeps the reader's unsent values across a re-render, and Enter submits it", async () => {
  const tree = [...FORM_TREE, { type: "button", id: "other", form_id: "", label: "Other", kind: "secondary", value: false }];
  const { root, client, requests, reply } = setup({ tree });
  client.start();
  reply({ type: "ready" });
  const name = find(root, ".st-output input");
  name.value = "Bo";
  name.fire("change");
  findAll(root, ".st-output button").at(-1).click(); // another widget reruns the script
  reply({ type: "render", id: 1, session: "counter", elements: tree, log: [] });
  await settle();
  reply({ type: "render", id: 2, session: "counter", elements: tree, log: [] });
  await settle();
  const again = find(root, ".st-output input");
  assert.equal(again.value, "Bo", "held value shown again");
  again.fire("keydown", { key: "Enter" });
  assert.deepEqual(requests().at(-1).values, { name: "Bo", ok: false });
});

test("an error reply is shown in the block, not thrown", async () => {
  const { root, client, reply } = setup({ lang: "zh" });
  client.start();
  reply({ type: "ready" });
  reply({ type: "error", id: 1, message: "KeyError: 'counter'" });
  await settle();
  const notice = find(root, ".st-live-notice");
  assert.equal(notice.hidden, false);
  assert.equal(notice.textContent, "出错了：KeyError: 'counter'");
});

test("a failed load is reported in the page language, with a Retry that loads again and runs the block", async () => {
  const { root, client, workers, requests, reply } = setup({ lang: "ja" });
  client.start();
  reply({ type: "fatal", message: "404" });
  await settle();
  assert.equal(find(root, ".st-live-notice span").textContent, "Python を読み込めませんでした：404");
  const retry = find(root, ".st-live-notice button");
  assert.equal(retry.textContent, "再試行");
  retry.click();
  assert.equal(workers.length, 2);
  assert.equal(find(root, ".st-live-notice").hidden, true, "the notice goes once loading starts again");
  reply({ type: "ready" });
  assert.deepEqual(requests().filter((m) => m.type === "run").map((m) => m.id), [1], "the block's first run was kept");
});

test("Run sends the editor's text; Reset restores the original code in a fresh session", async () => {
  const { root, block, client, requests, reply } = setup();
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
  find(root, "button.st-tool-edit").click();
  assert.equal(find(root, ".st-live-editor").hidden, false);
  assert.equal(find(root, ".st-live-code").hidden, true);
  const textarea = find(root, "textarea.st-editor");
  textarea.value = "code v2";
  textarea.fire("input");
  find(root, "button.st-tool-run").click();
  assert.equal(requests().at(-1).code, "code v2");
  reply({ type: "render", id: 2, session: "counter", elements: COUNTER_TREE(0), log: [] });
  find(root, "button.st-tool-edit").click();
  assert.equal(find(root, ".st-live-plain").hidden, false, "the edited code is shown instead of the original");
  assert.equal(find(root, ".st-live-plain").textContent, "code v2");

  const buttons = findAll(root, "button.st-tool");
  buttons.find((b) => b.textContent === "Reset").click();
  assert.equal(block.editor.getValue(), "code v1");
  assert.deepEqual(requests().at(-1), { type: "run", session: "counter", code: "code v1", config: null, id: 3 });
  assert.equal(find(root, ".st-live-code").hidden, false);
});

test("Ctrl+Enter in the editor runs, Tab indents with four spaces", () => {
  const { root, block, client, requests, reply } = setup();
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
  const textarea = find(root, "textarea.st-editor");
  textarea.value = "x";
  let inserted = null;
  textarea.setRangeText = (text) => { inserted = text; };
  const tab = textarea.fire("keydown", { key: "Tab" });
  assert.equal(tab.defaultPrevented, true);
  assert.equal(inserted, "    ");
  textarea.fire("keydown", { key: "Escape" });
  assert.equal(textarea.fire("keydown", { key: "Tab" }).defaultPrevented, false, "after Esc, Tab leaves");
  textarea.fire("keydown", { key: "Enter", ctrlKey: true });
  assert.equal(requests().at(-1).code, "x");
  assert.ok(find(root, ".st-editor-hint").textContent.includes("Ctrl+Enter"));
});

test("Check sends code and steps; the answer is shown in the page language", async () => {
  const steps = [{ action: "click", target: "Increment", expect: { markdown: ["Count =  `1`"] } }];
  const { root, client, requests, reply } = setup({ steps, lang: "zh" });
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
  find(root, "button.st-tool-check").click();
  assert.deepEqual(requests().at(-1), { type: "check", code: "code v1", steps, config: null, lang: "zh", id: 2 });
  reply({ type: "checked", id: 2, ok: true, failures: [] });
  await settle();
  assert.equal(find(root, ".st-check-ok").textContent, "✓ 与文档一致");

  find(root, "button.st-tool-check").click();
  const failure = "第 1 步（点击“Increment”）：页面应显示文字“Count = `1`”，实际显示的是“Count = `0`”。";
  reply({ type: "checked", id: 3, ok: false, failures: [failure] });
  await settle();
  assert.equal(find(root, ".st-check-fail").textContent, "✗ 与文档不一致");
  assert.equal(find(root, ".st-check-failures li").textContent, failure);
});

test("Check sends the page's language: ja and en", () => {
  for (const lang of ["ja", "en"]) {
    const { root, client, requests, reply } = setup({ steps: [{ expect: {} }], lang });
    client.start();
    reply({ type: "ready" });
    reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
    find(root, "button.st-tool-check").click();
    assert.equal(requests().at(-1).type, "check");
    assert.equal(requests().at(-1).lang, lang);
  }
});

test("Stop is enabled only while a request runs; stopping restarts and restores the block", async () => {
  const { root, client, workers, requests, reply } = setup();
  const stop = find(root, "button.st-tool-stop");
  client.start();
  reply({ type: "ready" });
  assert.equal(stop.disabled, false, "the first run is in flight");
  reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
  await settle();
  assert.equal(stop.disabled, true);

  find(root, ".st-output button").click(); // a callback that never returns
  assert.equal(stop.disabled, false);
  stop.click();
  assert.equal(workers[0].terminated, true);
  reply({ type: "ready" });
  assert.deepEqual(requests().at(-1), { type: "run", session: "counter", code: "code v1", config: null, events: [], id: 3 });
  reply({ type: "render", id: 3, session: "counter", elements: COUNTER_TREE(0), log: [], replayed: 0 });
  await settle();
  assert.match(find(root, ".st-live-notice").textContent, /^Stopped\. Python was restarted, and this example is back/);
  assert.equal(find(root, ".st-markdown").textContent, "Count =  0");
});

test("a script that itself runs away is not rerun after a restart", async () => {
  const { root, block, client, requests, reply } = setup();
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
  await settle();
  block.editor.setValue("while True: pass");
  find(root, "button.st-tool-run").click();
  find(root, "button.st-tool-stop").click();
  reply({ type: "ready" });
  await settle();
  assert.deepEqual(requests().filter((m) => m.type === "run").map((m) => m.code), ["code v1", "while True: pass"]);
  assert.match(find(root, ".st-live-notice").textContent, /click Run/);
  assert.equal(find(root, ".st-output").childNodes.length, 0);
});

test("Copy link falls back to the address bar without a clipboard", async () => {
  const { root, win } = setup();
  const copy = findAll(root, "button.st-tool").find((b) => b.textContent === "Copy link");
  await copy.listeners.get("click")[0]();
  assert.equal(win.replaced, "https://docs.example/zh/guide/#live-counter=Y29kZSB2MQ.ae2c7a9f");
  assert.equal(copy.textContent, "✓ The link is in the address bar");
});

test("Copy link writes the share URL to the clipboard", async () => {
  const { root, win } = setup();
  let written = null;
  win.navigator.clipboard = { writeText: async (text) => { written = text; } };
  const copy = findAll(root, "button.st-tool").find((b) => b.textContent === "Copy link");
  await copy.listeners.get("click")[0]();
  assert.equal(written, "https://docs.example/zh/guide/#live-counter=Y29kZSB2MQ.ae2c7a9f");
  assert.equal(copy.textContent, "✓ Link copied");
});

test("server log lines are shown under the output", async () => {
  const { root, client, reply } = setup({ lang: "ja" });
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: [], log: ['The widget with key "k" was created with a default value'] });
  await settle();
  const log = find(root, ".st-live-log");
  assert.equal(log.hidden, false);
  assert.equal(find(log, ".st-live-log-title").textContent, "サーバーログ");
});

test("log lines left out are counted below the log, with the page's thousands separators", async () => {
  for (const [lang, more] of [["en", "… 19,800 more lines"], ["zh", "……另有 19,800 行未显示"], ["ja", "…ほかに 19,800 行"]]) {
    const { root, client, reply } = setup({ lang });
    client.start();
    reply({ type: "ready" });
    reply({ type: "render", id: 1, session: "counter", elements: [], log: ["0", "1"], log_dropped: 19800 });
    await settle();
    const log = find(root, ".st-live-log");
    assert.equal(log.hidden, false);
    assert.equal(find(log, "pre").textContent, "0\n1");
    assert.equal(find(log, ".st-live-log-more").textContent, more);
  }
});

test("one line left out is said in the singular; none, nothing is added", async () => {
  const { root, block, client, reply } = setup({ lang: "en" });
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: [], log: ["a"], log_dropped: 1 });
  await settle();
  assert.equal(find(root, ".st-live-log-more").textContent, "… 1 more line");
  block.showLog(["a"]);
  assert.equal(find(root, ".st-live-log-more"), null);
  block.showLog([], 0);
  assert.equal(find(root, ".st-live-log").hidden, true);
  block.showLog([], 3);
  assert.equal(find(root, ".st-live-log").hidden, false, "a count alone still shows");
});

test("code from a shared link is shown for review and runs only when the reader presses Run", async () => {
  const { root, client, requests, reply } = setup({ lang: "zh", sharedCode: "print('from a link')" });
  assert.equal(find(root, ".st-live-shared").hidden, false);
  assert.match(find(root, ".st-live-shared").textContent, /运行/);
  assert.equal(find(root, ".st-output .st-markdown"), null);
  client.start();
  reply({ type: "ready" });
  await settle();
  assert.deepEqual(requests(), []);
  find(root, "button.st-tool-run").click();
  await settle();
  assert.deepEqual(requests().map((m) => [m.type, m.code]), [["run", "print('from a link')"]]);
});

test("an error the bridge names by code is told in the page language", async () => {
  const { root, client, reply, requests } = setup({ lang: "ja" });
  client.start();
  reply({ type: "ready" });
  reply({ type: "error", id: requests()[0].id, code: "unknown-widget", message: "English text" });
  await settle();
  assert.match(find(root, ".st-live-notice").textContent, /リセット/);
  assert.doesNotMatch(find(root, ".st-live-notice").textContent, /English/);
});

test("a run stopped through the interrupt buffer keeps its output and says it was stopped", async () => {
  const { root, client, reply, requests } = setup({ lang: "zh" });
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: requests()[0].id, session: "counter", elements: COUNTER_TREE(3), log: [], interrupted: true });
  await settle();
  assert.equal(find(root, ".st-output .st-markdown").textContent, "Count =  3");
  assert.equal(find(root, ".st-live-notice").textContent, "已停止。");
});

test("a share link for an open block loads its code for review and runs nothing", async () => {
  const { root, block, client, requests, reply } = setup({ lang: "ja" });
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: requests()[0].id, session: "counter", elements: COUNTER_TREE(0), log: [] });
  await settle();
  const before = requests().length;
  block.loadShared("st.write('from a link')");
  await settle();
  assert.equal(requests().length, before);
  assert.equal(find(root, "textarea.st-editor").value, "st.write('from a link')");
  assert.equal(find(root, ".st-live-editor").hidden, false);
  const note = find(root, ".st-live-shared");
  assert.equal(note.hidden, false);
  assert.match(note.textContent, /「実行」/);
  // The output of what last ran stays until the reader presses Run.
  assert.equal(find(root, ".st-output .st-markdown").textContent, "Count =  0");
  find(root, "button.st-tool-run").click();
  await settle();
  assert.deepEqual(requests().slice(before).map((m) => [m.type, m.code]), [["run", "st.write('from a link')"]]);
});

test("shared code replaces the reader's own edit as one undo step, and the note says how to get it back", () => {
  const { doc, root, block } = setup();
  const textarea = find(root, "textarea.st-editor");
  textarea.value = "my own edit";
  const commands = [];
  textarea.select = () => commands.push("select");
  doc.execCommand = (name, _ui, text) => {
    commands.push(name);
    if (doc.activeElement !== textarea) return false;
    textarea.value = text;
    return true;
  };
  textarea.setSelectionRange = () => {};
  block.loadShared("shared");
  assert.deepEqual(commands, ["select", "insertText"]);
  assert.equal(textarea.value, "shared");
  assert.match(find(root, ".st-live-shared").textContent, /Ctrl\+Z/);
  // The same link again, or code the reader did not touch, is replaced without a word.
  commands.length = 0;
  block.loadShared("other");
  assert.deepEqual(commands, []);
  assert.doesNotMatch(find(root, ".st-live-shared").textContent, /Ctrl\+Z/);
});

test("a damaged link's note shows in the block, which runs its own code as usual", async () => {
  const { root, block, client, requests, reply } = setup({ lang: "zh" });
  block.showLinkProblem(translator("zh")("linkDamaged"));
  const note = find(root, ".st-live-shared");
  assert.equal(note.hidden, false);
  assert.match(note.textContent, /分享链接已损坏/);
  client.start();
  reply({ type: "ready" });
  await settle();
  assert.deepEqual(requests().map((m) => [m.type, m.code]), [["run", "code v1"]]);
  block.showLinkProblem(null);
  assert.equal(note.hidden, true);
  // Hiding a damaged note never hides the note of code loaded from a link.
  block.loadShared("x");
  block.showLinkProblem(null);
  assert.equal(note.hidden, false);
});

test("Run while the block's own code is stuck stops it first; the new code runs in the new worker", async () => {
  const { root, block, client, workers, requests, reply } = setup();
  client.start();
  reply({ type: "ready" });
  reply({ type: "render", id: 1, session: "counter", elements: COUNTER_TREE(0), log: [] });
  await settle();
  find(root, ".st-output button").click(); // never answers
  block.editor.setValue("fixed code");
  find(root, "button.st-tool-run").click();
  assert.equal(workers[0].terminated, true, "no interrupt buffer here: the worker is replaced");
  reply({ type: "ready" });
  await settle();
  assert.deepEqual(requests().at(-1), { type: "run", session: "counter", code: "fixed code", config: null, id: 3 });
  reply({ type: "render", id: 3, session: "counter", elements: COUNTER_TREE(5), log: [] });
  await settle();
  assert.equal(find(root, ".st-markdown").textContent, "Count =  5");
  assert.equal(find(root, ".st-live-notice").hidden, true);
});
