import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { parse, parseInline, renderInlineMarkdown, renderMarkdown } from "../../runtime/web/src/markdown.js";
import { Document, find, findAll } from "./fake-dom.mjs";

const text = (value) => ({ type: "text", value });
const code = (value) => ({ type: "code", value });
const para = (...children) => ({ type: "paragraph", children });

describe("inline", () => {
  test("st.write's 'Count =  `1`': text keeps both spaces, then a code span", () => {
    assert.deepEqual(parse("Count =  `1`"), [para(text("Count =  "), code("1"))]);
  });

  test("multi-backtick code spans close only on a run of the same length", () => {
    assert.deepEqual(parseInline("``a ` b``"), [code("a ` b")]);
    assert.deepEqual(parseInline("`` `x` ``"), [code("`x`")]);
    assert.deepEqual(parseInline("```a``b```"), [code("a``b")]);
  });

  test("an unclosed backtick run is literal text", () => {
    assert.deepEqual(parseInline("`open and ``shut"), [text("`open and ``shut")]);
    assert.deepEqual(parseInline("`a ``b`"), [code("a ``b")]);
  });

  test("code spans win over emphasis and links", () => {
    assert.deepEqual(parseInline("`**not bold**`"), [code("**not bold**")]);
    assert.deepEqual(parseInline("*a `*` b*"), [{ type: "em", children: [text("a "), code("*"), text(" b")] }]);
  });

  test("bold, italic with * and _, and nesting", () => {
    assert.deepEqual(parseInline("**b** *i* _u_"), [
      { type: "strong", children: [text("b")] },
      text(" "),
      { type: "em", children: [text("i")] },
      text(" "),
      { type: "em", children: [text("u")] },
    ]);
    assert.deepEqual(parseInline("***x***"), [{ type: "strong", children: [{ type: "em", children: [text("x")] }] }]);
    assert.deepEqual(parseInline("**bold *and italic***"), [
      { type: "strong", children: [text("bold "), { type: "em", children: [text("and italic")] }] },
    ]);
  });

  test("underscores inside words and lone stars stay literal", () => {
    assert.deepEqual(parseInline("st.session_state.my_key"), [text("st.session_state.my_key")]);
    assert.deepEqual(parseInline("2 * 3 * 4"), [text("2 * 3 * 4")]);
    assert.deepEqual(parseInline("**"), [text("**")]);
  });

  test("backslash escapes", () => {
    assert.deepEqual(parseInline("\\*not em\\* \\`x\\`"), [text("*not em* `x`")]);
  });

  test("links: http, https and mailto only", () => {
    assert.deepEqual(parseInline("[docs](https://docs.streamlit.io/x)"), [
      { type: "link", href: "https://docs.streamlit.io/x", children: [text("docs")] },
    ]);
    assert.deepEqual(parseInline("[m](mailto:a@b.c)")[0].href, "mailto:a@b.c");
    assert.deepEqual(parseInline('[t](http://x.y "title")')[0].href, "http://x.y");
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "/relative", "vbscript:x", "JaVaScRiPt:alert(1)"]) {
      assert.deepEqual(parseInline(`[x](${bad})`), [text(`[x](${bad})`)], bad);
    }
  });

  test("link text may hold inline markup", () => {
    assert.deepEqual(parseInline("[**b** `c`](https://e.x)"), [
      { type: "link", href: "https://e.x", children: [{ type: "strong", children: [text("b")] }, text(" "), code("c")] },
    ]);
  });

  test("line breaks: two trailing spaces or a backslash; a plain newline is soft", () => {
    assert.deepEqual(parse("a  \nb\\\nc\nd"), [para(text("a"), { type: "break" }, text("b"), { type: "break" }, text("c\nd"))]);
  });

  test("HTML stays text", () => {
    assert.deepEqual(parse("<b>x</b><script>alert(1)</script>"), [para(text("<b>x</b><script>alert(1)</script>"))]);
  });
});

describe("blocks", () => {
  test("paragraphs split on blank lines", () => {
    assert.deepEqual(parse("one\ntwo\n\nthree"), [para(text("one\ntwo")), para(text("three"))]);
  });

  test("headings # to ###, and a # without a space is text", () => {
    assert.deepEqual(parse("# One\n## Two ##\n### Three\n#tag"), [
      { type: "heading", level: 1, children: [text("One")] },
      { type: "heading", level: 2, children: [text("Two")] },
      { type: "heading", level: 3, children: [text("Three")] },
      para(text("#tag")),
    ]);
  });

  test("fenced code keeps its text verbatim, with its language", () => {
    assert.deepEqual(parse("```python\nx = '**1**'\n\n  y\n```\nafter"), [
      { type: "code_block", lang: "python", text: "x = '**1**'\n\n  y" },
      para(text("after")),
    ]);
    assert.deepEqual(parse("~~~~\na\n~~~\n~~~~"), [{ type: "code_block", lang: "", text: "a\n~~~" }]);
    assert.deepEqual(parse("```\nnever closed"), [{ type: "code_block", lang: "", text: "never closed" }]);
  });

  test("st.write's multi-line value: a fence longer than the backticks inside", () => {
    assert.deepEqual(parse("````\na ``` b\nc\n````"), [{ type: "code_block", lang: "", text: "a ``` b\nc" }]);
  });

  test("horizontal rules", () => {
    assert.deepEqual(parse("a\n\n---\n\n* * *\n___"), [para(text("a")), { type: "rule" }, { type: "rule" }, { type: "rule" }]);
  });

  test("bullet and numbered lists, tight and loose, nested", () => {
    const [bullets] = parse("- a\n- b\n  - c");
    assert.equal(bullets.type, "list");
    assert.equal(bullets.ordered, false);
    assert.equal(bullets.tight, true);
    assert.deepEqual(bullets.items[0], [para(text("a"))]);
    assert.deepEqual(bullets.items[1][1], { type: "list", ordered: false, start: 1, tight: true, items: [[para(text("c"))]] });

    const [numbers] = parse("3. x\n4. y\n\n5. z");
    assert.equal(numbers.ordered, true);
    assert.equal(numbers.start, 3);
    assert.equal(numbers.tight, false);
    assert.equal(numbers.items.length, 3);
  });

  test("a list item continues on indented and lazy lines", () => {
    const [list] = parse("- first line\n  more\nlazy\n- second");
    assert.deepEqual(list.items[0], [para(text("first line\nmore\nlazy"))]);
  });

  test("a list interrupts a paragraph; a different marker starts a new list", () => {
    const blocks = parse("intro\n- a\n+ b");
    assert.deepEqual(blocks.map((b) => b.type), ["paragraph", "list", "list"]);
  });

  test("the error text of a StreamlitAPIException: paragraphs and a link", () => {
    const message = "`st.button()` can't be used in an `st.form()`.\n\nFor more information, refer to the\n[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).";
    const blocks = parse(message);
    assert.equal(blocks.length, 2);
    assert.deepEqual(blocks[0], para(code("st.button()"), text(" can't be used in an "), code("st.form()"), text(".")));
    assert.equal(blocks[1].children.at(-2).type, "link");
  });

  test("empty and missing input", () => {
    assert.deepEqual(parse(""), []);
    assert.deepEqual(parse(null), []);
    assert.deepEqual(parse("\n\n  \n"), []);
  });
});

describe("DOM", () => {
  const doc = new Document();

  test("renders text through text nodes, never markup", () => {
    const root = doc.createElement("div");
    root.append(renderMarkdown("<img src=x onerror=alert(1)> **b**", doc));
    assert.equal(find(root, "img"), null);
    assert.equal(root.textContent, "<img src=x onerror=alert(1)> b");
    assert.equal(find(root, "strong").textContent, "b");
  });

  test("links open safely in a new tab", () => {
    const root = doc.createElement("div");
    root.append(renderMarkdown("[x](https://e.x/?a=1&b=2)", doc));
    const a = find(root, "a");
    assert.equal(a.getAttribute("href"), "https://e.x/?a=1&b=2");
    assert.equal(a.getAttribute("rel"), "noopener noreferrer");
    assert.equal(a.getAttribute("target"), "_blank");
  });

  test("inline rendering of a label has no paragraph around it", () => {
    const root = doc.createElement("label");
    root.append(renderInlineMarkdown("Count =  `1`", doc));
    assert.equal(find(root, "p"), null);
    assert.equal(find(root, "code").textContent, "1");
    assert.equal(root.textContent, "Count =  1");
  });

  test("tight list items have no <p>; loose ones do", () => {
    const tight = doc.createElement("div");
    tight.append(renderMarkdown("- a\n- b", doc));
    assert.equal(findAll(tight, "li").length, 2);
    assert.equal(find(tight, "p"), null);
    const loose = doc.createElement("div");
    loose.append(renderMarkdown("- a\n\n- b", doc));
    assert.equal(findAll(loose, "p").length, 2);
  });

  test("code blocks, headings, rules and ordered start", () => {
    const root = doc.createElement("div");
    root.append(renderMarkdown("## H\n\n```py\n<b>\n```\n\n---\n\n7. seven", doc));
    assert.equal(find(root, "h2").textContent, "H");
    assert.equal(find(root, "code").className, "language-py");
    assert.equal(find(root, "code").textContent, "<b>");
    assert.ok(find(root, "hr"));
    assert.equal(find(root, "ol").getAttribute("start"), "7");
  });
});
