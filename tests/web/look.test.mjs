// The display parameters the runtime carries in the tree, as the page shows them:
// anchors, dividers, help, label_visibility, placeholders, icons, heights, titles.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { translator } from "../../runtime/web/src/i18n.js";
import { renderTree } from "../../runtime/web/src/render.js";
import { Document, find, findAll } from "./fake-dom.mjs";

function render(elements, lang = "en") {
  const doc = new Document();
  let n = 0;
  const ctx = {
    doc,
    t: translator(lang),
    uid: () => `id${++n}`,
    shown: (node) => node.value,
    trigger: () => {},
    change: () => {},
    submitForm: () => {},
  };
  const root = doc.createElement("div");
  root.append(renderTree(elements, ctx));
  return root;
}

// Element dicts as the runtime writes them (see delta.py and widgets/).
const heading = (type, fields) => ({ type, body: "Title", anchor: null, help: null, icon: null, divider: "", width: "stretch", text_alignment: "left", wrap: true, ...fields });
const widget = (type, fields) => ({ type, label: "Name", help: null, disabled: false, label_visibility: "visible", id: `$$ID-${type}`, key: null, form_id: "", value: null, ...fields });

describe("headings", () => {
  test("a header with a divider draws a line under it, in the colour asked for", () => {
    const root = render([heading("header", { divider: "blue" }), heading("subheader", { divider: "auto" }), heading("title", {})]);
    const lines = findAll(root, "hr");
    assert.equal(lines.length, 2);
    assert.ok(lines[0].classList.contains("st-divider-blue"));
    assert.ok(lines[1].classList.contains("st-divider-auto"));
    assert.equal(find(root, ".st-header").parentNode.className, "st-heading-block");
  });

  test("an anchor given as text is the heading's id and a link to it; anchor=False shows no link", () => {
    const root = render([heading("header", { anchor: "intro" }), heading("subheader", { anchor: false })]);
    const header = find(root, ".st-header");
    assert.equal(header.getAttribute("id"), "intro");
    const link = find(header, "a.st-anchor");
    assert.equal(link.getAttribute("href"), "#intro");
    assert.equal(link.getAttribute("aria-label"), "Link to this heading");
    assert.equal(find(find(root, ".st-subheader"), "a"), null);
    assert.equal(find(root, ".st-subheader").getAttribute("id"), null);
  });

  test("the link's name is in the page's language", () => {
    const root = render([heading("title", { anchor: "a" })], "ja");
    assert.equal(find(root, "a.st-anchor").getAttribute("aria-label"), "この見出しへのリンク");
  });

  test("help shows a marker whose tooltip is the help text; icon and alignment are shown", () => {
    const root = render([heading("title", { help: "Why", icon: "🔥", text_alignment: "center" })]);
    const title = find(root, ".st-title");
    assert.equal(find(title, ".st-help-icon").getAttribute("title"), "Why");
    assert.equal(find(title, ".st-heading-icon").textContent, "🔥");
    assert.match(title.getAttribute("style"), /text-align: center/);
  });
});

describe("text, alerts and code", () => {
  test("markdown, caption and text show their help marker", () => {
    const root = render([
      { type: "markdown", body: "m", help: "mh" },
      { type: "caption", body: "c", help: "ch" },
      { type: "text", body: "t", help: "th", width: "content", wrap: false },
    ]);
    assert.deepEqual(findAll(root, ".st-help-icon").map((m) => m.getAttribute("title")), ["mh", "ch", "th"]);
    assert.ok(find(root, ".st-text").classList.contains("st-nowrap"));
  });

  test("an alert shows its icon and its title above the body", () => {
    const root = render([{ type: "warning", body: "Careful", icon: "⚠️", title: "Heads up", width: 300 }]);
    const alert = find(root, ".st-alert");
    assert.equal(find(alert, ".st-alert-icon").textContent, "⚠️");
    assert.equal(find(alert, ".st-alert-title").textContent, "Heads up");
    assert.match(alert.getAttribute("style"), /width: 300px/);
  });

  test("code with line numbers has one line element per line; a height scrolls", () => {
    const root = render([{ type: "code", body: "a = 1\nb = 2", language: "python", line_numbers: true, wrap_lines: true, height: 120 }]);
    const pre = find(root, "pre.st-code");
    assert.equal(findAll(pre, ".st-code-line").length, 2);
    assert.ok(pre.classList.contains("st-wrap-lines"));
    assert.match(pre.getAttribute("style"), /height: 120px; overflow: auto/);
  });
});

describe("widgets", () => {
  test("label_visibility hides the label from sight but keeps its text for screen readers", () => {
    const root = render([
      widget("text_input", { label: "Hidden", label_visibility: "hidden", value: "" }),
      widget("text_input", { label: "Collapsed", label_visibility: "collapsed", value: "" }),
      widget("checkbox", { label: "Tick", label_visibility: "collapsed", value: false }),
    ]);
    const labels = findAll(root, ".st-label");
    assert.deepEqual(labels.map((l) => l.className), ["st-label st-label-hidden", "st-label st-label-collapsed", "st-label st-label-collapsed"]);
    assert.deepEqual(labels.map((l) => l.textContent), ["Hidden", "Collapsed", "Tick"]);
    // The label still names its input.
    const [first] = findAll(root, "input");
    assert.equal(labels[0].getAttribute("for"), first.getAttribute("id"));
  });

  test("placeholders reach text, number and select inputs", () => {
    const root = render([
      widget("text_input", { placeholder: "Your name", value: "" }),
      widget("number_input", { placeholder: "A number", value: null }),
      widget("selectbox", { placeholder: "Pick one", options: ["a"], value: null }),
    ]);
    assert.equal(find(root, "input.st-input").getAttribute("placeholder"), "Your name");
    assert.equal(find(root, "input[type=number]").getAttribute("placeholder"), "A number");
    assert.equal(find(root, "option").textContent, "Pick one");
  });

  test("a button shows its icon on the side asked for, its help and its shortcut", () => {
    const root = render([
      widget("button", { label: "Go", kind: "primary", icon: "🚀", icon_position: "right", help: "Starts", shortcut: "Ctrl+K", value: false }),
    ]);
    const button = find(root, "button");
    assert.equal(button.getAttribute("title"), "Starts");
    assert.equal(button.getAttribute("aria-keyshortcuts"), "Ctrl+K");
    assert.equal(find(button, "kbd").textContent, "Ctrl+K");
    const parts = button.childNodes.map((c) => c.textContent);
    assert.ok(parts.indexOf("🚀") > parts.indexOf("Go"), parts.join("|"));
  });

  test("help on a widget is a marker beside its label", () => {
    const root = render([widget("slider", { help: "Drag it", min: 0, max: 10, step: 1, value: 3, data_type: "int" })]);
    assert.equal(find(find(root, ".st-label"), ".st-help-icon").getAttribute("title"), "Drag it");
  });

  test("a text area's height, an input's icon, a required field's marker (in the page's language)", () => {
    const root = render([
      widget("text_area", { height: 200, value: "" }),
      widget("text_input", { icon: "🔍", required: true, input_type: "email", value: "" }),
    ], "zh");
    assert.match(find(root, "textarea").getAttribute("style"), /height: 200px/);
    assert.equal(find(root, ".st-input-icon").textContent, "🔍");
    assert.equal(find(root, ".st-required").getAttribute("aria-label"), "必填");
    assert.equal(find(root, "input[type=email]").hasAttribute("required"), true);
  });

  test("a data editor shows the columns column_order names, titled by column_config", () => {
    const root = render([widget("data_editor", {
      label: "", columns: ["a", "b", "c"], rows: [[1, 2, 3]], num_rows: "fixed", value: [[1, 2, 3]],
      column_order: ["c", "a"], column_config: { a: "Alpha", c: { label: "Gamma" } }, alt: "Prices",
    })]);
    assert.deepEqual(findAll(root, "th").map((th) => th.textContent), ["Gamma", "Alpha"]);
    assert.deepEqual(findAll(root, "td input").map((i) => i.value), ["3", "1"]);
    assert.equal(find(root, "table").getAttribute("aria-description"), "Prices");
  });
});

describe("blocks", () => {
  test("an expander shows its icon; a container its height, scrolling", () => {
    const root = render([
      { type: "expander", label: "More", expanded: false, icon: "📦", children: [] },
      { type: "container", border: true, height: 250, horizontal: true, gap: "large", children: [] },
    ]);
    assert.equal(find(find(root, "summary"), ".st-expander-icon").textContent, "📦");
    const box = find(root, ".st-container");
    assert.match(box.getAttribute("style"), /height: 250px; overflow: auto/);
    assert.ok(box.classList.contains("st-horizontal-block") && box.classList.contains("st-gap-large"));
  });

  test("a form without a border draws none", () => {
    const root = render([{ type: "form", form_id: "f", border: false, children: [] }]);
    assert.ok(find(root, ".st-form").classList.contains("st-borderless"));
  });
});

describe("text input behaviour from its parameters", () => {
  test("live commits after a pause in typing; a required field outside a form sends no blank value", async (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    const doc = new Document();
    const sent = [];
    const ctx = {
      doc, t: translator("en"), uid: () => "id1", shown: (node) => node.value,
      trigger: () => {}, change: (node, value) => sent.push(value), submitForm: () => {},
    };
    const root = doc.createElement("div");
    root.append(renderTree([widget("text_input", { live: "500ms", required: true, value: "a" })], ctx));
    const input = find(root, "input");
    input.value = "ab";
    input.fire("input");
    t.mock.timers.tick(499);
    assert.deepEqual(sent, []);
    t.mock.timers.tick(1);
    assert.deepEqual(sent, ["ab"]);
    input.value = "  ";
    input.fire("change");
    assert.deepEqual(sent, ["ab"], "a blank required value is not sent");
  });

  test("livePause reads True, durations in ms or s, and nothing else", async () => {
    const { livePause } = await import("../../runtime/web/src/widgets.js");
    assert.equal(livePause(true), 250);
    assert.equal(livePause("0.5s"), 500);
    assert.equal(livePause("120ms"), 120);
    assert.equal(livePause(false), null);
    assert.equal(livePause("soon"), null);
  });
});

describe("forms", () => {
  test("Enter in a form's field submits it, unless the form has enter_to_submit=False", () => {
    for (const [enter, expected] of [[true, ["f"]], [false, []]]) {
      const doc = new Document();
      const submitted = [];
      const ctx = {
        doc, t: translator("en"), uid: () => "id1", shown: (node) => node.value,
        trigger: () => {}, change: () => {}, submitForm: (formId) => submitted.push(formId),
      };
      const root = doc.createElement("div");
      const form = { type: "form", form_id: "f", border: true, enter_to_submit: enter, children: [widget("text_input", { form_id: "f", value: "" })] };
      root.append(renderTree([form], ctx));
      find(root, "input").fire("keydown", { key: "Enter" });
      assert.deepEqual(submitted, expected, `enter_to_submit=${enter}`);
    }
  });
});

describe("multiselect", () => {
  test("select_all offers a button that picks the rest; a placeholder shows while nothing is picked", () => {
    const doc = new Document();
    const sent = [];
    const ctx = {
      doc, t: translator("ja"), uid: () => "id1", shown: (node) => node.value,
      trigger: () => {}, change: (node, value) => sent.push(value), submitForm: () => {},
    };
    const root = doc.createElement("div");
    root.append(renderTree([
      widget("multiselect", { options: ["a", "b", "c"], value: [1], select_all: 1000, placeholder: "Pick" }),
      widget("multiselect", { options: ["a", "b"], value: [], select_all: false, placeholder: "Pick some" }),
      widget("multiselect", { options: ["a", "b"], value: [], select_all: 1000, max_selections: 1 }),
    ], ctx));
    const buttons = findAll(root, "button.st-select-all");
    assert.equal(buttons.length, 1, "select_all=False and a max it would pass show none");
    assert.equal(buttons[0].textContent, "すべて選択");
    buttons[0].click();
    assert.deepEqual(sent, [[1, 0, 2]]);
    assert.deepEqual(findAll(root, ".st-placeholder").map((el) => el.textContent), ["Pick some"]);
  });
});
