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

/** Whether this tab may still reload once: never when it did, or when no guard can be kept. */
function mayReload(win) {
  try {
    return !win.sessionStorage.getItem(RELOADED);
  } catch {
    return false; // storage disabled: without a guard against loops, no reload at all
  }
}

function markReload(win) {
  try {
    win.sessionStorage.setItem(RELOADED, "1");
    return win.sessionStorage.getItem(RELOADED) === "1";
  } catch {
    return false;
  }
}

/**
 * Registers the worker. Returns a promise of whether this page is about to reload: false at
 * once when no reload can come, else when the worker took control (or failed to), when the
 * reader touched a block, or after `waitMs`. Starting Python only after it spares a first
 * visit a download that the reload would throw away.
 */
export function startIsolation(pageUrl, win = globalThis, { waitMs = 3000 } = {}) {
  const container = win.navigator?.serviceWorker;
  const root = siteRoot(pageUrl);
  // Only the built site ships sw.js and says so; other pages using the bundle (tests) do not.
  const optedIn = win.document?.querySelector?.('meta[name="streamlet-service-worker"]');
  if (!root || !optedIn || !container || !win.isSecureContext) return Promise.resolve(false);
  let settle = () => {};
  const decided = new Promise((resolve) => {
    settle = resolve;
  });
  // Only a page with live blocks needs isolation now; on others (the 404, a page of prose) the
  // worker just registers, and the next page the reader opens is isolated from its first load.
  const hasBlocks = Boolean(win.document?.querySelector?.(".st-live"));
  if (hasBlocks && !win.crossOriginIsolated && !container.controller && mayReload(win)) {
    let interacted = false;
    const touched = (event) => {
      if (event.target?.closest?.(".st-live")) {
        interacted = true;
        settle(false);
      }
    };
    for (const type of ["pointerdown", "keydown", "input"]) {
      win.document.addEventListener(type, touched, { capture: true, passive: true });
    }
    // The worker took control: the next load of this page gets its headers.
    container.addEventListener("controllerchange", () => {
      const reload = !interacted && markReload(win);
      settle(reload);
      if (reload) win.location.reload();
    }, { once: true });
    win.setTimeout?.(() => settle(false), waitMs);
  } else {
    settle(false);
  }
  // A private window or a blocked worker rejects; the page simply works as before.
  Promise.resolve()
    .then(() => container.register(new URL("sw.js", root).href, { scope: root }))
    .catch(() => settle(false));
  return decided;
}
