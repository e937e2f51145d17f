import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { parse, parseInline, renderInlineMarkdown, renderMarkdown, safeHref } from "../../runtime/web/src/markdown.js";
import { Document, find, findAll } from "./fake-dom.mjs";

const text = (value) => ({ type: "text", value });
const code = (value) => ({ type: "code", value });
const para = (...children) => ({ type: "paragraph", children });
const link = (href, ...children) => ({ type: "link", href, title: null, children });

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
    assert.deepEqual(parseInline("***x***"), [{ type: "em", children: [{ type: "strong", children: [text("x")] }] }]);
    assert.deepEqual(parseInline("**bold *and italic***"), [
      { type: "strong", children: [text("bold "), { type: "em", children: [text("and italic")] }] },
    ]);
  });

  test("underscores inside words and lone stars stay literal", () => {
    assert.deepEqual(parseInline("st.session_state.my_key"), [text("st.session_state.my_key")]);
    assert.deepEqual(parseInline("2 * 3 * 4"), [text("2 * 3 * 4")]);
    assert.deepEqual(parseInline("**"), [text("**")]);
  });

  test("backslash escapes and character references", () => {
    assert.deepEqual(parseInline("\\*not em\\* \\`x\\`"), [text("*not em* `x`")]);
    assert.deepEqual(parseInline("&lt;b&gt; &amp; &#x41; &check;"), [text("<b> & A \u2713")]);
  });

  test("strikethrough with one or two tildes", () => {
    assert.deepEqual(parseInline("~~gone~~ and ~also~"), [
      { type: "del", children: [text("gone")] },
      text(" and "),
      { type: "del", children: [text("also")] },
    ]);
  });

  test("links: http, https, mailto and addresses relative to the page", () => {
    assert.deepEqual(parseInline("[docs](https://docs.streamlit.io/x)"), [link("https://docs.streamlit.io/x", text("docs"))]);
    assert.equal(parseInline("[m](mailto:a@b.c)")[0].href, "mailto:a@b.c");
    assert.deepEqual(parseInline('[t](http://x.y "title")'), [{ ...link("http://x.y", text("t")), title: "title" }]);
    assert.equal(parseInline("[r](../other/)")[0].href, "../other/");
    assert.equal(parseInline("[a](#top)")[0].href, "#top");
  });

  test("links with any other scheme are the text as written", () => {
    const bad = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
      "&#106;avascript:alert(1)", "java&#9;script:alert(1)", "<javascript:alert(1)>", "&#x20;javascript:alert(1)"];
    for (const href of bad) {
      assert.deepEqual(parseInline(`[x](${href})`), [text(`[x](${href})`)], href);
    }
  });

  test("safeHref reads the scheme as a browser does", () => {
    for (const ok of ["https://e.x", "HTTP://e.x", "mailto:a@b.c", "/a", "a/b:c", "#x", "?q=1", ""]) assert.equal(safeHref(ok), ok, ok);
    for (const bad of ["javascript:x", " javascript:x", "\u0000javascript:x", "java\tscript:x", "jav\nascript:x", "data:,x", "blob:x"]) {
      assert.equal(safeHref(bad), null, JSON.stringify(bad));
    }
  });

  test("autolinks: <http://...>, www. and bare addresses; <javascript:...> stays text", () => {
    assert.deepEqual(parseInline("<https://e.x/a>"), [link("https://e.x/a", text("https://e.x/a"))]);
    assert.deepEqual(parseInline("see www.e.x now"), [text("see "), link("http://www.e.x", text("www.e.x")), text(" now")]);
    assert.deepEqual(parseInline("https://e.x/p?q=1."), [link("https://e.x/p?q=1", text("https://e.x/p?q=1")), text(".")]);
    assert.deepEqual(parseInline("a@b.co")[0].href, "mailto:a@b.co");
    assert.deepEqual(parseInline("<javascript:alert(1)>"), [text("<javascript:alert(1)>")]);
  });

  test("reference links resolve through their definition, with the same check", () => {
    assert.deepEqual(parse("[a][r]\n\n[r]: https://e.x"), [para(link("https://e.x", text("a")))]);
    assert.deepEqual(parse("[a][r]\n\n[r]: javascript:alert(1)"), [para(text("[a][r]"))]);
  });

  test("images keep a safe address and their alt text; others are text", () => {
    assert.deepEqual(parseInline("![a cat](https://e.x/c.png)"), [{ type: "image", href: "https://e.x/c.png", alt: "a cat", title: null }]);
    assert.deepEqual(parseInline("![x](data:image/png;base64,AAAA)"), [text("![x](data:image/png;base64,AAAA)")]);
    assert.deepEqual(parseInline("![x](javascript:alert(1))"), [text("![x](javascript:alert(1))")]);
  });

  test("link text may hold inline markup", () => {
    assert.deepEqual(parseInline("[**b** `c`](https://e.x)"), [
      link("https://e.x", { type: "strong", children: [text("b")] }, text(" "), code("c")),
    ]);
  });

  test("line breaks: two trailing spaces or a backslash; a plain newline is soft", () => {
    assert.deepEqual(parse("a  \nb\\\nc\nd"), [para(text("a"), { type: "break" }, text("b"), { type: "break" }, text("c\nd"))]);
  });

  test("HTML stays text", () => {
    assert.deepEqual(parse("<b>x</b><script>alert(1)</script>"), [para(text("<b>x</b><script>alert(1)</script>"))]);
    assert.deepEqual(parse("<div>\n*a*\n</div>"), [para(text("<div>\n*a*\n</div>"))]);
    assert.deepEqual(parseInline("**<img src=x onerror=alert(1)>**"), [{ type: "strong", children: [text("<img src=x onerror=alert(1)>")] }]);
  });

  test("Streamlit's typographic symbols between spaces, not inside code or links", () => {
    assert.deepEqual(parseInline("a -> b <- c <-> d -- e >= f <= g ~= h"), [text("a \u2192 b \u2190 c \u2194 d \u2014 e \u2265 f \u2264 g \u2248 h")]);
    assert.deepEqual(parseInline("x->y `a -> b`"), [text("x->y "), code("a -> b")]);
    assert.deepEqual(parseInline("[a -> b](https://e.x)")[0].children, [text("a -> b")]);
  });
});

describe("Streamlit directives", () => {
  const colored = (color, background, ...children) => ({ type: "color", color, background, children });

  test("colored text and backgrounds from the palette, rainbow included", () => {
    assert.deepEqual(parseInline(":red[stop] :blue-background[sky] :rainbow[all] :primary[p] :grey[g]"), [
      colored("red", false, text("stop")), text(" "),
      colored("blue", true, text("sky")), text(" "),
      colored("rainbow", false, text("all")), text(" "),
      colored("primary", false, text("p")), text(" "),
      colored("grey", false, text("g")),
    ]);
    assert.deepEqual(parseInline(":rainbow-background[x]"), [colored("rainbow", true, text("x"))]);
  });

  test("markup inside a directive, and a directive inside emphasis", () => {
    assert.deepEqual(parseInline(":green[**ok** `1`]"), [colored("green", false, { type: "strong", children: [text("ok")] }, text(" "), code("1"))]);
    assert.deepEqual(parseInline("*a :violet[b] c*"), [{ type: "em", children: [text("a "), colored("violet", false, text("b")), text(" c")] }]);
    assert.deepEqual(parseInline(":orange[:gray-background[x]]"), [colored("orange", false, colored("gray", true, text("x")))]);
  });

  test("badges, small and shimmer", () => {
    assert.deepEqual(parseInline(":green-badge[New] :small[fine] :shimmer[loading]"), [
      { type: "badge", color: "green", children: [text("New")] }, text(" "),
      { type: "small", children: [text("fine")] }, text(" "),
      { type: "shimmer", children: [text("loading")] },
    ]);
    assert.deepEqual(parseInline(":rainbow-badge[x]"), [text(":rainbow-badge[x]")]);
  });

  test("custom colours only in a colour's syntax", () => {
    assert.deepEqual(parseInline(':color[a]{foreground="#d50000" background="rgb(0, 100, 200)"}'), [
      { type: "css_color", foreground: "#d50000", background: "rgb(0, 100, 200)", children: [text("a")] },
    ]);
    for (const bad of ["url(https://e.x/a.png)", "red; background:url(x)", "expression(alert(1))", "var(--x)", "#12345"]) {
      const [node] = parseInline(`:color[a]{foreground="${bad}" background="${bad}"}`);
      assert.equal(node.foreground, null, bad);
      assert.equal(node.background, null, bad);
    }
  });

  test("Material icons by name, and help tooltips", () => {
    assert.deepEqual(parseInline("Add :material/add_circle: now"), [text("Add "), { type: "icon", name: "add_circle" }, text(" now")]);
    assert.deepEqual(parseInline("`:material/add:`"), [code(":material/add:")]);
    assert.deepEqual(parseInline("x :help[more **info**]"), [text("x "), { type: "help", text: "more info" }]);
  });

  test("anything else with a colon is the text as written", () => {
    for (const plain of ["10:30", "a:b", "Note: yes", ":unknown[x]{y=1}", "the :red team", ":sunglasses:", "javascript:alert(43)"]) {
      assert.deepEqual(parseInline(plain), [text(plain)], plain);
    }
    assert.deepEqual(parseInline("::x"), [text("::x")]);
    assert.deepEqual(parse("::leaf[x]"), [para(text("::leaf[x]"))]);
  });

  test("a directive cannot smuggle a link: its address is checked like any other", () => {
    assert.deepEqual(parseInline(":red[[x](javascript:alert(1))]"), [colored("red", false, text("[x](javascript:alert(1))"))]);
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
    assert.deepEqual(bullets.items[0], { checked: null, children: [para(text("a"))] });
    assert.deepEqual(bullets.items[1].children[1], {
      type: "list", ordered: false, start: 1, tight: true, items: [{ checked: null, children: [para(text("c"))] }],
    });

    const [numbers] = parse("3. x\n4. y\n\n5. z");
    assert.equal(numbers.ordered, true);
    assert.equal(numbers.start, 3);
    assert.equal(numbers.tight, false);
    assert.equal(numbers.items.length, 3);
  });

  test("a list item continues on indented and lazy lines", () => {
    const [list] = parse("- first line\n  more\nlazy\n- second");
    assert.deepEqual(list.items[0].children, [para(text("first line\nmore\nlazy"))]);
  });

  test("a list interrupts a paragraph; a different marker starts a new list", () => {
    const blocks = parse("intro\n- a\n+ b");
    assert.deepEqual(blocks.map((b) => b.type), ["paragraph", "list", "list"]);
  });

  test("task lists", () => {
    const [list] = parse("- [x] done\n- [ ] todo\n- plain");
    assert.deepEqual(list.items.map((item) => item.checked), [true, false, null]);
    assert.deepEqual(list.items[1].children, [para(text("todo"))]);
  });

  test("tables with alignment, inline markup in cells and escaped pipes", () => {
    const [table] = parse("| a | *b* | c |\n|:--|:-:|--:|\n| 1 | `x \\| y` | [l](javascript:x) |\n| 2 |");
    assert.equal(table.type, "table");
    assert.deepEqual(table.align, ["left", "center", "right"]);
    assert.deepEqual(table.head, [[text("a")], [{ type: "em", children: [text("b")] }], [text("c")]]);
    assert.deepEqual(table.rows[0], [[text("1")], [code("x | y")], [text("[l](javascript:x)")]]);
    assert.deepEqual(table.rows[1], [[text("2")]]);
  });

  test("block quotes hold blocks", () => {
    assert.deepEqual(parse("> a **b**\n>\n> - c"), [{
      type: "blockquote",
      children: [para(text("a "), { type: "strong", children: [text("b")] }), {
        type: "list", ordered: false, start: 1, tight: true, items: [{ checked: null, children: [para(text("c"))] }],
      }],
    }]);
  });

  test("footnotes", () => {
    assert.deepEqual(parse("a[^n]\n\n[^n]: note"), [
      para(text("a"), { type: "footnote_ref", label: "n" }),
      { type: "footnote", label: "n", children: [para(text("note"))] },
    ]);
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

describe("labels", () => {
  test("list, heading and quote markers at a line's start stay text", () => {
    assert.deepEqual(parse("- a", { label: true }), [para(text("- a"))]);
    assert.deepEqual(parse("1. one", { label: true }), [para(text("1. one"))]);
    assert.deepEqual(parse("# big", { label: true }), [para(text("# big"))]);
    assert.deepEqual(parse("> said", { label: true }), [para(text("> said"))]);
  });

  test("tables (a row a line, cells a space apart) and headings give their content; a rule goes", () => {
    assert.deepEqual(parse("| a | b |\n|---|---|\n| 1 | 2 |", { label: true }), [para(text("a b")), para(text("1 2"))]);
    assert.deepEqual(parse("Title\n===", { label: true }), [para(text("Title"))]);
    assert.deepEqual(parse("a\n\n***", { label: true }), [para(text("a"))]);
  });

  test("inline markup and directives work as in any markdown", () => {
    assert.deepEqual(parse("**Pick** :red[one]", { label: true }), [
      para({ type: "strong", children: [text("Pick")] }, text(" "), { type: "color", color: "red", background: false, children: [text("one")] }),
    ]);
  });
});

describe("DOM", () => {
  const doc = new Document();
  const render = (markdown) => {
    const root = doc.createElement("div");
    root.append(renderMarkdown(markdown, doc));
    return root;
  };

  test("renders text through text nodes, never markup", () => {
    const root = render("<img src=x onerror=alert(1)> **b**");
    assert.equal(find(root, "img"), null);
    assert.equal(root.textContent, "<img src=x onerror=alert(1)> b");
    assert.equal(find(root, "strong").textContent, "b");
  });

  test("links open safely in a new tab; a link within the page stays", () => {
    const a = find(render("[x](https://e.x/?a=1&b=2)"), "a");
    assert.equal(a.getAttribute("href"), "https://e.x/?a=1&b=2");
    assert.equal(a.getAttribute("rel"), "noopener noreferrer");
    assert.equal(a.getAttribute("target"), "_blank");
    const anchor = find(render("[up](#top)"), "a");
    assert.equal(anchor.getAttribute("href"), "#top");
    assert.equal(anchor.getAttribute("target"), null);
  });

  test("unsafe schemes make no link anywhere: autolinks, table cells, colored text, images", () => {
    const root = render([
      "<javascript:alert(1)>",
      "| a |\n|---|\n| [x](javascript:alert(2)) |",
      ":red[[y](vbscript:alert(3))]",
      "![z](data:image/svg+xml;base64,PHN2Zz4=)",
      "[w][r]\n\n[r]: javascript:alert(4)",
    ].join("\n\n"));
    assert.deepEqual(findAll(root, "a"), []);
    assert.equal(find(root, "img"), null);
    for (const shown of ["<javascript:alert(1)>", "[x](javascript:alert(2))", "[y](vbscript:alert(3))", "![z](data:image/svg+xml;base64,PHN2Zz4=)", "[w][r]"]) {
      assert.ok(root.textContent.includes(shown), shown);
    }
  });

  test("an image is a link to it with its alt text, never an <img>", () => {
    const root = render("![a cat](https://e.x/cat.png)");
    assert.equal(find(root, "img"), null);
    const a = find(root, "a.st-md-image");
    assert.equal(a.getAttribute("href"), "https://e.x/cat.png");
    assert.equal(a.textContent, "a cat");
  });

  test("inline rendering of a label has no paragraph around it", () => {
    const root = doc.createElement("label");
    root.append(renderInlineMarkdown("Count =  `1`", doc));
    assert.equal(find(root, "p"), null);
    assert.equal(find(root, "code").textContent, "1");
    assert.equal(root.textContent, "Count =  1");
  });

  test("a label keeps a list marker as text", () => {
    const root = doc.createElement("label");
    root.append(renderInlineMarkdown("- not a list", doc));
    assert.equal(find(root, "ul"), null);
    assert.equal(root.textContent, "- not a list");
  });

  test("tight list items have no <p>; loose ones do", () => {
    const tight = render("- a\n- b");
    assert.equal(findAll(tight, "li").length, 2);
    assert.equal(find(tight, "p"), null);
    assert.equal(findAll(render("- a\n\n- b"), "p").length, 2);
  });

  test("code blocks, headings, rules and ordered start", () => {
    const root = render("## H\n\n```py\n<b>\n```\n\n---\n\n7. seven");
    assert.equal(find(root, "h2").textContent, "H");
    assert.equal(find(root, "code").className, "language-py");
    assert.equal(find(root, "code").textContent, "<b>");
    assert.ok(find(root, "hr"));
    assert.equal(find(root, "ol").getAttribute("start"), "7");
  });

  test("a table: header cells, body cells, alignment", () => {
    const root = render("| a | b |\n|:-:|---|\n| **1** | 2 |");
    assert.ok(find(root, "div.st-md-table table"));
    assert.deepEqual(findAll(root, "th").map((th) => th.textContent), ["a", "b"]);
    assert.deepEqual(findAll(root, "td").map((td) => td.textContent), ["1", "2"]);
    assert.equal(findAll(root, "th")[0].getAttribute("style"), "text-align: center");
    assert.equal(findAll(root, "td")[1].getAttribute("style"), null);
    assert.ok(find(root, "td strong"));
  });

  test("strikethrough, block quote and task list", () => {
    const root = render("~~old~~\n\n> quoted\n\n- [x] done\n- [ ] todo");
    assert.equal(find(root, "del").textContent, "old");
    assert.equal(find(root, "blockquote").textContent, "quoted");
    const boxes = findAll(root, "li.st-md-task input");
    assert.deepEqual(boxes.map((box) => [box.getAttribute("type"), box.checked === true, box.disabled]), [
      ["checkbox", true, true],
      ["checkbox", false, true],
    ]);
    assert.ok(find(root, "ul.st-md-tasks"));
  });

  test("colors are classes of the page's palette; custom colours a checked style", () => {
    const root = render(":red[r] *:blue-background[b]* :green-badge[g] :small[s] :color[c]{foreground=\"#f00\"}");
    assert.equal(find(root, "span.st-md-color-red").textContent, "r");
    assert.equal(find(root, "em span.st-md-bg-blue").textContent, "b");
    assert.ok(find(root, "span.st-md-badge.st-md-bg-green.st-md-color-green"));
    assert.equal(find(root, "span.st-md-small").textContent, "s");
    assert.equal(find(root, "span[style]").getAttribute("style"), "color: #f00");
    assert.equal(findAll(root, "span[style]").length, 1);
  });

  test("a Material icon is its name in a span with a role", () => {
    const icon = find(render("Go :material/arrow_forward:"), "span.st-md-icon");
    assert.equal(icon.textContent, "arrow_forward");
    assert.equal(icon.getAttribute("role"), "img");
    assert.equal(icon.getAttribute("aria-label"), "arrow_forward icon");
  });
});
