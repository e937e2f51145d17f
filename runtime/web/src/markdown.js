// A small, safe markdown renderer for text that comes from Python: st.markdown bodies,
// captions, alerts, widget labels, exception messages.
//
// `parse` is pure and returns an AST of plain objects (tested in Node); `renderMarkdown`
// turns it into DOM nodes with createElement/textContent only, so nothing in the text can
// ever become markup. What is not listed below stays plain text: paragraphs, hard line
// breaks, `code` spans, **bold**, *italic*/_italic_, [links](https://...), bullet and
// numbered lists, # headings, ``` fences and horizontal rules.
//
// Block nodes:  {type: "paragraph"|"heading", level?, children}
//               {type: "code_block", lang, text}  {type: "rule"}
//               {type: "list", ordered, start, tight, items: [[block, ...], ...]}
// Inline nodes: {type: "text", value}  {type: "code", value}  {type: "break"}
//               {type: "strong"|"em", children}  {type: "link", href, children}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s\x00-\x1f\x7f]+$/i;

export function parse(text) {
  const lines = String(text ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^\t+/, (tabs) => "    ".repeat(tabs.length)));
  return parseBlocks(lines);
}

const isBlank = (line) => /^[ \t]*$/.test(line);

function parseBlocks(lines) {
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i += 1;
    } else if (fenceOpening(line)) {
      i = fencedCode(lines, i, blocks);
    } else if (HEADING.test(line)) {
      const m = HEADING.exec(line);
      blocks.push({ type: "heading", level: m[1].length, children: parseInline(m[2] ?? "") });
      i += 1;
    } else if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i += 1;
    } else if (ITEM.test(line)) {
      i = list(lines, i, blocks);
    } else {
      i = paragraph(lines, i, blocks);
    }
  }
  return blocks;
}

function fenceOpening(line) {
  const m = FENCE.exec(line);
  // A backtick fence's info string may not contain backticks (that is an inline code span).
  if (!m || (m[2][0] === "`" && m[3].includes("`"))) return null;
  return { indent: m[1].length, fence: m[2], lang: m[3].trim().split(/\s+/)[0] || "" };
}

function fencedCode(lines, start, blocks) {
  const { indent, fence, lang } = fenceOpening(lines[start]);
  const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
  const body = [];
  let i = start + 1;
  while (i < lines.length && !closing.test(lines[i])) {
    body.push(lines[i].replace(new RegExp(`^ {0,${indent}}`), ""));
    i += 1;
  }
  blocks.push({ type: "code_block", lang, text: body.join("\n") });
  return i + 1; // past the closing fence (or the end, if it was never closed)
}

// Lines that end a paragraph without a blank line between.
function interrupts(line) {
  if (fenceOpening(line) || HEADING.test(line) || RULE.test(line)) return true;
  const item = ITEM.exec(line);
  return Boolean(item && item[4].trim() && (!/\d/.test(item[2]) || parseInt(item[2], 10) === 1));
}

function paragraph(lines, start, blocks) {
  const body = [lines[start]];
  let i = start + 1;
  while (i < lines.length && !isBlank(lines[i]) && !interrupts(lines[i])) {
    body.push(lines[i]);
    i += 1;
  }
  blocks.push({ type: "paragraph", children: parseInline(joinParagraph(body)) });
  return i;
}

function joinParagraph(lines) {
  return lines.map((line, n) => (n === lines.length - 1 ? line.trim() : line.replace(/^[ \t]+/, ""))).join("\n");
}

function listKind(match) {
  const marker = match[2];
  return /\d/.test(marker) ? `ordered${marker.slice(-1)}` : `bullet${marker}`;
}

function list(lines, start, blocks) {
  const first = ITEM.exec(lines[start]);
  const kind = listKind(first);
  const ordered = kind.startsWith("ordered");
  const node = { type: "list", ordered, start: ordered ? parseInt(first[2], 10) : 1, tight: true, items: [] };
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]);
    if (!m || RULE.test(lines[i]) || listKind(m) !== kind) break;
    const indent = m[1].length + m[2].length + (m[3].length > 4 || m[4] === "" ? 1 : m[3].length);
    const body = [m[4]];
    i += 1;
    while (i < lines.length) {
      const line = lines[i];
      if (isBlank(line)) {
        let next = i;
        while (next < lines.length && isBlank(lines[next])) next += 1;
        if (next < lines.length && leadingSpaces(lines[next]) >= indent) {
          for (; i < next; i += 1) body.push("");
          node.tight = false;
          continue;
        }
        break;
      }
      if (leadingSpaces(line) >= indent) body.push(line.slice(indent));
      else if (!isBlank(body[body.length - 1]) && !interrupts(line) && !ITEM.test(line)) body.push(line.trim());
      else break;
      i += 1;
    }
    node.items.push(parseBlocks(body));
    // A blank line between two items makes the list loose (its items become paragraphs).
    let next = i;
    while (next < lines.length && isBlank(lines[next])) next += 1;
    const sibling = next < lines.length ? ITEM.exec(lines[next]) : null;
    if (!sibling || RULE.test(lines[next]) || listKind(sibling) !== kind) break;
    if (next > i) node.tight = false;
    i = next;
  }
  blocks.push(node);
  return i;
}

const leadingSpaces = (line) => line.length - line.trimStart().length;

// ---- inline ----

export function parseInline(source) {
  const s = String(source);
  const out = [];
  let text = "";
  const flush = () => {
    if (text) pushText(out, text);
    text = "";
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\" && s[i + 1] === "\n") {
      flush();
      out.push({ type: "break" });
      i += 2;
    } else if (c === "\\" && ESCAPABLE.test(s[i + 1] ?? "")) {
      text += s[i + 1];
      i += 2;
    } else if (c === "\n") {
      const hard = / {2,}$/.test(text);
      text = text.replace(/ +$/, "");
      if (hard) {
        flush();
        out.push({ type: "break" });
      } else {
        text += "\n";
      }
      i += 1;
    } else if (c === "`") {
      const span = codeSpan(s, i);
      if (span) {
        flush();
        out.push(span.node);
        i = span.end;
      } else {
        // No closing run of the same length: the backticks are literal text.
        const run = runLength(s, i);
        text += s.slice(i, i + run);
        i += run;
      }
    } else if (c === "*" || c === "_") {
      const found = emphasis(s, i);
      if (found) {
        flush();
        out.push(found.node);
        i = found.end;
      } else {
        const run = runLength(s, i);
        text += s.slice(i, i + run);
        i += run;
      }
    } else if (c === "[") {
      const found = link(s, i);
      if (found) {
        flush();
        out.push(found.node);
        i = found.end;
      } else {
        text += c;
        i += 1;
      }
    } else {
      text += c;
      i += 1;
    }
  }
  flush();
  return out;
}

function pushText(out, value) {
  const last = out[out.length - 1];
  if (last && last.type === "text") last.value += value;
  else out.push({ type: "text", value });
}

function runLength(s, i) {
  let n = 0;
  while (s[i + n] === s[i]) n += 1;
  return n;
}

// CommonMark code spans: the closing run must have exactly as many backticks as the opening.
function codeSpan(s, start) {
  const n = runLength(s, start);
  let j = start + n;
  while (j < s.length) {
    if (s[j] !== "`") {
      j += 1;
      continue;
    }
    const m = runLength(s, j);
    if (m === n) {
      let value = s.slice(start + n, j).replace(/\n/g, " ");
      if (value.startsWith(" ") && value.endsWith(" ") && value.trim()) {
        value = value.slice(1, -1);
      }
      return { node: { type: "code", value }, end: j + m };
    }
    j += m;
  }
  return null;
}

const isSpace = (ch) => ch === undefined || /\s/.test(ch);
const isWordChar = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

// Emphasis, simplified from CommonMark: an opener is followed by a non-space, a closer is
// preceded by one, and `_` never opens or closes inside a word (snake_case stays as is).
function emphasis(s, start) {
  const d = s[start];
  if (d === "_" && isWordChar(s[start - 1])) return null;
  const run = runLength(s, start);
  for (const width of run >= 2 ? [2, 1] : [1]) {
    if (isSpace(s[start + width])) continue;
    const end = findCloser(s, start + width, d, width);
    if (end !== null && end > start + width) {
      const children = parseInline(s.slice(start + width, end));
      return { node: { type: width === 2 ? "strong" : "em", children }, end: end + width };
    }
  }
  return null;
}

function findCloser(s, from, d, width) {
  let j = from;
  while (j < s.length) {
    const c = s[j];
    if (c === "\\") {
      j += 2;
    } else if (c === "`") {
      const span = codeSpan(s, j);
      j = span ? span.end : j + runLength(s, j);
    } else if (c === d) {
      const run = runLength(s, j);
      // Use the end of a run, so `***a***` nests instead of leaving stray stars.
      const at = j + run - width;
      const usable = width === 2 ? run >= 2 : run !== 2;
      const closes = !isSpace(s[j - 1]) && !(d === "_" && isWordChar(s[j + run]));
      if (usable && closes && run >= width) return at;
      j += run;
    } else {
      j += 1;
    }
  }
  return null;
}

function link(s, start) {
  let depth = 0;
  let j = start;
  for (; j < s.length; j += 1) {
    if (s[j] === "\\") j += 1;
    else if (s[j] === "[") depth += 1;
    else if (s[j] === "]" && --depth === 0) break;
  }
  if (j >= s.length || s[j + 1] !== "(") return null;
  const close = s.indexOf(")", j + 2);
  if (close === -1) return null;
  const target = s.slice(j + 2, close).trim();
  const m = /^<?([^\s<>]*)>?(?:\s+"[^"]*")?$/.exec(target);
  if (!m || !SAFE_HREF.test(m[1])) return null;
  const children = parseInline(s.slice(start + 1, j));
  return { node: { type: "link", href: m[1], children }, end: close + 1 };
}

// ---- DOM ----

/** Markdown `text` as a DocumentFragment of safe nodes. */
export function renderMarkdown(text, doc = globalThis.document) {
  const fragment = doc.createDocumentFragment();
  for (const block of parse(text)) fragment.append(buildBlock(block, doc, false));
  return fragment;
}

/** For labels: one paragraph becomes inline content, anything else full blocks. */
export function renderInlineMarkdown(text, doc = globalThis.document) {
  const blocks = parse(text);
  if (blocks.length === 1 && blocks[0].type === "paragraph") {
    const fragment = doc.createDocumentFragment();
    for (const node of blocks[0].children) fragment.append(buildInline(node, doc));
    return fragment;
  }
  const fragment = doc.createDocumentFragment();
  for (const block of blocks) fragment.append(buildBlock(block, doc, false));
  return fragment;
}

function withChildren(el, nodes, doc) {
  for (const node of nodes) el.append(buildInline(node, doc));
  return el;
}

function buildBlock(block, doc, tight) {
  switch (block.type) {
    case "paragraph":
      if (tight) return withChildren(doc.createDocumentFragment(), block.children, doc);
      return withChildren(doc.createElement("p"), block.children, doc);
    case "heading": {
      const el = withChildren(doc.createElement(`h${block.level}`), block.children, doc);
      el.className = "st-md-heading";
      return el;
    }
    case "code_block": {
      const pre = doc.createElement("pre");
      const code = doc.createElement("code");
      const lang = block.lang.replace(/[^\w+-]/g, "");
      if (lang) code.className = `language-${lang}`;
      code.textContent = block.text;
      pre.append(code);
      return pre;
    }
    case "rule":
      return doc.createElement("hr");
    case "list": {
      const el = doc.createElement(block.ordered ? "ol" : "ul");
      if (block.ordered && block.start !== 1) el.setAttribute("start", String(block.start));
      for (const item of block.items) {
        const li = doc.createElement("li");
        for (const child of item) li.append(buildBlock(child, doc, block.tight));
        el.append(li);
      }
      return el;
    }
    default:
      return doc.createTextNode("");
  }
}

function buildInline(node, doc) {
  switch (node.type) {
    case "text":
      return doc.createTextNode(node.value);
    case "code": {
      const el = doc.createElement("code");
      el.textContent = node.value;
      return el;
    }
    case "break":
      return doc.createElement("br");
    case "strong":
    case "em":
      return withChildren(doc.createElement(node.type), node.children, doc);
    case "link": {
      const a = withChildren(doc.createElement("a"), node.children, doc);
      a.setAttribute("href", node.href);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
      return a;
    }
    default:
      return doc.createTextNode("");
  }
}
