// search-gate.js: the page releases Material's held search worker once, answers a worker that asks
// after the release, and releases it when the reader reaches the search box.
import assert from "node:assert/strict";
import { test } from "node:test";

import { SEARCH_CHANNEL, searchGate } from "../../runtime/web/src/search-gate.js";

/** What a held worker (search-later.js) hears on the channel, after `send` (posted first, if given). */
async function heard(action, send) {
  const worker = new BroadcastChannel(SEARCH_CHANNEL);
  const got = [];
  worker.onmessage = (event) => got.push(event.data);
  if (send) worker.postMessage(send);
  await action();
  await new Promise((resolve) => setTimeout(resolve, 50));
  worker.close();
  return got;
}

function fakeDocument() {
  const doc = new EventTarget();
  const focus = (inSearch) => {
    const event = new Event("focusin");
    Object.defineProperty(event, "target", { value: { closest: (selector) => (inSearch && selector.includes("search") ? {} : null) } });
    doc.dispatchEvent(event);
  };
  return { doc, focus };
}

test("release says start once; a worker that asks before it is not answered, one that asks after is", async () => {
  const { doc } = fakeDocument();
  const page = new BroadcastChannel(SEARCH_CHANNEL);
  let release;
  assert.deepEqual(await heard(async () => (release = searchGate(doc, page)), "waiting"), []);
  assert.deepEqual(await heard(async () => { release(); release(); }), ["start"]);
  assert.deepEqual(await heard(async () => {}, "waiting"), ["start"]);
  page.close();
});

test("the reader reaching the search box releases it; focus elsewhere does not", async () => {
  const { doc, focus } = fakeDocument();
  const page = new BroadcastChannel(SEARCH_CHANNEL);
  let release;
  assert.deepEqual(await heard(async () => { release = searchGate(doc, page); focus(false); }), []);
  assert.deepEqual(await heard(async () => focus(true)), ["start"]);
  assert.deepEqual(await heard(async () => release()), []);
  page.close();
});
