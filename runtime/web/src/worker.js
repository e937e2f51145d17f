// The Web Worker that holds Pyodide. It stays thin on purpose: sessions, events and
// checks all live in Python (streamlet.bridge); this file loads Python and forwards JSON.
// Every message it takes or posts is defined in runtime/src/streamlet/protocol.json.
/* global __STREAMLET_WHEEL__ */

let pyodide = null;
let handle = null;
let interruptBuffer = null;
let queue = Promise.resolve(); // one message at a time, in the order they came

async function init() {
  try {
    self.postMessage({ type: "progress", stage: "pyodide" });
    // Computed at run time so the bundler leaves it alone; the site serves it next to us.
    const indexURL = new URL("../pyodide/", import.meta.url).href;
    const wheel = fetch(new URL(`./${__STREAMLET_WHEEL__}`, import.meta.url)); // in parallel
    wheel.catch(() => {}); // awaited below; a failure there is reported, not left unhandled
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    pyodide = await loadPyodide({ indexURL, stderr: (line) => console.log(line) });
    self.postMessage({ type: "progress", stage: "runtime" });
    const response = await wheel;
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${response.url}`);
    const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
    pyodide.unpackArchive(new Uint8Array(await response.arrayBuffer()), "wheel", { extractDir: sitePackages });
    handle = pyodide.pyimport("streamlet.bridge").handle;
    self.postMessage({ type: "ready" });
  } catch (err) {
    self.postMessage({ type: "fatal", message: String(err?.message ?? err) });
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
  if (message?.type === "init") return init();
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
