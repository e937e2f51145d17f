// The service worker's decisions, kept pure so Node tests can check them: which requests
// it answers and how, the isolation headers it adds, and the names of its caches.

export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

// Fixed for a build: Pyodide's files, the page bundle, the worker and the runtime wheel.
const IMMUTABLE = ["assets/pyodide/", "assets/streamlet/"];
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * How the worker answers `request` (a Request or {url, method, headers}) for the site whose
 * root is `scope` (a URL ending in "/"):
 * - "pass": not at all (other origins, non-GET): the browser fetches it untouched;
 * - "network": from the network, with the isolation headers, never cached (range requests,
 *   same-origin paths outside the site);
 * - "cache-first": the site's fixed assets;
 * - "network-first": pages (every navigation) and every other file of the site, the cache as
 *   offline fallback.
 */
export function strategyFor(request, scope) {
  const url = new URL(request.url);
  const root = new URL(scope);
  if (request.method !== "GET" || url.origin !== root.origin) return "pass";
  if (request.headers?.has?.("range")) return "network";
  if (!url.pathname.startsWith(root.pathname)) return "network";
  const path = url.pathname.slice(root.pathname.length);
  // A navigation (even to an asset, opened in a tab) is a page: network-first.
  const asset = request.mode !== "navigate" && IMMUTABLE.some((prefix) => path.startsWith(prefix));
  return asset ? "cache-first" : "network-first";
}

/** Only complete, successful, same-origin answers are kept. */
export function cacheable(response) {
  return response.status === 200 && response.type === "basic" && !response.redirected;
}

/**
 * `response` with COOP, COEP and CORP added; status, status text, body and the other headers
 * are kept. Opaque and redirected responses cannot be rebuilt without losing what they are
 * (a redirect's target, the final URL relative imports resolve against): they pass as they are.
 */
export function withIsolation(response) {
  if (response.status === 0 || response.redirected || response.type === "opaque" || response.type === "opaqueredirect") {
    return response;
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(NULL_BODY.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Whether `response` carries the isolation headers already (what the worker keeps does): it can go out as it is. */
export function isolatedAlready(response) {
  return Object.entries(ISOLATION_HEADERS).every(([name, value]) => response.headers.get(name) === value);
}

/** One cache per site (its scope: several sites can share an origin) and build. */
export function cacheName(scope, version) {
  return `streamlet ${scope} ${version}`;
}

/** Whether `name` is one of this site's caches, of any build. */
export function isSiteCache(name, scope) {
  return name.startsWith(`streamlet ${scope} `);
}

/** This site's caches of other builds: the ones activation deletes. */
export function isStaleCache(name, scope, version) {
  return isSiteCache(name, scope) && name !== cacheName(scope, version);
}

/**
 * This site's caches of other builds that hold the same Pyodide: a version is
 * "<site hash>.<Pyodide hash>", so a rebuild of the docs alone keeps Pyodide's files.
 */
export function samePyodideCaches(names, scope, version) {
  const pyodide = version.slice(version.lastIndexOf(".") + 1);
  return names.filter((name) => isStaleCache(name, scope, version) && name.endsWith(`.${pyodide}`));
}

export const PYODIDE_PATH = IMMUTABLE[0];
