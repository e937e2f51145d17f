// One live block: its toolbar, editor and output, and its session in the shared worker.
// Every reply of the worker replaces the output, keeping what the reader opened, focused,
// scrolled or typed (preserve.js); the page only holds what Streamlit's frontend holds
// (the values of a form's widgets until the form is submitted).

import { h } from "./dom.js";
import { checkVerdict, Notice } from "./notice.js";
import { createEditor, errorLine } from "./editor.js";
import { formatCount } from "./i18n.js";
import { replacePreserving, watchReader } from "./preserve.js";
import { renderableNow, renderTree } from "./render.js";
import { DEFAULT_TIMEOUT_SECONDS, RunClock } from "./run-clock.js";
import { parseShareHash, shareUrl } from "./share.js";
import { Timeline } from "./timeline.js";
import { enterSubmitButton, formValues } from "./values.js";

const PROGRESS = { start: 10, pyodide: 35, runtime: 80 };
const FLASH_MS = 2500;
let domIds = 0;

export class LiveBlock {
  constructor(root, { data, session, client, t, doc = document, win = window, sharedCode = null, loadEditor }) {
    Object.assign(this, { root, data, session, client, t, doc, win, loadEditor, timeline: new Timeline(doc, t) });
    // The time limit of one run (a fence's timeout=30); the reader may raise it after a stop.
    const limit = Number(data.timeout);
    this.timeoutSeconds = Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_TIMEOUT_SECONDS;
    // What the reader did to this block's session since its code last ran: replayed into a
    // new worker when the old one had to be replaced, so no block loses its state.
    this.history = [];
    this.hasSession = false;
    this.original = String(data.code ?? "");
    this.lastRun = this.original;
    this.elements = Array.isArray(data.elements) ? data.elements : [];
    this.generation = 0; // bumped by each run, so replies to older requests are dropped
    this.inflight = new Set();
    this.held = new Map(); // form widget values the reader set, until the form is submitted
    this.readyFlash = false;
    this.ctx = {
      doc,
      t,
      uid: () => `st-w${++domIds}`,
      shown: (node) => (this.held.has(node.id) ? this.held.get(node.id) : node.value),
      trigger: (node) => this.onTrigger(node),
      change: (node, value) => this.onChange(node, value),
      submitForm: (formId) => {
        const submit = enterSubmitButton(this.elements, formId);
        if (submit) this.onTrigger(submit);
      },
    };
    this.build();
    client.on((event) => this.onClient(event));
    if (sharedCode !== null) {
      this.loadShared(sharedCode);
      this.show([]);
    } else {
      this.show(this.elements);
      this.run(this.original);
    }
    this.renderStatus();
  }

  build() {
    const { doc, t, root } = this;
    const button = (label, onclick, cls = "") => h(doc, "button", { type: "button", class: `st-tool ${cls}`.trim(), onclick }, [label]);
    this.editButton = button(t("edit"), () => this.toggleEditor(), "st-tool-edit");
    this.editButton.setAttribute("aria-pressed", "false");
    this.runButton = button(t("run"), () => this.runEditor(), "st-tool-run");
    this.resetButton = button(t("reset"), () => this.reset());
    this.copyButton = button(t("copyLink"), () => this.copyLink());
    this.stopButton = button(t("stop"), () => this.stop(), "st-tool-stop");
    this.stopButton.disabled = true;
    this.statusText = h(doc, "span", { class: "st-status-text" });
    this.status = h(doc, "span", { class: "st-live-status", role: "status", "aria-live": "polite" }, [
      h(doc, "span", { class: "st-spinner", "aria-hidden": "true" }),
      this.statusText,
    ]);
    const toolbar = h(doc, "div", { class: "st-live-toolbar" }, [
      h(doc, "span", { class: "st-live-badge", text: t("liveExample") }),
      h(doc, "span", { class: "st-live-tools" }, [this.editButton, this.runButton, this.resetButton, this.copyButton, this.stopButton]),
      this.status,
    ]);

    this.codeView = root.querySelector(".st-live-code");
    this.plainCode = h(doc, "code");
    this.plainView = h(doc, "pre", { class: "st-live-plain", hidden: true }, [this.plainCode]);
    this.editor = createEditor(doc, { value: this.original, t, onRun: () => this.runEditor(), load: this.loadEditor });
    this.editor.onChange(() => this.updateCodeView());
    this.sharedNote = h(doc, "div", { class: "st-live-shared", hidden: true, text: t("sharedCode") });

    this.progressBar = h(doc, "div", { class: "st-progress-bar" });
    this.progress = h(doc, "div", { class: "st-progress", role: "progressbar", "aria-label": t("loading"), hidden: true }, [this.progressBar]);
    this.output = h(doc, "div", { class: "st-output" });
    this.log = h(doc, "div", { class: "st-live-log", hidden: true });
    this.notices = new Notice(doc);
    this.notice = this.notices.element;
    this.slowNote = h(doc, "div", { class: "st-live-slow", role: "status", hidden: true });
    this.clock = new RunClock({
      note: this.slowNote,
      stopButton: this.stopButton,
      t,
      running: () => [...this.inflight].find((entry) => entry.sentAt !== null),
      onLimit: () => this.stop(),
    });
    this.checkButton = button(t("check"), () => this.check(), "st-tool-check");
    this.checkResult = h(doc, "div", { class: "st-check-result", "aria-live": "polite" });
    const hasSteps = Array.isArray(this.data.steps) && this.data.steps.length > 0;
    const header = h(doc, "div", { class: "st-live-output-header" }, [
      h(doc, "span", { class: "st-live-output-label", text: t("output") }),
      hasSteps ? this.checkButton : null,
    ]);
    const section = h(doc, "section", { class: "st-live-output", "aria-label": t("output") }, [
      header, this.progress, this.notice, this.slowNote, this.output, this.log, hasSteps ? this.checkResult : null,
    ]);

    root.setAttribute("role", "region");
    root.setAttribute("aria-label", t("liveExample"));
    const anchor = this.codeView ?? root.querySelector(".st-live-data");
    const after = [this.sharedNote, this.plainView, this.editor.element, section, this.timeline.element];
    if (this.codeView) {
      this.codeView.before(toolbar);
      this.codeView.after(...after);
    } else {
      (anchor ? anchor.after.bind(anchor) : root.append.bind(root))(toolbar, ...after);
    }
    // Python starts on the first interaction with a block, if it has not already.
    for (const type of ["pointerdown", "focusin"]) root.addEventListener(type, () => this.client.start(), { once: true });
    root.classList.add("st-live-active");
  }

  // ---- requests ----

  async send(message, kind, { restore = false } = {}) {
    const entry = { kind, sentAt: null, timedOut: false, limit: this.timeoutSeconds };
    this.inflight.add(entry);
    this.renderStatus();
    const reply = await this.client.request(this.timeline.ask(message), {
      session: this.session,
      restore,
      onSent: () => {
        entry.sentAt = Date.now();
        this.clock.start();
      },
    });
    this.inflight.delete(entry);
    this.timeline.record(kind, reply); // what the run did (its `report`), for the panel under the block
    this.renderStatus();
    // `timedOut`: the run's time limit in seconds when the limit stopped it (else 0).
    return { reply, timedOut: entry.timedOut ? entry.limit : 0 };
  }

  async run(code) {
    this.generation += 1;
    const generation = this.generation;
    this.held.clear();
    this.lastRun = code;
    this.history = [];
    this.hasSession = false;
    // New code replaces whatever this block still runs (Run or Reset while a run is stuck).
    if (this.client.busy(this.session)) this.stop();
    this.showNotice(null);
    this.checkResult.replaceChildren();
    const { reply, timedOut } = await this.send({ type: "run", session: this.session, code, config: this.data.config ?? null }, "run");
    if (generation !== this.generation) return;
    if (reply.type === "render") this.hasSession = true;
    this.apply(reply, "run", timedOut);
  }

  async event(message) {
    this.client.start();
    const generation = this.generation;
    const { reply, timedOut } = await this.send({ type: "event", session: this.session, ...message }, "event");
    if (generation !== this.generation) return;
    if (reply.type === "render") this.history.push(message);
    // A newer event of this block is already on its way: its answer supersedes this one.
    if (reply.type === "render" && !reply.interrupted && this.client.busy(this.session)) {
      this.elements = Array.isArray(reply.elements) ? reply.elements : [];
      return;
    }
    this.apply(reply, "event", timedOut);
  }

  /** A new worker: rebuild this block's session from its code and what the reader did since. */
  async restore() {
    const generation = this.generation;
    const events = this.history.slice();
    const { reply, timedOut } = await this.send(
      { type: "run", session: this.session, code: this.lastRun, config: this.data.config ?? null, events },
      "restore",
      { restore: true },
    );
    if (generation !== this.generation) return;
    if (reply.type === "render") {
      this.hasSession = true;
      this.history = events.slice(0, reply.replay_stopped ?? events.length);
    }
    this.apply(reply, "restore", timedOut);
  }

  /** Show a reply (its fields: protocol.json); `timedOut` is the time limit that stopped it, or 0. */
  apply(reply, kind, timedOut = 0) {
    if (reply.type === "error" && reply.restarted) return; // told by onRestart, which also rebuilt the session
    if (reply.type === "render") {
      this.elements = Array.isArray(reply.elements) ? reply.elements : [];
      if (this.notices.sticky) this.notices.sticky = false;
      else this.showNotice(null);
      this.show(this.elements, reply.log, reply.log_dropped);
      // The line of an uncaught exception is marked while the editor holds the code that ran.
      this.editor.markErrorLine(this.editor.getValue() === this.lastRun ? errorLine(this.elements) : null);
      // Stopped through the interrupt buffer: what the run drew so far, and a note that it was stopped.
      if (reply.interrupted) this.showStopped(kind, timedOut);
    } else if (reply.interrupted || reply.stopped) {
      if (kind === "run") this.show([]);
      this.showStopped(kind, timedOut);
    } else if (reply.code === "no-session" || reply.code === "unknown-widget") {
      this.showNotice(this.t(reply.code === "no-session" ? "noSession" : "unknownWidget"));
    } else if (reply.crashed) {
      this.showNotice(this.t("crashed"));
    } else {
      this.showNotice(this.t("failed", { message: reply.message ?? reply.type }));
    }
  }

  /** "Stopped.", or, when the time limit stopped it, why and a button that raises the limit. */
  showStopped(kind, timedOut, { sticky = false } = {}) {
    if (!timedOut) return this.showNotice(this.t("stopped"), { sticky });
    const next = Math.max(timedOut * 2, 30);
    const label = this.t(kind === "run" ? "raiseLimitRun" : "raiseLimit", { seconds: next });
    return this.showNotice(this.t("timedOut", { seconds: timedOut }), {
      sticky,
      action: {
        label,
        onClick: () => {
          this.timeoutSeconds = next;
          this.showNotice(this.t("limitRaised", { seconds: next }));
          if (kind === "run") this.runEditor();
        },
      },
    });
  }

  onTrigger(node) {
    const message = { widget: node.id, trigger: true };
    if (node.type === "form_submit_button" && node.form_id) {
      message.values = formValues(this.elements, node.form_id, this.held);
      for (const id of Object.keys(message.values)) this.held.delete(id);
    }
    this.event(message);
  }

  onChange(node, value) {
    // Inside a form nothing is sent until its submit button is pressed, as in Streamlit.
    if (node.form_id) this.held.set(node.id, value);
    else this.event({ widget: node.id, value });
  }

  // ---- toolbar ----

  runEditor() {
    this.client.start();
    this.run(this.editor.getValue());
  }

  reset() {
    this.editor.setValue(this.original);
    this.sharedNote.hidden = true;
    this.updateCodeView();
    const { location, history } = this.win;
    if (parseShareHash(location.hash)?.session === this.session) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    this.client.start();
    this.run(this.original);
  }

  /**
   * Code from a share link is shown for review, never run on its own: the reader reads it
   * and presses Run. An edit of the reader's own is replaced as one step of the editor's
   * undo history (Ctrl+Z brings it back), and the note says so.
   */
  loadShared(code) {
    const before = this.editor.getValue();
    const own = before !== this.original && before !== this.sharedCode;
    this.toggleEditor(true, { focus: false });
    const undoable = this.editor.setValue(code, { undoable: own && before !== code });
    this.sharedCode = code;
    this.showLinkProblem(null);
    this.sharedNote.textContent = this.t(undoable ? "sharedReplaced" : "sharedCode");
    this.sharedNote.hidden = false;
    this.updateCodeView();
  }

  /** Says a share link for this block is damaged (null hides that); the example stays as it is. */
  showLinkProblem(text) {
    const damaged = this.sharedNote.classList.contains("st-live-link-damaged");
    if (text === null && !damaged) return;
    this.sharedNote.classList.toggle("st-live-link-damaged", text !== null);
    this.sharedNote.textContent = text ?? "";
    this.sharedNote.hidden = text === null;
  }

  async copyLink() {
    const url = shareUrl(this.win.location.href, this.session, this.editor.getValue());
    let confirmation;
    try {
      await this.win.navigator.clipboard.writeText(url);
      confirmation = this.t("linkCopied");
    } catch {
      // No clipboard (an insecure context, or permission refused): the address bar has it.
      this.win.history.replaceState(null, "", url);
      confirmation = this.t("linkInAddressBar");
    }
    this.copyButton.textContent = `✓ ${confirmation}`;
    this.copyButton.classList.add("st-done");
    clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => {
      this.copyButton.textContent = this.t("copyLink");
      this.copyButton.classList.remove("st-done");
    }, FLASH_MS);
  }

  stop() {
    this.client.stop(this.session);
  }

  async check() {
    this.client.start();
    const code = this.editor.getValue();
    this.checkButton.disabled = true;
    this.checkResult.replaceChildren(h(this.doc, "span", { class: "st-check-pending", text: this.t("checking") }));
    // The failures come back as sentences in the page's language.
    const lang = this.t.lang ?? "en";
    const { reply, timedOut } = await this.send({ type: "check", code, steps: this.data.steps, config: this.data.config ?? null, lang }, "check");
    this.checkButton.disabled = false;
    if (this.editor.getValue() !== code) return this.checkResult.replaceChildren();
    this.checkResult.replaceChildren(...checkVerdict(this.doc, this.t, reply, timedOut));
  }

  toggleEditor(open = this.editor.element.hidden, { focus = true } = {}) {
    this.editor.element.hidden = !open;
    this.editButton.setAttribute("aria-pressed", String(open));
    this.updateCodeView();
    if (open) this.editor.opened({ focus });
  }

  updateCodeView() {
    const editing = !this.editor.element.hidden;
    const code = this.editor.getValue();
    const edited = code !== this.original;
    if (this.codeView) this.codeView.hidden = editing || edited;
    this.plainView.hidden = editing || !edited;
    if (!editing && edited) this.plainCode.textContent = code;
    this.root.classList.toggle("st-edited", edited);
  }

  // ---- display ----

  show(elements, log = [], logDropped = 0) {
    // The new output waits while the reader composes text (IME) or drags a slider, and until render.js can read it.
    const later = () => this.pendingShow && this.show(...this.pendingShow);
    if ((this.readerBusy ??= watchReader(this.output, this.win, later)).active || !renderableNow(elements, later)) {
      this.pendingShow = [...arguments];
      return;
    }
    this.pendingShow = null;
    // What the reader opened, focused, scrolled or typed survives the new DOM (preserve.js).
    replacePreserving(this.output, renderTree(elements, this.ctx), { doc: this.doc, win: this.win });
    this.showLog(log, logDropped);
  }

  /** What the script printed (Streamlit's terminal); `dropped` lines past the runtime's cap are only counted. */
  showLog(log, dropped = 0) {
    const lines = Array.isArray(log) ? log.map(String) : [];
    const more = Number.isSafeInteger(dropped) && dropped > 0 ? dropped : 0;
    this.log.hidden = lines.length === 0 && more === 0;
    const count = formatCount(more, this.t.lang);
    const parts = [h(this.doc, "div", { class: "st-live-log-title", text: this.t("serverLog") }), h(this.doc, "pre", { text: lines.join("\n") })];
    if (more) parts.push(h(this.doc, "div", { class: "st-live-log-more", text: this.t(more === 1 ? "logMoreOne" : "logMore", { count }) }));
    this.log.replaceChildren(...(this.log.hidden ? [] : parts));
  }

  /** See notice.js: `sticky` survives the next render; `action` adds a button ({label, onClick}). */
  showNotice(text, options) {
    this.notices.show(text, options);
  }

  onClient(event) {
    if (event.type === "restart") return this.onRestart(event);
    if (event.state === "loading") {
      this.progress.hidden = false;
      this.progressBar.style.width = `${PROGRESS[event.stage] ?? 10}%`;
    } else {
      this.progress.hidden = true;
    }
    if (event.state === "ready") {
      this.readyFlash = true;
      setTimeout(() => {
        this.readyFlash = false;
        this.renderStatus();
      }, FLASH_MS);
    }
    if (event.state === "failed") {
      const key = { timeout: "loadTimeout", crash: "crashedAgain", integrity: "runtimeRefused" }[event.reason] ?? "loadFailed";
      const seconds = Math.round(this.client.loadTimeoutMs / 1000);
      this.showNotice(this.t(key, { message: event.message, seconds }), {
        kind: "load",
        action: { label: this.t("retry"), onClick: () => this.client.start() },
      });
    } else if (this.notices.kind === "load") {
      this.showNotice(null);
    }
    this.renderStatus();
    return undefined;
  }

  // The worker was replaced: its sessions are gone. Each block rebuilds its own by replaying
  // what its reader did; the block whose request was stopped (or crashed Python) comes back to
  // where it was before that request, or, when it was the code's run itself, waits for Run.
  onRestart({ cause, session, kind }) {
    const own = session === this.session;
    // Stopped by the time limit rather than by the reader: say so, and offer a longer limit.
    const timedOut = own ? [...this.inflight].find((entry) => entry.timedOut)?.limit : undefined;
    const runStopped = own && (kind === "run" || kind === "restore");
    if (runStopped) {
      this.show([]);
      if (timedOut) this.showStopped("run", timedOut);
      else this.showNotice(this.t(cause === "crash" ? "crashedRun" : "restarted"));
    }
    if (runStopped || !this.hasSession) return;
    this.restore();
    if (own && kind === "event") {
      if (timedOut) this.showStopped(kind, timedOut, { sticky: true });
      else this.showNotice(this.t(cause === "crash" ? "crashedRestored" : "restored"), { sticky: true });
    }
  }

  renderStatus() {
    const { state } = this.client;
    const busy = this.inflight.size > 0;
    let text = "";
    if (state === "loading") text = this.t("loading");
    else if (state === "ready" && busy) text = this.t("running");
    else if (state === "ready" && this.readyFlash) text = this.t("ready");
    this.statusText.textContent = text;
    this.status.classList.toggle("st-busy", state === "loading" || (state === "ready" && busy));
    this.root.classList.toggle("st-running", state === "ready" && busy);
    this.stopButton.disabled = !busy || state !== "ready";
  }
}
