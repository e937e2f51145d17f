// DOM from the markdown AST of markdown.js, with createElement, attributes and text nodes only
// (dom.js's `h`): nothing here parses markup. Addresses and colours arrive already checked.

import { h } from "./dom.js";

const ALIGN = new Set(["left", "center", "right"]);

/** Block nodes as a DocumentFragment. */
export function buildBlocks(blocks, doc) {
  const fragment = doc.createDocumentFragment();
  for (const node of blocks) fragment.append(buildBlock(node, doc, false));
  return fragment;
}

/** Inline nodes as a DocumentFragment. */
export function buildInlines(nodes, doc) {
  const fragment = doc.createDocumentFragment();
  for (const node of nodes) fragment.append(buildInline(node, doc));
  return fragment;
}

function buildBlock(node, doc, tight) {
  switch (node.type) {
    case "paragraph":
      return tight ? buildInlines(node.children, doc) : h(doc, "p", {}, buildInlines(node.children, doc));
    case "heading":
      return h(doc, `h${node.level}`, { class: "st-md-heading" }, buildInlines(node.children, doc));
    case "code_block": {
      const lang = node.lang.replace(/[^\w+-]/g, "");
      return h(doc, "pre", {}, [h(doc, "code", { class: lang ? `language-${lang}` : null, text: node.text })]);
    }
    case "rule":
      return h(doc, "hr");
    case "blockquote":
      return h(doc, "blockquote", { class: "st-md-quote" }, buildBlocks(node.children, doc));
    case "list":
      return list(node, doc);
    case "table":
      return table(node, doc);
    case "footnote":
      return h(doc, "div", { class: "st-md-footnote" }, [
        h(doc, "sup", { class: "st-md-footnote-label", text: node.label }),
        buildBlocks(node.children, doc),
      ]);
    default:
      return doc.createTextNode("");
  }
}

function list(node, doc) {
  const tasks = node.items.some((item) => item.checked !== null);
  return h(doc, node.ordered ? "ol" : "ul", {
    class: tasks ? "st-md-tasks" : null,
    start: node.ordered && node.start !== 1 ? String(node.start) : null,
  }, node.items.map((item) => h(doc, "li", { class: item.checked === null ? null : "st-md-task" }, [
    item.checked === null ? null : h(doc, "input", { type: "checkbox", disabled: true, checked: item.checked, "aria-checked": String(item.checked) }),
    item.children.map((child) => buildBlock(child, doc, node.tight)),
  ])));
}

function table(node, doc) {
  const cell = (tag, inlines, column) => {
    const align = node.align[column];
    return h(doc, tag, { style: ALIGN.has(align) ? `text-align: ${align}` : null }, buildInlines(inlines, doc));
  };
  return h(doc, "div", { class: "st-md-table" }, [
    h(doc, "table", {}, [
      h(doc, "thead", {}, [h(doc, "tr", {}, node.head.map((inlines, i) => cell("th", inlines, i)))]),
      node.rows.length
        ? h(doc, "tbody", {}, node.rows.map((row) => h(doc, "tr", {}, row.map((inlines, i) => cell("td", inlines, i)))))
        : null,
    ]),
  ]);
}

function buildInline(node, doc) {
  const children = () => buildInlines(node.children, doc);
  switch (node.type) {
    case "text":
      return doc.createTextNode(node.value);
    case "code":
      return h(doc, "code", { text: node.value });
    case "break":
      return h(doc, "br");
    case "strong":
    case "em":
    case "del":
      return h(doc, node.type, {}, children());
    case "small":
    case "shimmer":
      return h(doc, "span", { class: `st-md-${node.type}` }, children());
    case "link":
      return h(doc, "a", linkAttributes(node), children());
    case "image": // shown as a link to the image: the page loads nothing a text names
      return h(doc, "a", { ...linkAttributes(node), class: "st-md-image" }, [node.alt || node.href]);
    case "color":
      return h(doc, "span", { class: `st-md-${node.background ? "bg" : "color"}-${node.color}` }, children());
    case "badge":
      return h(doc, "span", { class: `st-md-badge st-md-bg-${node.color} st-md-color-${node.color}` }, children());
    case "css_color":
      return h(doc, "span", { class: node.background ? "st-md-bg" : null, style: cssColorStyle(node) }, children());
    case "icon":
      return h(doc, "span", { class: "st-md-icon", role: "img", "aria-label": `${node.name} icon`, translate: "no", text: node.name });
    case "help":
      return h(doc, "span", { class: "st-help-icon", title: node.text, "aria-label": node.text, role: "img", text: "?" });
    case "footnote_ref":
      return h(doc, "sup", { class: "st-md-footnote-ref", text: node.label });
    default:
      return doc.createTextNode("");
  }
}

// A link to a place in the page stays in the tab; any other opens a new one, without an opener.
function linkAttributes(node) {
  const inPage = node.href.startsWith("#");
  return {
    href: node.href,
    title: node.title || null,
    target: inPage ? null : "_blank",
    rel: inPage ? null : "noopener noreferrer",
  };
}

function cssColorStyle(node) {
  const parts = [];
  if (node.foreground) parts.push(`color: ${node.foreground}`);
  if (node.background) parts.push(`background-color: ${node.background}`);
  return parts.length ? parts.join("; ") : null;
}
