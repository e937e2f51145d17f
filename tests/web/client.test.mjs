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

test("nothing starts until start(); requests made before ready are held in order", async () => {
  const { client, workers, events } = setup();
  const run = client.request({ type: "run", session: "a", code: "x" });
  const click = client.request({ type: "event", session: "a", widget: "w", trigger: true });
  assert.equal(workers.length, 0);
  assert.equal(client.busy, true);

  client.start();
  client.start(); // idempotent
  assert.equal(workers.length, 1);
  const worker = workers[0];
  assert.deepEqual(worker.posted, [{ type: "init" }]);
  worker.reply({ type: "progress", stage: "pyodide" });
  worker.reply({ type: "progress", stage: "runtime" });
  assert.deepEqual(worker.requests(), []);

  worker.reply({ type: "ready" });
  assert.deepEqual(worker.requests().map((m) => [m.type, m.id]), [["run", 1], ["event", 2]]);
  assert.deepEqual(
    events.map((e) => e.stage ?? e.state),
    ["start", "pyodide", "runtime", "ready"],
  );

  worker.reply({ type: "render", id: 1, session: "a", elements: [], log: [] });
  worker.reply({ type: "render", id: 2, session: "a", elements: [{ type: "text", body: "1" }], log: [] });
  assert.equal((await run).id, 1);
  assert.deepEqual((await click).elements, [{ type: "text", body: "1" }]);
  assert.equal(client.busy, false);
});

test("after ready, requests go straight out; replies are matched by id, not order", async () => {
  const { client, workers } = setup();
  client.start();
  workers[0].reply({ type: "ready" });
  const first = client.request({ type: "run", session: "a", code: "" });
  const second = client.request({ type: "check", code: "", steps: [] });
  workers[0].reply({ type: "checked", id: 2, ok: true, failures: [] });
  workers[0].reply({ type: "render", id: 1, elements: [] });
  workers[0].reply({ type: "render", id: 99, elements: [] }); // unknown id: ignored
  assert.equal((await second).type, "checked");
  assert.equal((await first).type, "render");
});

test("the interrupt buffer is handed over right after init", () => {
  const buffer = new Int32Array(1);
  const { client, workers } = setup({ interruptBuffer: buffer });
  client.start();
  assert.deepEqual(workers[0].posted, [{ type: "init" }, { type: "interrupt-buffer", buffer }]);
});

test("a fatal load resolves every request with the reason; start() tries again", async () => {
  const { client, workers, events } = setup();
  const pending = client.request({ type: "run", session: "a", code: "" });
  client.start();
  workers[0].reply({ type: "fatal", message: "404 pyodide.asm.wasm" });
  assert.deepEqual(await pending, { type: "error", id: 1, fatal: true, message: "404 pyodide.asm.wasm" });
  assert.equal(client.state, "failed");
  assert.equal(workers[0].terminated, true);
  assert.equal(events.at(-1).message, "404 pyodide.asm.wasm");
  client.start();
  assert.equal(workers.length, 2);
  assert.equal(client.state, "loading");
});

test("the watchdog calls onSlow once a posted request runs too long", async () => {
  const { client, workers, timers } = setup({ watchdogMs: 10_000 });
  let slow = 0;
  let sent = 0;
  client.request({ type: "run", session: "a", code: "while True: pass" }, { onSlow: () => slow++, onSent: () => sent++ });
  client.start();
  timers.advance(60_000); // loading time does not count
  assert.equal(slow, 0);
  assert.equal(sent, 0);
  workers[0].reply({ type: "ready" });
  assert.equal(sent, 1);
  timers.advance(9_999);
  assert.equal(slow, 0);
  timers.advance(1);
  assert.equal(slow, 1);

  const quick = client.request({ type: "run", session: "b", code: "" }, { onSlow: () => slow++ });
  workers[0].reply({ type: "render", id: 2, elements: [] });
  await quick;
  timers.advance(20_000);
  assert.equal(slow, 1);
});

test("stop without an interrupt buffer replaces the worker and reports a restart", async () => {
  const { client, workers, events } = setup();
  client.start();
  workers[0].reply({ type: "ready" });
  const running = client.request({ type: "event", session: "a", widget: "w", trigger: true });
  assert.equal(client.stop(), "restart");
  assert.equal(workers[0].terminated, true);
  assert.equal(workers.length, 2);
  assert.deepEqual(await running, { type: "error", id: 1, stopped: true, message: "stopped" });
  assert.ok(events.some((e) => e.type === "restart"));
  assert.equal(client.state, "loading");
});

test("requests made while restarting wait for the new worker", async () => {
  const { client, workers } = setup();
  client.start();
  workers[0].reply({ type: "ready" });
  client.on((event) => {
    if (event.type === "restart") client.request({ type: "run", session: "a", code: "again" });
  });
  client.stop();
  assert.deepEqual(workers[1].requests(), []);
  workers[1].reply({ type: "ready" });
  assert.deepEqual(workers[1].requests().map((m) => m.code), ["again"]);
  assert.deepEqual(workers[0].requests(), []);
});

test("stop with an interrupt buffer signals SIGINT, and restarts only if Python does not answer", async () => {
  const buffer = new Int32Array(1);
  const { client, workers, timers } = setup({ interruptBuffer: buffer, graceMs: 2_000 });
  client.start();
  workers[0].reply({ type: "ready" });

  const first = client.request({ type: "event", session: "a", widget: "w", trigger: true });
  assert.equal(client.stop(), "interrupt");
  assert.equal(buffer[0], 2);
  workers[0].reply({ type: "error", id: 1, interrupted: true, message: "KeyboardInterrupt" });
  assert.equal((await first).interrupted, true);
  timers.advance(5_000);
  assert.equal(workers.length, 1, "answered in time: no restart");

  buffer[0] = 0;
  const stuck = client.request({ type: "run", session: "b", code: "" });
  client.stop();
  timers.advance(2_000);
  assert.equal(workers.length, 2, "no answer: the worker is replaced");
  assert.equal(buffer[0], 0);
  assert.equal((await stuck).stopped, true);
});

test("a worker that fails to start is reported, not thrown", async () => {
  const { client, workers } = setup();
  const pending = client.request({ type: "run", session: "a", code: "" });
  client.start();
  let prevented = false;
  workers[0].onerror({ message: "SyntaxError in worker.js", preventDefault: () => (prevented = true) });
  assert.equal(prevented, true);
  assert.equal((await pending).message, "SyntaxError in worker.js");
  await tick();
});
