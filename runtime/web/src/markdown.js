// Markdown from Python (st.markdown bodies, st.write, captions, alerts, widget labels,
// exception messages) as safe DOM.
//
// CommonMark and GitHub's extensions (tables, strikethrough, task lists, autolinks, footnotes)
// are parsed by micromark into an mdast syntax tree, with the directive syntax Streamlit's own
// markdown adds (`:red[text]`, `:blue-background[text]`, `:green-badge[text]`, `:small[...]`,
// `:shimmer[...]`, `:color[text]{foreground="#f00"}`, `:help[tooltip]`). `parse` turns that tree
// into a small AST of plain objects, deciding here everything that concerns safety: a link or
// image keeps its address only for http, https, mailto or a relative address (anything else is
// shown as the text it was written as), raw HTML is text, and colours come from fixed names or a
// strict colour syntax. markdown-dom.js builds DOM from that AST with createElement and
// textContent only.
//
// Block nodes:  {type: "paragraph"|"heading", level?, children}   {type: "code_block", lang, text}
//               {type: "rule"}   {type: "blockquote", children}
//               {type: "list", ordered, start, tight, items: [{checked: true|false|null, children}]}
//               {type: "table", align: [null|"left"|"center"|"right"], head: [cell], rows: [[cell]]}
//               {type: "footnote", label, children}                 (a cell is a list of inline nodes)
// Inline nodes: {type: "text", value}  {type: "code", value}  {type: "break"}
//               {type: "strong"|"em"|"del"|"small"|"shimmer", children}
//               {type: "link", href, title, children}   {type: "image", href, alt, title}
//               {type: "color", color, background, children}   {type: "badge", color, children}
//               {type: "css_color", foreground, background, children}
//               {type: "icon", name}   {type: "help", text}   {type: "footnote_ref", label}

import { directiveFromMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { directive } from "micromark-extension-directive";
import { gfm } from "micromark-extension-gfm";

import { tableLoaded } from "./entities.js";
import { buildBlocks, buildInlines } from "./markdown-dom.js";

export const PALETTE = new Set(["red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary"]);
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/** Markdown `text` as a list of block nodes. `label: true` reads it as Streamlit reads a widget label. */
export function parse(text, { label = false } = {}) {
  let source = String(text ?? "");
  if (label) source = escapeLabelBlocks(source);
  const tree = fromMarkdown(source, {
    extensions: [gfm(), directive()],
    mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
  });
  const ctx = { source, label, definitions: definitions(tree) };
  return blocks(tree.children, ctx);
}

/** The inline nodes of `text` when it is one paragraph (tests and short texts). */
export function parseInline(text) {
  const parsed = parse(text);
  return parsed.length === 1 && parsed[0].type === "paragraph" ? parsed[0].children : [];
}

// Parsing costs far more than building the DOM, and a rerun shows mostly the texts it showed
// before: their trees are kept (frozen, so nothing can change one under a later render).
const KEPT_TREES = 512;
const trees = new Map();

function parsedOnce(text, label) {
  const key = `${tableLoaded() ? "t" : "c"}${label ? "l" : "b"}${String(text ?? "")}`;
  let nodes = trees.get(key);
  if (nodes === undefined) {
    nodes = deepFreeze(parse(text, { label }));
    if (trees.size >= KEPT_TREES) trees.delete(trees.keys().next().value);
    trees.set(key, nodes);
  }
  return nodes;
}

function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Markdown `text` as a DocumentFragment of safe nodes. */
export function renderMarkdown(text, doc = globalThis.document) {
  return buildBlocks(parsedOnce(text, false), doc);
}

/**
 * For labels, titles and captions: Streamlit's label markdown, where a line starting like a list,
 * a heading or a quote is text and tables, lists and headings give just their content. One
 * paragraph becomes inline content, with no <p> around it.
 */
export function renderInlineMarkdown(text, doc = globalThis.document) {
  const parsed = parsedOnce(text, true);
  if (parsed.length === 1 && parsed[0].type === "paragraph") return buildInlines(parsed[0].children, doc);
  return buildBlocks(parsed, doc);
}

/** `href` if a link to it can only navigate (http, https, mailto, or relative to the page); else null. */
export function safeHref(href) {
  if (typeof href !== "string") return null;
  // The scheme as a browser reads it: without the C0 controls and spaces around the address,
  // and without tabs and newlines anywhere; an address without one is relative to the page.
  const seen = href.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "").replace(/[\t\n\r]/g, "");
  const scheme = SCHEME.exec(seen);
  return !scheme || SAFE_SCHEMES.has(scheme[1].toLowerCase()) ? href : null;
}

// Streamlit escapes these at the start of a label's lines, so they stay text.
function escapeLabelBlocks(source) {
  return source
    .replace(/^(\s*)((?:[+*-]|#+)(?=\s|$)|>)/gm, "$1\\$2")
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/gm, "$1$2\\$3");
}

function definitions(tree) {
  const found = new Map();
  const visit = (node) => {
    if (node.type === "definition" && !found.has(node.identifier)) found.set(node.identifier, node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

const sourceOf = (node, ctx) => (node.position ? ctx.source.slice(node.position.start.offset, node.position.end.offset) : "");

// ---- blocks ----

function blocks(nodes, ctx) {
  return nodes.flatMap((node) => block(node, ctx));
}

// Tables, lists, quotes, headings and rules are not label elements: a label keeps their content.
const UNWRAPPED_IN_LABELS = new Set(["heading", "list", "listItem", "table", "blockquote", "thematicBreak"]);

function block(node, ctx) {
  if (ctx.label && UNWRAPPED_IN_LABELS.has(node.type)) return unwrap(node, ctx);
  switch (node.type) {
    case "paragraph":
      return [{ type: "paragraph", children: inlines(node.children, ctx) }];
    case "heading":
      return [{ type: "heading", level: node.depth, children: inlines(node.children, ctx) }];
    case "code":
      return [{ type: "code_block", lang: node.lang ?? "", text: node.value }];
    case "thematicBreak":
      return [{ type: "rule" }];
    case "blockquote":
      return [{ type: "blockquote", children: blocks(node.children, ctx) }];
    case "list":
      return [list(node, ctx)];
    case "table":
      return [table(node, ctx)];
    case "footnoteDefinition":
      return [{ type: "footnote", label: node.label ?? node.identifier, children: blocks(node.children, ctx) }];
    case "definition":
      return [];
    default: // raw HTML and leaf or container directives: the text as written
      return [{ type: "paragraph", children: [{ type: "text", value: node.type === "html" ? node.value : sourceOf(node, ctx) }] }];
  }
}

function unwrap(node, ctx) {
  if (node.type === "thematicBreak") return [];
  if (node.type === "heading") return [{ type: "paragraph", children: inlines(node.children, ctx) }];
  if (node.type === "table") { // a row's cells, a space apart
    const space = { type: "text", value: " " };
    const row = (r) => r.children.flatMap((cell, i) => (i ? [space, ...cell.children] : cell.children));
    return node.children.map((r) => ({ type: "paragraph", children: inlines(row(r), ctx) }));
  }
  return blocks(node.children, ctx);
}

function list(node, ctx) {
  const tight = !node.spread && !node.children.some((item) => item.spread);
  return {
    type: "list",
    ordered: Boolean(node.ordered),
    start: node.ordered ? node.start ?? 1 : 1,
    tight,
    items: node.children.map((item) => ({ checked: item.checked ?? null, children: blocks(item.children, ctx) })),
  };
}

function table(node, ctx) {
  const [head, ...rows] = node.children.map((row) => row.children.map((cell) => inlines(cell.children, ctx)));
  return { type: "table", align: node.align ?? [], head: head ?? [], rows };
}

// ---- inline ----

function inlines(nodes, ctx, inLink = false) {
  const out = [];
  for (const node of nodes) {
    for (const made of inline(node, ctx, inLink)) {
      const last = out[out.length - 1];
      if (made.type === "text" && last?.type === "text") last.value += made.value;
      else out.push(made);
    }
  }
  return inLink ? out : out.flatMap((node) => (node.type === "text" ? textTransforms(node.value) : [node]));
}

function inline(node, ctx, inLink) {
  const children = () => inlines(node.children, ctx, inLink);
  switch (node.type) {
    case "text":
      return [{ type: "text", value: node.value }];
    case "inlineCode":
      return [{ type: "code", value: node.value }];
    case "break":
      return [{ type: "break" }];
    case "strong":
      return [{ type: "strong", children: children() }];
    case "emphasis":
      return [{ type: "em", children: children() }];
    case "delete":
      return [{ type: "del", children: children() }];
    case "html":
      return [{ type: "text", value: node.value }];
    case "link":
    case "linkReference":
    case "image":
    case "imageReference":
      return reference(node, ctx);
    case "footnoteReference":
      return [{ type: "footnote_ref", label: node.label ?? node.identifier }];
    case "textDirective":
      return textDirective(node, ctx, inLink);
    default:
      return [{ type: "text", value: sourceOf(node, ctx) }];
  }
}

// Links and images, inline or through a [reference]: only a safe address keeps its meaning.
function reference(node, ctx) {
  const target = node.type.endsWith("Reference") ? ctx.definitions.get(node.identifier) : node;
  const href = safeHref(target?.url);
  if (href === null) return [{ type: "text", value: sourceOf(node, ctx) }];
  const title = target.title ?? null;
  if (node.type.startsWith("image")) return [{ type: "image", href, alt: node.alt ?? "", title }];
  return [{ type: "link", href, title, children: inlines(node.children, ctx, true) }];
}

// Streamlit's directives, each with a [label]; anything else (`:name[...]`, `10:30`, `:red` alone)
// is the text as written.
function textDirective(node, ctx, inLink) {
  const name = String(node.name);
  if (!sourceOf(node, ctx).startsWith(`:${name}[`)) return [{ type: "text", value: sourceOf(node, ctx) }];
  const children = () => inlines(node.children, ctx, inLink);
  const background = /^(.+)-background$/.exec(name);
  const badge = /^(.+)-badge$/.exec(name);
  if (PALETTE.has(name) || name === "rainbow") return [{ type: "color", color: name, background: false, children: children() }];
  if (background && (PALETTE.has(background[1]) || background[1] === "rainbow")) {
    return [{ type: "color", color: background[1], background: true, children: children() }];
  }
  if (badge && PALETTE.has(badge[1])) return [{ type: "badge", color: badge[1], children: children() }];
  if (name === "small" || name === "shimmer") return [{ type: name, children: children() }];
  if (name === "help") return [{ type: "help", text: plainText(node) }];
  if (name === "color") return [cssColor(node, children())];
  return [{ type: "text", value: sourceOf(node, ctx) }];
}

const plainText = (node) => (node.children ?? []).map((child) => child.value ?? plainText(child)).join("");

// Colours Streamlit's `:color[...]{foreground=... background=...}` takes, in a syntax that can
// hold nothing but a colour: a name, a hex value, or rgb()/rgba()/hsl()/hsla() with numbers.
const CSS_COLOR = /^(?:[a-z]{3,20}|#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})|(?:rgba?|hsla?)\(\s*[\d.]+(?:deg)?%?\s*(?:,\s*[\d.]+%?\s*){2,3}\))$/i;

function cssColor(node, children) {
  const attrs = node.attributes ?? {};
  const pick = (value) => (typeof value === "string" && CSS_COLOR.test(value.trim()) ? value.trim() : null);
  return { type: "css_color", foreground: pick(attrs.foreground), background: pick(attrs.background), children };
}

// Text-level shortcodes: Material icons and Streamlit's typographic symbols (not inside links).
const ICON = /:material\/(\w+):/g;
const SYMBOLS = [
  [/(^|\s)<->(?=\s|$)/g, "$1\u2194"],
  [/(^|\s)->(?=\s|$)/g, "$1\u2192"],
  [/(^|\s)<-(?=\s|$)/g, "$1\u2190"],
  [/(^|\s)--(?=\s|$)/g, "$1\u2014"],
  [/(^|\s)>=(?=\s|$)/g, "$1\u2265"],
  [/(^|\s)<=(?=\s|$)/g, "$1\u2264"],
  [/(^|\s)~=(?=\s|$)/g, "$1\u2248"],
];

function textTransforms(value) {
  const out = [];
  let at = 0;
  for (const m of value.matchAll(ICON)) {
    if (m.index > at) out.push(symbols(value.slice(at, m.index)));
    out.push({ type: "icon", name: m[1] });
    at = m.index + m[0].length;
  }
  if (at < value.length) out.push(symbols(value.slice(at)));
  return out;
}

function symbols(value) {
  let text = value;
  for (const [pattern, replacement] of SYMBOLS) text = text.replace(pattern, replacement);
  return { type: "text", value: text };
}
