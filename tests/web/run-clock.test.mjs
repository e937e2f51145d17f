import assert from "node:assert/strict";
import { test } from "node:test";

import { translator } from "../../runtime/web/src/i18n.js";
import { RunClock } from "../../runtime/web/src/run-clock.js";
import { Document } from "./fake-dom.mjs";

function setup(entry) {
  const doc = new Document();
  const note = doc.createElement("div");
  note.hidden = true;
  const stopButton = doc.createElement("button");
  let now = 0;
  const stops = [];
  const clock = new RunClock({
    note, stopButton, t: translator("en"), running: () => entry.current, onLimit: (e) => stops.push(e), now: () => now,
  });
  return { clock, note, stopButton, stops, at: (ms) => { now = ms; clock.tick(); } };
}

test("the note counts up from half the limit (3 s at most), and the limit stops the run once", () => {
  const entry = { current: { sentAt: 0, limit: 10, timedOut: false } };
  const { note, stopButton, stops, at } = setup(entry);
  at(2_900);
  assert.equal(note.hidden, true);
  at(3_000);
  assert.equal(note.hidden, false);
  assert.equal(note.textContent, "Still running after 3 s. It stops by itself at 10 s; click Stop to end it now.");
  assert.ok(stopButton.classList.contains("st-urgent"));
  at(7_400);
  assert.match(note.textContent, /after 7 s/);
  assert.deepEqual(stops, []);
  at(10_000);
  assert.equal(stops.length, 1);
  assert.equal(entry.current.timedOut, true);
  at(11_000);
  assert.equal(stops.length, 1, "stopped once, however long the stop takes");

  entry.current = null; // the reply came
  at(12_000);
  assert.equal(note.hidden, true);
  assert.ok(!stopButton.classList.contains("st-urgent"));
});

test("a short limit shows the note sooner", () => {
  const entry = { current: { sentAt: 1_000, limit: 2, timedOut: false } };
  const { note, stops, at } = setup(entry);
  at(1_900);
  assert.equal(note.hidden, true);
  at(2_000);
  assert.equal(note.hidden, false);
  at(3_000);
  assert.equal(stops.length, 1);
});
