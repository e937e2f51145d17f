// Inflated copies of the files the site ships gzipped (the memory snapshot, Pyodide's wasm).
//
// A first visit fetches the .gz and inflates it in the worker (gzip.js). Once Python is ready,
// the worker keeps what it inflated in the service worker's cache of this build, under the
// file's name without ".gz", so that the next visit reads the bytes as they are: no
// DecompressionStream (about 0.2 s of the worker's time for 31.5 MB of snapshot and 9.6 MB of
// wasm), and Pyodide compiles its wasm from a Response of the cache. Each copy carries a tag
// (what it was made for: the runtime wheel's SHA-256, the Pyodide version) and a copy with
// another tag is not used. Only where the site's service worker keeps a cache (see sw.js, and
// sw-policy.js for the cache's name) is anything kept; the service worker deletes the copies
// with the rest of a build's cache.
// Pure apart from the cache storage it is given, so Node tests drive it.

import { ISOLATION_HEADERS, isSiteCache } from "./sw-policy.js";

export const TAG_HEADER = "X-Streamlet-Copy-Of";
const WORKER_PATH = "assets/streamlet/worker.js";

/** The site root (the service worker's scope) from the worker's URL, <root>/assets/streamlet/worker.js. */
export function siteScope(workerUrl) {
  const url = new URL(workerUrl);
  if (!url.pathname.endsWith(`/${WORKER_PATH}`)) return null;
  return new URL(url.pathname.slice(0, -WORKER_PATH.length), url).href;
}

/** Where the inflated copy of `gzUrl` is kept: its URL without ".gz". */
export function copyUrl(gzUrl) {
  return String(gzUrl).replace(/\.gz$/, "");
}

export class Copies {
  /** `scope`: the site root, or null where there is no site (then nothing is found or kept). */
  constructor(scope, { cacheStorage = globalThis.caches } = {}) {
    this.scope = scope;
    this.cacheStorage = scope ? cacheStorage : null;
    this.pending = [];
  }

  /** This site's caches, newest first (cache storage lists names in the order they were made). */
  async caches() {
    if (!this.cacheStorage) return [];
    const names = (await this.cacheStorage.keys()).filter((name) => isSiteCache(name, this.scope));
    return Promise.all(names.reverse().map((name) => this.cacheStorage.open(name)));
  }

  /**
   * The inflated copy of `gzUrl` made for `tag` (or a promise of it; a Response from the cache), or null.
   * Asked of all caches at once first (one round trip to the browser, where listing and opening them
   * takes three, each slow while the page is still loading); their listing is walked, newest first,
   * only when that finds a copy made for something else (an older build's cache not deleted yet).
   */
  async find(gzUrl, tag) {
    if (!this.cacheStorage) return null;
    try {
      const url = copyUrl(gzUrl);
      const first = await this.cacheStorage.match(url);
      if (!first) return null;
      const wanted = await tag;
      if (first.headers.get(TAG_HEADER) === wanted) return first;
      for (const cache of await this.caches()) {
        const hit = await cache.match(url);
        if (hit) return hit.headers.get(TAG_HEADER) === wanted ? hit : null;
      }
    } catch {
      // no cache storage here, or it failed: inflate as on a first visit
    }
    return null;
  }

  /** Remember `parts` (the inflated bytes, or promises of them) as the copy of `gzUrl` for `tag`; `save` writes it. */
  keep(gzUrl, tag, type, parts) {
    this.pending.push({ url: copyUrl(gzUrl), tag, type, parts });
  }

  /**
   * Write what `keep` remembered into this build's cache (the newest). Never rejects: a copy is only a
   * shortcut. The cache may not exist yet: on a first visit to a host that sends COOP/COEP itself, the
   * worker can start before the service worker is active (it opens its cache when it activates), so
   * the cache is looked for again `tries` times, `pauseMs` apart, before the copies are given up.
   */
  async save({ tries = 20, pauseMs = 500 } = {}) {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    try {
      let [cache] = await this.caches();
      for (let tried = 1; !cache && tried < tries && this.cacheStorage; tried += 1) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
        [cache] = await this.caches();
      }
      if (!cache) return;
      for (const { url, tag, type, parts } of pending) {
        const headers = { ...ISOLATION_HEADERS, "Content-Type": type, [TAG_HEADER]: tag };
        // A Blob, not a stream: the entry appears whole or not at all, even when the tab closes meanwhile.
        const body = new Blob(await Promise.all(parts));
        await cache.put(url, new Response(body, { headers }));
      }
    } catch {
      // quota, a closed tab, a part that failed: the next visit inflates again
    }
  }

  /** Delete the copy of `gzUrl` (one that did not work). */
  async drop(gzUrl) {
    try {
      for (const cache of await this.caches()) await cache.delete(copyUrl(gzUrl));
    } catch {
      // nothing to delete
    }
  }
}
