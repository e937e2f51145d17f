// gzip.js: a .gz the worker fetches is inflated, and a body the server already decoded passes as it is.
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

import { ungzipped } from "../../runtime/web/src/gzip.js";

const BYTES = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);

/** A Response whose body arrives `size` bytes at a time. */
function arriving(bytes, size) {
  let at = 0;
  return new Response(new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
      return undefined;
    },
  }));
}

const read = async (stream) => new Uint8Array(await new Response(stream).arrayBuffer());

test("a gzipped body is inflated, however it arrives", async () => {
  for (const size of [1, 7, 4096, 1 << 20]) {
    assert.deepEqual(await read(await ungzipped(arriving(gzipSync(BYTES), size))), BYTES, `chunks of ${size}`);
  }
});

test("a body that is not gzip (decoded by the server) passes as it is", async () => {
  assert.deepEqual(await read(await ungzipped(arriving(BYTES, 1000))), BYTES);
  assert.deepEqual(await read(await ungzipped(new Response(new Uint8Array(0)))), new Uint8Array(0));
});

test("a damaged gzip body fails when read", async () => {
  const damaged = gzipSync(BYTES);
  damaged[damaged.length - 5] ^= 0xff;
  await assert.rejects(read(await ungzipped(new Response(damaged))));
});
