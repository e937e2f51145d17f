// The page bundle as esbuild makes it, node_modules included: no code in it parses HTML.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import * as esbuild from "esbuild";

import { noMarkupParsing } from "../../runtime/web/bundle-rules.mjs";

const page = fileURLToPath(new URL("../../runtime/web/src/page.js", import.meta.url));
const MARKUP = /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/;

async function bundle(plugins) {
  const result = await esbuild.build({
    entryPoints: [page], bundle: true, format: "esm", splitting: true, outdir: "out", write: false,
    logLevel: "silent", define: { __STREAMLET_WHEEL__: '"test.whl"' }, plugins,
  });
  return result.outputFiles.map((file) => [file.path, file.text]);
}

test("the bundle, dependencies and on-demand chunks included, parses no markup", async () => {
  for (const [name, text] of await bundle([noMarkupParsing])) assert.doesNotMatch(text, MARKUP, name);
});

test("without the bundle rule, micromark's entity decoder would bring innerHTML in", async () => {
  const outputs = await bundle([]);
  assert.ok(outputs.some(([, text]) => MARKUP.test(text)));
});
