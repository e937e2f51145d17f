// Named character references (entities.js): the common few in the first load, HTML's whole table
// as a chunk loaded before a text that names any other. The page's markdown, bundled as the site
// bundles it, decodes every reference CommonMark knows once the table is in, and the live block
// waits for the table before showing a tree that needs it.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import { characterEntities } from "character-entities";
import * as esbuild from "esbuild";

import { noMarkupParsing } from "../../runtime/web/bundle-rules.mjs";
import { Document } from "./fake-dom.mjs";

const SRC = fileURLToPath(new URL("../../runtime/web/src/", import.meta.url));

/** A fresh copy of the page's markdown and entities, bundled with the site's rules (its own table state). */
async function bundled() {
  const dir = mkdtempSync(path.join(tmpdir(), "entities-"));
  const entry = path.join(dir, "entry.js");
  writeFileSync(entry, [
    `export { parseInline, renderMarkdown } from ${JSON.stringify(path.join(SRC, "markdown.js"))};`,
    `export { COMMON, decodeNamedCharacterReference, loadTable, tableNeeded } from ${JSON.stringify(path.join(SRC, "entities.js"))};`,
  ].join("\n"));
  const result = await esbuild.build({
    entryPoints: [entry], bundle: true, format: "esm", splitting: true, outdir: path.join(dir, "out"),
    logLevel: "silent", plugins: [noMarkupParsing], metafile: true,
  });
  const chunks = Object.keys(result.metafile.outputs).map((name) => path.basename(name));
  const module = await import(pathToFileURL(path.join(dir, "out", "entry.js")).href);
  return { module, chunks, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const text = (value) => ({ type: "text", value });

test("the common names decode as HTML's table has them", async () => {
  const { module, cleanup } = await bundled();
  try {
    assert.ok(Object.keys(module.COMMON).length >= 40);
    for (const [name, value] of Object.entries(module.COMMON)) assert.equal(value, characterEntities[name], name);
  } finally {
    cleanup();
  }
});

test("a text names a rare reference: the table is needed, and once loaded the markdown decodes it", async () => {
  const { module, chunks, cleanup } = await bundled();
  try {
    const { parseInline, tableNeeded, loadTable, decodeNamedCharacterReference } = module;
    assert.ok(chunks.some((name) => name.startsWith("entity-table-")), chunks);
    // Common names, numeric references and things that are no reference need nothing more.
    assert.equal(tableNeeded("&lt;b&gt; &amp; &#x41; &#65; &copy; &check; & x; a&b &Aacute"), false);
    assert.deepEqual(parseInline("&lt;b&gt; &amp; &#x41; &copy;"), [text("<b> & A \u00a9")]);
    // Any other name, anywhere in a tree, waits for the table (which decides whether it is one).
    assert.equal(tableNeeded("&Aacute;"), true);
    assert.equal(tableNeeded([{ type: "button", label: "x", help: "caf&eacute;" }]), true);
    assert.equal(tableNeeded("&nosuchname;"), true);
    assert.equal(decodeNamedCharacterReference("Aacute"), false);
    assert.deepEqual(parseInline("&Aacute;"), [text("&Aacute;")]); // why a tree that needs the table waits for it
    await loadTable();
    assert.equal(tableNeeded("&Aacute;"), false);
    assert.equal(decodeNamedCharacterReference("CounterClockwiseContourIntegral"), "\u2233");
    assert.deepEqual(parseInline("&Aacute; &ngE; &nosuchname; &copy;"), [text("\u00c1 \u2267\u0338 &nosuchname; \u00a9")]);
    assert.equal(parseInline("[x](/a&eacute;b \"&Aacute;\")")[0].title, "\u00c1");
  } finally {
    cleanup();
  }
});

test("a text shown before the table came is read anew once it is in (the kept trees do not hide it)", async () => {
  const { module, cleanup } = await bundled();
  try {
    const doc = new Document();
    const shown = () => module.renderMarkdown("caf&eacute; &copy;", doc).textContent;
    assert.equal(shown(), "caf&eacute; \u00a9");
    assert.equal(shown(), "caf&eacute; \u00a9"); // kept: the same tree again
    await module.loadTable();
    assert.equal(shown(), "caf\u00e9 \u00a9");
  } finally {
    cleanup();
  }
});

test("the page bundle holds the common names only; the whole table is a chunk of its own", async () => {
  const result = await esbuild.build({
    entryPoints: [path.join(SRC, "page.js")], bundle: true, format: "esm", splitting: true, outdir: "out",
    write: false, logLevel: "silent", plugins: [noMarkupParsing], chunkNames: "[name]-[hash]",
    define: { __STREAMLET_WHEEL__: '"test.whl"' },
  });
  const files = Object.fromEntries(result.outputFiles.map((file) => [path.basename(file.path), file.text]));
  const table = Object.keys(files).filter((name) => name.startsWith("entity-table-"));
  assert.equal(table.length, 1, Object.keys(files).join(", "));
  assert.match(files[table[0]], /CounterClockwiseContourIntegral/);
  for (const [name, source] of Object.entries(files)) {
    if (name !== table[0]) assert.doesNotMatch(source, /CounterClockwiseContourIntegral|DoubleLongLeftRightArrow/, name);
  }
});
