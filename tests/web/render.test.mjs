import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { translator } from "../../runtime/web/src/i18n.js";
import { RENDERERS, renderTree } from "../../runtime/web/src/render.js";
import { Document, find, findAll } from "./fake-dom.mjs";

function context(lang = "en") {
  const doc = new Document();
  const calls = [];
  let n = 0;
  const ctx = {
    doc,
    t: translator(lang),
    uid: () => `id${++n}`,
    shown: (node) => node.value,
    trigger: (node) => calls.push(["trigger", node.id]),
    change: (node, value) => calls.push(["change", node.id, value]),
    submitForm: (formId) => calls.push(["submit", formId]),
  };
  return { ctx, calls, doc };
}

function render(elements, lang) {
  const { ctx, calls, doc } = context(lang);
  const root = doc.createElement("div");
  root.append(renderTree(elements, ctx));
  return { root, calls };
}

// The counter example's first tree, as streamlet's runner gives it.
const COUNTER = [
  { type: "title", body: "Counter Example using Callbacks", help: null },
  { type: "button", label: "Increment", help: null, kind: "secondary", icon: null, disabled: false, id: "$$ID-1-None", key: null, form_id: "", value: false },
  { type: "markdown", body: "Count =  `0`", help: null },
];

describe("display elements", () => {
  test("the counter: a title, a button that triggers, and the markdown with its code span", () => {
    const { root, calls } = render(COUNTER);
    assert.equal(find(root, ".st-title").textContent, "Counter Example using Callbacks");
    const button = find(root, "button");
    assert.equal(button.textContent, "Increment");
    assert.equal(button.getAttribute("type"), "button");
    button.click();
    assert.deepEqual(calls, [["trigger", "$$ID-1-None"]]);
    const markdown = find(root, ".st-markdown");
    assert.equal(markdown.textContent, "Count =  0");
    assert.equal(find(markdown, "code").textContent, "0");
  });

  test("headers, captions and text", () => {
    const { root } = render([
      { type: "header", body: "H *x*" },
      { type: "subheader", body: "S", help: "why" },
      { type: "caption", body: "small" },
      { type: "text", body: "a  **b**\n c" },
    ]);
    assert.equal(find(root, ".st-header").getAttribute("aria-level"), "3");
    assert.ok(find(find(root, ".st-header"), "em"));
    assert.equal(find(root, ".st-help-icon").getAttribute("title"), "why");
    assert.equal(find(root, ".st-caption").textContent, "small");
    assert.equal(find(root, ".st-text").textContent, "a  **b**\n c");
  });

  test("code, divider and pretty-printed json", () => {
    const { root } = render([
      { type: "code", body: "<script>", language: "python" },
      { type: "divider" },
      { type: "json", body: '{"count": 1}', expanded: true },
      { type: "json", body: "[1]", expanded: false },
    ]);
    assert.equal(find(root, "pre.st-code").textContent, "<script>");
    assert.equal(find(root, "code.language-python").textContent, "<script>");
    assert.ok(find(root, "hr.st-divider"));
    assert.equal(findAll(root, "pre.st-json")[0].textContent, '{\n  "count": 1\n}');
    assert.ok(find(root, "details.st-json-collapsed"));
  });

  test("alerts get their kind as a class and markdown bodies", () => {
    const { root } = render(["error", "warning", "info", "success"].map((type) => ({ type, body: `**${type}**`, icon: "🔥" })));
    for (const type of ["error", "warning", "info", "success"]) {
      const box = find(root, `.st-alert-${type}`);
      assert.equal(find(box, "strong").textContent, type);
      assert.equal(find(box, ".st-alert-icon").textContent, "🔥");
    }
  });

  test("exceptions: type, markdown or plain message, traceback in a details", () => {
    const { root } = render([
      {
        type: "exception", exc_type: "streamlit.errors.StreamlitAPIException", message: "Use `st.form()`.",
        message_is_markdown: true, stack_trace: ['File "streamlit_app.py", line 3', "  x()"], is_warning: false,
      },
      { type: "exception", exc_type: "KeyError", message: "'a' **not md**", message_is_markdown: false, stack_trace: [] },
    ], "zh");
    const [first, second] = findAll(root, ".st-exception");
    assert.equal(find(first, ".st-exception-type").textContent, "streamlit.errors.StreamlitAPIException");
    assert.equal(find(first, "code").textContent, "st.form()");
    assert.equal(find(first, "summary").textContent, "回溯");
    assert.equal(find(first, "details pre").textContent, 'File "streamlit_app.py", line 3\n  x()');
    assert.equal(find(second, ".st-exception-message").textContent, "'a' **not md**");
    assert.equal(find(second, "strong"), null);
    assert.equal(find(second, "details"), null);
  });

  test("help shows the name and the docstring", () => {
    const { root } = render([{ type: "help", name: "increment", value_type: "function", doc: "Add one." }]);
    assert.equal(find(root, ".st-helpdoc-name code").textContent, "increment");
    assert.equal(find(root, ".st-helpdoc-doc").textContent, "Add one.");
  });

  test("unknown types become a neutral note in the page language, children kept", () => {
    const { root } = render([{ type: "tabs", children: [{ type: "text", body: "inside" }] }], "ja");
    assert.equal(find(root, ".st-unknown-note").textContent, "この要素（tabs）はライブサンプルでは表示できません。");
    assert.equal(find(root, ".st-text").textContent, "inside");
  });

  test("element types named like Object.prototype keys are unknown, not crashes", () => {
    const { root } = render([{ type: "constructor" }, { type: "__proto__" }, null, "x"]);
    assert.equal(findAll(root, ".st-unknown").length, 2);
  });
});

describe("blocks", () => {
  test("the sidebar is titled in the page language and goes above main content", () => {
    const { root } = render([
      { type: "markdown", body: "main" },
      { type: "sidebar", children: [{ type: "markdown", body: "side" }] },
    ], "zh");
    const [first] = root.children;
    assert.equal(first.tagName, "ASIDE");
    assert.equal(find(first, ".st-sidebar-title").textContent, "侧边栏");
  });

  test("forms, columns with weights, containers and expanders", () => {
    const { root } = render([
      { type: "form", form_id: "f", border: true, children: [{ type: "text", body: "in form" }] },
      { type: "columns", children: [{ type: "column", weight: 0.75, children: [] }, { type: "column", weight: 0.25, children: [] }] },
      { type: "container", border: true, children: [] },
      { type: "expander", label: "More **info**", expanded: true, children: [{ type: "text", body: "hidden" }] },
    ]);
    assert.equal(find(root, ".st-form .st-text").textContent, "in form");
    const columns = findAll(root, ".st-column");
    assert.deepEqual(columns.map((c) => c.getAttribute("style")), ["flex-grow: 3", "flex-grow: 1"]);
    assert.ok(find(root, ".st-container").classList.contains("st-bordered"));
    const expander = find(root, "details.st-expander");
    assert.equal(expander.open, true);
    assert.equal(find(expander, "summary strong").textContent, "info");
  });
});

describe("widgets", () => {
  const base = { label: "Name", help: null, disabled: false, form_id: "", key: null, label_visibility: "visible" };

  test("every type the runtime produces has a renderer", () => {
    const types = [
      "button", "form_submit_button", "download_button", "checkbox", "toggle", "text_input", "text_area",
      "number_input", "slider", "select_slider", "selectbox", "radio", "multiselect", "date_input", "time_input",
      "color_picker", "file_uploader", "data_editor", "form", "columns", "column", "container", "expander", "sidebar",
    ];
    for (const type of types) assert.ok(Object.hasOwn(RENDERERS, type), type);
  });

  test("text_input commits on change and Enter, once per value; label and help", () => {
    const { root, calls } = render([{ ...base, type: "text_input", id: "t", value: "a", placeholder: "type", max_chars: 5, input_type: "default", help: "Say it" }]);
    const input = find(root, "input");
    const label = find(root, "label");
    assert.equal(label.getAttribute("for"), input.getAttribute("id"));
    assert.equal(label.textContent, "Name?");
    assert.equal(find(root, ".st-widget").getAttribute("title"), "Say it");
    assert.equal(input.getAttribute("maxlength"), "5");
    assert.equal(input.getAttribute("placeholder"), "type");
    input.value = "ab";
    input.fire("input");
    assert.deepEqual(calls, []);
    input.fire("keydown", { key: "Enter" });
    input.fire("change");
    assert.deepEqual(calls, [["change", "t", "ab"]]);
  });

  test("a password text_input is a password field; Enter inside a form submits it", () => {
    const { root, calls } = render([{ ...base, type: "text_input", id: "p", value: null, input_type: "password", form_id: "f" }]);
    const input = find(root, "input");
    assert.equal(input.getAttribute("type"), "password");
    assert.equal(input.value, "");
    input.value = "secret";
    input.fire("keydown", { key: "Enter" });
    assert.deepEqual(calls, [["change", "p", "secret"], ["submit", "f"]]);
  });

  test("text_area commits on blur or Ctrl+Enter, not on plain Enter", () => {
    const { root, calls } = render([{ ...base, type: "text_area", id: "ta", value: "" }]);
    const area = find(root, "textarea");
    area.value = "line";
    area.fire("keydown", { key: "Enter" });
    assert.deepEqual(calls, []);
    area.fire("keydown", { key: "Enter", ctrlKey: true });
    assert.deepEqual(calls, [["change", "ta", "line"]]);
  });

  test("number_input sends numbers, clamps, and puts back junk", () => {
    const { root, calls } = render([{ ...base, type: "number_input", id: "n", value: 1, min: 0, max: 10, step: 1, data_type: "int" }]);
    const input = find(root, "input");
    assert.equal(input.getAttribute("type"), "number");
    input.value = "42";
    input.fire("change");
    assert.equal(input.value, "10");
    input.value = "2.5";
    input.fire("change");
    assert.equal(input.value, "10");
    assert.deepEqual(calls, [["change", "n", 10]]);
  });

  test("checkbox and toggle send booleans; label_visibility is a class", () => {
    const { root, calls } = render([
      { ...base, type: "checkbox", id: "c", value: false, label_visibility: "collapsed" },
      { ...base, type: "toggle", id: "g", value: true },
    ]);
    const [check, toggle] = findAll(root, "input");
    assert.equal(toggle.getAttribute("role"), "switch");
    assert.equal(toggle.checked, true);
    assert.ok(find(root, ".st-label-collapsed"));
    check.checked = true;
    check.fire("change");
    assert.deepEqual(calls, [["change", "c", true]]);
  });

  test("sliders commit on release; ranges keep their ends in order", () => {
    const { root, calls } = render([
      { ...base, type: "slider", id: "s", value: 25, min: 0, max: 100, step: 5, data_type: "int", format: "%d%%" },
      { ...base, type: "slider", id: "r", value: [10, 20], min: 0, max: 50, step: 1, data_type: "int" },
    ]);
    const [single, low, high] = findAll(root, "input");
    assert.equal(find(root, ".st-slider-value").textContent, "25%");
    single.value = "30";
    single.fire("input");
    assert.equal(find(root, ".st-slider-value").textContent, "30%");
    assert.deepEqual(calls, []);
    single.fire("change");
    low.value = "35";
    low.fire("input");
    assert.equal(high.value, "35");
    low.fire("change");
    assert.deepEqual(calls, [["change", "s", 30], ["change", "r", [35, 35]]]);
  });

  test("date sliders send ISO dates", () => {
    const { root, calls } = render([{ ...base, type: "slider", id: "d", value: "2024-01-01", min: "2024-01-01", max: "2024-12-31", step: 86400, data_type: "date", format: "YYYY-MM-DD" }]);
    const input = find(root, "input");
    assert.equal(find(root, ".st-slider-value").textContent, "2024-01-01");
    input.value = String(Number(input.value) + 31);
    input.fire("change");
    assert.deepEqual(calls, [["change", "d", "2024-02-01"]]);
  });

  test("select_slider shows option text and sends indices", () => {
    const { root, calls } = render([{ ...base, type: "select_slider", id: "ss", options: ["S", "M", "L"], value: [0, 1], is_range: true }]);
    assert.equal(find(root, ".st-slider-value").textContent, "S – M");
    const [, high] = findAll(root, "input");
    high.value = "2";
    high.fire("change");
    assert.deepEqual(calls, [["change", "ss", [0, 2]]]);
  });

  test("selectbox: index values, and a placeholder when the value is None", () => {
    const { root, calls } = render([{ ...base, type: "selectbox", id: "sb", options: ["a", "b"], value: null, placeholder: null }], "zh");
    const select = find(root, "select");
    const options = findAll(select, "option");
    assert.deepEqual(options.map((o) => o.textContent), ["请选择", "a", "b"]);
    assert.equal(options[0].disabled, true);
    select.value = "1";
    select.fire("change");
    assert.deepEqual(calls, [["change", "sb", 1]]);
  });

  test("radio: one input per option, horizontal class, captions", () => {
    const { root, calls } = render([{ ...base, type: "radio", id: "rd", options: ["x", "y"], value: 0, horizontal: true, captions: ["first", null] }]);
    assert.ok(find(root, ".st-choices").classList.contains("st-horizontal"));
    const [x, y] = findAll(root, "input");
    assert.equal(x.checked, true);
    assert.equal(x.getAttribute("name"), y.getAttribute("name"));
    assert.equal(find(root, ".st-choice-caption").textContent, "first");
    y.checked = true;
    y.fire("change");
    assert.deepEqual(calls, [["change", "rd", 1]]);
  });

  test("multiselect keeps the order of picking and honours max_selections", () => {
    const { root, calls } = render([{ ...base, type: "multiselect", id: "m", options: ["a", "b", "c"], value: [2], max_selections: 2 }]);
    const [a, b, c] = findAll(root, "input");
    assert.equal(c.checked, true);
    a.checked = true;
    a.fire("change");
    assert.equal(b.disabled, true, "the limit is reached");
    c.checked = false;
    c.fire("change");
    assert.equal(b.disabled, false);
    assert.deepEqual(calls, [["change", "m", [2, 0]], ["change", "m", [0]]]);
  });

  test("date_input single and range, time_input with its step, color_picker", () => {
    const { root, calls } = render([
      { ...base, type: "date_input", id: "d1", value: "2024-05-01", min: "2024-01-01", max: "2024-12-31", is_range: false },
      { ...base, type: "date_input", id: "d2", value: ["2024-05-01", "2024-05-03"], min: "2024-01-01", max: "2024-12-31", is_range: true },
      { ...base, type: "time_input", id: "tm", value: "08:30", step: 900 },
      { ...base, type: "color_picker", id: "cp", value: "#0fa" },
    ]);
    const [d1, start, end, time, color] = findAll(root, "input");
    assert.equal(d1.getAttribute("type"), "date");
    assert.equal(d1.getAttribute("min"), "2024-01-01");
    assert.equal(time.getAttribute("step"), "900");
    assert.equal(color.value, "#00ffaa");
    end.value = "";
    end.fire("change");
    time.value = "09:00";
    time.fire("change");
    color.value = "#112233";
    color.fire("change");
    assert.deepEqual(calls, [["change", "d2", ["2024-05-01"]], ["change", "tm", "09:00"], ["change", "cp", "#112233"]]);
    assert.equal(start.value, "2024-05-01");
  });

  test("file_uploader says uploads are not available, in the page language", () => {
    const { root } = render([{ ...base, type: "file_uploader", id: "f", value: null, accept: null, multiple: false }], "ja");
    assert.equal(find(root, ".st-dropzone").textContent, "ライブサンプルではファイルをアップロードできません。");
    assert.equal(find(root, "input"), null);
  });

  test("data_editor sends the whole table after each edit, typed by column", () => {
    const rows = [["Ann", 3, true], ["Bo", null, false]];
    const { root, calls } = render([{ ...base, type: "data_editor", id: "de", label: "", columns: ["name", "n", "ok"], rows, value: rows, num_rows: "dynamic", disabled_columns: ["name"] }]);
    assert.deepEqual(findAll(root, "th").map((th) => th.textContent), ["name", "n", "ok", ""]);
    const cells = findAll(root, "input");
    assert.equal(cells[0].disabled, true);
    cells[4].value = "7";
    cells[4].fire("change");
    cells[2].checked = false;
    cells[2].fire("change");
    assert.deepEqual(calls, [
      ["change", "de", [["Ann", 3, true], ["Bo", 7, false]]],
      ["change", "de", [["Ann", 3, false], ["Bo", 7, false]]],
    ]);
    find(root, ".st-add-row").click();
    assert.deepEqual(calls.at(-1)[2].at(-1), [null, null, null]);
    assert.deepEqual(rows, [["Ann", 3, true], ["Bo", null, false]], "the tree itself is not changed");
  });

  test("download_button triggers like a button", () => {
    const { root, calls } = render([{ ...base, type: "download_button", id: "dl", label: "Get", kind: "primary", value: false, data: null }]);
    find(root, "button").click();
    assert.ok(find(root, "button").classList.contains("st-kind-primary"));
    assert.deepEqual(calls, [["trigger", "dl"]]);
  });

  test("disabled widgets render disabled", () => {
    const { root } = render([
      { ...base, type: "button", id: "b", label: "No", kind: "secondary", disabled: true, value: false },
      { ...base, type: "text_input", id: "t", value: "", disabled: true },
    ]);
    assert.ok(findAll(root, "button, input").every((el) => el.disabled));
  });
});

describe("what the browser runtime lacks (issue 6)", () => {
  const lacking = [
    {
      type: "exception", exc_type: "streamlit.errors.StreamlitUnavailableCommandError",
      message: "`st.balloons` is not available in the browser runtime of this site.", message_is_markdown: true,
      stack_trace: ['File "streamlit_app.py", line 2, in <module>'], hint: "unavailable-command", command: "st.balloons",
    },
    {
      type: "exception", exc_type: "ModuleNotFoundError", message: "No module named 'pandas'", message_is_markdown: false,
      stack_trace: [], hint: "third-party-module", module: "pandas",
    },
    { type: "exception", exc_type: "KeyError", message: "'a'", message_is_markdown: false, stack_trace: [] },
  ];

  for (const [lang, command, module] of [
    ["en", /does not have st\.balloons\./, /without third-party packages such as pandas\./],
    ["zh", /精简版 Streamlit 没有 st\.balloons。/, /无法使用 pandas 等第三方包。/],
    ["ja", /st\.balloons は使えません。/, /pandas などのサードパーティ製パッケージは使えません。/],
  ]) {
    test(`exception hints below the message, in ${lang}`, () => {
      const { root } = render(lacking, lang);
      const [unavailable, missing, plain] = findAll(root, ".st-exception");
      assert.match(find(unavailable, ".st-exception-hint").textContent, command);
      assert.match(find(missing, ".st-exception-hint").textContent, module);
      assert.equal(find(missing, ".st-exception-message").textContent, "No module named 'pandas'");
      assert.equal(find(plain, ".st-exception-hint"), null);
    });
  }

  test("a hint's names are text, never markup", () => {
    const { root } = render([{ ...lacking[1], module: "<img src=x onerror=alert(1)>" }]);
    assert.equal(find(root, "img"), null);
    assert.match(find(root, ".st-exception-hint").textContent, /<img src=x onerror=alert\(1\)>/);
  });

  test("markdown given unsafe_allow_html shows the HTML as text and says so, in the page's language", () => {
    const body = "<b>bold?</b> <script>alert(1)</script>";
    for (const [lang, note] of [["en", "HTML is shown as text here"], ["zh", "HTML 按纯文本显示"], ["ja", "HTML をテキストとして表示"]]) {
      const { root } = render([
        { type: "markdown", body, help: null, html_as_text: true },
        { type: "caption", body: "<i>c</i>", help: null, html_as_text: true },
        { type: "markdown", body: "plain", help: null },
      ], lang);
      const [flagged, caption, plain] = [find(root, ".st-markdown"), find(root, ".st-caption"), findAll(root, ".st-markdown")[1]];
      assert.equal(find(root, "b"), null);
      assert.equal(find(root, "script"), null);
      assert.match(flagged.textContent, /<b>bold\?<\/b>/);
      assert.match(find(flagged, ".st-html-note").textContent, new RegExp(note));
      assert.ok(find(caption, ".st-html-note"));
      assert.equal(find(plain, ".st-html-note"), null);
    }
  });
});
