// Bundles the live examples' browser code into runtime/web/dist/:
// page.js and worker.js (ES modules), page.css, sw.js, early.js, head.js and search-later.js (classic scripts), minified. The file
// name and SHA-256 of the browser's runtime wheel (runtime/dist/browser/, which the site serves gzipped) are
// compiled into the worker, so the site serves exactly the wheel this build saw and the worker refuses any other.
// What page.js imports on demand (CodeMirror, when a reader first opens an editor; HTML's whole table of
// character references, when a text names a rare one) becomes a chunk of its own, named by its content's
// hash, next to page.js: the first paint carries none of it.
//
//   node runtime/web/build.mjs        (from the repository root)

import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

import { noMarkupParsing } from "./bundle-rules.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const wheelDir = path.join(root, "runtime", "dist", "browser");
const outdir = path.join(here, "dist");

function wheelName() {
  let names;
  try {
    names = readdirSync(wheelDir).filter((name) => name.endsWith(".whl"));
  } catch {
    names = [];
  }
  const build = "build it with: make build";
  if (names.length === 0) throw new Error(`no runtime wheel in ${path.relative(root, wheelDir)}/; ${build}`);
  if (names.length > 1) {
    throw new Error(`several wheels in ${path.relative(root, wheelDir)}/ (${names.join(", ")}); delete the old ones`);
  }
  return names[0];
}

const common = {
  bundle: true,
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  target: ["chrome109", "firefox115", "safari16"],
};

try {
  const wheel = wheelName();
  rmSync(outdir, { recursive: true, force: true });
  const wheelSha256 = createHash("sha256").update(readFileSync(path.join(wheelDir, wheel))).digest("hex");
  const define = { __STREAMLET_WHEEL__: JSON.stringify(wheel), __STREAMLET_WHEEL_SHA256__: JSON.stringify(wheelSha256) };
  const modules = { ...common, outdir, format: "esm", define, plugins: [noMarkupParsing] };
  // The page alone is split (the worker, built on its own, stays one file that shares no chunk with it).
  await esbuild.build({ ...modules, entryPoints: { page: path.join(here, "src", "page.js") }, splitting: true, chunkNames: "[name]-[hash]" });
  await esbuild.build({ ...modules, entryPoints: { worker: path.join(here, "src", "worker.js") } });
  await esbuild.build({ ...common, entryPoints: { page: path.join(here, "src", "page.css") }, outdir });
  // The service worker is a classic script (module service workers are not everywhere yet);
  // the docs plugin puts it at the site root with the build's version written in.
  await esbuild.build({ ...common, entryPoints: { sw: path.join(here, "src", "sw.js") }, outdir, format: "iife" });
  // Inlined by the docs plugin into each page's first live block (see head-start.js).
  await esbuild.build({ ...common, entryPoints: { early: path.join(here, "src", "early.js") }, outdir, format: "iife" });
  // Inlined by the docs plugin first thing in the <head> of a page with live blocks (see head-start.js).
  await esbuild.build({ ...common, entryPoints: { head: path.join(here, "src", "head.js") }, outdir, format: "iife" });
  // Written by the docs plugin next to Material's search worker, with that worker's name (search-later.js).
  await esbuild.build({ ...common, entryPoints: { "search-later": path.join(here, "src", "search-later.js") }, outdir, format: "iife" });
  console.log(`runtime/web/dist: ${readdirSync(outdir).sort().join(", ")} (wheel ${wheel})`);
} catch (err) {
  // esbuild has already printed its own errors; ours (the wheel) need saying.
  if (!err.errors) console.error(`build.mjs: ${err.message}`);
  process.exit(1);
}
