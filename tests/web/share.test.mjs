import assert from "node:assert/strict";
import { test } from "node:test";

import { crc32, decodeCode, encodeCode, parseShareHash, shareHash, shareUrl } from "../../runtime/web/src/share.js";

const CJK = 'import streamlit as st\nst.write("计数器 カウンター 🎈", st.session_state)\n';
const utf8 = (text) => new TextEncoder().encode(text);

test("crc32 is zlib's CRC-32", () => {
  // Values from Python: zlib.crc32(b"...")
  assert.equal(crc32(utf8("")), 0);
  assert.equal(crc32(utf8("123456789")), 0xcbf43926);
  assert.equal(crc32(utf8("The quick brown fox jumps over the lazy dog")), 0x414fa339);
  assert.equal(crc32(utf8("🎈")), 0x170e88a1);
});

test("round trip of UTF-8 code: CJK, astral-plane characters, empty, CRLF, long", () => {
  for (const code of ["", "x", "a\tb\r\n", CJK, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 𠀀", "é".repeat(1000), "🎈".repeat(70_000)]) {
    const encoded = encodeCode(code);
    assert.match(encoded, /^[A-Za-z0-9_-]*\.[0-9a-f]{8}$/);
    assert.deepEqual(decodeCode(encoded), { code });
    assert.deepEqual(parseShareHash(shareHash("b", code)), { session: "b", code });
  }
  assert.equal(encodeCode(""), ".00000000");
  assert.equal(encodeCode("x"), `eA.${crc32(utf8("x")).toString(16).padStart(8, "0")}`);
});

test("decodeCode says why a payload is damaged", () => {
  const good = encodeCode("print('hello')\n");
  const [data, sum] = good.split(".");
  assert.deepEqual(decodeCode("a+b/.00000000"), { error: "base64" });
  assert.deepEqual(decodeCode("abc=.00000000"), { error: "base64" });
  assert.deepEqual(decodeCode("a.00000000"), { error: "base64" }); // 1 char mod 4
  assert.deepEqual(decodeCode(data), { error: "checksum" }); // no checksum: cut before the dot
  assert.deepEqual(decodeCode(`${data}.`), { error: "checksum" });
  assert.deepEqual(decodeCode(`${data}.${sum.slice(0, 5)}`), { error: "checksum" }); // cut inside it
  assert.deepEqual(decodeCode(`${data}.${sum.toUpperCase()}`), sum === sum.toUpperCase() ? { code: "print('hello')\n" } : { error: "checksum" });
  assert.deepEqual(decodeCode(`${data.slice(0, -4)}.${sum}`), { error: "checksum" }); // cut inside the code
  assert.deepEqual(decodeCode(`${data}.zzzzzzzz`), { error: "checksum" });
  // 0xFF is not UTF-8, even with a right checksum.
  assert.deepEqual(decodeCode(`_w.${crc32(Uint8Array.of(0xff)).toString(16).padStart(8, "0")}`), { error: "utf8" });
  // A truncated multi-byte character with a checksum over the truncated bytes.
  const cut = utf8("计").subarray(0, 2);
  const b64 = Buffer.from(cut).toString("base64url");
  assert.deepEqual(decodeCode(`${b64}.${crc32(cut).toString(16).padStart(8, "0")}`), { error: "utf8" });
});

test("a share link cut anywhere is damaged, never shorter code", () => {
  const hash = shareHash("counter-callbacks", CJK);
  const cuts = new Set();
  for (let end = "#live-counter-callbacks".length + 1; end < hash.length; end++) {
    const link = parseShareHash(hash.slice(0, end));
    assert.equal(link.session, "counter-callbacks", `cut at ${end}`);
    assert.ok("error" in link, `cut at ${end}: ${JSON.stringify(link)}`);
    cuts.add(link.error);
  }
  assert.deepEqual([...cuts].sort(), ["base64", "checksum"]);
  // Cut inside the name: a link with no "=", and no anchor of that id on the page.
  assert.deepEqual(parseShareHash("#live-counter-cal"), { session: "counter-cal", error: "truncated" });
  assert.deepEqual(parseShareHash("#live-"), { session: null, error: "truncated" });
});

test("share hash: session names are URI-encoded and read back", () => {
  const hash = shareHash("counter-callbacks", CJK);
  assert.ok(hash.startsWith("#live-counter-callbacks="));
  assert.deepEqual(parseShareHash(hash), { session: "counter-callbacks", code: CJK });
  assert.deepEqual(parseShareHash(shareHash("a=b 计.x", "x")), { session: "a=b 计.x", code: "x" });
});

test("a name that cannot be read is damaged, with no session", () => {
  const payload = encodeCode("x");
  assert.deepEqual(parseShareHash(`#live-%E0%A4%A=${payload}`), { session: null, error: "name" });
  assert.deepEqual(parseShareHash(`#live-=${payload}`), { session: null, error: "name" });
  assert.deepEqual(parseShareHash("#live-x=@@"), { session: "x", error: "base64" });
});

test("an unknown block name is still a whole link: the page decides", () => {
  assert.deepEqual(parseShareHash(shareHash("no-such-block", "x")), { session: "no-such-block", code: "x" });
});

test("other hashes, and anchors of the page that start with live-, are not share links", () => {
  for (const hash of ["", "#", "#intro", "#some-heading", "#lively", null, undefined, 42]) {
    assert.equal(parseShareHash(hash), null, String(hash));
  }
  const isAnchor = (id) => id === "live-examples" || id === "live-例";
  assert.equal(parseShareHash("#live-examples", { isAnchor }), null);
  assert.equal(parseShareHash("#live-%E4%BE%8B", { isAnchor }), null);
  assert.deepEqual(parseShareHash("#live-exam", { isAnchor }), { session: "exam", error: "truncated" });
});

test("a 1 MB link decodes quickly", () => {
  const line = 'st.write("计数器 カウンター 🎈 and some ASCII to make it longer")\n';
  const code = line.repeat(Math.ceil(1_000_000 / utf8(line).length));
  const hash = shareHash("big", code);
  assert.ok(hash.length > 1_300_000);
  let started = performance.now();
  const link = parseShareHash(hash);
  const decodeMs = performance.now() - started;
  assert.equal(link.code, code);
  started = performance.now();
  shareHash("big", code);
  const encodeMs = performance.now() - started;
  console.log(`1 MB share link (${hash.length} chars): decoded in ${decodeMs.toFixed(1)} ms, encoded in ${encodeMs.toFixed(1)} ms`);
  assert.ok(decodeMs < 500, `decode took ${decodeMs} ms`);
  // One changed byte in the middle is caught by the checksum.
  const middle = hash.length >> 1;
  const flipped = hash.slice(0, middle) + (hash[middle] === "A" ? "B" : "A") + hash.slice(middle + 1);
  assert.equal(parseShareHash(flipped).error, "checksum");
});

test("shareUrl replaces any hash and keeps the query", () => {
  assert.equal(shareUrl("https://e.x/zh/guide/?q=1#old", "b", "x"), `https://e.x/zh/guide/?q=1#live-b=${encodeCode("x")}`);
});
