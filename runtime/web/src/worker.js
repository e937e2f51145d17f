// The Web Worker that holds Pyodide. It stays thin on purpose: sessions, events and
// checks all live in Python (streamlet.bridge); this file loads Python and forwards JSON.
// Every message it takes or posts is defined in runtime/site-tools/src/streamlet_site/protocol.json.
//
// Python starts from the memory snapshot the build made (snapshot.js; Pyodide booted with the
// runtime imported) when that pays, and boots normally when it does not, or when the snapshot
// is missing, damaged or made with another Pyodide or wheel. The runtime wheel comes gzipped as one
// stream (<wheel>.gz; its entries are stored, so the whole compresses as one text) and must have,
// inflated, the SHA-256 the build compiled in: any other, or a .gz that does not inflate, is refused
// (`fatal` with code "integrity").
// What it inflates (the snapshot, Pyodide's wasm) it keeps for the next visit (copies.js).
/* global __STREAMLET_WHEEL__, __STREAMLET_WHEEL_SHA256__ */

import { Copies, siteScope } from "./copies.js";
import { gunzipped, ungzipped } from "./gzip.js";
import { SNAPSHOT_NAME, alignedLine, openSnapshot, openWholeSnapshot, sha256Hex, snapshotWanted } from "./snapshot.js";

let pyodide = null;
let handle = null;
let interruptBuffer = null;
let queue = Promise.resolve(); // one message at a time, in the order they came
let loading = null; // init's promise

const stderr = (line) => console.log(line);

class IntegrityError extends Error {}

/** The runtime wheel's bytes, inflated, once their SHA-256 is the one the build saw. */
async function fetchWheel(url) {
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

const WASM_TYPE = "application/wasm";

/**
 * Where the snapshot comes from: {url, copy: true, body} (the bytes, being read, of the inflated
 * copy a previous visit kept), {url, response} (the .gz being fetched), or null when it is not wanted.
 */
async function snapshotSource(url, copies) {
  const copy = await copies.find(url, __STREAMLET_WHEEL_SHA256__);
  if (copy) {
    const body = copy.arrayBuffer();
    body.catch(() => {}); // awaited when Pyodide starts; a failure there is said, not left unhandled
    return { url, copy: true, body };
  }
  if (!(await snapshotWanted(url))) return null;
  const response = fetch(url);
  response.catch(() => {}); // awaited when Pyodide starts; a failure there is said, not left unhandled
  return { url, response };
}

/** Pyodide restored from `snapshot` (see snapshotSource), or null (said in the console as info) when it cannot be. */
async function fromSnapshot(loadPyodide, indexURL, version, snapshot, copies) {
  try {
    const expected = { pyodide: version, wheelSha256: __STREAMLET_WHEEL_SHA256__ };
    if (snapshot.copy) {
      // Local and whole: its stamp is checked when its bytes are in, and Pyodide loads meanwhile.
      const bytes = snapshot.body.then((body) => openWholeSnapshot(body, expected)).then((opened) => opened.bytes);
      bytes.catch(() => {}); // Pyodide awaits it later; a refusal is said below, not left unhandled
      return await loadPyodide({ indexURL, stderr, _loadSnapshot: bytes });
    }
    const { line, bytes } = await openSnapshot(await snapshot.response, expected);
    const restored = await loadPyodide({ indexURL, stderr, _loadSnapshot: bytes });
    copies.keep(snapshot.url, __STREAMLET_WHEEL_SHA256__, "application/octet-stream", [alignedLine(line), bytes]);
    return restored;
  } catch (err) {
    if (snapshot.copy) copies.drop(snapshot.url);
    console.info(`Python boots without its memory snapshot: ${err?.message ?? err}`);
    return null;
  }
}

/**
 * `fetch`, except for Pyodide's wasm: the site ships it gzipped too (9.6 MB, 3.6 MB gzipped), which a
 * static host that compresses nothing sends as it is; it is inflated here (and kept, see copies.js),
 * the copy a previous visit kept is used as it is, and the plain file is fetched when the .gz cannot be.
 */
function fetchingGzippedWasm(indexURL, version, copies, plain) {
  const wasm = new URL("pyodide.asm.wasm", indexURL).href;
  return async (input, init) => {
    if (String(input?.url ?? input) !== wasm) return plain(input, init);
    const copy = await copies.find(`${wasm}.gz`, version);
    if (copy) return copy;
    const packed = await plain(`${wasm}.gz`).catch(() => null);
    if (!packed?.ok || !packed.body) return plain(input, init);
    const [mine, kept] = (await ungzipped(packed)).tee();
    const bytes = new Response(kept).arrayBuffer();
    bytes.catch(() => {}); // read when the copy is saved, which reports nothing
    copies.keep(`${wasm}.gz`, version, WASM_TYPE, [bytes]);
    return new Response(mine, { headers: { "Content-Type": WASM_TYPE } });
  };
}

/** Pyodide, restored from the snapshot when it can be, else booted: {pyodide, boot}. */
async function start(loadPyodide, indexURL, version, snapshot, copies) {
  const plain = self.fetch;
  // Pyodide fetches its wasm with the global fetch.
  self.fetch = fetchingGzippedWasm(indexURL, version, copies, plain.bind(self));
  try {
    const restored = snapshot && (await fromSnapshot(loadPyodide, indexURL, version, snapshot, copies));
    if (restored) return { pyodide: restored, boot: "snapshot" };
    return { pyodide: await loadPyodide({ indexURL, stderr }), boot: "plain" };
  } finally {
    self.fetch = plain;
  }
}

async function init() {
  try {
    self.postMessage({ type: "progress", stage: "pyodide" });
    // Computed at run time so the bundler leaves it alone; the site serves it next to us.
    const indexURL = new URL("../pyodide/", import.meta.url).href;
    const wheel = fetchWheel(new URL(`./${__STREAMLET_WHEEL__}.gz`, import.meta.url)); // in parallel
    wheel.catch(() => {}); // awaited below; a failure there is reported, not left unhandled
    const pyodideModule = import(new URL("pyodide.mjs", indexURL).href);
    // Pyodide imports its asm.mjs (1.2 MB) only once it runs: asked for now, it loads meanwhile.
    import(new URL("pyodide.asm.mjs", indexURL).href).catch(() => {});
    const copies = new Copies(siteScope(import.meta.url));
    const snapshot = snapshotSource(new URL(`./${SNAPSHOT_NAME}`, import.meta.url).href, copies);
    const { loadPyodide, version } = await pyodideModule;
    const started = await start(loadPyodide, indexURL, version, await snapshot, copies);
    pyodide = started.pyodide;
    self.postMessage({ type: "progress", stage: "runtime" });
    // Also after a snapshot: what the runtime imports later (on a check, say) is read from here.
    const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
    pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
    handle = pyodide.pyimport("streamlet.bridge").handle;
    self.postMessage({ type: "ready", boot: started.boot });
    copies.save(); // while the page sends its first requests
  } catch (err) {
    const code = err instanceof IntegrityError ? "integrity" : undefined;
    self.postMessage({ type: "fatal", message: String(err?.message ?? err), code });
  }
}

// Python cannot be used again after a fatal error (a crash of the interpreter, os._exit):
// the page is told, and replaces this worker.
function isFatal(err) {
  return Boolean(err?.pyodide_fatal_error) || /Pyodide already (exited|fatally failed)/.test(String(err?.message ?? err));
}

function forward(message) {
  if (!handle) return { type: "error", id: message.id, message: "Python is not loaded" };
  try {
    return JSON.parse(handle(JSON.stringify(message)));
  } catch (err) {
    if (isFatal(err)) return { type: "crashed", id: message.id, message: String(err?.message ?? err).split("\n")[0] };
    // The bridge answers Python errors itself; what gets here is a KeyboardInterrupt from Stop.
    const interrupted = err?.type === "KeyboardInterrupt";
    return { type: "error", id: message.id, interrupted, message: interrupted ? "KeyboardInterrupt" : String(err?.message ?? err) };
  } finally {
    if (interruptBuffer) interruptBuffer[0] = 0; // a Stop that came after Python finished
  }
}

async function dispatch(message) {
  if (message?.type === "init") return loading;
  if (message?.type === "interrupt-buffer") {
    if (self.crossOriginIsolated && pyodide) {
      interruptBuffer = message.buffer;
      pyodide.setInterruptBuffer(interruptBuffer);
    }
    return undefined;
  }
  return self.postMessage(forward(message));
}

self.onmessage = (event) => {
  queue = queue.then(() => dispatch(event.data));
};

// Loading starts at once, not when "init" arrives: a message posted to a worker that is still
// starting waits for the page's thread to pass it on, and that thread is busy parsing the page
// when early.js started this worker (head-start.js). "init" waits for this same load.
loading = init();
queue = loading;
