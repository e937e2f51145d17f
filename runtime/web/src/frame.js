// What every widget's frame shares: the label (with label_visibility), the help marker,
// a required marker, and the frame's width.

import { h } from "./dom.js";
import { renderInlineMarkdown } from "./markdown.js";
import { classes, widthStyle } from "./look.js";

/** `help`: a "?" marker whose tooltip (and accessible name) is the help text. */
export function helpIcon(node, ctx) {
  if (!node.help) return null;
  return h(ctx.doc, "span", { class: "st-help-icon", title: node.help, "aria-label": node.help, role: "img", text: "?" });
}

/** `required=True`: a marker after the label, named for screen readers. */
export function requiredMark(node, ctx) {
  if (node.required !== true) return null;
  return h(ctx.doc, "span", { class: "st-required", title: ctx.t("required"), "aria-label": ctx.t("required"), role: "img", text: "*" });
}

/** "visible", "hidden" (keeps its space) or "collapsed" (takes none); both still name the control for screen readers. */
export function visibilityOf(node) {
  return ["hidden", "collapsed"].includes(node.label_visibility) ? node.label_visibility : "visible";
}

export function labelFor(node, ctx, { forId = null, id = null } = {}) {
  return h(ctx.doc, forId ? "label" : "div", { class: `st-label st-label-${visibilityOf(node)}`, for: forId, id }, [
    renderInlineMarkdown(node.label ?? "", ctx.doc),
    requiredMark(node, ctx),
    helpIcon(node, ctx),
  ]);
}

/** The common frame: label above the control, `help` as a tooltip, `width` as the frame's width. */
export function field(node, ctx, label, controls) {
  const cls = classes("st-widget", `st-${node.type}`, node.disabled && "st-disabled", node.wrap === false && "st-nowrap");
  return h(ctx.doc, "div", { class: cls, title: node.help ?? null, style: widthStyle(node.width) }, [label, controls]);
}
