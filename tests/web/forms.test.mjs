// The page's form logic against the form scenarios Python's test replays too
// (tests/runtime/form_scenarios.json): a live block, the reader's actions in its DOM, what it
// posts, and what it shows once Python answers with the tree the scenario says it answers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Client } from "../../runtime/web/src/client.js";
import { translator } from "../../runtime/web/src/i18n.js";
import { LiveBlock } from "../../runtime/web/src/live-block.js";
import { Document, find, findAll } from "./fake-dom.mjs";

const SCENARIOS = JSON.parse(readFileSync(new URL("../runtime/form_scenarios.json", import.meta.url), "utf8"));
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** The script's tree as the page gets it; the labels are the ids. */
function tree(clear, shows = { Name: "", OK: false }) {
  return [
    { type: "form", form_id: "f", clear_on_submit: clear, enter_to_submit: true, border: true, children: [
      { type: "text_input", id: "Name", form_id: "f", label: "Name", value: shows.Name, input_type: "default" },
      { type: "checkbox", id: "OK", form_id: "f", label: "OK", value: shows.OK },
      { type: "form_submit_button", id: "Send", form_id: "f", label: "Send", kind: "secondary", value: false },
    ] },
    { type: "button", id: "Other", form_id: "", label: "Other", kind: "secondary", value: false },
  ];
}

function block(clear) {
  const doc = new Document();
  const root = doc.createElement("div");
  doc.body.append(root);
  const posted = [];
  let worker = null;
  const client = new Client({ spawn: () => (worker = { postMessage: (m) => posted.push(m), terminate() {} }) });
  const win = { location: { href: "https://docs.example/", hash: "", pathname: "/", search: "" }, history: { replaceState() {} }, navigator: {} };
  new LiveBlock(root, { data: { id: "b", code: "code", config: null, elements: tree(clear) }, session: "b", client, t: translator("en"), doc, win });
  client.start();
  worker.onmessage({ data: { type: "ready" } });
  const answer = (elements) => worker.onmessage({ data: { type: "render", id: posted.at(-1).id, session: "b", elements, log: [] } });
  answer(tree(clear));
  return { root, posted, answer };
}

const inputOf = (root, label) => (label === "Name" ? find(root, ".st-text_input input") : find(root, ".st-checkbox input"));

function act(root, step) {
  const input = step.do === "click" ? null : inputOf(root, step.widget);
  if (step.do === "click") {
    findAll(root, ".st-output button").find((b) => b.textContent === step.widget).click();
  } else if (step.widget === "OK") {
    input.checked = step.value;
    input.fire("change");
  } else {
    input.value = step.value;
    input.fire("change");
    if (step.do === "enter") input.fire("keydown", { key: "Enter" });
  }
}

for (const scenario of SCENARIOS.scenarios) {
  test(`form scenario: ${scenario.name}`, async () => {
    const { root, posted, answer } = block(scenario.clear_on_submit);
    await settle();
    for (const [index, step] of scenario.steps.entries()) {
      const before = posted.length;
      act(root, step);
      const sent = posted.slice(before).map(({ type, session, id, report, ...event }) => event); // report: the timeline's flag
      assert.deepEqual(sent, step.request === null ? [] : [step.request], `step ${index + 1}: what the page posts`);
      if (step.request === null) continue;
      answer(tree(scenario.clear_on_submit, step.python_shows));
      await settle();
      const shows = { Name: inputOf(root, "Name").value, OK: Boolean(inputOf(root, "OK").checked) };
      assert.deepEqual(shows, step.page_shows, `step ${index + 1}: what the page shows`);
    }
  });
}
