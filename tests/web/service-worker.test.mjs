// The service worker's pure decisions (sw-policy.js) and its registration (isolation.js)
// against a fake window.
import assert from "node:assert/strict";
import { test } from "node:test";

import { siteRoot, startIsolation } from "../../runtime/web/src/isolation.js";
import {
  cacheName,
  cacheable,
  isStaleCache,
  isolatedAlready,
  samePyodideCaches,
  strategyFor,
  withIsolation,
} from "../../runtime/web/src/sw-policy.js";

const SCOPE = "https://user.github.io/docs/";
const get = (url, headers = {}) => new Request(url, { headers });

test("the site's fixed assets are cache-first, its pages and other files network-first", () => {
  assert.equal(strategyFor(get(`${SCOPE}assets/pyodide/pyodide.asm.wasm`), SCOPE), "cache-first");
  assert.equal(strategyFor(get(`${SCOPE}assets/streamlet/page.js`), SCOPE), "cache-first");
  assert.equal(strategyFor(get(`${SCOPE}assets/streamlet/streamlet-0.1.0-py3-none-any.whl.gz`), SCOPE), "cache-first");
  for (const path of ["", "zh/", "ja/guide/", "search/search_index.json", "sitemap.xml", "assets/javascripts/bundle.js"]) {
    assert.equal(strategyFor(get(SCOPE + path), SCOPE), "network-first", path);
  }
  // Opening an asset in a tab is a navigation: a page (its request cannot be re-made with options).
  const opened = { url: `${SCOPE}assets/streamlet/page.js`, method: "GET", mode: "navigate", headers: new Headers() };
  assert.equal(strategyFor(opened, SCOPE), "network-first");
});

test("other origins and non-GET requests pass untouched; ranges and other sites' paths are never cached", () => {
  assert.equal(strategyFor(get("https://cdn.example.net/docs/assets/pyodide/pyodide.mjs"), SCOPE), "pass");
  assert.equal(strategyFor(get("https://user.github.io:8443/docs/"), SCOPE), "pass");
  assert.equal(strategyFor(new Request(SCOPE, { method: "POST", body: "x" }), SCOPE), "pass");
  assert.equal(strategyFor(new Request(SCOPE, { method: "HEAD" }), SCOPE), "pass");
  assert.equal(strategyFor(get(`${SCOPE}assets/pyodide/pyodide.asm.wasm`, { Range: "bytes=0-99" }), SCOPE), "network");
  assert.equal(strategyFor(get("https://user.github.io/other-project/assets/streamlet/page.js"), SCOPE), "network");
  assert.equal(strategyFor(get("https://user.github.io/docsite/"), SCOPE), "network");
});

test("withIsolation adds COOP, COEP and CORP and keeps status, status text, headers and body", async () => {
  const original = new Response("hello", {
    status: 404,
    statusText: "Not Found Here",
    headers: { "Content-Type": "text/html", "X-Extra": "kept", "Cross-Origin-Embedder-Policy": "unsafe-none" },
  });
  const response = withIsolation(original);
  assert.equal(response.status, 404);
  assert.equal(response.statusText, "Not Found Here");
  assert.equal(response.headers.get("content-type"), "text/html");
  assert.equal(response.headers.get("x-extra"), "kept");
  assert.equal(response.headers.get("cross-origin-opener-policy"), "same-origin");
  assert.equal(response.headers.get("cross-origin-embedder-policy"), "require-corp");
  assert.equal(response.headers.get("cross-origin-resource-policy"), "same-origin");
  assert.equal(await response.text(), "hello");
});

test("withIsolation keeps a partial answer and rebuilds answers that may carry no body", () => {
  const partial = withIsolation(new Response("abc", { status: 206, headers: { "Content-Range": "bytes 0-2/10" } }));
  assert.equal(partial.status, 206);
  assert.equal(partial.headers.get("content-range"), "bytes 0-2/10");
  const notModified = withIsolation(new Response(null, { status: 304 }));
  assert.equal(notModified.status, 304);
  assert.equal(notModified.headers.get("cross-origin-embedder-policy"), "require-corp");
});

test("what the worker kept with the isolation headers goes out as it is; older entries are rebuilt", () => {
  assert.equal(isolatedAlready(withIsolation(new Response("x"))), true);
  assert.equal(isolatedAlready(new Response("x")), false);
  const partly = new Response("x", { headers: { "Cross-Origin-Embedder-Policy": "require-corp" } });
  assert.equal(isolatedAlready(partly), false);
});

test("opaque and redirected responses pass as they are", () => {
  const fake = (fields) => ({ status: 200, type: "basic", redirected: false, ...fields });
  for (const response of [fake({ status: 0, type: "opaque" }), fake({ status: 0, type: "opaqueredirect" }), fake({ redirected: true })]) {
    assert.equal(withIsolation(response), response);
  }
});

test("only complete, successful, same-origin answers are cached", () => {
  const fake = (fields) => ({ status: 200, type: "basic", redirected: false, ...fields });
  assert.equal(cacheable(fake({})), true);
  for (const fields of [{ status: 206 }, { status: 404 }, { status: 304 }, { type: "cors" }, { type: "opaque", status: 0 }, { redirected: true }]) {
    assert.equal(cacheable(fake(fields)), false, JSON.stringify(fields));
  }
});

test("activation deletes this site's caches of other builds, never another site's", () => {
  assert.equal(cacheName(SCOPE, "v2"), `streamlet ${SCOPE} v2`);
  assert.equal(isStaleCache(cacheName(SCOPE, "v1"), SCOPE, "v2"), true);
  assert.equal(isStaleCache(cacheName(SCOPE, "v2"), SCOPE, "v2"), false);
  assert.equal(isStaleCache(cacheName("https://user.github.io/docs/zh/", "v1"), SCOPE, "v2"), false);
  assert.equal(isStaleCache(cacheName("https://user.github.io/", "v1"), SCOPE, "v2"), false);
  assert.equal(isStaleCache("workbox-precache", SCOPE, "v2"), false);
});

test("a rebuild that kept Pyodide finds the caches it can take Pyodide's files from", () => {
  const names = [
    cacheName(SCOPE, "site1.pyo1"),
    cacheName(SCOPE, "site2.pyo2"),
    cacheName(SCOPE, "site3.pyo1"),
    cacheName("https://user.github.io/", "site1.pyo1"),
    "other",
  ];
  assert.deepEqual(samePyodideCaches(names, SCOPE, "site3.pyo1"), [cacheName(SCOPE, "site1.pyo1")]);
  assert.deepEqual(samePyodideCaches(names, SCOPE, "site4.pyo3"), []);
  // A scope with dots of its own (127.0.0.1) and the current cache itself are left alone.
  const local = "http://127.0.0.1:8000/";
  const here = [cacheName(local, "a.b"), cacheName(local, "c.1"), cacheName(local, "d.1")];
  assert.deepEqual(samePyodideCaches(here, local, "d.1"), [cacheName(local, "c.1")]);
});

test("the site root is two folders above the page bundle", () => {
  assert.equal(siteRoot("https://user.github.io/docs/assets/streamlet/page.js"), "https://user.github.io/docs/");
  assert.equal(siteRoot("http://127.0.0.1:8000/assets/streamlet/page.js"), "http://127.0.0.1:8000/");
  assert.equal(siteRoot("http://127.0.0.1:8000/dist/page.js"), null);
});

/** A window whose service worker container is scripted by the test. */
function fakeWindow({ isolated = false, controlled = false, optIn = true, secure = true, blocks = true, storage = new Map(), register } = {}) {
  const listeners = { document: new Map(), container: new Map() };
  const add = (map) => (type, fn) => map.set(type, [...(map.get(type) ?? []), fn]);
  const win = {
    crossOriginIsolated: isolated,
    isSecureContext: secure,
    reloads: 0,
    registered: [],
    location: { reload: () => win.reloads++ },
    sessionStorage: storage instanceof Map
      ? { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) }
      : storage,
    document: {
      addEventListener: add(listeners.document),
      querySelector: (selector) => {
        if (selector.includes("streamlet-service-worker")) return optIn ? {} : null;
        return selector === ".st-live" && blocks ? {} : null;
      },
    },
    navigator: {
      serviceWorker: {
        controller: controlled ? {} : null,
        addEventListener: add(listeners.container),
        register: register ?? ((url, options) => {
          win.registered.push([url, options.scope]);
          return Promise.resolve({});
        }),
      },
    },
    fire: (target, type, event = {}) => {
      for (const fn of listeners[target].get(type) ?? []) fn(event);
    },
  };
  return win;
}

const PAGE = "https://user.github.io/docs/assets/streamlet/page.js";
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("registers sw.js at the site root and reloads once when it takes control of an uncontrolled page", async () => {
  const storage = new Map();
  const win = fakeWindow({ storage });
  const reloading = startIsolation(PAGE, win);
  await settle();
  assert.deepEqual(win.registered, [["https://user.github.io/docs/sw.js", "https://user.github.io/docs/"]]);
  win.fire("container", "controllerchange");
  assert.equal(win.reloads, 1);
  assert.equal(await reloading, true);
  // The reloaded page is still not isolated (a browser without the headers' effect): no second reload.
  const again = fakeWindow({ storage });
  assert.equal(await startIsolation(PAGE, again), false);
  again.fire("container", "controllerchange");
  assert.equal(again.reloads, 0);
});

test("no reload after the reader touched a live block, on an isolated page, a page already controlled or one without live blocks", async () => {
  const touched = fakeWindow();
  const decided = startIsolation(PAGE, touched);
  touched.fire("document", "pointerdown", { target: { closest: (s) => (s === ".st-live" ? {} : null) } });
  assert.equal(await decided, false); // Python may start at once
  touched.fire("container", "controllerchange");
  assert.equal(touched.reloads, 0);

  const elsewhere = fakeWindow();
  startIsolation(PAGE, elsewhere);
  elsewhere.fire("document", "keydown", { target: { closest: () => null } }); // outside any block
  elsewhere.fire("container", "controllerchange");
  assert.equal(elsewhere.reloads, 1);

  for (const win of [fakeWindow({ isolated: true }), fakeWindow({ controlled: true }), fakeWindow({ blocks: false })]) {
    assert.equal(await startIsolation(PAGE, win), false);
    win.fire("container", "controllerchange");
    await settle();
    assert.equal(win.reloads, 0);
    assert.equal(win.registered.length, 1); // still registered, for caching
  }
});

test("without storage for the guard, no reload at all", async () => {
  const win = fakeWindow({ storage: { getItem: () => { throw new Error("SecurityError"); }, setItem: () => {} } });
  assert.equal(await startIsolation(PAGE, win), false);
  win.fire("container", "controllerchange");
  assert.equal(win.reloads, 0);
});

test("nothing happens without service workers, a secure context, the site's opt-in, or when registration fails", async () => {
  const none = fakeWindow();
  delete none.navigator.serviceWorker;
  startIsolation(PAGE, none);
  for (const win of [fakeWindow({ secure: false }), fakeWindow({ optIn: false })]) {
    startIsolation(PAGE, win);
    await settle();
    assert.deepEqual(win.registered, []);
  }
  const wrongPlace = fakeWindow();
  startIsolation("https://user.github.io/docs/dist/page.js", wrongPlace);
  await settle();
  assert.deepEqual(wrongPlace.registered, []);
  const failing = fakeWindow({ register: () => Promise.reject(new DOMException("denied", "SecurityError")) });
  assert.equal(await startIsolation(PAGE, failing), false); // an unhandled rejection would fail the run
  const throwing = fakeWindow({ register: () => { throw new Error("private mode"); } });
  assert.equal(await startIsolation(PAGE, throwing), false);
  assert.equal(failing.reloads + throwing.reloads, 0);
});

test("a worker that never takes control holds Python back for waitMs at most", async () => {
  const win = fakeWindow();
  win.setTimeout = setTimeout;
  const started = Date.now();
  assert.equal(await startIsolation(PAGE, win, { waitMs: 50 }), false);
  assert.ok(Date.now() - started < 1000);
});
