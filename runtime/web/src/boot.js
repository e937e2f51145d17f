// How the worker gets Python: restored from the memory snapshot the build made (snapshot.js; Pyodide
// booted with the runtime imported) when that pays, booted normally when it does not, or when the
// snapshot is missing, damaged or made with another Pyodide or wheel.
//
// A return visit reads what the first one inflated and kept (copies.js): the snapshot and Pyodide's
// wasm. Both are looked up as soon as the worker runs, and the wasm is compiled from its copy at once,
// so that compiling, reading the 31 MB snapshot and loading Pyodide's JavaScript overlap; Pyodide
// itself would read the snapshot first and compile after.
// Where a start's time goes is marked in the worker's timeline (`mark`): `make bench` prints it.
/* global __STREAMLET_WHEEL_SHA256__ */

import { gunzipped, ungzipped } from "./gzip.js";
import { firstVisitWantsSnapshot, openSnapshot, openWholeSnapshot, sha256Hex, snapshotWanted } from "./snapshot.js";

const WASM_TYPE = "application/wasm";
const SNAPSHOT_TYPE = "application/octet-stream";

/** A performance mark "streamlet:<step>" in this thread's timeline (performance.timeOrigin + startTime places it). */
export const mark = (step) => globalThis.performance?.mark?.(`streamlet:${step}`);

export class IntegrityError extends Error {}

/** The runtime wheel's bytes, inflated, once their SHA-256 is the one the build saw. */
export async function fetchWheel(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${response.url}`);
  const packed = new Uint8Array(await response.arrayBuffer()); // a network failure stays one
  let bytes;
  try {
    bytes = await gunzipped(packed);
  } catch (err) {
    throw new IntegrityError(`${response.url} does not inflate: ${err?.message ?? err}`);
  }
  const digest = await sha256Hex(bytes);
  if (digest === null) {
    console.info("The runtime's SHA-256 cannot be checked here: this page is not a secure context.");
  } else if (digest !== __STREAMLET_WHEEL_SHA256__) {
    throw new IntegrityError(`${response.url} has SHA-256 ${digest}, not ${__STREAMLET_WHEEL_SHA256__}`);
  }
  return bytes;
}

/**
 * Whether to start from the snapshot: at once when a first visit would (the browser does not call the
 * link slow), else once the caches are asked whether a previous visit left it.
 */
async function snapshotChosen(url, copy) {
  if (firstVisitWantsSnapshot(globalThis.navigator?.connection)) return true;
  return Boolean(await copy) || snapshotWanted(url);
}

/**
 * The snapshot's bytes (a promise Pyodide awaits while it loads): from `found`, the copy a previous
 * visit kept (a promise of it, or of null), else (none, or one that does not fit) from the .gz, whose
 * stamp line and data are handed to `fetched` (kept once Python is up).
 * `expected` is a promise of what the stamp must say ({pyodide, wheelSha256}).
 */
async function snapshotBytes(url, found, copies, expected, fetched) {
  const copy = await found;
  if (copy) {
    try {
      const body = await copy.arrayBuffer();
      mark("snapshot-read");
      return await (await openWholeSnapshot(body, await expected)).bytes;
    } catch (err) {
      copies.drop(url);
      console.info(`The snapshot a previous visit kept is not used: ${err?.message ?? err}`);
    }
  }
  const { line, data, bytes } = await openSnapshot(await fetch(url), await expected);
  fetched(line, data);
  return bytes;
}

/** Pyodide's wasm compiled from the copy a previous visit kept, or null (no copy, or one that does not compile). */
async function compiledCopy(copies, gzUrl, version) {
  const copy = await copies.find(gzUrl, version);
  if (!copy) return null;
  try {
    const module = await WebAssembly.compileStreaming(copy);
    mark("wasm-compiled");
    return module;
  } catch (err) {
    copies.drop(gzUrl);
    console.info(`Pyodide's kept wasm does not compile: ${err?.message ?? err}`);
    return null;
  }
}

/**
 * `fetch` and `WebAssembly.instantiateStreaming` as Pyodide should use them for its wasm, which it
 * fetches and instantiates with the globals: the module compiled ahead from a copy when there is one;
 * else the site's gzipped wasm (9.6 MB, 3.6 MB gzipped, which a static host that compresses nothing
 * sends as it is) inflated here and kept; else the plain file.
 */
function wasmLoading(wasmUrl, version, copies, compiled, { fetch, instantiateStreaming }) {
  const ahead = new WeakMap(); // the Response handed to Pyodide -> the module compiled ahead
  return {
    async fetch(input, init) {
      if (String(input?.url ?? input) !== wasmUrl) return fetch(input, init);
      const module = await compiled;
      if (module) {
        const response = new Response(null, { headers: { "Content-Type": WASM_TYPE } });
        ahead.set(response, module);
        return response;
      }
      const packed = await fetch(`${wasmUrl}.gz`).catch(() => null);
      if (!packed?.ok || !packed.body) return fetch(input, init);
      const [mine, kept] = (await ungzipped(packed)).tee();
      const bytes = new Response(kept).arrayBuffer();
      bytes.catch(() => {}); // read when the copy is saved, which reports nothing
      copies.keep(`${wasmUrl}.gz`, await version, WASM_TYPE, [bytes]);
      return new Response(mine, { headers: { "Content-Type": WASM_TYPE } });
    },
    async instantiateStreaming(source, imports) {
      const response = await source;
      const module = ahead.get(response);
      if (!module) return instantiateStreaming(response, imports);
      const instance = await WebAssembly.instantiate(module, imports);
      mark("wasm-instantiated");
      return { module, instance };
    },
  };
}

/**
 * Pyodide, restored from the snapshot when it can be, else booted: {pyodide, boot}. Called as soon as
 * the worker runs: `pyodideModule` is the import of pyodide.mjs, still loading.
 */
export async function startPython(pyodideModule, { indexURL, snapshotUrl, copies, stderr }) {
  const version = pyodideModule.then((module) => module.version);
  version.catch(() => {}); // the same failure is awaited below
  const wasmUrl = new URL("pyodide.asm.wasm", indexURL).href;
  const compiled = compiledCopy(copies, `${wasmUrl}.gz`, version);
  const found = copies.find(snapshotUrl, __STREAMLET_WHEEL_SHA256__); // never rejects
  let fetched = null;
  const chosen = await snapshotChosen(snapshotUrl, found);
  const expected = version.then((pyodide) => ({ pyodide, wheelSha256: __STREAMLET_WHEEL_SHA256__ }));
  const snapshot = chosen && snapshotBytes(snapshotUrl, found, copies, expected, (line, data) => (fetched = { line, data }));
  if (snapshot) snapshot.catch(() => {}); // Pyodide awaits it; a refusal is said below, not left unhandled
  const { loadPyodide } = await pyodideModule;
  mark("pyodide-module");
  const globals = { fetch: self.fetch, instantiateStreaming: WebAssembly.instantiateStreaming };
  const loading = wasmLoading(wasmUrl, version, copies, compiled, { ...globals, fetch: globals.fetch.bind(self) });
  // Pyodide fetches and instantiates its wasm with these globals; they are put back when it is up.
  self.fetch = loading.fetch;
  WebAssembly.instantiateStreaming = loading.instantiateStreaming;
  try {
    if (snapshot) {
      try {
        const pyodide = await loadPyodide({ indexURL, stderr, _loadSnapshot: snapshot });
        if (fetched) copies.keep(snapshotUrl, __STREAMLET_WHEEL_SHA256__, SNAPSHOT_TYPE, [fetched.line, fetched.data.then((chunks) => new Blob(chunks))]);
        return { pyodide, boot: "snapshot" };
      } catch (err) {
        console.info(`Python boots without its memory snapshot: ${err?.message ?? err}`);
      }
    }
    return { pyodide: await loadPyodide({ indexURL, stderr }), boot: "plain" };
  } finally {
    self.fetch = globals.fetch;
    WebAssembly.instantiateStreaming = globals.instantiateStreaming;
  }
}
