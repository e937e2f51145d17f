// Reading the Pyodide memory snapshot the site ships (made by runtime/web/make-snapshot.mjs):
// gzip of one line of JSON, the stamp {format, pyodide, wheel, wheel_sha256, bytes}, a newline,
// then the snapshot's bytes. The stamp is read from the first bytes that arrive, so a snapshot
// made with another Pyodide or another wheel is refused before the rest is downloaded.
// Pure apart from the Response it is given, so Node tests drive it.

import { ungzipped } from "./gzip.js";

export const SNAPSHOT_FORMAT = 1;
export const SNAPSHOT_NAME = "pyodide-snapshot.gz";
const NEWLINE = 10;
const MAX_STAMP = 4096;

/** Why the stamp does not fit what this worker runs, or null when it does. */
export function stampProblem(stamp, { pyodide, wheelSha256 }) {
  if (!stamp || typeof stamp !== "object") return "no stamp";
  if (stamp.format !== SNAPSHOT_FORMAT) return `format ${stamp.format}, not ${SNAPSHOT_FORMAT}`;
  if (stamp.pyodide !== pyodide) return `made with Pyodide ${stamp.pyodide}, this is ${pyodide}`;
  if (stamp.wheel_sha256 !== wheelSha256) return `made with another runtime wheel (${stamp.wheel})`;
  if (!Number.isSafeInteger(stamp.bytes) || stamp.bytes <= 0) return "no size";
  return null;
}

/** The stamp in `line` (its bytes, no newline) when it fits `expected`; throws the reason otherwise. */
function checkedStamp(line, expected) {
  let stamp;
  try {
    stamp = JSON.parse(new TextDecoder().decode(line));
  } catch {
    throw new Error("unreadable stamp");
  }
  const problem = stampProblem(stamp, expected);
  if (problem) throw new Error(problem);
  return stamp;
}

/**
 * Opens the snapshot in `response`. Resolves once the stamp is read and fits `expected`
 * ({pyodide, wheelSha256}) with {stamp, line, bytes}: `line` the stamp's line as the file holds
 * it (newline included), `bytes` a promise of the snapshot itself; rejects with the reason otherwise.
 */
export async function openSnapshot(response, expected) {
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const chunks = (await ungzipped(response)).getReader();
  let head = new Uint8Array(0);
  let newline = -1;
  while (newline < 0) {
    const next = await chunks.read();
    if (next.done) throw new Error("the file ends before its stamp");
    const joined = new Uint8Array(head.length + next.value.length);
    joined.set(head);
    joined.set(next.value, head.length);
    head = joined;
    newline = head.indexOf(NEWLINE);
    if (newline < 0 && head.length > MAX_STAMP) throw new Error("no stamp");
  }
  let stamp;
  try {
    stamp = checkedStamp(head.subarray(0, newline), expected);
  } catch (err) {
    await chunks.cancel().catch(() => {});
    throw err;
  }
  const bytes = (async () => {
    const out = new Uint8Array(stamp.bytes);
    let filled = 0;
    const put = (chunk) => {
      if (filled + chunk.length > out.length) throw new Error("longer than its stamp says");
      out.set(chunk, filled);
      filled += chunk.length;
    };
    put(head.subarray(newline + 1));
    for (let next = await chunks.read(); !next.done; next = await chunks.read()) put(next.value);
    if (filled !== out.length) throw new Error(`${filled} bytes, its stamp says ${out.length}`);
    return out;
  })();
  bytes.catch(() => {}); // the caller awaits it; a failure is theirs to report, never unhandled
  return { stamp, line: head.slice(0, newline + 1), bytes };
}

/**
 * The stamp's line as the worker keeps it in its copy (copies.js): spaces before the newline make
 * it a multiple of 8 bytes long, so the snapshot after it starts aligned, as Pyodide reads it
 * (through a Uint32Array), and a copy read whole needs no second copy of its 31 MB.
 */
export function alignedLine(line) {
  const text = new TextDecoder().decode(line).replace(/\n$/, "");
  const length = new TextEncoder().encode(text).length + 1;
  return new TextEncoder().encode(`${text}${" ".repeat((8 - (length % 8)) % 8)}\n`);
}

/**
 * The snapshot in `body` (the bytes of a whole file, not gzipped: a copy the worker kept), read as
 * openSnapshot reads a response: {stamp, line, bytes}, or a rejection with the reason.
 */
export async function openWholeSnapshot(body, expected) {
  const all = new Uint8Array(body);
  const newline = all.subarray(0, MAX_STAMP).indexOf(NEWLINE);
  if (newline < 0) throw new Error(all.length > MAX_STAMP ? "no stamp" : "the file ends before its stamp");
  const stamp = checkedStamp(all.subarray(0, newline), expected);
  let bytes = all.subarray(newline + 1);
  if (bytes.length !== stamp.bytes) throw new Error(`${bytes.length} bytes, its stamp says ${stamp.bytes}`);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice(); // a copy made before lines were aligned
  return { stamp, line: all.slice(0, newline + 1), bytes: Promise.resolve(bytes) };
}

/** The hex SHA-256 of `bytes` (crypto.subtle: secure contexts only; null elsewhere). */
export async function sha256Hex(bytes) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Whether to fetch the snapshot: always when a cache of this site holds it (a reader who came
 * before); on a first visit unless the browser says the connection is slow (below).
 */
export async function snapshotWanted(url, { cacheStorage = globalThis.caches, connection = globalThis.navigator?.connection } = {}) {
  try {
    if (await cacheStorage?.match(url)) return true;
  } catch {
    // no cache storage here (an insecure context): decide as on a first visit
  }
  return firstVisitWantsSnapshot(connection);
}

// The snapshot adds its bytes (6.6 MB gzipped) to Pyodide's and saves Python's boot and the
// runtime's import (CPU). `make bench` (three runs, nine first visits each way, 2 shared cores):
// locally the first click came after 1.5 s with it against 4.5 s without; at 20 Mbit/s and 40 ms
// it was about even (7.1 s against 6.9 s; bare Pyodide 9.0 s), so below that it loses. The
// browser's word on the link is all a worker has: Chromium's `effectiveType` (slow-2g to 4g) and
// `saveData`; its `downlink` is capped at 10 Mbit/s and read 1.6 on a loopback with no traffic
// yet, so it is not used. Other browsers say nothing: snapshot.
const SLOW_TYPES = new Set(["slow-2g", "2g", "3g"]);

/** The first-visit rule: no snapshot when the reader saves data or the browser rates the link 3g or slower. */
export function firstVisitWantsSnapshot(connection) {
  if (!connection) return true;
  return !connection.saveData && !SLOW_TYPES.has(connection.effectiveType);
}
