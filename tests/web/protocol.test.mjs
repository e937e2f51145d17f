// The page and the worker keep to the protocol's one definition (runtime/site-tools/src/streamlet_site/protocol.json):
// a static scan of the messages their sources build and the fields they read, and a live block
// driven through every kind of request whose posted messages are checked and whose reads of the
// replies are recorded.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Client } from "../../runtime/web/src/client.js";
import { translator } from "../../runtime/web/src/i18n.js";
import { LiveBlock } from "../../runtime/web/src/live-block.js";
import { Document, find, findAll } from "./fake-dom.mjs";

const PROTOCOL = JSON.parse(readFileSync(new URL("../../runtime/site-tools/src/streamlet_site/protocol.json", import.meta.url), "utf8"));
const MESSAGES = PROTOCOL.messages;
const SRC = new URL("../../runtime/web/src/", import.meta.url);
const source = (name) => readFileSync(new URL(name, SRC), "utf8").replace(/^\s*\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");

const makers = (type) => [MESSAGES[type].from].flat();
const fieldsOf = (type) => Object.keys(MESSAGES[type].fields);
const REPLY_TYPES = ["render", "checked", "error"];
const union = (types) => new Set(["type", ...types.flatMap(fieldsOf)]);

// ---- a checker of one message, as streamlet_site.protocol.problems does it in Python ----

const JSON_TYPES = {
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  object: (v) => v !== null && typeof v === "object" && !Array.isArray(v),
  array: (v) => Array.isArray(v),
  null: (v) => v === null,
  any: () => true,
  Int32Array: (v) => v instanceof Int32Array,
};

function shapeProblems(where, body, spec) {
  const found = Object.keys(body).filter((key) => !(key in spec)).map((key) => `${where}: undeclared field ${key}`);
  for (const [key, field] of Object.entries(spec)) {
    if (!(key in body) || body[key] === undefined) {
      if (field.required) found.push(`${where}: missing required field ${key}`);
      continue;
    }
    const value = body[key];
    if (![field.type].flat().some((type) => JSON_TYPES[type](value))) found.push(`${where}.${key}: not ${field.type}`);
    else if (field.enum && !field.enum.includes(value)) found.push(`${where}.${key}: ${value} not in ${field.enum}`);
    else if (field.shape) found.push(...shapeProblems(`${where}.${key}`, value, PROTOCOL.shapes[field.shape].fields));
    else if (field.items && PROTOCOL.shapes[field.items]) {
      value.forEach((item, i) => found.push(...shapeProblems(`${where}.${key}[${i}]`, item ?? {}, PROTOCOL.shapes[field.items].fields)));
    }
  }
  return found;
}

function problems(message, sender = null) {
  if (!message || typeof message.type !== "string" || !(message.type in MESSAGES)) return [`unknown message ${JSON.stringify(message)}`];
  const { type, ...body } = message;
  const found = sender && !makers(type).includes(sender) ? [`${sender} does not send ${type}`] : [];
  return found.concat(shapeProblems(type, body, MESSAGES[type].fields));
}

test("the checker refuses what the definition does not have", () => {
  assert.deepEqual(problems({ type: "render", id: 1, session: "s", elements: [], log: [], extra: 1 }), ["render: undeclared field extra"]);
  assert.deepEqual(problems({ type: "event", id: 1, session: "s", widget: "w", trigger: 1 }), ["event.trigger: not boolean"]);
  assert.deepEqual(problems({ type: "progress", stage: "wasm" }), ["progress.stage: wasm not in pyodide,runtime"]);
  assert.deepEqual(problems({ type: "render", id: 1, session: "s", elements: [], log: [] }, "page"), ["page does not send render"]);
  assert.equal(problems({ type: "hello" }).length, 1);
});

// ---- static: the object literals the sources build, the fields they read ----

/** The source text of the object literal around `index` (the position of one of its keys). */
function literalAround(text, index) {
  let depth = 0;
  let start = index;
  for (; start >= 0; start--) {
    if (text[start] === "}") depth++;
    else if (text[start] === "{" && depth-- === 0) break;
  }
  depth = 0;
  for (let end = start; end < text.length; end++) {
    if (text[end] === "{") depth++;
    else if (text[end] === "}" && --depth === 0) return { start, body: text.slice(start + 1, end) };
  }
  throw new Error(`unbalanced literal at ${index}`);
}

/** The keys of an object literal's body; spreads are left out (what they hold is checked where it is built). */
function keysOf(body) {
  const parts = [];
  let depth = 0;
  let part = "";
  for (const ch of body) {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      parts.push(part);
      part = "";
    } else {
      part += ch;
    }
  }
  parts.push(part);
  return parts.map((p) => p.trim()).filter((p) => p && !p.startsWith("..."))
    .map((p) => p.match(/^["']?([\w-]+)["']?\s*(:|$)/)?.[1] ?? `?${p}`);
}

/** Every object literal with a `type: "..."` key: {type, keys, before} (`before`: the text just ahead of it). */
function typedLiterals(text) {
  return [...text.matchAll(/\btype:\s*"([\w-]+)"/g)].map((match) => {
    const { start, body } = literalAround(text, match.index);
    return { type: match[1], keys: keysOf(body), before: text.slice(Math.max(0, start - 12), start) };
  });
}

function assertDeclared(file, literal, sides) {
  assert.ok(literal.type in MESSAGES, `${file} builds a message of type "${literal.type}", which protocol.json does not have`);
  assert.ok(makers(literal.type).some((side) => sides.includes(side)), `${file} builds "${literal.type}", which ${sides} do not send`);
  for (const key of literal.keys) {
    assert.ok(key === "type" || fieldsOf(literal.type).includes(key), `${file} puts "${key}" in a "${literal.type}" message`);
  }
}

function assertReads(file, name, allowed) {
  const seen = [...source(file).matchAll(new RegExp(`\\b${name}\\??\\.(\\w+)`, "g"))].map((m) => m[1]);
  assert.ok(seen.length > 0, `${file} no longer reads ${name}: update this test`);
  for (const key of seen) assert.ok(allowed.has(key), `${file} reads ${name}.${key}, which protocol.json does not declare`);
}

test("worker.js posts only declared messages and reads only declared fields", () => {
  const literals = typedLiterals(source("worker.js"));
  assert.deepEqual(new Set(literals.map((l) => l.type)), new Set(["progress", "ready", "fatal", "error", "crashed"]));
  for (const literal of literals) assertDeclared("worker.js", literal, ["worker"]);
  assertReads("worker.js", "message", union(Object.keys(MESSAGES).filter((t) => makers(t).includes("page"))));
});

test("client.js posts and resolves only declared messages; its own events are not the protocol's", () => {
  for (const literal of typedLiterals(source("client.js"))) {
    if (literal.before.includes("emit(")) {
      assert.ok(!(literal.type in MESSAGES), `the Client's event "${literal.type}" shares a name with a message`);
      continue;
    }
    assertDeclared("client.js", literal, ["page", "client"]);
  }
  assertReads("client.js", "message", union(Object.keys(MESSAGES)));
});

test("live-block.js sends only declared requests and reads only declared reply fields", () => {
  const text = source("live-block.js");
  const sent = [...text.matchAll(/\.send\(\s*\{/g)].map((m) => literalAround(text, m.index + m[0].length));
  assert.ok(sent.length >= 3, "live-block.js no longer sends through this.send: update this test");
  for (const { body } of sent) {
    const type = body.match(/\btype:\s*"([\w-]+)"/)?.[1];
    assertDeclared("live-block.js", { type, keys: keysOf(body) }, ["page"]);
  }
  // The reader's actions: the fields of an `event`, spread into it.
  const actions = [...text.matchAll(/\{\s*widget:/g)].map((m) => keysOf(literalAround(text, m.index + 2).body));
  assert.ok(actions.length >= 2);
  for (const keys of actions) for (const key of keys) assert.ok(fieldsOf("event").includes(key), `an event with "${key}"`);
  assertReads("live-block.js", "message", new Set(fieldsOf("event")));
  assertReads("live-block.js", "reply", union(REPLY_TYPES));
  assertReads("notice.js", "reply", union(REPLY_TYPES));
});

// ---- live: a block driven through every request; what it posts, and what it reads ----

class FakeWorker {
  constructor(posted) {
    this.posted = posted;
  }

  postMessage(message) {
    this.posted.push(message);
  }

  terminate() {}
}

const IGNORED = new Set(["then", "toJSON", "constructor"]);

function harness() {
  const reads = [];
  const watched = (message) => new Proxy(message, {
    get(target, key, receiver) {
      if (typeof key === "string" && !IGNORED.has(key)) reads.push([target.type, key]);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") reads.push([target.type, key]);
      return Reflect.has(target, key);
    },
  });
  const doc = new Document();
  const root = doc.createElement("div");
  doc.body.append(root);
  const posted = [];
  const workers = [];
  const client = new Client({ spawn: () => { const w = new FakeWorker(posted); workers.push(w); return w; } });
  // What a request resolves with, whoever made it (the worker, or the Client itself), is checked and watched.
  const request = client.request.bind(client);
  client.request = async (...args) => {
    const reply = await request(...args);
    assert.deepEqual(problems(reply), [], JSON.stringify(reply));
    return watched(reply);
  };
  const win = { location: { href: "https://docs.example/", hash: "", pathname: "/", search: "" }, history: { replaceState() {} }, navigator: {} };
  const steps = [{ action: "click", target: "Go" }];
  const block = new LiveBlock(root, { data: { id: "b", code: "code", config: null, steps, elements: [] }, session: "b", client, t: translator("en"), doc, win });
  const post = (message, sender) => {
    assert.deepEqual(problems(message, sender), [], JSON.stringify(message));
    workers.at(-1).onmessage({ data: watched(message) });
  };
  const last = () => posted.at(-1);
  return { root, block, client, posted, workers, reads, post, last };
}

const TREE = [
  { type: "button", id: "go", form_id: "", label: "Go", value: false },
  { type: "form", form_id: "f", clear_on_submit: true, enter_to_submit: true, children: [
    { type: "text_input", id: "name", form_id: "f", label: "Name", value: "" },
    { type: "form_submit_button", id: "send", form_id: "f", label: "Send", value: false },
  ] },
];
const settle = () => new Promise((resolve) => setImmediate(resolve));

test("a live block posts declared messages and reads only declared fields of what comes back", async () => {
  const { root, client, posted, reads, post, last } = harness();
  client.start();
  post({ type: "progress", stage: "pyodide" }, "worker");
  post({ type: "progress", stage: "runtime" }, "worker");
  post({ type: "ready", boot: "snapshot" }, "worker");
  const render = (extra = {}) => post({ type: "render", id: last().id, session: "b", elements: TREE, log: ["hi"], ...extra }, "bridge");
  render({ log_dropped: 3 });
  await settle();
  findAll(root, ".st-output button")[0].click(); // Go
  render({ interrupted: true });
  await settle();
  const input = find(root, ".st-output input");
  input.value = "Ada";
  input.fire("change");
  findAll(root, ".st-output button")[1].click(); // Send, with the form's values
  assert.deepEqual(last().values, { name: "Ada" });
  render();
  await settle();
  findAll(root, ".st-output button")[0].click();
  post({ type: "error", id: last().id, code: "unknown-widget", message: "gone" }, "bridge");
  await settle();
  findAll(root, ".st-output button")[0].click();
  post({ type: "error", id: last().id, message: "ValueError: bad config" }, "bridge");
  await settle();
  findAll(root, ".st-output button")[0].click();
  post({ type: "error", id: last().id, interrupted: true, message: "KeyboardInterrupt" }, "worker");
  await settle();
  find(root, "button.st-tool-check").click();
  post({ type: "checked", id: last().id, ok: false, failures: ["no"] }, "bridge");
  await settle();
  // Stop replaces the worker (no interrupt buffer): the Client answers the request, the block restores its session.
  findAll(root, ".st-output button")[0].click();
  find(root, "button.st-tool-stop").click();
  await settle();
  post({ type: "ready", boot: "plain" }, "worker");
  assert.equal(last().type, "run");
  assert.ok(last().events.length > 0);
  render({ replayed: 1, replay_stopped: 1 });
  await settle();
  // Python crashes during a request, then loading fails.
  findAll(root, ".st-output button")[0].click();
  post({ type: "crashed", id: last().id, message: "RuntimeError: unreachable" }, "worker");
  await settle();
  post({ type: "fatal", message: "404" }, "worker");
  await settle();

  for (const message of posted) assert.deepEqual(problems(message, "page"), [], JSON.stringify(message));
  assert.deepEqual(new Set(posted.map((m) => m.type)), new Set(["init", "run", "event", "check"]));
  const undeclared = reads.filter(([type, key]) => key !== "type" && !fieldsOf(type).includes(key));
  assert.deepEqual(undeclared, [], "fields read that protocol.json does not declare for their message");
  const seen = new Set(reads.map(([type, key]) => `${type}.${key}`));
  for (const field of ["render.elements", "render.log_dropped", "render.replay_stopped", "error.code", "error.stopped", "checked.failures", "progress.stage", "fatal.message"]) {
    assert.ok(seen.has(field), `the scenarios no longer read ${field}`);
  }
});
