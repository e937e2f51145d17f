// Replays documented snippets inside Pyodide under Node, with the runtime wheel the site serves.
// Usage: node tests/pyodide/run_snippets.mjs WHEEL SNIPPETS.json  -> prints one JSON result line.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const [wheelPath, snippetsPath] = process.argv.slice(2);
if (!wheelPath || !snippetsPath) {
  console.error("usage: run_snippets.mjs WHEEL SNIPPETS.json");
  process.exit(2);
}
const { loadPyodide } = require("pyodide");
const started = performance.now();
const pyodide = await loadPyodide({ indexURL: path.dirname(require.resolve("pyodide/package.json")) + "/" });
const wheel = new Uint8Array(await readFile(wheelPath));
pyodide.unpackArchive(wheel, "wheel", { extractDir: "/lib/python3.14/site-packages" });
const ready = performance.now();
pyodide.globals.set("snippets_json", await readFile(snippetsPath, "utf8"));
const out = pyodide.runPython(`
import json, sys
from streamlet.snippets.check import check_steps
from streamlet.snippets.model import Snippet
results = []
for data in json.loads(snippets_json):
    s = Snippet.from_dict(data)
    results.append({"where": s.where, "id": s.id, "failures": check_steps(s.code, s.steps, config_toml=s.config)})
json.dumps({"python": sys.version.split()[0], "results": results})
`);
const result = JSON.parse(out);
result.load_ms = Math.round(ready - started);
result.check_ms = Math.round(performance.now() - ready);
console.log(JSON.stringify(result));
