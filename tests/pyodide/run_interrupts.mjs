// Stop inside Pyodide under Node, as the page does it: Python runs in a worker thread (a Node
// worker_thread stands in for the page's Web Worker) with a SharedArrayBuffer interrupt buffer,
// and the main thread writes SIGINT (2) to it while a script runs. Python blocks its own thread,
// so the timer that writes the buffer must live on another thread: here, the main one.
// Also runs scripts that used to kill the interpreter (deep nesting, os._exit) and checks that
// Python still answers afterwards.
// Usage: node tests/pyodide/run_interrupts.mjs WHEEL  -> one JSON line: {python, cases: [...]}
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);

// Each case: a script (one session), and after how many ms the main thread writes SIGINT (or never).
const CASES = [
  { name: "sleep", code: "import streamlit as st, time\nst.write('before')\ntime.sleep(30)\nst.write('after')\n", stopAfterMs: 500 },
  { name: "busy", code: "import streamlit as st\nst.write('before')\nwhile True:\n    pass\n", stopAfterMs: 500 },
  { name: "sleep-then-usable", code: "import streamlit as st\nst.write('quick')\n", stopAfterMs: null },
  { name: "deep-json", code: "import json\njson.loads('[' * 100000 + ']' * 100000)\n", stopAfterMs: null },
  { name: "deep-partial", code: "from functools import partial\ndef f(x):\n    return partial(f, x)()\nf(1)\n", stopAfterMs: null },
  { name: "os-exit", code: "import streamlit as st, os\nst.write('kept')\nos._exit(0)\n", stopAfterMs: null },
  { name: "prints", code: "for i in range(20000):\n    print(i)\n", stopAfterMs: null },
];

async function main() {
  const [wheelPath] = process.argv.slice(2);
  if (!wheelPath) {
    console.error("usage: run_interrupts.mjs WHEEL");
    process.exit(2);
  }
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(import.meta.url), { workerData: { wheelPath, buffer: interrupt.buffer } });
  // One listener for the worker's whole life: messages wait in a queue until asked for, so two
  // that arrive in one turn of the event loop (a run that ends at once) are never lost.
  const inbox = [];
  const waiting = [];
  let ended = null;
  const settle = () => {
    while (waiting.length && (inbox.length || ended)) {
      const { resolve, reject } = waiting.shift();
      if (inbox.length) resolve(inbox.shift());
      else reject(ended);
    }
  };
  worker.on("message", (message) => { inbox.push(message); settle(); });
  worker.on("error", (err) => { ended = err; settle(); });
  worker.on("exit", () => { ended ??= new Error("the worker thread ended"); settle(); });
  const next = () => new Promise((resolve, reject) => { waiting.push({ resolve, reject }); settle(); });
  const ready = await next();
  const cases = [];
  for (const c of CASES) {
    interrupt[0] = 0;
    worker.postMessage({ name: c.name, code: c.code });
    const started = await next(); // the worker is about to call Python
    let stopAt = null;
    const timer = c.stopAfterMs === null ? null : setTimeout(() => {
      stopAt = performance.now();
      interrupt[0] = 2;
    }, c.stopAfterMs);
    const done = await next();
    clearTimeout(timer);
    const endedAt = performance.now();
    cases.push({
      name: c.name,
      run_ms: Math.round(done.elapsed),
      stop_to_end_ms: stopAt === null ? null : Math.round(endedAt - stopAt),
      started: started.type,
      ...done.result,
    });
  }
  await worker.terminate();
  console.log(JSON.stringify({ python: ready.python, cases }));
}

async function serve() {
  const { loadPyodide } = require("pyodide");
  const pyodide = await loadPyodide({ indexURL: path.dirname(require.resolve("pyodide/package.json")) + "/" });
  pyodide.unpackArchive(new Uint8Array(await readFile(workerData.wheelPath)), "wheel", {
    extractDir: "/lib/python3.14/site-packages",
  });
  pyodide.setInterruptBuffer(new Int32Array(workerData.buffer));
  const handle = pyodide.runPython("from streamlet.bridge import handle; handle");
  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  parentPort.postMessage({ python });
  parentPort.on("message", ({ name, code }) => {
    parentPort.postMessage({ type: "started" });
    const t0 = performance.now();
    let result;
    try {
      const reply = JSON.parse(handle(JSON.stringify({ type: "run", id: 1, session: name, code })));
      result = { reply };
    } catch (err) {
      result = { thrown: { name: err?.constructor?.name, message: String(err?.message ?? err).slice(0, 500),
                           fatal: Boolean(err?.pyodide_fatal_error) } };
    }
    const elapsed = performance.now() - t0;
    // Python still answers after the case (a fatal error would make this throw).
    try {
      result.alive = pyodide.runPython("1 + 1") === 2;
    } catch (err) {
      result.alive = false;
    }
    parentPort.postMessage({ elapsed, result });
  });
}

if (isMainThread) await main();
else await serve();
