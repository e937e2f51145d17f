// The site's own service worker, served from the site root (bundled as a classic script).
//
// 1. Cross-origin isolation on any host: it adds COOP, COEP and CORP to the site's own
//    responses, so a static host that sends no such headers still gets a cross-origin
//    isolated page (SharedArrayBuffer, so Stop interrupts Python; no opener can reach the tab).
// 2. Caching: one cache per build. Pyodide, the runtime and the page bundle are cache-first;
//    pages and other files of the site are network-first with the cache as offline fallback.
//    A rebuilt site has another VERSION, hence another sw.js: the browser installs it, it
//    takes over at once and deletes this site's caches of other builds (after keeping their
//    Pyodide files when Pyodide did not change).
//
// Requests to other origins and non-GET requests are not touched at all.

import {
  PYODIDE_PATH,
  cacheable,
  cacheName,
  isolatedAlready,
  isStaleCache,
  samePyodideCaches,
  strategyFor,
  withIsolation,
} from "./sw-policy.js";

// "<hash of the built site>.<hash of its Pyodide files>", written in by the docs plugin.
const VERSION = "__STREAMLET_BUILD_VERSION__";
const SCOPE = self.registration.scope;
const CACHE = cacheName(SCOPE, VERSION);

self.addEventListener("install", (event) => {
  // Nothing is downloaded here: the first visit fetches Pyodide once, through the fetch handler
  // (precaching measured slower). A rebuild that kept Pyodide keeps its cached files.
  self.skipWaiting();
  event.waitUntil(keepPyodide().catch(() => {}));
});

async function keepPyodide() {
  const names = samePyodideCaches(await caches.keys(), SCOPE, VERSION);
  if (names.length === 0) return;
  const cache = await caches.open(CACHE);
  const prefix = new URL(PYODIDE_PATH, SCOPE).href;
  for (const name of names) {
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const response = request.url.startsWith(prefix) ? await old.match(request) : null;
      if (response) await cache.put(request, response);
    }
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => isStaleCache(name, SCOPE, VERSION)).map((name) => caches.delete(name)));
      // Opened now, so that it exists for a Python worker that started before this took over and
      // keeps its inflated copies there (copies.js), even when no request has been cached yet.
      await caches.open(CACHE);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const strategy = strategyFor(event.request, SCOPE);
  if (strategy !== "pass") event.respondWith(answer(event, strategy));
});

async function answer(event, strategy) {
  const request = event.request;
  if (strategy === "network") return withIsolation(await fetch(request));
  const cache = await caches.open(CACHE);
  // Kept with the isolation headers already added, so a hit goes out as the cache gives it: its
  // body is read by the browser, not piped through this worker's JavaScript.
  const keep = (response) => {
    const isolated = withIsolation(response);
    if (cacheable(response)) event.waitUntil(cache.put(request, isolated.clone()).catch(() => {}));
    return isolated;
  };
  if (strategy === "cache-first") {
    const hit = await cache.match(request);
    if (hit) return isolatedAlready(hit) ? hit : withIsolation(hit);
    // Revalidate with the server: an HTTP-cached copy may belong to the previous build.
    return keep(await fetch(request, { cache: "no-cache" }));
  }
  try {
    return keep(await fetch(request));
  } catch (err) {
    // Offline: the copy kept from the last visit (a page's query string does not matter).
    const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (hit) return isolatedAlready(hit) ? hit : withIsolation(hit);
    throw err;
  }
}
