// Rules for the browser sources as a whole, checked on the text of the files.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const SRC = new URL("../../runtime/web/src/", import.meta.url);
const files = readdirSync(SRC).filter((name) => name.endsWith(".js"));
const read = (name) => readFileSync(new URL(name, SRC), "utf8");

test("no source parses HTML or evaluates strings", () => {
  const banned = /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|createContextualFragment|DOMParser/;
  for (const name of files) assert.doesNotMatch(read(name), banned, name);
});

test("no CDN or other absolute URL is fetched; asset URLs are relative to the module", () => {
  for (const name of files) {
    const source = read(name);
    // Links that only appear in comments are fine; code must not name a host.
    const code = source.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
    assert.doesNotMatch(code, /https?:\/\/(?!\/)/, name);
  }
  assert.match(read("page.js"), /new URL\("\.\/worker\.js", import\.meta\.url\)/);
  assert.match(read("worker.js"), /new URL\("\.\.\/pyodide\/", import\.meta\.url\)/);
});

test("modules stay small enough to read in one sitting", () => {
  for (const name of files) assert.ok(read(name).split("\n").length < 450, name);
});
