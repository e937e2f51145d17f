// Reading the Pyodide memory snapshot the site ships (made by runtime/web/make-snapshot.mjs):
// gzip of one line of JSON, the stamp {format, pyodide, wheel, wheel_sha256, bytes, runs}, a
// newline, then the snapshot's bytes that are not zero. Half of Python's 31 MB of memory is pages of
// zeros; `runs` lists where the rest goes ([offset, length] pairs, in order), so the file holds 16 MB
// and the memory is rebuilt in a zeroed array. The stamp is read from the first bytes that arrive, so
// a snapshot made with another Pyodide or another wheel is refused before the rest is downloaded.
// Pure apart from the Response it is given, so Node tests drive it.

import { ungzipped } from "./gzip.js";

export const SNAPSHOT_FORMAT = 2;
export const SNAPSHOT_NAME = "pyodide-snapshot.gz";
const NEWLINE = 10;
const MAX_STAMP = 65536;

/** Why the stamp does not fit what this worker runs, or null when it does. */
export function stampProblem(stamp, { pyodide, wheelSha256 }) {
  if (!stamp || typeof stamp !== "object") return "no stamp";
  if (stamp.format !== SNAPSHOT_FORMAT) return `format ${stamp.format}, not ${SNAPSHOT_FORMAT}`;
  if (stamp.pyodide !== pyodide) return `made with Pyodide ${stamp.pyodide}, this is ${pyodide}`;
  if (stamp.wheel_sha256 !== wheelSha256) return `made with another runtime wheel (${stamp.wheel})`;
  if (!Number.isSafeInteger(stamp.bytes) || stamp.bytes <= 0) return "no size";
  return runsProblem(stamp.runs, stamp.bytes);
}

/** Why `runs` cannot place bytes in a memory of `size` (pairs [offset, length], in order, apart, inside), or null. */
function runsProblem(runs, size) {
  if (!Array.isArray(runs)) return "no runs";
  let end = 0;
  for (const run of runs) {
    const [offset, length] = Array.isArray(run) ? run : [];
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || length <= 0 || offset < end || offset + length > size) {
      return `a run that does not fit: ${JSON.stringify(run)}`;
    }
    end = offset + length;
  }
  return null;
}

/**
 * The memory the stamp describes, filled as the file's bytes come: {put(chunk), done()}. `done`
 * returns the memory once every run is filled, and throws when the file was shorter; `put` throws
 * when it is longer.
 */
function memoryOf(stamp) {
  const memory = new Uint8Array(stamp.bytes); // zeroed
  const { runs } = stamp;
  const total = runs.reduce((sum, [, length]) => sum + length, 0);
  let run = 0;
  let into = 0; // bytes of runs[run] filled
  let filled = 0;
  return {
    put(chunk) {
      for (let at = 0; at < chunk.length;) {
        if (run >= runs.length) throw new Error("longer than its stamp says");
        const [offset, length] = runs[run];
        const n = Math.min(length - into, chunk.length - at);
        memory.set(chunk.subarray(at, at + n), offset + into);
        at += n;
        into += n;
        filled += n;
        if (into === length) {
          run += 1;
          into = 0;
        }
      }
    },
    done() {
      if (filled !== total) throw new Error(`${filled} bytes, its stamp says ${total}`);
      return memory;
    },
  };
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
 * ({pyodide, wheelSha256}) with {stamp, line, bytes, data}: `line` the stamp's line as the file holds
 * it (newline included), `bytes` a promise of the memory itself, `data` one of the file's bytes after
 * the line (chunks); rejects with the reason otherwise.
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
  const memory = memoryOf(stamp);
  const data = []; // the file's bytes after the stamp, as they came: what the worker keeps (copies.js)
  const bytes = (async () => {
    const put = (chunk) => {
      memory.put(chunk);
      data.push(chunk);
    };
    put(head.subarray(newline + 1));
    for (let next = await chunks.read(); !next.done; next = await chunks.read()) put(next.value);
    return memory.done();
  })();
  bytes.catch(() => {}); // the caller awaits it; a failure is theirs to report, never unhandled
  const kept = bytes.then(() => data);
  kept.catch(() => {}); // the same failure as `bytes`, reported there
  return { stamp, line: head.slice(0, newline + 1), bytes, data: kept };
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
  const memory = memoryOf(stamp);
  memory.put(all.subarray(newline + 1));
  return { stamp, line: all.slice(0, newline + 1), bytes: Promise.resolve(memory.done()) };
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
