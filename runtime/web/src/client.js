// The page's side of the worker protocol: one worker per page, requests matched to
// replies by id, and everything asked before Python is ready held in order until it is.
//
// Pure apart from what is injected (`spawn`, timers), so Node tests drive it with a fake
// worker. Replies always resolve, never reject: a stopped request resolves with
// `{type: "error", stopped: true}`, so callers have one path for every outcome.
//
// Events (`on(listener)`): {type: "state", state: "idle"|"loading"|"ready"|"failed", stage?, message?}
// and {type: "restart"} after the worker was replaced (its sessions are gone).

export class Client {
  constructor({ spawn, interruptBuffer = null, watchdogMs = 10_000, graceMs = 2_000, timers = globalThis }) {
    this.spawn = spawn;
    this.interruptBuffer = interruptBuffer;
    this.watchdogMs = watchdogMs;
    this.graceMs = graceMs;
    this.timers = timers;
    this.state = "idle";
    this.stage = null;
    this.failure = null;
    this.worker = null;
    this.nextId = 1;
    this.waiting = []; // asked before ready, in order
    this.pending = new Map(); // posted to the worker, by id
    this.listeners = new Set();
  }

  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event) {
    for (const listener of this.listeners) listener(event);
  }

  setState(state, extra = {}) {
    this.state = state;
    this.stage = extra.stage ?? null;
    this.emit({ type: "state", state, ...extra });
  }

  /** Start the worker (once); requests made so far go out when it reports ready. */
  start() {
    if (this.state === "loading" || this.state === "ready") return;
    this.failure = null;
    this.worker = this.spawn();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event?.preventDefault?.(); // shown in the blocks instead of as an uncaught error
      this.fail(event?.message || "the worker could not start");
    };
    this.setState("loading", { stage: "start" });
    this.worker.postMessage({ type: "init" });
    if (this.interruptBuffer) this.worker.postMessage({ type: "interrupt-buffer", buffer: this.interruptBuffer });
  }

  /**
   * Send `message` with a fresh id; resolves with the reply. `onSent` is called when it is
   * really posted (after Python is ready), `onSlow` when it has been running for `watchdogMs`.
   */
  request(message, { onSent, onSlow } = {}) {
    return new Promise((resolve) => {
      const entry = { id: this.nextId++, resolve, onSent, onSlow, timer: null };
      entry.message = { ...message, id: entry.id };
      if (this.state === "ready") this.post(entry);
      else this.waiting.push(entry);
    });
  }

  get busy() {
    return this.pending.size > 0 || this.waiting.length > 0;
  }

  post(entry) {
    this.pending.set(entry.id, entry);
    this.worker.postMessage(entry.message);
    entry.onSent?.();
    entry.timer = this.timers.setTimeout(() => entry.onSlow?.(), this.watchdogMs);
  }

  receive(message) {
    if (!message || typeof message !== "object") return;
    if (message.type === "progress") {
      this.setState("loading", { stage: message.stage });
    } else if (message.type === "ready") {
      this.setState("ready");
      const waiting = this.waiting;
      this.waiting = [];
      for (const entry of waiting) this.post(entry);
    } else if (message.type === "fatal") {
      this.fail(message.message);
    } else if (this.pending.has(message.id)) {
      this.settle(message.id, message);
    }
  }

  settle(id, reply) {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    this.timers.clearTimeout(entry.timer);
    entry.resolve(reply);
  }

  /** Loading failed: every request gets the reason; the next `start()` tries again. */
  fail(reason) {
    this.worker?.terminate();
    this.worker = null;
    this.failure = String(reason);
    this.dropAll({ fatal: true, message: this.failure });
    this.setState("failed", { message: this.failure });
  }

  dropAll(fields) {
    const entries = [...this.pending.values(), ...this.waiting];
    this.pending.clear();
    this.waiting = [];
    for (const entry of entries) {
      this.timers.clearTimeout(entry.timer);
      entry.resolve({ type: "error", id: entry.id, ...fields });
    }
  }

  /**
   * Stop what Python is running. With an interrupt buffer, Python gets a KeyboardInterrupt;
   * if the running request has not answered after `graceMs` (code that never checks for
   * signals), or there is no buffer, the worker is replaced. Returns "interrupt" or "restart".
   */
  stop() {
    if (this.interruptBuffer && this.state === "ready" && this.pending.size > 0) {
      const running = Math.min(...this.pending.keys());
      this.interruptBuffer[0] = 2; // SIGINT
      this.timers.setTimeout(() => {
        if (this.pending.has(running)) this.restart();
      }, this.graceMs);
      return "interrupt";
    }
    this.restart();
    return "restart";
  }

  /** Replace the worker. Everything in flight resolves as stopped; listeners re-run their code. */
  restart() {
    this.worker?.terminate();
    this.worker = null;
    if (this.interruptBuffer) this.interruptBuffer[0] = 0;
    this.dropAll({ stopped: true, message: "stopped" });
    this.setState("idle");
    this.emit({ type: "restart" });
    this.start();
  }
}
