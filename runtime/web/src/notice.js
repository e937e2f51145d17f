// What a live block tells the reader besides its output: the notice line (role=alert), one
// message at a time with an optional button (Retry, a longer time limit), and the verdict of
// the docs check. A sticky notice survives the next render, because it explains why the
// output was reset; `kind` lets the block clear only its own kind of notice.

import { h } from "./dom.js";

export class Notice {
  constructor(doc) {
    this.doc = doc;
    this.element = h(doc, "div", { class: "st-live-notice", role: "alert", hidden: true });
    this.sticky = false;
    this.kind = null;
  }

  show(text, { sticky = false, action = null, kind = null } = {}) {
    const { element, doc } = this;
    element.hidden = !text;
    element.replaceChildren(...(text ? [h(doc, "span", { text })] : []));
    if (text && action) {
      element.append(" ", h(doc, "button", { type: "button", class: "st-tool st-notice-action", onclick: action.onClick }, [action.label]));
    }
    this.sticky = Boolean(text) && sticky;
    this.kind = text ? kind : null;
  }
}

/**
 * The answer to "Check against the docs": a verdict and the failed steps, or why it did not
 * finish (`timedOut`: the time limit in seconds that stopped it, or 0).
 */
export function checkVerdict(doc, t, reply, timedOut = 0) {
  if (reply.type === "checked") {
    const ok = Boolean(reply.ok);
    const failures = (reply.failures ?? []).map((text) => h(doc, "li", { text: String(text) }));
    const verdict = h(doc, "div", { class: ok ? "st-check-ok" : "st-check-fail" }, [ok ? `✓ ${t("matches")}` : `✗ ${t("mismatch")}`]);
    return [verdict, ...(failures.length ? [h(doc, "ul", { class: "st-check-failures" }, failures)] : [])];
  }
  let text = t("failed", { message: reply.message ?? "" });
  if (timedOut) text = t("timedOut", { seconds: timedOut });
  else if (reply.stopped || reply.interrupted) text = t("stopped");
  else if (reply.crashed) text = t("crashed");
  return [h(doc, "div", { class: "st-check-fail", text })];
}
