// The element tree (plain dicts from streamlet's runner) → DOM. One registry from
// element type to a function; widgets come from widgets.js. All text from Python goes
// through textContent or the safe markdown renderer.
//
// The render context `ctx`: {doc, t, uid(), shown(node), trigger(node), change(node, value),
// submitForm(formId)}; see widgets.js for what each one means.

import { h } from "./dom.js";
import {
  classes, dividerClass, flexStyle, gapClass, heightStyle, iconText, styles, textAlignStyle, textStyle, widthStyle,
} from "./look.js";
import { renderInlineMarkdown, renderMarkdown } from "./markdown.js";
import { assignKeys, keyElement } from "./preserve.js";
import { prettyJson } from "./values.js";
import { WIDGETS } from "./widgets.js";

// `renderableNow(elements, then)`: false, and `then` called later, while a tree that names a rare
// character reference (`&Aacute;`) waits for HTML's whole table, which markdown.js then reads it with.
export { readableNow as renderableNow } from "./entities.js";

/** The tree as a DocumentFragment; a sidebar goes above the main content. */
export function renderTree(elements, ctx) {
  const fragment = ctx.doc.createDocumentFragment();
  const nodes = Array.isArray(elements) ? elements.filter((n) => n && typeof n === "object") : [];
  assignKeys(nodes, isWidget);
  const sidebars = nodes.filter((n) => n.type === "sidebar");
  for (const node of [...sidebars, ...nodes.filter((n) => n.type !== "sidebar")]) {
    fragment.append(renderNode(node, ctx));
  }
  return fragment;
}

const isWidget = (node) => Object.hasOwn(WIDGETS, node.type) && typeof node.id === "string";

export function renderNode(node, ctx) {
  const render = Object.hasOwn(RENDERERS, node.type) ? RENDERERS[node.type] : unknown;
  const el = render(node, ctx);
  keyElement(el, node); // the stable name a rerender finds this element by (see preserve.js)
  return el;
}

function children(node, ctx) {
  return (node.children ?? []).filter((n) => n && typeof n === "object").map((child) => renderNode(child, ctx));
}

export function helpIcon(node, ctx) {
  if (!node.help) return null;
  return h(ctx.doc, "span", { class: "st-help-icon", title: node.help, "aria-label": node.help, role: "img", text: "?" });
}

const noWrap = (node) => (node.wrap === false ? "st-nowrap" : null);

// Headings are divs with a heading role: real <h1>s would join the page's own outline styles.
// An anchor given as text becomes the heading's id and a link to it; `anchor=False` shows no link.
function heading(level, cls) {
  return (node, ctx) => {
    const anchor = typeof node.anchor === "string" && node.anchor ? node.anchor : null;
    const icon = iconText(node.icon);
    const title = h(ctx.doc, "div", {
      class: classes(cls, noWrap(node)), role: "heading", "aria-level": level, id: anchor,
      style: node.divider ? textAlignStyle(node.text_alignment) : textStyle(node),
    }, [
      icon ? h(ctx.doc, "span", { class: "st-heading-icon", "aria-hidden": "true", text: icon }) : null,
      renderInlineMarkdown(node.body ?? "", ctx.doc),
      helpIcon(node, ctx),
      anchor ? h(ctx.doc, "a", { class: "st-anchor", href: `#${anchor}`, "aria-label": ctx.t("headingLink"), text: "#" }) : null,
    ]);
    if (!node.divider) return title;
    return h(ctx.doc, "div", { class: "st-heading-block", style: widthStyle(node.width) }, [
      title,
      h(ctx.doc, "hr", { class: dividerClass(node.divider) }),
    ]);
  };
}

function markdownBlock(cls) {
  return (node, ctx) => h(ctx.doc, "div", { class: classes(cls, noWrap(node)), style: textStyle(node) }, [
    renderMarkdown(node.body ?? "", ctx.doc),
    helpIcon(node, ctx),
    // unsafe_allow_html=True: the HTML stays text here (never markup), and the reader is told why.
    node.html_as_text === true ? h(ctx.doc, "div", { class: "st-html-note", text: ctx.t("htmlAsText") }) : null,
  ]);
}

function alert(node, ctx) {
  const icon = iconText(node.icon);
  const title = typeof node.title === "string" && node.title
    ? h(ctx.doc, "div", { class: "st-alert-title" }, [renderInlineMarkdown(node.title, ctx.doc)])
    : null;
  return h(ctx.doc, "div", { class: `st-alert st-alert-${node.type}`, style: widthStyle(node.width) }, [
    icon ? h(ctx.doc, "span", { class: "st-alert-icon", "aria-hidden": "true", text: icon }) : null,
    h(ctx.doc, "div", { class: "st-alert-body" }, [title, renderMarkdown(node.body ?? "", ctx.doc)]),
  ]);
}

// line_numbers: one span per line, numbered by CSS; wrap_lines: long lines wrap; a height scrolls.
function code(node, ctx) {
  const language = String(node.language ?? "").replace(/[^\w+-]/g, "");
  const body = String(node.body ?? "");
  const lines = node.line_numbers ? body.split("\n").map((line) => h(ctx.doc, "span", { class: "st-code-line", text: line })) : [];
  return h(ctx.doc, "pre", {
    class: classes("st-code", node.line_numbers && "st-line-numbers", node.wrap_lines && "st-wrap-lines"),
    style: styles(widthStyle(node.width), heightStyle(node.height)),
  }, [
    h(ctx.doc, "code", { class: language ? `language-${language}` : null, text: node.line_numbers ? null : body }, lines),
  ]);
}

function json(node, ctx) {
  const pre = h(ctx.doc, "pre", { class: "st-json", style: widthStyle(node.width) }, [h(ctx.doc, "code", { text: prettyJson(node.body) })]);
  if (node.expanded !== false) return pre;
  return h(ctx.doc, "details", { class: "st-json-collapsed" }, [h(ctx.doc, "summary", { text: "{…}" }), pre]);
}

function exception(node, ctx) {
  const message = node.message_is_markdown
    ? h(ctx.doc, "div", { class: "st-exception-message" }, [renderMarkdown(node.message ?? "", ctx.doc)])
    : h(ctx.doc, "div", { class: "st-exception-message st-plain", text: node.message ?? "" });
  const trace = Array.isArray(node.stack_trace) && node.stack_trace.length
    ? h(ctx.doc, "details", { class: "st-traceback" }, [
        h(ctx.doc, "summary", { text: ctx.t("traceback") }),
        h(ctx.doc, "pre", {}, [h(ctx.doc, "code", { text: node.stack_trace.join("\n") })]),
      ])
    : null;
  return h(ctx.doc, "div", { class: `st-exception${node.is_warning ? " st-exception-warning" : ""}` }, [
    h(ctx.doc, "div", { class: "st-exception-type", text: node.exc_type ?? "Exception" }),
    message,
    exceptionHint(node, ctx),
    trace,
  ]);
}

/** The runtime's hint below the message, in the page's language (a command or a package live examples lack). */
function exceptionHint(node, ctx) {
  let text = null;
  if (node.hint === "unavailable-command" && typeof node.command === "string") {
    text = ctx.t("unavailableCommand", { command: node.command });
  } else if (node.hint === "third-party-module" && typeof node.module === "string") {
    text = ctx.t("thirdPartyModule", { module: node.module });
  }
  return text === null ? null : h(ctx.doc, "div", { class: "st-exception-hint", text });
}

function help(node, ctx) {
  return h(ctx.doc, "div", { class: "st-helpdoc" }, [
    h(ctx.doc, "div", { class: "st-helpdoc-name" }, [
      h(ctx.doc, "code", { text: node.name ?? "" }),
      node.value_type ? h(ctx.doc, "span", { class: "st-helpdoc-type", text: ` ${node.value_type}` }) : null,
    ]),
    node.doc ? h(ctx.doc, "pre", { class: "st-helpdoc-doc", text: node.doc }) : null,
  ]);
}

function unknown(node, ctx) {
  return h(ctx.doc, "div", { class: "st-unknown" }, [
    h(ctx.doc, "div", { class: "st-unknown-note", text: ctx.t("unknownElement", { type: String(node.type ?? "?") }) }),
    children(node, ctx),
  ]);
}

// A block's border, size, direction, gap and alignment (st.container, st.form).
function container(cls) {
  return (node, ctx) => h(ctx.doc, "div", {
    class: classes(cls, node.border && "st-bordered", node.type === "form" && node.border === false && "st-borderless",
      node.horizontal && "st-horizontal-block", node.horizontal && node.wrap === false && "st-nowrap-block",
      node.type === "container" && gapClass(node.gap)),
    "data-enter-to-submit": node.type === "form" && node.enter_to_submit === false ? "false" : null,
    style: styles(widthStyle(node.width), heightStyle(node.height), flexStyle({
      horizontal: Boolean(node.horizontal), horizontalAlignment: node.horizontal_alignment, verticalAlignment: node.vertical_alignment,
    })),
  }, children(node, ctx));
}

function sidebar(node, ctx) {
  return h(ctx.doc, "aside", { class: "st-sidebar", "aria-label": ctx.t("sidebar") }, [
    h(ctx.doc, "div", { class: "st-sidebar-title", text: ctx.t("sidebar") }),
    children(node, ctx),
  ]);
}

const weightOf = (node) => (typeof node?.weight === "number" && node.weight > 0 ? node.weight : 1);

// Weights are scaled so the narrowest column grows by 1: a column that wraps onto a line
// of its own (on a narrow screen) then fills the line instead of a fraction of it.
function columns(node, ctx) {
  const kids = (node.children ?? []).filter((n) => n && typeof n === "object");
  const smallest = Math.min(...kids.map(weightOf));
  return h(ctx.doc, "div", {
    class: classes("st-columns", gapClass(node.gap), node.wrap === false && "st-nowrap-block"),
    style: styles(widthStyle(node.width), flexStyle({ horizontal: true, verticalAlignment: node.vertical_alignment })),
  }, kids.map((child) => child.type === "column" ? column(child, ctx, weightOf(child) / smallest) : renderNode(child, ctx)));
}

// A bordered row of columns draws a border around each column, as Streamlit does.
function column(node, ctx, grow = 1) {
  return h(ctx.doc, "div", {
    class: classes("st-column", node.border && "st-bordered"),
    style: `flex-grow: ${Number(grow.toFixed(4))}`,
  }, children(node, ctx));
}

function expander(node, ctx) {
  // data-st-open: what the script asked for, so a rerender can tell when that changed.
  const expanded = Boolean(node.expanded);
  const icon = iconText(node.icon);
  const compact = node.expander_type === "compact" ? "st-expander-compact" : null;
  return h(ctx.doc, "details", {
    class: classes("st-expander", compact), open: expanded, "data-st-open": String(expanded), style: widthStyle(node.width),
  }, [
    h(ctx.doc, "summary", {}, [
      icon ? h(ctx.doc, "span", { class: "st-expander-icon", "aria-hidden": "true", text: icon }) : null,
      renderInlineMarkdown(node.label ?? "", ctx.doc),
    ]),
    h(ctx.doc, "div", { class: "st-expander-body" }, children(node, ctx)),
  ]);
}

export const RENDERERS = {
  title: heading(2, "st-title"),
  header: heading(3, "st-header"),
  subheader: heading(4, "st-subheader"),
  markdown: markdownBlock("st-markdown"),
  caption: markdownBlock("st-caption"),
  text: (node, ctx) => h(ctx.doc, "div", { class: classes("st-text", noWrap(node)), style: textStyle(node) }, [
    h(ctx.doc, "span", { text: node.body ?? "" }),
    helpIcon(node, ctx),
  ]),
  code,
  divider: (node, ctx) => h(ctx.doc, "hr", { class: "st-divider", style: widthStyle(node.width) }),
  json,
  error: alert,
  warning: alert,
  info: alert,
  success: alert,
  exception,
  help,
  main: container("st-main"),
  sidebar,
  form: container("st-form"),
  columns,
  column,
  container: container("st-container"),
  expander,
  ...WIDGETS,
};
