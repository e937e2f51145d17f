// head-start.js: early.js starts Python's worker on a return visit, near the viewport only, and
// page.js takes it over with every message it posted meanwhile, in order. head.js starts it from the
// page's <head> on a controlled page, and early.js keeps it only near the viewport.
import assert from "node:assert/strict";
import { test } from "node:test";

import { NEAR_PX, WORKER_OPTIONS, hasEarlyWorker, startEarly, startFromHead, takeEarlyWorker } from "../../runtime/web/src/head-start.js";

class FakeWorker {
  constructor(url, options) {
    Object.assign(this, { url: String(url), options, posted: [], onmessage: null, onerror: null, terminated: false });
  }
  terminate() {
    this.terminated = true;
  }
  postMessage(message) {
    this.posted.push(message);
  }
  emit(event) {
    (event.type === "error" ? this.onerror : this.onmessage)?.(event);
  }
}

/** A window being parsed: the block's script, its top (px), the page.css link, a controller or not. */
function fakePage({ top = 100, controlled = true, css = true, height = 800 } = {}) {
  const block = { getBoundingClientRect: () => ({ top, bottom: top + 200 }) };
  const script = { parentElement: block, removed: false, remove() { this.removed = true; } };
  const win = {
    innerHeight: height,
    Worker: FakeWorker,
    navigator: { serviceWorker: { controller: controlled ? {} : null } },
    document: {
      baseURI: "https://user.github.io/docs/zh/guide/",
      querySelector: (selector) => (css && selector.includes("assets/streamlet/page.css")
        ? { href: "https://user.github.io/docs/assets/streamlet/page.css" } : null),
    },
    queueMicrotask,
  };
  return { win, script };
}

/** `worker` started at the site's worker.js, loading at once, held for page.js; its script gone. */
function assertStarted(worker, script, win) {
  assert.ok(worker instanceof FakeWorker);
  assert.equal(worker.url, "https://user.github.io/docs/assets/streamlet/worker.js");
  assert.deepEqual(worker.options, WORKER_OPTIONS);
  assert.deepEqual(worker.posted, [{ type: "init" }]);
  assert.ok(script.removed);
  assert.ok(hasEarlyWorker(win));
}

test("a return visit starts the worker next to page.css, loading at once, and the script goes away", () => {
  const { win, script } = fakePage();
  const worker = startEarly(script, win);
  assertStarted(worker, script, win);
});

test("no early start on a first visit, far from the viewport, or without the page's own stylesheet", () => {
  for (const options of [{ controlled: false }, { top: 800 + NEAR_PX + 1 }, { css: false }]) {
    const { win, script } = fakePage(options);
    assert.equal(startEarly(script, win), null, JSON.stringify(options));
    assert.ok(script.removed);
    assert.equal(hasEarlyWorker(win), false);
    assert.equal(takeEarlyWorker(win), null);
  }
  const { win, script } = fakePage({ top: 800 + NEAR_PX - 1 });
  assert.ok(startEarly(script, win), "just within reach");
});

test("page.js takes the worker once, and gets what it posted meanwhile, in order, before anything later", async () => {
  const { win, script } = fakePage();
  const worker = startEarly(script, win);
  const error = { type: "error", message: "boom", prevented: false, preventDefault() { this.prevented = true; } };
  worker.emit({ type: "message", data: { type: "progress", stage: "pyodide" } });
  worker.emit(error);
  worker.emit({ type: "message", data: { type: "ready" } });
  assert.ok(error.prevented, "no uncaught error in the console meanwhile");
  const taken = takeEarlyWorker(win);
  assert.equal(taken, worker);
  assert.equal(takeEarlyWorker(win), null, "once");
  const seen = [];
  taken.onmessage = (event) => seen.push(event.data.type);
  taken.onerror = (event) => seen.push(`error: ${event.message}`);
  await Promise.resolve();
  taken.emit({ type: "message", data: { type: "later" } });
  assert.deepEqual(seen, ["progress", "error: boom", "ready", "later"]);
});

/** head.js's own script element, with the worker's URL relative to the page as the plugin writes it. */
function headScript(worker = "../../assets/streamlet/worker.js") {
  return { dataset: worker === null ? {} : { worker }, removed: false, remove() { this.removed = true; } };
}

test("on a controlled page head.js starts the worker at the URL the plugin wrote, before any stylesheet", () => {
  const { win } = fakePage({ css: false });
  const script = headScript();
  const worker = startFromHead(script, win);
  assertStarted(worker, script, win);
});

test("head.js starts nothing on a first visit, without Worker, or without a URL", () => {
  const cases = [
    [fakePage({ controlled: false }).win, headScript()],
    [{ ...fakePage().win, Worker: undefined }, headScript()],
    [fakePage().win, headScript(null)],
  ];
  for (const [win, script] of cases) {
    assert.equal(startFromHead(script, win), null);
    assert.ok(script.removed);
    assert.equal(hasEarlyWorker(win), false);
  }
});

test("early.js keeps head.js's worker near the viewport, and page.js gets what it posted", async () => {
  const { win, script } = fakePage();
  const worker = startFromHead(headScript(), win);
  worker.emit({ type: "message", data: { type: "progress" } });
  assert.equal(startEarly(script, win), worker);
  assert.ok(script.removed);
  assert.equal(worker.terminated, false);
  assert.deepEqual(worker.posted, [{ type: "init" }], "not started twice");
  const taken = takeEarlyWorker(win);
  assert.equal(taken, worker);
  const seen = [];
  taken.onmessage = (event) => seen.push(event.data.type);
  await Promise.resolve();
  assert.deepEqual(seen, ["progress"]);
});

test("early.js ends head.js's worker far from the viewport and forgets it, so page.js waits for the reader", () => {
  const { win, script } = fakePage({ top: 800 + NEAR_PX + 1 });
  const worker = startFromHead(headScript(), win);
  assert.equal(startEarly(script, win), null);
  assert.ok(worker.terminated);
  assert.equal(hasEarlyWorker(win), false);
  assert.equal(takeEarlyWorker(win), null);
});
