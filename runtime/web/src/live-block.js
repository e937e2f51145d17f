// One live block: its toolbar, editor and output, and its session in the shared worker.
// Every reply of the worker replaces the output; the page only holds what Streamlit's
// frontend holds (the values of a form's widgets until the form is submitted).

import { h } from "./dom.js";
import { createEditor } from "./editor.js";
import { renderTree } from "./render.js";
import { parseShareHash, shareUrl } from "./share.js";
import { enterSubmitButton, formValues } from "./values.js";

const PROGRESS = { start: 10, pyodide: 35, runtime: 80 };
const FLASH_MS = 2500;
let domIds = 0;

export class LiveBlock {
  constructor(root, { data, session, client, t, doc = document, win = window, sharedCode = null, watchdogSeconds = 10 }) {
    Object.assign(this, { root, data, session, client, t, doc, win, watchdogSeconds });
    this.original = String(data.code ?? "");
    this.lastRun = this.original;
    this.elements = Array.isArray(data.elements) ? data.elements : [];
    this.generation = 0; // bumped by each run, so replies to older requests are dropped
    this.inflight = new Set();
    this.held = new Map(); // form widget values the reader set, until the form is submitted
    this.stopping = false;
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
      // Code from a link is shown, never run on its own: the reader reads it and presses Run.
      this.editor.value = sharedCode;
      this.sharedNote.hidden = false;
      this.toggleEditor(true, { focus: false });
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
    this.editor = createEditor(doc, { value: this.original, label: t("editorLabel"), hint: t("editorHint"), onRun: () => this.runEditor() });
    this.editor.textarea.addEventListener("input", () => this.updateCodeView());
    this.sharedNote = h(doc, "div", { class: "st-live-shared", hidden: true, text: t("sharedCode") });

    this.progressBar = h(doc, "div", { class: "st-progress-bar" });
    this.progress = h(doc, "div", { class: "st-progress", role: "progressbar", "aria-label": t("loading"), hidden: true }, [this.progressBar]);
    this.output = h(doc, "div", { class: "st-output" });
    this.log = h(doc, "div", { class: "st-live-log", hidden: true });
    this.notice = h(doc, "div", { class: "st-live-notice", role: "alert", hidden: true });
    this.slowNote = h(doc, "div", { class: "st-live-slow", hidden: true, text: t("slow", { seconds: this.watchdogSeconds }) });
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
    const after = [this.sharedNote, this.plainView, this.editor.element, section];
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

  async send(message, kind) {
    const entry = { kind, slow: false };
    this.inflight.add(entry);
    this.renderStatus();
    const reply = await this.client.request(message, {
      onSlow: () => {
        entry.slow = true;
        this.renderStatus();
      },
    });
    this.inflight.delete(entry);
    if (this.inflight.size === 0) this.stopping = false;
    this.renderStatus();
    return reply;
  }

  async run(code) {
    this.generation += 1;
    const generation = this.generation;
    this.held.clear();
    this.lastRun = code;
    this.showNotice(null);
    this.checkResult.replaceChildren();
    const reply = await this.send({ type: "run", session: this.session, code, config: this.data.config ?? null }, "run");
    if (generation === this.generation) this.apply(reply, "run");
  }

  async event(message) {
    this.client.start();
    const generation = this.generation;
    const reply = await this.send({ type: "event", session: this.session, ...message }, "event");
    if (generation === this.generation) this.apply(reply, "event");
  }

  apply(reply, kind) {
    if (reply.type === "render") {
      this.elements = Array.isArray(reply.elements) ? reply.elements : [];
      if (this.stickyNotice) this.stickyNotice = false;
      else this.showNotice(null);
      this.show(this.elements, reply.log);
      // Stopped through the interrupt buffer: what the run drew so far, and a note that it was stopped.
      if (reply.interrupted) this.showNotice(this.t("stopped"));
    } else if (reply.interrupted || reply.stopped) {
      if (kind === "run") this.show([]);
      this.showNotice(this.t("stopped"));
    } else if (reply.code === "no-session" || reply.code === "unknown-widget") {
      this.showNotice(this.t(reply.code === "no-session" ? "noSession" : "unknownWidget"));
    } else if (reply.fatal) {
      this.showNotice(this.t("loadFailed", { message: reply.message }));
    } else {
      this.showNotice(this.t("failed", { message: reply.message ?? reply.type }));
    }
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
    this.run(this.editor.value);
  }

  reset() {
    this.editor.value = this.original;
    this.sharedNote.hidden = true;
    this.updateCodeView();
    const { location, history } = this.win;
    if (parseShareHash(location.hash)?.session === this.session) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    this.client.start();
    this.run(this.original);
  }

  async copyLink() {
    const url = shareUrl(this.win.location.href, this.session, this.editor.value);
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
    this.stopping = true;
    this.client.stop();
  }

  async check() {
    this.client.start();
    const code = this.editor.value;
    this.checkButton.disabled = true;
    this.checkResult.replaceChildren(h(this.doc, "span", { class: "st-check-pending", text: this.t("checking") }));
    const reply = await this.send({ type: "check", code, steps: this.data.steps, config: this.data.config ?? null }, "check");
    this.checkButton.disabled = false;
    if (this.editor.value !== code) return this.checkResult.replaceChildren();
    if (reply.type === "checked") {
      const ok = Boolean(reply.ok);
      const failures = (reply.failures ?? []).map((text) => h(this.doc, "li", { text: String(text) }));
      const verdict = h(this.doc, "div", { class: ok ? "st-check-ok" : "st-check-fail" }, [ok ? `✓ ${this.t("matches")}` : `✗ ${this.t("mismatch")}`]);
      this.checkResult.replaceChildren(verdict, ...(failures.length ? [h(this.doc, "ul", { class: "st-check-failures" }, failures)] : []));
    } else {
      const text = reply.stopped || reply.interrupted ? this.t("stopped") : this.t("failed", { message: reply.message ?? "" });
      this.checkResult.replaceChildren(h(this.doc, "div", { class: "st-check-fail", text }));
    }
  }

  toggleEditor(open = this.editor.element.hidden, { focus = true } = {}) {
    this.editor.element.hidden = !open;
    this.editButton.setAttribute("aria-pressed", String(open));
    this.updateCodeView();
    if (open) {
      this.editor.fit();
      if (focus) this.editor.textarea.focus();
    }
  }

  updateCodeView() {
    const editing = !this.editor.element.hidden;
    const edited = this.editor.value !== this.original;
    if (this.codeView) this.codeView.hidden = editing || edited;
    this.plainView.hidden = editing || !edited;
    if (!editing && edited) this.plainCode.textContent = this.editor.value;
    this.root.classList.toggle("st-edited", edited);
  }

  // ---- display ----

  show(elements, log = []) {
    const active = this.doc.activeElement;
    const focusKey = active && this.output.contains(active) ? active.getAttribute("data-st-focus") : null;
    this.output.replaceChildren(renderTree(elements, this.ctx));
    this.showLog(log);
    // Keep keyboard focus on the widget the reader just used, though it was re-rendered.
    if (focusKey) {
      const again = [...this.output.querySelectorAll("[data-st-focus]")].find((el) => el.getAttribute("data-st-focus") === focusKey);
      again?.focus({ preventScroll: true });
    }
  }

  showLog(log) {
    const lines = Array.isArray(log) ? log.map(String) : [];
    this.log.hidden = lines.length === 0;
    this.log.replaceChildren(
      ...(lines.length
        ? [h(this.doc, "div", { class: "st-live-log-title", text: this.t("serverLog") }), h(this.doc, "pre", { text: lines.join("\n") })]
        : []),
    );
  }

  /** A sticky notice survives the next render (it explains why the output was reset). */
  showNotice(text, { sticky = false } = {}) {
    this.notice.hidden = !text;
    this.notice.textContent = text ?? "";
    this.stickyNotice = Boolean(text) && sticky;
  }

  onClient(event) {
    if (event.type === "restart") return this.onRestart();
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
    if (event.state === "failed" && this.inflight.size === 0) {
      this.showNotice(this.t("loadFailed", { message: event.message }));
    }
    this.renderStatus();
    return undefined;
  }

  // The worker was replaced: its sessions are gone, so each block runs its code again;
  // except a block whose own script ran away, which waits for the reader to press Run.
  onRestart() {
    const ranAway = this.stopping && [...this.inflight].some((entry) => entry.kind === "run");
    if (ranAway) {
      this.generation += 1;
      this.show([]);
      this.showNotice(this.t("restarted"));
    } else {
      this.run(this.lastRun);
      if (this.stopping) this.showNotice(this.t("stopped"), { sticky: true });
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
    const slow = [...this.inflight].some((entry) => entry.slow);
    this.slowNote.hidden = !slow;
    this.stopButton.classList.toggle("st-urgent", slow);
  }
}
