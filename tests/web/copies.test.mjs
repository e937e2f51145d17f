// copies.js: the worker keeps what it inflated in the site's newest cache, finds it again only
// when made for the same thing, and never fails because of a copy.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Copies, TAG_HEADER, copyUrl, siteScope } from "../../runtime/web/src/copies.js";
import { cacheName } from "../../runtime/web/src/sw-policy.js";

const SCOPE = "https://user.github.io/docs/";
const SNAPSHOT = `${SCOPE}assets/streamlet/pyodide-snapshot.gz`;
const WASM = `${SCOPE}assets/pyodide/pyodide.asm.wasm.gz`;

/** Cache storage in memory, caches listed in the order they were made, as browsers list them. */
function fakeCaches(names = []) {
  const caches = new Map(names.map((name) => [name, new Map()]));
  const storage = {
    caches,
    keys: async () => [...caches.keys()],
    // As browsers do: the first cache, in the order they were made, that holds the URL.
    match: async (url) => {
      for (const entries of caches.values()) if (entries.has(String(url))) return entries.get(String(url)).clone();
      return undefined;
    },
    open: async (name) => {
      if (!caches.has(name)) caches.set(name, new Map());
      const entries = caches.get(name);
      return {
        match: async (url) => entries.get(String(url))?.clone(),
        put: async (url, response) => {
          const body = await response.arrayBuffer(); // as a browser reads it before it stores it
          entries.set(String(url), new Response(body, { headers: response.headers }));
        },
        delete: async (url) => entries.delete(String(url)),
      };
    },
  };
  return storage;
}

test("the site's scope comes from the worker's URL; a copy's URL is the file's without .gz", () => {
  assert.equal(siteScope(`${SCOPE}assets/streamlet/worker.js`), SCOPE);
  assert.equal(siteScope("http://127.0.0.1:8000/assets/streamlet/worker.js"), "http://127.0.0.1:8000/");
  assert.equal(siteScope("http://127.0.0.1:8000/dist/worker.js"), null);
  assert.equal(copyUrl(SNAPSHOT), `${SCOPE}assets/streamlet/pyodide-snapshot`);
  assert.equal(copyUrl(WASM), `${SCOPE}assets/pyodide/pyodide.asm.wasm`);
});

test("a copy is kept in the newest cache of the site, with its tag, and found again for that tag only", async () => {
  const older = cacheName(SCOPE, "a.1");
  const newer = cacheName(SCOPE, "b.1");
  const other = cacheName("https://user.github.io/", "c.1");
  const storage = fakeCaches([older, newer, other]);
  const copies = new Copies(SCOPE, { cacheStorage: storage });
  assert.equal(await copies.find(WASM, "314.0.7"), null);
  copies.keep(WASM, "314.0.7", "application/wasm", [Promise.resolve(new Uint8Array([0, 97, 115, 109]).buffer)]);
  copies.keep(SNAPSHOT, "sha", "application/octet-stream", [new Uint8Array([1, 2]), Promise.resolve(new Uint8Array([3]))]);
  await copies.save();
  assert.deepEqual([...storage.caches.get(newer).keys()], [copyUrl(WASM), copyUrl(SNAPSHOT)]);
  assert.equal(storage.caches.get(older).size + storage.caches.get(other).size, 0);
  const wasm = await copies.find(WASM, "314.0.7");
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get(TAG_HEADER), "314.0.7");
  assert.equal(wasm.headers.get("cross-origin-embedder-policy"), "require-corp");
  assert.deepEqual(new Uint8Array(await wasm.arrayBuffer()), new Uint8Array([0, 97, 115, 109]));
  assert.deepEqual(new Uint8Array(await (await copies.find(SNAPSHOT, "sha")).arrayBuffer()), new Uint8Array([1, 2, 3]));
  // Made for another Pyodide (or another wheel): not used.
  assert.equal(await copies.find(WASM, "314.0.8"), null);
  // Saved once: a second save writes nothing more.
  await copies.save();
  assert.equal(storage.caches.get(newer).size, 2);
  await copies.drop(SNAPSHOT);
  assert.equal(await copies.find(SNAPSHOT, "sha"), null);
  assert.ok(await copies.find(WASM, "314.0.7"));
});

test("without the site's cache (no service worker, no site scope) nothing is found or kept, quietly", async () => {
  const bare = fakeCaches([]);
  const copies = new Copies(SCOPE, { cacheStorage: bare });
  copies.keep(WASM, "v", "application/wasm", [new Uint8Array([1])]);
  await copies.save({ tries: 3, pauseMs: 1 });
  assert.equal(bare.caches.size, 0);
  const storage = fakeCaches([cacheName(SCOPE, "a.1")]);
  const unscoped = new Copies(null, { cacheStorage: storage });
  unscoped.keep(WASM, "v", "application/wasm", [new Uint8Array([1])]);
  await unscoped.save();
  assert.equal(await unscoped.find(WASM, "v"), null);
  assert.equal(storage.caches.get(cacheName(SCOPE, "a.1")).size, 0);
  const none = new Copies(SCOPE, { cacheStorage: undefined });
  assert.equal(await none.find(WASM, "v"), null);
});

test("a cache that appears while the copies wait (the service worker activating) gets them", async () => {
  const storage = fakeCaches([]);
  const copies = new Copies(SCOPE, { cacheStorage: storage });
  copies.keep(WASM, "v", "application/wasm", [new Uint8Array([1])]);
  let looked = 0;
  const keys = storage.keys;
  storage.keys = async () => {
    looked += 1;
    if (looked === 3) await storage.open(cacheName(SCOPE, "a.1")); // activated meanwhile
    return keys();
  };
  await copies.save({ tries: 5, pauseMs: 1 });
  assert.equal(looked, 3);
  assert.ok(await copies.find(WASM, "v"));
  // Given up after `tries` looks when no cache comes.
  const never = fakeCaches([]);
  let asked = 0;
  never.keys = async () => {
    asked += 1;
    return [];
  };
  const lost = new Copies(SCOPE, { cacheStorage: never });
  lost.keep(WASM, "v", "application/wasm", [new Uint8Array([1])]);
  await lost.save({ tries: 4, pauseMs: 1 });
  assert.equal(asked, 4);
});

test("a part that failed, or a cache that refuses, leaves no copy and no rejection", async () => {
  const storage = fakeCaches([cacheName(SCOPE, "a.1")]);
  const copies = new Copies(SCOPE, { cacheStorage: storage });
  const failed = Promise.reject(new Error("the stream broke"));
  failed.catch(() => {});
  copies.keep(WASM, "v", "application/wasm", [failed]);
  await copies.save();
  assert.equal(storage.caches.get(cacheName(SCOPE, "a.1")).size, 0);
  const refusing = { keys: async () => [cacheName(SCOPE, "a.1")], open: async () => ({ put: async () => { throw new Error("QuotaExceededError"); }, match: async () => { throw new Error("broken"); } }) };
  const quota = new Copies(SCOPE, { cacheStorage: refusing });
  quota.keep(WASM, "v", "application/wasm", [new Uint8Array([1])]);
  await quota.save();
  assert.equal(await quota.find(WASM, "v"), null);
});

test("a copy is found in one round trip; an older build's copy for something else sends it to the newest cache", async () => {
  const older = cacheName(SCOPE, "a.1");
  const newer = cacheName(SCOPE, "b.1");
  const storage = fakeCaches([older, newer]);
  const calls = [];
  for (const name of ["keys", "open", "match"]) {
    const real = storage[name];
    storage[name] = (...args) => {
      calls.push(name);
      return real(...args);
    };
  }
  const put = async (name, tag, byte) => {
    const headers = { [TAG_HEADER]: tag };
    await (await storage.open(name)).put(copyUrl(WASM), new Response(new Uint8Array([byte]), { headers }));
  };
  await put(newer, "314.0.7", 7);
  calls.length = 0;
  const copies = new Copies(SCOPE, { cacheStorage: storage });
  assert.deepEqual(new Uint8Array(await (await copies.find(WASM, "314.0.7")).arrayBuffer()), new Uint8Array([7]));
  assert.deepEqual(calls, ["match"]);
  await put(older, "314.0.6", 6); // the older cache now answers the first question
  calls.length = 0;
  assert.deepEqual(new Uint8Array(await (await copies.find(WASM, Promise.resolve("314.0.7"))).arrayBuffer()), new Uint8Array([7]));
  assert.deepEqual(calls.slice(0, 2), ["match", "keys"]);
  assert.equal(await copies.find(WASM, "314.0.8"), null);
  assert.equal(await copies.find(SNAPSHOT, "sha"), null);
});
