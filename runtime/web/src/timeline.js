// The panel under a live block that shows what Streamlit hides: the reader's last actions
// (newest first) with the callbacks they called, the reruns and how long each run took,
// each run's changes to session state, and st.session_state as it stands now. The data
// is each `render` reply's `report` (protocol.json, shape `run_report`; reprs made by
// streamlet.run_report). Nothing is built while the panel is closed: replies are only kept.

import { h } from "./dom.js";

/** Entries kept: the last runs and the separators between sessions. */
export const KEEP = 20;

export class Timeline {
  constructor(doc, t) {
    this.doc = doc;
    this.t = t;
    this.entries = []; // newest first: {type: "run", report, first} or {type: "session", restored}
    this.state = null; // the newest report's `state`
    this.body = h(doc, "div", { class: "st-timeline-body" });
    // Only a short sentence about the newest entry is announced, and only while the panel is open.
    this.announcer = h(doc, "div", { class: "st-timeline-announce", role: "status", "aria-live": "polite" });
    this.element = h(doc, "details", { class: "st-timeline", ontoggle: () => this.paint() }, [
      h(doc, "summary", { text: t("timeline") }),
      this.announcer,
      this.body,
    ]);
  }

  /** A `run` or `event` request, asking for its run's report: a reader who opens the panel after
   * clicking sees what that click did (a report costs Python some tens of microseconds). */
  ask(message) {
    return message.type === "run" || message.type === "event" ? { ...message, report: true } : message;
  }

  /** Keep what a reply of `kind` (run, event, restore, check) says; repaint when open. */
  record(kind, reply) {
    if (reply?.type !== "render" || !reply.report || kind === "check") return;
    const { report } = reply;
    if (kind === "restore") {
      this.add({ type: "session", restored: true });
    } else {
      if (kind === "run" && this.entries.length > 0) this.add({ type: "session", restored: false });
      this.add({ type: "run", report, first: kind === "run" });
    }
    this.state = Array.isArray(report.state) ? report.state : [];
    if (!this.element.open) return;
    this.paint();
    this.announcer.textContent = kind === "restore" ? this.t("timelineRestored") : this.summary(this.entries[0]);
  }

  add(entry) {
    this.entries.unshift(entry);
    this.entries.length = Math.min(this.entries.length, KEEP);
  }

  /** Build the panel's content when it is open; empty it when it closes. */
  paint() {
    if (!this.element.open) {
      this.body.replaceChildren();
      this.announcer.textContent = "";
      return;
    }
    const { doc, t } = this;
    const runs = this.entries.length === 0
      ? h(doc, "p", { class: "st-timeline-none", text: t("timelineNone") })
      : h(doc, "ol", { class: "st-timeline-list", "aria-label": t("timelineRuns") }, this.entries.map((entry) => this.entryItem(entry)));
    this.body.replaceChildren(
      h(doc, "h4", { class: "st-timeline-heading" }, [this.sentence("timelineState", { state: this.code("st.session_state") })]),
      this.stateTable(),
      h(doc, "h4", { class: "st-timeline-heading", text: t("timelineRuns") }),
      runs,
    );
  }

  // ---- st.session_state ----

  stateTable() {
    const { doc, t } = this;
    if (this.state === null) return h(doc, "p", { class: "st-timeline-none", text: t("timelineStateLater") });
    if (this.state.length === 0) {
      return h(doc, "p", { class: "st-timeline-none" }, [this.sentence("timelineStateEmpty", { state: this.code("st.session_state") })]);
    }
    const head = h(doc, "thead", {}, [h(doc, "tr", {}, [
      h(doc, "th", { scope: "col", text: t("timelineKey") }),
      h(doc, "th", { scope: "col", text: t("timelineValue") }),
    ])]);
    const rows = this.state.map(({ key, value, widget }) => h(doc, "tr", {}, [
      h(doc, "th", { scope: "row" }, [this.code(key), widget ? this.widgetMark() : null]),
      h(doc, "td", {}, [this.code(value)]),
    ]));
    return h(doc, "table", { class: "st-timeline-state" }, [
      h(doc, "caption", { class: "st-timeline-caption", text: "st.session_state" }),
      head,
      h(doc, "tbody", {}, rows),
    ]);
  }

  // ---- one entry ----

  entryItem(entry) {
    const { doc, t } = this;
    if (entry.type === "session") {
      return h(doc, "li", { class: "st-timeline-session", text: t(entry.restored ? "timelineRestored" : "timelineNewSession") });
    }
    const { report } = entry;
    const steps = [
      ...(report.callbacks ?? []).map((callback) => this.sentence("timelineCallback", { call: this.code(callText(callback)) })),
      this.sentence(entry.first ? "timelineFirstRun" : "timelineRerun"),
    ];
    const reruns = Number(report.reruns) || 0;
    const rerun = this.code("st.rerun()");
    if (reruns > 0) steps.push(this.sentence(reruns === 1 ? "timelineRerunOne" : "timelineRerunMany", { count: String(reruns), rerun }));
    return h(doc, "li", { class: "st-timeline-entry" }, [
      h(doc, "div", { class: "st-timeline-action" }, [
        ...this.actions(entry),
        h(doc, "span", { class: "st-timeline-ms", text: t("timelineMs", { ms: formatMs(report.ms) }) }),
      ]),
      h(doc, "ol", { class: "st-timeline-steps" }, steps.map((step) => h(doc, "li", {}, [step]))),
      this.diffList(report.diff ?? []),
    ]);
  }

  /** What the reader did: one sentence per widget (set values first, the click last). */
  actions(entry) {
    const widgets = entry.report.trigger ?? [];
    if (entry.first) return [];
    if (widgets.length === 0) return [this.sentence("timelineNoChange")];
    const ordered = [...widgets.filter((w) => !w.click), ...widgets.filter((w) => w.click)];
    return ordered.map((w) => this.sentence(w.click ? "timelineClicked" : "timelineSet", {
      label: h(this.doc, "strong", { text: w.label || w.key || w.kind }),
      value: this.code(w.value),
    }));
  }

  diffList(diff) {
    const { doc, t } = this;
    if (diff.length === 0) return h(doc, "p", { class: "st-timeline-nodiff", text: t("timelineNoDiff") });
    const items = diff.map((change) => {
      const key = this.code(change.key);
      const line = change.change === "added"
        ? this.sentence("timelineAdded", { key, new: this.code(change.new) })
        : change.change === "removed"
          ? this.sentence("timelineRemoved", { key, old: this.code(change.old) })
          : this.sentence("timelineChanged", { key, old: this.code(change.old), new: this.code(change.new) });
      return h(doc, "li", { class: `st-timeline-${change.change}` }, [line, change.widget ? this.widgetMark() : null]);
    });
    return h(doc, "ul", { class: "st-timeline-diff", "aria-label": t("timelineDiff") }, items);
  }

  /** The short sentence the live region says about an entry. */
  summary(entry) {
    if (entry.type === "session") return this.t(entry.restored ? "timelineRestored" : "timelineNewSession");
    const action = this.actions(entry).map((node) => node.textContent).join(" ");
    const count = (entry.report.diff ?? []).length;
    const changes = count === 0 ? this.t("timelineNoDiff") : this.t(count === 1 ? "timelineChangesOne" : "timelineChangesMany", { count: String(count) });
    return [action || this.t(entry.first ? "timelineFirstRun" : "timelineRerun"), changes].join(" ");
  }

  // ---- pieces ----

  /** A translated sentence whose {placeholders} are nodes (or text), built without parsing markup. */
  sentence(key, parts = {}) {
    const template = this.t(key);
    const nodes = template.split(/\{(\w+)\}/).map((piece, i) => {
      if (i % 2 === 0) return piece;
      return Object.hasOwn(parts, piece) ? parts[piece] : `{${piece}}`;
    });
    return h(this.doc, "span", { class: "st-timeline-sentence" }, nodes);
  }

  code(text) {
    return h(this.doc, "code", { text: String(text ?? "") });
  }

  widgetMark() {
    return h(this.doc, "span", { class: "st-timeline-widget", text: this.t("timelineWidgetKey") });
  }
}

/** `name(arg, key=value)`: a callback call as Python writes it, from the report's reprs. */
export function callText({ name, args = [], kwargs = {} }) {
  const parts = [...args.map(String), ...Object.entries(kwargs).map(([key, value]) => `${key}=${value}`)];
  return `${name}(${parts.join(", ")})`;
}

function formatMs(ms) {
  const value = Number(ms);
  if (!Number.isFinite(value)) return "?";
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
}
