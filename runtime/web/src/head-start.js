// A return visit's head start. page.js runs once the whole page is parsed and Material's own
// script has run (about 0.2 s after navigation on the home page); on a page the site's service
// worker already controls, a small script inside the page's first live block (early.js, written
// into the page by the docs plugin) starts Python's worker while the parser is still there, and
// page.js takes that worker over instead of starting its own.
//
// Only where page.js would start Python at once anyway: the page is controlled (a reader who came
// before, so the files are in the service worker's cache and isolation.js will not reload the
// page) and the block is near the viewport. What the worker posts before page.js takes it is
// held, and delivered in order once page.js has set its handlers.
//
// Earlier still: an inline script in the body runs only once the stylesheets above it are loaded,
// about 50 ms after navigation on a return visit. So the plugin also writes head.js first thing in
// the page's <head>, before any stylesheet: on a controlled page it starts the worker at once,
// viewport unknown. early.js, with layout known, then keeps that worker if its block is near the
// viewport, and ends it otherwise (page.js then starts one when the reader comes near, as usual).

export const NEAR_PX = 300;
export const WORKER_OPTIONS = { type: "module", name: "streamlet" };
const KEY = "streamletEarlyWorker";
const PAGE_CSS = "assets/streamlet/page.css";

/** Whether `element`'s box is within NEAR_PX of the viewport (one layout, done at once). */
export function nearViewport(element, win = globalThis) {
  const rect = element.getBoundingClientRect();
  return rect.bottom > -NEAR_PX && rect.top < win.innerHeight + NEAR_PX;
}

function controlled(win) {
  return Boolean(win.navigator?.serviceWorker?.controller) && typeof win.Worker === "function";
}

/**
 * Called by head.js with its own script element, whose data-worker attribute (written by the plugin,
 * relative to the page: no link is parsed yet) names the worker: starts it on a controlled page.
 */
export function startFromHead(script, win = globalThis) {
  const url = script?.dataset?.worker;
  script?.remove();
  if (!url || !controlled(win)) return null;
  return start(new URL(url, win.document.baseURI), win);
}

/** Called by early.js with its own script element: starts the worker when it should; returns it or null. */
export function startEarly(script, win = globalThis) {
  const block = script?.parentElement;
  script?.remove();
  const early = win[KEY];
  if (early) {
    // head.js started it without knowing the layout: keep it only where page.js would start one now.
    if (block && nearViewport(block, win)) return early.worker;
    delete win[KEY];
    early.worker.terminate();
    return null;
  }
  // The worker sits next to page.css, which the page's head links (extra_css).
  const css = win.document.querySelector(`link[rel="stylesheet"][href$="${PAGE_CSS}"]`);
  if (!block || !css || !controlled(win)) return null;
  if (!nearViewport(block, win)) return null;
  return start(new URL("worker.js", css.href), win);
}

/** Starts the worker, loading at once, and keeps it with what it posts until page.js takes it. */
function start(url, win) {
  const worker = new win.Worker(url, WORKER_OPTIONS);
  const held = [];
  worker.onmessage = (event) => held.push(event);
  worker.onerror = (event) => {
    event.preventDefault(); // page.js shows it in the blocks, as any failure to load
    held.push(event);
  };
  worker.postMessage({ type: "init" });
  win[KEY] = { worker, held };
  return worker;
}

/** Whether a worker started early waits to be taken. */
export function hasEarlyWorker(win = globalThis) {
  return Boolean(win[KEY]);
}

/**
 * The worker started early, or null; once. The caller sets its handlers at once (synchronously);
 * what the worker posted meanwhile reaches them in a microtask, before anything it posts later.
 */
export function takeEarlyWorker(win = globalThis) {
  const early = win[KEY];
  if (!early) return null;
  delete win[KEY];
  const { worker, held } = early;
  worker.onmessage = null;
  worker.onerror = null;
  win.queueMicrotask(() => {
    for (const event of held) (event.type === "error" ? worker.onerror : worker.onmessage)?.call(worker, event);
  });
  return worker;
}
