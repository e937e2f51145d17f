// Entry point on every page: turns each div.st-live into a live block. The first paint
// uses the tree the build embedded; Python starts when a block comes near the viewport
// or on the first interaction, in one module worker shared by the page's blocks.

import { Client } from "./client.js";
import { translator } from "./i18n.js";
import { startIsolation } from "./isolation.js";
import { h } from "./dom.js";
import { NEAR_PX, WORKER_OPTIONS, hasEarlyWorker, nearViewport, takeEarlyWorker } from "./head-start.js";
import { LiveBlock } from "./live-block.js";
import { setupPickers } from "./picker.js";
import { searchGate } from "./search-gate.js";
import { parseShareHash } from "./share.js";

const NEAR_VIEWPORT = `${NEAR_PX}px`;
const LOAD_TIMEOUT_SECONDS = 120;

/** How long loading Python may take before the blocks offer Retry: `<meta name="streamlet-load-timeout" content="120">`. */
function loadTimeoutMs() {
  const seconds = Number(document.querySelector('meta[name="streamlet-load-timeout"]')?.content);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : LOAD_TIMEOUT_SECONDS) * 1000;
}

function readData(root) {
  const script = root.querySelector("script.st-live-data");
  if (!script) return null;
  try {
    const data = JSON.parse(script.textContent);
    return data && typeof data.code === "string" ? data : null;
  } catch {
    return null;
  }
}

/** Session names are block ids; a repeated id gets "-2", "-3", ... so no two blocks share state. */
function uniqueNames() {
  const seen = new Map();
  return (id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  };
}

function interruptBuffer() {
  // SharedArrayBuffer exists only where the page is cross-origin isolated (COOP + COEP).
  if (!globalThis.crossOriginIsolated || typeof SharedArrayBuffer !== "function") return null;
  return new Int32Array(new SharedArrayBuffer(4));
}

const MAX_NAME = 80;

/** The share link in the address bar: null, `{session, code}` or `{session, error}` (see share.js). */
function readShareLink() {
  return parseShareHash(location.hash, { isAnchor: (id) => document.getElementById(id) !== null });
}

/** Scroll so the element's top, and the block's toolbar under it, sit below Material's sticky header. */
function reveal(element) {
  const header = document.querySelector(".md-header");
  const covered = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  element.style.scrollMarginTop = `${Math.ceil(covered) + 8}px`;
  element.scrollIntoView({ block: "start" });
}

/**
 * Shows what share links bring. A whole link loads its code into its block's editor with the
 * "read it, then press Run" note; nothing runs until the reader presses Run. A damaged link
 * leaves the documented example as it is and says so: in the block it names, or, when no
 * block has that name, in a banner above the page's first block.
 */
function shareLinks(blocks, t, startPython) {
  let banner = null;
  return {
    open(link, { loaded = false } = {}) {
      banner?.remove();
      banner = null;
      for (const block of blocks) block.showLinkProblem(null);
      const block = link.session === null ? undefined : blocks.find((b) => b.session === link.session);
      if (block && "code" in link) {
        if (!loaded) block.loadShared(link.code);
        startPython(); // so that Run answers sooner
        reveal(block.root);
      } else if (block) {
        block.showLinkProblem(t("linkDamaged"));
        reveal(block.root);
      } else {
        const chars = link.session === null ? null : [...link.session.slice(0, 2 * MAX_NAME)];
        const name = chars && (chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME).join("")}…` : chars.join(""));
        const text = name === null ? t("linkUnreadable") : t("linkUnknown", { name });
        banner = h(document, "div", { class: "st-live-link-banner", role: "alert", text });
        blocks[0].root.before(banner);
        reveal(banner);
      }
    },
  };
}

function setup() {
  const roots = [...document.querySelectorAll("div.st-live:not(.st-live-active)")];
  if (roots.length === 0) return;
  const t = translator(document.documentElement.lang);
  const client = new Client({
    // The worker early.js started on a return visit (head-start.js), else a new one.
    spawn: () => takeEarlyWorker() ?? new Worker(new URL("./worker.js", import.meta.url), WORKER_OPTIONS),
    interruptBuffer: interruptBuffer(),
    loadTimeoutMs: loadTimeoutMs(),
  });
  // Material's search index is built once Python is up (or failed), not while it starts.
  const releaseSearch = searchGate();
  client.on((event) => {
    if (event.type === "state" && (event.state === "ready" || event.state === "failed")) releaseSearch();
  });
  // Python starts once the service worker has decided against a reload (see isolation.js).
  const startPython = () => isolation.then((reloading) => reloading || client.start());
  const name = uniqueNames();
  const shared = readShareLink();
  const blocks = [];
  for (const root of roots) {
    const data = readData(root);
    if (!data) continue;
    const session = name(String(data.id ?? root.dataset.id ?? "block"));
    const sharedCode = shared && "code" in shared && shared.session === session ? shared.code : null;
    blocks.push(new LiveBlock(root, { data, session, client, t, sharedCode }));
  }
  if (blocks.length === 0) return;

  // A block already in view starts Python now, not a frame later when the observer first reports;
  // so does a worker early.js started.
  if (hasEarlyWorker() || blocks.some((block) => nearViewport(block.root))) {
    startPython();
  } else if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          startPython();
        }
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    for (const block of blocks) observer.observe(block.root);
  } else {
    startPython();
  }

  // However a share link arrives (the first load, a link pasted into the address bar, back
  // and forward, or another window setting this tab's URL), its code is only shown for review.
  const links = shareLinks(blocks, t, startPython);
  if (shared) links.open(shared, { loaded: true });
  window.addEventListener("hashchange", () => {
    const link = readShareLink();
    if (link) links.open(link);
  });
  setupPickers(blocks, t);
}

// The site's service worker: cross-origin isolation on any host, pages kept for offline reading.
// On a first visit the page may reload once to become isolated; Python waits for that decision,
// so the reload does not throw away a download under way.
const isolation = startIsolation(import.meta.url);

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup, { once: true });
else setup();
