// Registers the site's own service worker (sw.js at the site root; see sw.js), which makes
// the page cross-origin isolated on hosts that send no COOP/COEP headers and keeps visited
// pages readable offline. A page loaded before the worker controlled it is reloaded once,
// and only if that makes it isolated and the reader has not touched a live block yet.
// Where service workers are unavailable, nothing happens and nothing is logged. The site's
// pages opt in with <meta name="streamlet-service-worker"> (the docs plugin writes it).

const RELOADED = "streamlet-isolation-reload";
const PAGE_BUNDLE = "assets/streamlet/page.js";

/** The site root (the worker's scope) from the page bundle's URL, <root>/assets/streamlet/page.js. */
export function siteRoot(pageUrl) {
  const url = new URL(pageUrl);
  if (!url.pathname.endsWith(`/${PAGE_BUNDLE}`)) return null;
  return new URL(url.pathname.slice(0, -PAGE_BUNDLE.length), url).href;
}

/** Marks this tab as reloaded once; false (no reload) when it was, or when no mark can be kept. */
function markReload(win) {
  try {
    const storage = win.sessionStorage;
    if (storage.getItem(RELOADED)) return false;
    storage.setItem(RELOADED, "1");
    return true;
  } catch {
    return false; // storage disabled: without a guard against loops, no reload at all
  }
}

export function startIsolation(pageUrl, win = globalThis) {
  const container = win.navigator?.serviceWorker;
  const root = siteRoot(pageUrl);
  // Only the built site ships sw.js and says so; other pages using the bundle (tests) do not.
  const optedIn = win.document?.querySelector?.('meta[name="streamlet-service-worker"]');
  if (!root || !optedIn || !container || !win.isSecureContext) return;
  const wasControlled = Boolean(container.controller);
  if (!win.crossOriginIsolated && !wasControlled) {
    let interacted = false;
    const touched = (event) => {
      if (event.target?.closest?.(".st-live")) interacted = true;
    };
    for (const type of ["pointerdown", "keydown", "input"]) {
      win.document.addEventListener(type, touched, { capture: true, passive: true });
    }
    // The worker took control: the next load of this page gets its headers.
    container.addEventListener("controllerchange", () => {
      if (!interacted && markReload(win)) win.location.reload();
    }, { once: true });
  }
  // A private window or a blocked worker rejects; the page simply works as before.
  Promise.resolve()
    .then(() => container.register(new URL("sw.js", root).href, { scope: root }))
    .catch(() => {});
}
