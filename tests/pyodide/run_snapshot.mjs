// A memory snapshot made as the build makes it (runtime/web/make-snapshot.mjs), then restored as the
// worker restores it: the wheel written again where the snapshot's sys.path finds it, the bridge's handle used for a run, an event and a
// check, and a module of the runtime imported afresh from the unpacked wheel.
// Prints one JSON line.
// Usage: node tests/pyodide/run_snapshot.mjs WHEEL
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { makeSnapshot } from "../../runtime/web/make-snapshot.mjs";
import { installRuntime } from "../../runtime/web/src/runtime-zip.js";

const require = createRequire(import.meta.url);
const [wheelPath] = process.argv.slice(2);
const indexURL = `${path.dirname(require.resolve("pyodide/package.json"))}/`;
const { loadPyodide } = require("pyodide");

const made = performance.now();
const { stamp, snapshot } = await makeSnapshot(wheelPath, { indexURL });
const restored = performance.now();
const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot });
installRuntime(pyodide, new Uint8Array(readFileSync(wheelPath)));
const handle = pyodide.pyimport("streamlet.bridge").handle;
const ready = performance.now();
const ask = (message) => JSON.parse(handle(JSON.stringify(message)));
const code = 'import streamlit as st\nst.session_state.setdefault("n", 0)\nif st.button("Add"):\n    st.session_state.n += 1\nst.write("n =", st.session_state.n)\n';
const run = ask({ type: "run", id: 1, session: "s", code });
const button = run.elements.find((e) => e.type === "button");
const event = ask({ type: "event", id: 2, session: "s", widget: button.id, trigger: true });
const steps = [{ action: "click", target: "Add", expect: { state: { n: 1 } } }];
const check = ask({ type: "check", id: 3, code, steps });
// The snapshot holds every module it imported, not the wheel's file: importing one afresh reads it.
const later = pyodide.runPython(`
import importlib, sys
sys.modules.pop("streamlet.testing", None)
importlib.import_module("streamlet.testing").AppTest.__name__
`);
console.log(JSON.stringify({
  later,
  stamp, python: pyodide.runPython("import sys; sys.version.split()[0]"),
  run, event, check,
  make_ms: Math.round(restored - made), restore_ms: Math.round(ready - restored),
}));
