// The page's side of the worker protocol: one worker per page, one request in the worker at
// a time, and everything else held in order on the page until it can go.
//
// Holding the queue here (not in the worker) is what makes Stop and restarts exact: the
// request in the worker is always the one being stopped, a request still waiting can be
// cancelled without touching Python, and when the worker has to be replaced nothing that
// was waiting is lost: it goes to the new worker after the blocks have restored their
// sessions (restore requests jump the queue).
//
// Pure apart from what is injected (`spawn`, timers), so Node tests drive it with a fake
// worker. The messages to and from the worker, and the replies requests resolve with, are
// defined in runtime/site-tools/src/streamlet_site/protocol.json. Replies always resolve, never reject: a
// request the worker never answered resolves with an `error` the Client makes itself.
//
// Events (`on(listener)`):
//   {type: "state", state: "idle"|"loading"|"ready"|"failed", stage?, message?, reason?}
//   (reason, when failed: "error", "timeout", "crash" or "integrity")
//   {type: "restart", cause: "stop"|"crash", session, kind}: the worker was replaced (its
//   sessions are gone); `session` and `kind` name the request that was stopped or crashed.
//   Listeners restore their sessions synchronously with `request(..., {restore: true})`.

const SIGINT = 2;

export class Client {
  constructor({
    spawn,
    interruptBuffer = null,
    graceMs = 1_500,
    loadTimeoutMs = 120_000,
    maxCrashes = 3,
    crashWindowMs = 60_000,
    timers = globalThis,
    now = () => Date.now(),
  }) {
    Object.assign(this, { spawn, interruptBuffer, graceMs, loadTimeoutMs, maxCrashes, crashWindowMs, timers, now });
    this.state = "idle";
    this.stage = null;
    this.failure = null;
    this.worker = null;
    this.nextId = 1;
    this.queue = []; // waiting on the page, in order; restore requests first
    this.current = null; // the one request in the worker
    this.listeners = new Set();
    this.loadTimer = null;
    this.crashes = []; // times of recent crashes, so a crash loop ends in "failed"
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

  /** Start the worker (once; again after a failure: Retry). Waiting requests go out when it is ready. */
  start() {
    if (this.state === "loading" || this.state === "ready") return;
    this.failure = null;
    const worker = this.spawn();
    this.worker = worker;
    worker.onmessage = (event) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      event?.preventDefault?.(); // shown in the blocks instead of as an uncaught error
      if (this.worker !== worker) return;
      const message = event?.message || "the worker stopped";
      if (this.state === "ready") this.crash(message);
      else this.fail(message, "error");
    };
    this.setState("loading", { stage: "start" });
    this.timers.clearTimeout(this.loadTimer);
    this.loadTimer = this.timers.setTimeout(() => {
      if (this.state === "loading") this.fail(`not ready after ${Math.round(this.loadTimeoutMs / 1000)} s`, "timeout");
    }, this.loadTimeoutMs);
    worker.postMessage({ type: "init" });
    if (this.interruptBuffer) worker.postMessage({ type: "interrupt-buffer", buffer: this.interruptBuffer });
  }

  /**
   * Queue `message` with a fresh id; resolves with its reply. `session` names the block it
   * belongs to (for Stop); `onSent` is called when it enters the worker; `restore` puts it
   * ahead of ordinary requests (a session being rebuilt after a restart).
   */
  request(message, { session = message.session ?? null, onSent, restore = false } = {}) {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const entry = { id, session, kind: message.type, restore, resolve, onSent, message: { ...message, id } };
      if (restore) {
        const firstOrdinary = this.queue.findIndex((e) => !e.restore);
        this.queue.splice(firstOrdinary === -1 ? this.queue.length : firstOrdinary, 0, entry);
      } else {
        this.queue.push(entry);
      }
      this.pump();
    });
  }

  /** Requests of `session` not yet answered (in the worker or waiting). */
  busy(session) {
    return (this.current?.session === session) || this.queue.some((e) => e.session === session);
  }

  get idle() {
    return !this.current && this.queue.length === 0;
  }

  pump() {
    if (this.state !== "ready" || this.current || this.queue.length === 0) return;
    const entry = this.queue.shift();
    this.current = entry;
    if (this.interruptBuffer) this.interruptBuffer[0] = 0;
    this.worker.postMessage(entry.message);
    entry.onSent?.();
  }

  receive(message) {
    if (!message || typeof message !== "object") return;
    if (message.type === "progress") {
      if (this.state === "loading") this.setState("loading", { stage: message.stage });
    } else if (message.type === "ready") {
      this.timers.clearTimeout(this.loadTimer);
      this.setState("ready");
      this.pump();
    } else if (message.type === "fatal") {
      // Python could not be loaded (or a later reload of it failed); "integrity": the runtime was refused.
      this.fail(message.message, message.code === "integrity" ? "integrity" : "error");
    } else if (message.type === "crashed") {
      this.crash(message.message);
    } else if (this.current && message.id === this.current.id) {
      const entry = this.current;
      this.current = null;
      this.timers.clearTimeout(entry.graceTimer);
      entry.resolve(message);
      this.pump();
    }
  }

  /** Loading failed: requests stay queued; the blocks offer Retry, which calls `start()`. */
  fail(reason, kind = "error") {
    this.timers.clearTimeout(this.loadTimer);
    this.worker?.terminate();
    this.worker = null;
    this.failure = String(reason);
    if (this.current) {
      // Cannot happen while loading, but a reply is owed all the same.
      const entry = this.current;
      this.current = null;
      this.queue.unshift(entry);
    }
    this.setState("failed", { message: this.failure, reason: kind });
  }

  /**
   * Stop what `session` has asked for. Its waiting requests are cancelled; if its request is
   * the one in the worker, Python gets a KeyboardInterrupt through the interrupt buffer, and
   * the worker is replaced when there is no buffer or Python has not answered within
   * `graceMs` (code that never checks for signals). Returns "interrupt", "restart" or "cancel".
   */
  stop(session) {
    const cancelled = this.queue.filter((e) => e.session === session && !e.restore);
    this.queue = this.queue.filter((e) => !cancelled.includes(e));
    for (const entry of cancelled) entry.resolve({ type: "error", id: entry.id, stopped: true, message: "stopped" });
    const entry = this.current;
    if (!entry || entry.session !== session || this.state !== "ready") return "cancel";
    if (this.interruptBuffer) {
      this.interruptBuffer[0] = SIGINT;
      this.timers.clearTimeout(entry.graceTimer);
      entry.graceTimer = this.timers.setTimeout(() => {
        if (this.current === entry) this.restart("stop");
      }, this.graceMs);
      return "interrupt";
    }
    this.restart("stop");
    return "restart";
  }

  /** Python crashed (a fatal Pyodide error, or the worker died while running). */
  crash(message) {
    const now = this.now();
    this.crashes = this.crashes.filter((t) => now - t < this.crashWindowMs);
    this.crashes.push(now);
    const again = this.crashes.length <= this.maxCrashes;
    this.restart("crash", message, { start: again });
    // Crashing over and over: stop trying; the restores stay queued for Retry.
    if (!again) this.fail(`Python stopped ${this.crashes.length} times in a row: ${message}`, "crash");
  }

  /**
   * Replace the worker. The request in the worker resolves as stopped (or crashed); listeners
   * hear `restart` and queue their restore requests; then everything that was waiting follows.
   */
  restart(cause = "stop", message = "stopped", { start = true } = {}) {
    this.worker?.terminate();
    this.worker = null;
    if (this.interruptBuffer) this.interruptBuffer[0] = 0;
    const entry = this.current;
    this.current = null;
    if (entry) {
      this.timers.clearTimeout(entry.graceTimer);
      // `restarted`: the block learns what happened from the restart event, not from this reply.
      const reply = cause === "crash" ? { crashed: true } : { stopped: true };
      entry.resolve({ type: "error", id: entry.id, ...reply, restarted: true, message: String(message) });
    }
    this.setState("idle");
    this.emit({ type: "restart", cause, session: entry?.session ?? null, kind: entry?.kind ?? null });
    if (start) this.start();
  }
}
