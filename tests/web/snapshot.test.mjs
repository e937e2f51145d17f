// Reading the memory snapshot's file (runtime/web/src/snapshot.js): its stamp is checked before
// the rest is read, gzip or not, the memory is rebuilt around its pages of zeros, and a damaged or
// mismatched file is refused with a reason.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

import { ZERO_PAGE, nonZeroRuns, pack } from "../../runtime/web/make-snapshot.mjs";
import {
  SNAPSHOT_FORMAT,
  firstVisitWantsSnapshot,
  openSnapshot,
  openWholeSnapshot,
  sha256Hex,
  snapshotWanted,
  stampProblem,
} from "../../runtime/web/src/snapshot.js";

const WHEEL = new TextEncoder().encode("a wheel");
const WHEEL_SHA = createHash("sha256").update(WHEEL).digest("hex");
const MEMORY = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 251);
const STAMP = { format: SNAPSHOT_FORMAT, pyodide: "314.0.7", wheel: "w.whl", wheel_sha256: WHEEL_SHA, bytes: MEMORY.length };
const EXPECTED = { pyodide: "314.0.7", wheelSha256: WHEEL_SHA };
// A memory with pages of zeros at its start, in its middle and at its end, and a short last page.
const SPARSE = new Uint8Array(9 * ZERO_PAGE + 100);
for (const page of [2, 3, 5]) SPARSE.fill(page, page * ZERO_PAGE, (page + 1) * ZERO_PAGE);
SPARSE[6 * ZERO_PAGE + 7] = 9; // one byte keeps its page
SPARSE[9 * ZERO_PAGE + 99] = 1;
const SPARSE_STAMP = { ...STAMP, bytes: SPARSE.length };
const withRuns = (stamp, memory) => ({ ...stamp, runs: nonZeroRuns(memory) });

/** A Response whose body arrives in chunks of `size` bytes, counting how many were pulled. */
function chunked(bytes, size = 1000, delayMs = 0) {
  const seen = { pulled: 0, cancelled: false };
  let at = 0;
  const body = new ReadableStream({
    async pull(controller) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
      seen.pulled += 1;
      return undefined;
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { response: new Response(body), seen };
}

test("the stamp must name this Pyodide, this wheel, this format and a size", () => {
  assert.equal(stampProblem(withRuns(STAMP, MEMORY), EXPECTED), null);
  assert.match(stampProblem({ ...STAMP, pyodide: "314.0.6" }, EXPECTED), /Pyodide 314.0.6, this is 314.0.7/);
  assert.match(stampProblem({ ...STAMP, wheel_sha256: "0".repeat(64) }, EXPECTED), /another runtime wheel/);
  assert.match(stampProblem(STAMP, { ...EXPECTED, wheelSha256: null }), /another runtime wheel/);
  assert.match(stampProblem(withRuns({ ...STAMP, format: 1 }, MEMORY), EXPECTED), /format 1/);
  assert.match(stampProblem(withRuns({ ...STAMP, bytes: 0 }, MEMORY), EXPECTED), /no size/);
  assert.equal(stampProblem(null, EXPECTED), "no stamp");
});

test("the stamp's runs must lie in order, apart, inside the memory", () => {
  const runs = (list) => stampProblem({ ...STAMP, bytes: 100, runs: list }, EXPECTED);
  assert.equal(runs([]), null);
  assert.equal(runs([[0, 10], [10, 5], [50, 50]]), null);
  assert.equal(stampProblem({ ...STAMP, bytes: 100 }, EXPECTED), "no runs");
  for (const bad of [[[0, 10], [5, 10]], [[50, 10], [0, 10]], [[90, 11]], [[0, 0]], [[-1, 5]], [[0.5, 2]], [5], [["0", 5]]]) {
    assert.match(runs(bad), /a run that does not fit/, JSON.stringify(bad));
  }
});

test("pages of zeros are left out of the file: runs of whole pages, the short last one included", () => {
  assert.deepEqual(nonZeroRuns(SPARSE), [[2 * ZERO_PAGE, 2 * ZERO_PAGE], [5 * ZERO_PAGE, 2 * ZERO_PAGE], [9 * ZERO_PAGE, 100]]);
  assert.deepEqual(nonZeroRuns(new Uint8Array(3 * ZERO_PAGE)), []);
  const packed = pack(SPARSE_STAMP, SPARSE);
  const line = packed.indexOf(10) + 1;
  assert.equal(packed.length - line, 4 * ZERO_PAGE + 100);
});

test("a gzipped snapshot and a plain one (a server that un-gzipped it) read the same", async () => {
  for (const [base, memory] of [[STAMP, MEMORY], [SPARSE_STAMP, SPARSE]]) {
    for (const bytes of [gzipSync(pack(base, memory)), pack(base, memory)]) {
      const opened = await openSnapshot(chunked(bytes, 777).response, EXPECTED);
      assert.deepEqual(opened.stamp, withRuns(base, memory));
      assert.deepEqual(await opened.bytes, memory);
      // What the worker keeps: the line and the data after it, which read whole as the same memory.
      const kept = new Blob([opened.line, ...(await opened.data)]);
      assert.deepEqual(new Uint8Array(await kept.arrayBuffer()), new Uint8Array(pack(base, memory)));
    }
  }
});

test("a mismatched stamp is refused from the first chunks, and the download is cancelled", async () => {
  const plain = chunked(pack({ ...STAMP, pyodide: "0.1" }, MEMORY), 500);
  await assert.rejects(openSnapshot(plain.response, EXPECTED), /made with Pyodide 0.1/);
  assert.ok(plain.seen.pulled < 5, `read ${plain.seen.pulled} chunks`);
  assert.ok(plain.seen.cancelled);
  // Gzipped and arriving slowly, as over a network: the rest is never downloaded.
  const gzipped = chunked(gzipSync(pack({ ...STAMP, pyodide: "0.1" }, MEMORY), { level: 0 }), 500, 2);
  await assert.rejects(openSnapshot(gzipped.response, EXPECTED), /made with Pyodide 0.1/);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the cancel travels back through the pipe
  assert.ok(gzipped.seen.cancelled);
  assert.ok(gzipped.seen.pulled < 100, `read ${gzipped.seen.pulled} chunks`);
});

test("damaged files are refused with a reason", async () => {
  const packed = gzipSync(pack(STAMP, MEMORY));
  const flipped = packed.slice();
  flipped[packed.length - 6] ^= 0xff; // the gzip trailer's checksum no longer fits
  const opened = await openSnapshot(new Response(flipped), EXPECTED);
  await assert.rejects(opened.bytes);
  const plain = pack(SPARSE_STAMP, SPARSE);
  const short = await openSnapshot(new Response(plain.subarray(0, -1)), EXPECTED);
  await assert.rejects(short.bytes, /bytes, its stamp says/);
  const long = await openSnapshot(new Response(Buffer.concat([plain, Buffer.from([1])])), EXPECTED);
  await assert.rejects(long.bytes, /longer than its stamp says/);
  await assert.rejects(openSnapshot(new Response("no stamp line at all"), EXPECTED), /ends before its stamp/);
  await assert.rejects(openSnapshot(new Response("{not json\n"), EXPECTED), /unreadable stamp/);
  await assert.rejects(openSnapshot(new Response("x", { status: 404, statusText: "Not Found" }), EXPECTED), /404/);
});

test("sha256Hex is the hex SHA-256", async () => {
  assert.equal(await sha256Hex(WHEEL), WHEEL_SHA);
});

test("a snapshot in a cache of the site is always wanted", async () => {
  const url = "https://docs.example/assets/streamlet/pyodide-snapshot.gz";
  const cached = { match: async (u) => (u === url ? new Response("x") : undefined) };
  assert.equal(await snapshotWanted(url, { cacheStorage: cached }), true);
  const broken = { match: async () => { throw new Error("SecurityError"); } };
  assert.equal(await snapshotWanted(url, { cacheStorage: broken, connection: { saveData: true } }), false);
  assert.equal(await snapshotWanted(url, { cacheStorage: broken, connection: undefined }), true);
});

test("a first visit fetches the snapshot unless the browser rates the link 3g or slower, or data is saved", async () => {
  assert.equal(firstVisitWantsSnapshot(undefined), true);
  assert.equal(firstVisitWantsSnapshot({ effectiveType: "4g", downlink: 10 }), true);
  assert.equal(firstVisitWantsSnapshot({ effectiveType: "4g", downlink: 1.6 }), true); // Chromium's guess, idle loopback
  assert.equal(firstVisitWantsSnapshot({ effectiveType: "3g", downlink: 10 }), false);
  assert.equal(firstVisitWantsSnapshot({ effectiveType: "4g", downlink: 10, saveData: true }), false);
  const empty = { match: async () => undefined };
  assert.equal(await snapshotWanted("x", { cacheStorage: empty, connection: { effectiveType: "2g" } }), false);
  assert.equal(await snapshotWanted("x", { cacheStorage: empty, connection: { effectiveType: "4g" } }), true);
  const cached = { match: async () => new Response("x") };
  assert.equal(await snapshotWanted("x", { cacheStorage: cached, connection: { effectiveType: "2g" } }), true);
});

test("the worker's copy is read whole into a new memory, its pages of zeros rebuilt", async () => {
  const file = new Uint8Array(pack(SPARSE_STAMP, SPARSE));
  const opened = await openWholeSnapshot(file.buffer, EXPECTED);
  assert.deepEqual(opened.stamp, withRuns(SPARSE_STAMP, SPARSE));
  const memory = await opened.bytes;
  assert.deepEqual(memory, SPARSE);
  assert.notEqual(memory.buffer, file.buffer);
});

test("a copy that does not fit is refused with a reason", async () => {
  const whole = async (bytes) => openWholeSnapshot(new Uint8Array(bytes).buffer, EXPECTED);
  await assert.rejects(whole(pack({ ...STAMP, pyodide: "0.1" }, MEMORY)), /made with Pyodide 0.1/);
  await assert.rejects(whole(pack({ ...STAMP, wheel_sha256: "0".repeat(64) }, MEMORY)), /another runtime wheel/);
  await assert.rejects(whole(pack(STAMP, MEMORY).subarray(0, -1)), /bytes, its stamp says/);
  await assert.rejects(whole(Buffer.concat([pack(STAMP, MEMORY), Buffer.from([0])])), /longer than its stamp says/);
  await assert.rejects(whole(new TextEncoder().encode("{not json\n")), /unreadable stamp/);
  await assert.rejects(whole(new TextEncoder().encode("no stamp")), /ends before its stamp/);
  await assert.rejects(whole(new Uint8Array(70_000)), /no stamp/);
});
