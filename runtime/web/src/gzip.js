// Files the site ships gzipped (the memory snapshot, Pyodide's wasm, the runtime wheel), read in the
// worker. A static host sends a .gz as it is, and the worker inflates it with DecompressionStream; a
// host that decoded it already (Content-Encoding: gzip) sends it plain, and it passes as it is.

/** Whether `head` (the first bytes of a file) starts as gzip does: 1f 8b. */
function isGzip(head) {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** A stream of `first` followed by what is left in `reader`. */
function rejoined(first, reader) {
  let sent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(first);
        return;
      }
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** The response's bytes as a stream, un-gzipped unless the server already did it (gzip starts 1f 8b). */
export async function ungzipped(response) {
  const reader = response.body.getReader();
  let head = new Uint8Array(0);
  while (head.length < 2) {
    const next = await reader.read();
    if (next.done) break;
    const joined = new Uint8Array(head.length + next.value.length);
    joined.set(head);
    joined.set(next.value, head.length);
    head = joined;
  }
  if (head.length === 0) return new ReadableStream({ start: (controller) => controller.close() });
  const stream = rejoined(head, reader);
  return isGzip(head) ? stream.pipeThrough(new DecompressionStream("gzip")) : stream;
}

/** `bytes` inflated, or as they are when the server already did it; rejects when they are not whole gzip. */
export async function gunzipped(bytes) {
  if (!isGzip(bytes)) return bytes;
  return new Uint8Array(await new Response(await ungzipped(new Response(bytes))).arrayBuffer());
}
