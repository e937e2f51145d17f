import assert from "node:assert/strict";
import { test } from "node:test";

import { decodeCode, encodeCode, parseShareHash, shareHash, shareUrl } from "../../runtime/web/src/share.js";

const CJK = 'import streamlit as st\nst.write("计数器 カウンター 🎈", st.session_state)\n';

test("base64url round trip of UTF-8 code, CJK and emoji included", () => {
  for (const code of ["", "x", "a\tb\r\n", CJK, "é".repeat(1000), "🎈".repeat(70_000)]) {
    const encoded = encodeCode(code);
    assert.match(encoded, /^[A-Za-z0-9_-]*$/);
    assert.equal(decodeCode(encoded), code);
  }
});

test("decodeCode refuses what is not base64url of UTF-8", () => {
  assert.equal(decodeCode("a+b/"), null);
  assert.equal(decodeCode("abc="), null);
  assert.equal(decodeCode("a"), null);
  assert.equal(decodeCode("_w"), null); // 0xFF: not UTF-8
});

test("share hash: session names are URI-encoded and read back", () => {
  const hash = shareHash("counter-callbacks", CJK);
  assert.ok(hash.startsWith("#live-counter-callbacks="));
  assert.deepEqual(parseShareHash(hash), { session: "counter-callbacks", code: CJK });
  assert.deepEqual(parseShareHash(shareHash("a=b 计", "x")), { session: "a=b 计", code: "x" });
});

test("parseShareHash ignores other hashes", () => {
  for (const hash of ["", "#", "#intro", "#live-", "#live-=abc", "#live-x", "#live-x=@@", "#live-%E0%A4%A=YQ", null]) {
    assert.equal(parseShareHash(hash), null, String(hash));
  }
});

test("shareUrl replaces any hash and keeps the query", () => {
  assert.equal(shareUrl("https://e.x/zh/guide/?q=1#old", "b", "x"), "https://e.x/zh/guide/?q=1#live-b=eA");
});
