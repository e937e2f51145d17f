// The timeline panel under a live block: built only while open, fed by the replies' reports,
// kept across Reset with a separator; every run and event asks for its report.
import assert from "node:assert/strict";
import { test } from "node:test";

import { translator } from "../../runtime/web/src/i18n.js";
import { callText, KEEP, Timeline } from "../../runtime/web/src/timeline.js";
import { Document, find, findAll } from "./fake-dom.mjs";

const FIRST = {
  trigger: [], callbacks: [], reruns: 0, ms: 0.8,
  diff: [{ key: "count", change: "added", new: "0", widget: false }],
  state: [{ key: "count", value: "0", widget: false }],
};
const CLICK = {
  trigger: [{ id: "inc", kind: "button", label: "Increment", key: null, value: "True", click: true }],
  callbacks: [{ name: "increment_counter", args: ["2"], kwargs: { scale: "5" }, widget: "Increment" }],
  reruns: 1, ms: 12.34,
  diff: [
    { key: "count", change: "changed", old: "0", new: "10", widget: false },
    { key: "gone", change: "removed", old: "[1, 2]", widget: false },
  ],
  state: [{ key: "count", value: "10", widget: false }],
};
const SLIDE = {
  trigger: [{ id: "c", kind: "slider", label: "Temperature in Celsius", key: "celsius", value: "-12.5", click: false }],
  callbacks: [], reruns: 0, ms: 0.4,
  diff: [{ key: "celsius", change: "changed", old: "50.0", new: "-12.5", widget: true }],
  state: [{ key: "celsius", value: "-12.5", widget: true }],
};
const render = (report) => ({ type: "render", id: 1, session: "s", elements: [], log: [], report });

function panel(lang = "en") {
  const doc = new Document();
  const timeline = new Timeline(doc, translator(lang));
  doc.body.append(timeline.element);
  const open = (value = true) => {
    timeline.element.open = value;
    timeline.element.fire("toggle");
  };
  return { doc, timeline, open };
}

test("closed, it keeps the data and builds nothing; every run and event asks for its report", () => {
  const { timeline, open } = panel();
  const run = { type: "run", id: 1, session: "s", code: "x" };
  assert.deepEqual(timeline.ask(run), { ...run, report: true }, "asked before the panel was ever opened");
  timeline.record("run", render(FIRST));
  assert.equal(timeline.element.tagName.toLowerCase(), "details");
  assert.equal(find(timeline.element, "summary").textContent, "Timeline and session state");
  assert.equal(timeline.body.childNodes.length, 0);
  open();
  assert.ok(timeline.body.childNodes.length > 0);
  assert.deepEqual(timeline.ask(run), { ...run, report: true });
  assert.deepEqual(timeline.ask({ type: "event", id: 2, session: "s", widget: "w", trigger: true }).report, true);
  assert.equal(timeline.ask({ type: "check", id: 3, code: "", steps: [] }).report, undefined);
  open(false);
  assert.equal(timeline.body.childNodes.length, 0, "closing drops the panel's DOM");
  assert.deepEqual(timeline.ask(run), { ...run, report: true }, "and after it was closed");
});

test("an entry: what the reader did, the callback with its arguments, the reruns, the diff; the state as a table", () => {
  const { timeline, open } = panel();
  open();
  timeline.record("run", render(FIRST));
  timeline.record("event", render(CLICK));
  const entries = findAll(timeline.element, ".st-timeline-entry");
  assert.equal(entries.length, 2);
  const newest = entries[0];
  assert.equal(find(newest, ".st-timeline-action strong").textContent, "Increment");
  assert.match(find(newest, ".st-timeline-action").textContent, /^Clicked Increment\.12 ms$/);
  assert.deepEqual(findAll(newest, ".st-timeline-steps li").map((li) => li.textContent), [
    "Callback increment_counter(2, scale=5) ran.",
    "The script reran from the top.",
    "st.rerun() ran the script once more.",
  ]);
  assert.deepEqual(findAll(newest, ".st-timeline-diff li").map((li) => li.textContent), ["count: 0 → 10", "gone removed (was [1, 2])"]);
  assert.match(entries[1].textContent, /The script ran from the top: the first run of this session\..*count added: 0/);
  const table = find(timeline.element, "table.st-timeline-state");
  assert.deepEqual(findAll(table, "thead th").map((th) => [th.textContent, th.getAttribute("scope")]), [["Key", "col"], ["Value", "col"]]);
  assert.deepEqual(findAll(table, "tbody tr").map((tr) => tr.textContent), ["count10"]);
  assert.equal(timeline.announcer.getAttribute("aria-live"), "polite");
  assert.equal(timeline.announcer.textContent, "Clicked Increment. 2 changes to session state.");
});

test("a widget's key is marked as one, in the diff and in the table", () => {
  const { timeline, open } = panel("ja");
  timeline.record("event", render(SLIDE));
  open();
  const item = find(timeline.element, ".st-timeline-diff li");
  assert.equal(item.textContent, "celsius：50.0 → -12.5ウィジェットのキー");
  assert.equal(find(timeline.element, "tbody th .st-timeline-widget").textContent, "ウィジェットのキー");
  assert.equal(find(timeline.element, ".st-timeline-action").textContent.startsWith("Temperature in Celsius を -12.5 に設定しました。"), true);
});

test("Reset keeps the entries below a new-session separator; a restore says so; the list is capped", () => {
  const { timeline, open } = panel("zh");
  open();
  timeline.record("run", render(FIRST));
  timeline.record("event", render(CLICK));
  timeline.record("run", render(FIRST));
  const items = findAll(timeline.element, ".st-timeline-entry, .st-timeline-session");
  assert.deepEqual(items.map((li) => li.className), ["st-timeline-entry", "st-timeline-session", "st-timeline-entry", "st-timeline-entry"]);
  assert.match(items[1].textContent, /^新会话/);
  assert.match(timeline.announcer.textContent, /脚本从头运行/);
  timeline.record("restore", render(CLICK));
  assert.match(find(timeline.element, ".st-timeline-entry, .st-timeline-session").textContent, /Python 已重新启动/);
  for (let i = 0; i < KEEP * 2; i++) timeline.record("event", render(SLIDE));
  assert.equal(findAll(timeline.element, ".st-timeline-entry, .st-timeline-session").length, KEEP);
});

test("replies without a report, errors and checks add nothing", () => {
  const { timeline, open } = panel();
  open();
  timeline.record("event", { type: "render", id: 1, session: "s", elements: [], log: [] });
  timeline.record("event", { type: "error", id: 2, message: "no" });
  timeline.record("check", { type: "checked", id: 3, ok: true, failures: [] });
  assert.equal(timeline.entries.length, 0);
  const [state, runs] = findAll(timeline.element, ".st-timeline-none").map((p) => p.textContent);
  assert.equal(state, "Shown after the next run.");
  assert.match(runs, /^Nothing recorded yet/);
});

test("a callback call is written as Python writes it", () => {
  assert.equal(callText({ name: "f", args: [], kwargs: {} }), "f()");
  assert.equal(callText({ name: "C.add", args: ["'a'", "[1]"], kwargs: { by: "2" } }), "C.add('a', [1], by=2)");
});
