// The Web Worker that holds Pyodide. It stays thin on purpose: sessions, events and
// checks all live in Python (streamlet.bridge); this file loads Python and forwards JSON.
// Every message it takes or posts is defined in runtime/site-tools/src/streamlet_site/protocol.json.
//
// How Python starts (from the memory snapshot when that pays) is boot.js. The runtime wheel comes
// gzipped as one stream (<wheel>.gz; its entries are stored, so the whole compresses as one text) and
// must have, inflated, the SHA-256 the build compiled in: any other, or a .gz that does not inflate, is
// refused (`fatal` with code "integrity").
// What it inflates (the snapshot, Pyodide's wasm) it keeps for the next visit (copies.js).
/* global __STREAMLET_WHEEL__ */

import { IntegrityError, fetchWheel, mark, startPython } from "./boot.js";
import { Copies, siteScope } from "./copies.js";
import { installRuntime } from "./runtime-zip.js";
import { SNAPSHOT_NAME } from "./snapshot.js";

mark("worker");

let pyodide = null;
let handle = null;
let interruptBuffer = null;
let queue = Promise.resolve(); // one message at a time, in the order they came
let loading = null; // init's promise
let answered = false; // whether a message was answered yet (marked once, for `make bench`)

const stderr = (line) => console.log(line);

async function init() {
  try {
    self.postMessage({ type: "progress", stage: "pyodide" });
    // Computed at run time so the bundler leaves it alone; the site serves it next to us.
    const indexURL = new URL("../pyodide/", import.meta.url).href;
    const wheel = fetchWheel(new URL(`./${__STREAMLET_WHEEL__}.gz`, import.meta.url)); // in parallel
    wheel.catch(() => {}); // awaited below; a failure there is reported, not left unhandled
    const pyodideModule = import(new URL("pyodide.mjs", indexURL).href);
    pyodideModule.catch(() => {}); // awaited in startPython
    // Pyodide imports its asm.mjs (1.2 MB) only once it runs: asked for now, it loads meanwhile.
    import(new URL("pyodide.asm.mjs", indexURL).href).catch(() => {});
    const copies = new Copies(siteScope(import.meta.url));
    const snapshotUrl = new URL(`./${SNAPSHOT_NAME}`, import.meta.url).href;
    const started = await startPython(pyodideModule, { indexURL, snapshotUrl, copies, stderr });
    pyodide = started.pyodide;
    mark("python");
    self.postMessage({ type: "progress", stage: "runtime" });
    // Also after a snapshot: what the runtime imports later (on a check, say) is read from there.
    installRuntime(pyodide, await wheel);
    handle = pyodide.pyimport("streamlet.bridge").handle;
    mark("ready");
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
  const answer = forward(message);
  if (!answered) mark("first-answer");
  answered = true;
  return self.postMessage(answer);
}

self.onmessage = (event) => {
  queue = queue.then(() => dispatch(event.data));
};

// Loading starts at once, not when "init" arrives: a message posted to a worker that is still
// starting waits for the page's thread to pass it on, and that thread is busy parsing the page
// when early.js started this worker (head-start.js). "init" waits for this same load.
loading = init();
queue = loading;
