import assert from "node:assert/strict";
import { test } from "node:test";

import { Client } from "../../runtime/web/src/client.js";

class FakeWorker {
  constructor() {
    this.posted = [];
    this.terminated = false;
  }

  postMessage(message) {
    this.posted.push(message);
  }

  terminate() {
    this.terminated = true;
  }

  /** What the worker would post back. */
  reply(data) {
    this.onmessage({ data });
  }

  requests() {
    return this.posted.filter((m) => !["init", "interrupt-buffer"].includes(m.type));
  }
}

class FakeTimers {
  constructor() {
    this.now = 0;
    this.timers = new Map();
    this.next = 1;
  }

  setTimeout(fn, ms) {
    const id = this.next++;
    this.timers.set(id, { fn, at: this.now + ms });
    return id;
  }

  clearTimeout(id) {
    this.timers.delete(id);
  }

  advance(ms) {
    this.now += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at <= this.now) {
        this.timers.delete(id);
        timer.fn();
      }
    }
  }
}

function setup(options = {}) {
  const workers = [];
  const timers = new FakeTimers();
  const client = new Client({
    spawn: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    timers,
    ...options,
  });
  const events = [];
  client.on((event) => events.push(event));
  return { client, workers, timers, events };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));


test("nothing starts until start(); requests wait on the page and go to the worker one at a time", async () => {
  const { client, workers, events } = setup();
  const run = client.request({ type: "run", session: "a", code: "x" });
  const click = client.request({ type: "event", session: "a", widget: "w", trigger: true });
  assert.equal(workers.length, 0);
  assert.equal(client.busy("a"), true);
  assert.equal(client.busy("b"), false);

  client.start();
  client.start(); // idempotent
  assert.equal(workers.length, 1);
  const worker = workers[0];
  assert.deepEqual(worker.posted, [{ type: "init" }]);
  worker.reply({ type: "progress", stage: "pyodide" });
  worker.reply({ type: "progress", stage: "runtime" });
  assert.deepEqual(worker.requests(), []);

  worker.reply({ type: "ready" });
  assert.deepEqual(worker.requests().map((m) => [m.type, m.id]), [["run", 1]], "one request in the worker at a time");
  assert.deepEqual(events.map((e) => e.stage ?? e.state), ["start", "pyodide", "runtime", "ready"]);

  worker.reply({ type: "render", id: 1, session: "a", elements: [], log: [] });
  assert.deepEqual(worker.requests().map((m) => m.id), [1, 2]);
  worker.reply({ type: "render", id: 2, session: "a", elements: [{ type: "text", body: "1" }], log: [] });
  assert.equal((await run).id, 1);
  assert.deepEqual((await click).elements, [{ type: "text", body: "1" }]);
  assert.equal(client.idle, true);
});

test("a reply that is not for the request in the worker is ignored", async () => {
  const { client, workers } = setup();
  client.start();
  workers[0].reply({ type: "ready" });
  const first = client.request({ type: "run", session: "a", code: "" });
  workers[0].reply({ type: "render", id: 99, elements: [] });
  assert.equal(client.current.id, 1);
  workers[0].reply({ type: "render", id: 1, elements: [] });
  assert.equal((await first).type, "render");
});

test("the interrupt buffer is handed over right after init, and cleared before each request", () => {
  const buffer = new Int32Array(1);
  const { client, workers } = setup({ interruptBuffer: buffer });
  client.start();
  assert.deepEqual(workers[0].posted, [{ type: "init" }, { type: "interrupt-buffer", buffer }]);
  buffer[0] = 2; // a Stop that came too late for the last request
  workers[0].reply({ type: "ready" });
  client.request({ type: "run", session: "a", code: "" });
  assert.equal(buffer[0], 0);
});

test("a failed load keeps every request for Retry; start() tries again and sends them", async () => {
  const { client, workers, events } = setup();
  const pending = client.request({ type: "run", session: "a", code: "" });
  client.start();
  workers[0].reply({ type: "fatal", message: "404 pyodide.asm.wasm" });
  assert.equal(client.state, "failed");
  assert.equal(workers[0].terminated, true);
  assert.equal(events.at(-1).message, "404 pyodide.asm.wasm");
  assert.equal(events.at(-1).reason, "error");
  client.start();
  assert.equal(workers.length, 2);
  assert.equal(client.state, "loading");
  workers[1].reply({ type: "ready" });
  assert.deepEqual(workers[1].requests().map((m) => m.type), ["run"]);
  workers[1].reply({ type: "render", id: 1, elements: [] });
  assert.equal((await pending).type, "render");
});

test("a runtime the worker refused (integrity) fails with its own reason", () => {
  const { client, workers, events } = setup();
  client.start();
  workers[0].reply({ type: "fatal", message: "SHA-256 differs", code: "integrity" });
  assert.equal(client.state, "failed");
  assert.equal(events.at(-1).reason, "integrity");
  assert.equal(events.at(-1).message, "SHA-256 differs");
});

test("loading gives up after the stated time; messages of the old worker are ignored", () => {
  const { client, workers, timers, events } = setup({ loadTimeoutMs: 120_000 });
  client.start();
  timers.advance(119_999);
  assert.equal(client.state, "loading");
  timers.advance(1);
  assert.equal(client.state, "failed");
  assert.equal(events.at(-1).reason, "timeout");
  assert.equal(workers[0].terminated, true);
  workers[0].reply({ type: "ready" }); // too late: this worker is gone
  assert.equal(client.state, "failed");
  client.start();
  workers[1].reply({ type: "ready" });
  timers.advance(500_000);
  assert.equal(client.state, "ready", "the timer of a finished load does not fire");
});

test("onSent is called when the request enters the worker", () => {
  const { client, workers } = setup();
  let sent = 0;
  client.request({ type: "run", session: "a", code: "" });
  client.request({ type: "run", session: "b", code: "" }, { onSent: () => sent++ });
  client.start();
  workers[0].reply({ type: "ready" });
  assert.equal(sent, 0);
  workers[0].reply({ type: "render", id: 1, elements: [] });
  assert.equal(sent, 1);
});

test("stop without an interrupt buffer replaces the worker; the others' waiting requests follow the restores", async () => {
  const { client, workers, events } = setup();
  client.start();
  workers[0].reply({ type: "ready" });
  const running = client.request({ type: "event", session: "a", widget: "spin", trigger: true });
  const mine = client.request({ type: "event", session: "a", widget: "w", trigger: true });
  const theirs = client.request({ type: "event", session: "b", widget: "inc", trigger: true });
  client.on((event) => {
    if (event.type === "restart") client.request({ type: "run", session: "b", code: "restore b", events: [] }, { restore: true });
  });
  assert.equal(client.stop("a"), "restart");
  assert.equal(workers[0].terminated, true);
  assert.equal(workers.length, 2);
  assert.deepEqual(await running, { type: "error", id: 1, stopped: true, restarted: true, message: "stopped" });
  assert.equal((await mine).stopped, true, "what the stopped block queued is dropped");
  const restart = events.find((e) => e.type === "restart");
  assert.deepEqual(restart, { type: "restart", cause: "stop", session: "a", kind: "event" });
  assert.equal(client.state, "loading");
  workers[1].reply({ type: "ready" });
  assert.deepEqual(workers[1].requests().map((m) => m.code ?? m.widget), ["restore b"]);
  workers[1].reply({ type: "render", id: 4, elements: [] });
  assert.deepEqual(workers[1].requests().map((m) => m.code ?? m.widget), ["restore b", "inc"], "the queued click comes after the restore");
  workers[1].reply({ type: "render", id: 3, elements: [] });
  assert.equal((await theirs).type, "render");
});

test("stop of a block whose request only waits cancels it and leaves the worker alone", async () => {
  const { client, workers } = setup();
  client.start();
  workers[0].reply({ type: "ready" });
  client.request({ type: "run", session: "b", code: "" });
  const waiting = client.request({ type: "run", session: "a", code: "" });
  assert.equal(client.stop("a"), "cancel");
  assert.equal((await waiting).stopped, true);
  assert.equal(workers.length, 1);
  assert.equal(client.stop("nobody"), "cancel");
});

test("stop with an interrupt buffer signals SIGINT, and restarts only if Python does not answer", async () => {
  const buffer = new Int32Array(1);
  const { client, workers, timers } = setup({ interruptBuffer: buffer, graceMs: 1_500 });
  client.start();
  workers[0].reply({ type: "ready" });

  const first = client.request({ type: "event", session: "a", widget: "w", trigger: true });
  assert.equal(client.stop("a"), "interrupt");
  assert.equal(buffer[0], 2);
  workers[0].reply({ type: "error", id: 1, interrupted: true, message: "KeyboardInterrupt" });
  assert.equal((await first).interrupted, true);
  timers.advance(5_000);
  assert.equal(workers.length, 1, "answered in time: no restart");

  const stuck = client.request({ type: "run", session: "b", code: "" });
  assert.equal(buffer[0], 0);
  client.stop("b");
  timers.advance(1_499);
  assert.equal(workers.length, 1);
  timers.advance(1);
  assert.equal(workers.length, 2, "no answer: the worker is replaced");
  assert.equal(buffer[0], 0);
  assert.equal((await stuck).stopped, true);
});

test("a crash restarts Python and names the request; a crash loop ends in failed with the restores kept", async () => {
  const { client, workers, events } = setup({ maxCrashes: 2 });
  client.start();
  workers[0].reply({ type: "ready" });
  const boom = client.request({ type: "run", session: "a", code: "os._exit(0)" });
  workers[0].reply({ type: "crashed", id: 1, message: "Pyodide already exited" });
  assert.deepEqual(await boom, { type: "error", id: 1, crashed: true, restarted: true, message: "Pyodide already exited" });
  assert.deepEqual(events.at(-2), { type: "restart", cause: "crash", session: "a", kind: "run" });
  assert.equal(client.state, "loading");

  workers[1].reply({ type: "ready" });
  client.request({ type: "run", session: "b", code: "" });
  workers[1].onerror({ message: "out of memory", preventDefault() {} }); // the worker died while running
  assert.equal(workers.length, 3);
  workers[2].reply({ type: "ready" });
  client.on((event) => {
    if (event.type === "restart") client.request({ type: "run", session: "c", code: "restore" }, { restore: true });
  });
  client.request({ type: "run", session: "b", code: "" });
  workers[2].reply({ type: "crashed", id: 3, message: "again" });
  assert.equal(client.state, "failed");
  assert.equal(events.at(-1).reason, "crash");
  client.start(); // Retry
  workers[3].reply({ type: "ready" });
  assert.deepEqual(workers[3].requests().map((m) => m.code), ["restore"]);
});

test("a worker that fails to start is reported, not thrown", async () => {
  const { client, workers, events } = setup();
  client.request({ type: "run", session: "a", code: "" });
  client.start();
  let prevented = false;
  workers[0].onerror({ message: "SyntaxError in worker.js", preventDefault: () => (prevented = true) });
  assert.equal(prevented, true);
  assert.equal(client.state, "failed");
  assert.equal(events.at(-1).message, "SyntaxError in worker.js");
  await tick();
});
