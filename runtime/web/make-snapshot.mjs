// Makes the Pyodide memory snapshot the site serves: the pinned Pyodide booted under Node, the
// browser's runtime wheel (runtime/dist/browser/) put on sys.path as the worker puts it (src/runtime-zip.js) and `streamlet.bridge` imported (with WARM_IMPORTS),
// then Python's whole memory saved. A worker that loads it skips Python's start-up and the runtime's imports.
//
//   node runtime/web/make-snapshot.mjs        (from the repository root)
//
// Writes runtime/dist/pyodide-snapshot.gz: gzip of one line of JSON, the stamp
// {format, pyodide, wheel, wheel_sha256, bytes, runs}, a newline, then the snapshot's bytes outside
// its pages of zeros (about half of them; `runs` says where the rest goes, see src/snapshot.js). The
// worker reads the stamp first and boots Pyodide normally when it names another Pyodide or another wheel.
// The runtime's import must hold no JavaScript object (Pyodide cannot serialize one into the
// snapshot); tests/pyodide/test_snapshot_in_pyodide.py keeps it so.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { installRuntime } from "./src/runtime-zip.js";

export const SNAPSHOT_FORMAT = 2;
// Zeros are left out by whole pages of this size; finer cuts save little (measured: 16.0 MB of 31.5
// MB kept in 25 runs with 4 KiB pages, 15.3 MB in 2,914 runs with 64 bytes).
export const ZERO_PAGE = 4096;
export const SNAPSHOT_NAME = "pyodide-snapshot.gz";
// Imported into the snapshot besides the bridge: what the runtime imports only when a script needs it
// (a fence's config, an edited table, enforced serializable state, the Check button). A normal boot
// leaves them for later; a snapshot holds them for free.
export const WARM_IMPORTS = ["streamlet.bridge", "tomllib", "difflib", "pickle", "streamlet.snippets.check"];

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const require = createRequire(path.join(root, "package.json"));

/** The one runtime wheel in `dir`; fails with what to do when there is none or several. */
export function findWheel(dir) {
  const names = readdirSync(dir).filter((name) => /^streamlet-.*\.whl$/.test(name));
  if (names.length !== 1) throw new Error(`expected one runtime wheel in ${dir}, found ${names.length}: run 'make build'`);
  return path.join(dir, names[0]);
}

/** Where `memory` is not zero: [offset, length] runs of whole ZERO_PAGE pages (the last one may be shorter), in order. */
export function nonZeroRuns(memory) {
  const runs = [];
  for (let offset = 0; offset < memory.length; offset += ZERO_PAGE) {
    const end = Math.min(offset + ZERO_PAGE, memory.length);
    if (memory.subarray(offset, end).every((byte) => byte === 0)) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === offset) last[1] = end - last[0];
    else runs.push([offset, end - offset]);
  }
  return runs;
}

/** The stamp line (with the snapshot's runs added) and the snapshot's bytes outside them, as the file stores them (before gzip). */
export function pack(stamp, snapshot) {
  const memory = Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
  const runs = nonZeroRuns(memory);
  const line = Buffer.from(`${JSON.stringify({ ...stamp, runs })}\n`, "utf8");
  return Buffer.concat([line, ...runs.map(([offset, length]) => memory.subarray(offset, offset + length))]);
}

/** Boots Pyodide with `wheel` installed and the bridge imported; returns {stamp, snapshot}. */
export async function makeSnapshot(wheelPath, { indexURL = `${path.dirname(require.resolve("pyodide/package.json"))}/` } = {}) {
  const { loadPyodide } = require("pyodide");
  const wheel = readFileSync(wheelPath);
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
  installRuntime(pyodide, new Uint8Array(wheel));
  pyodide.runPython(WARM_IMPORTS.map((name) => `import ${name}`).join("\n"));
  const snapshot = pyodide.makeMemorySnapshot();
  const stamp = {
    format: SNAPSHOT_FORMAT,
    pyodide: pyodide.version,
    wheel: path.basename(wheelPath),
    wheel_sha256: createHash("sha256").update(wheel).digest("hex"),
    bytes: snapshot.byteLength,
  };
  return { stamp, snapshot };
}

async function main() {
  const dist = path.join(root, "runtime", "dist");
  const started = performance.now();
  const { stamp, snapshot } = await makeSnapshot(findWheel(path.join(dist, "browser")));
  const packed = gzipSync(pack(stamp, snapshot), { level: 9 });
  writeFileSync(path.join(dist, SNAPSHOT_NAME), packed);
  const mb = (n) => (n / 1e6).toFixed(1);
  console.log(`runtime/dist/${SNAPSHOT_NAME}: ${mb(stamp.bytes)} MB, gzipped ${mb(packed.length)} MB `
    + `(Pyodide ${stamp.pyodide}, ${stamp.wheel}; ${Math.round(performance.now() - started)} ms)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`make-snapshot.mjs: ${err?.stack ?? err}`);
    process.exit(1);
  });
}
