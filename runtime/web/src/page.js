// Entry point on every page: turns each div.st-live into a live block. The first paint
// uses the tree the build embedded; Python starts when a block comes near the viewport
// or on the first interaction, in one module worker shared by the page's blocks.

import { Client } from "./client.js";
import { translator } from "./i18n.js";
import { startIsolation } from "./isolation.js";
import { LiveBlock } from "./live-block.js";
import { parseShareHash } from "./share.js";

const WATCHDOG_SECONDS = 10;
const NEAR_VIEWPORT = "300px";

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

function setup() {
  const roots = [...document.querySelectorAll("div.st-live:not(.st-live-active)")];
  if (roots.length === 0) return;
  const t = translator(document.documentElement.lang);
  const client = new Client({
    spawn: () => new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "streamlet" }),
    interruptBuffer: interruptBuffer(),
    watchdogMs: WATCHDOG_SECONDS * 1000,
  });
  const name = uniqueNames();
  const shared = parseShareHash(location.hash);
  const blocks = [];
  for (const root of roots) {
    const data = readData(root);
    if (!data) continue;
    const session = name(String(data.id ?? root.dataset.id ?? "block"));
    const sharedCode = shared?.session === session ? shared.code : null;
    blocks.push(new LiveBlock(root, { data, session, client, t, sharedCode, watchdogSeconds: WATCHDOG_SECONDS }));
    if (sharedCode !== null) {
      client.start();
      root.scrollIntoView({ block: "start" });
    }
  }
  if (blocks.length === 0) return;

  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          client.start();
        }
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    for (const block of blocks) observer.observe(block.root);
  } else {
    client.start();
  }

  // A share link pasted into the address bar of a page that is already open.
  window.addEventListener("hashchange", () => {
    const link = parseShareHash(location.hash);
    const block = link && blocks.find((b) => b.session === link.session);
    if (!block) return;
    block.editor.value = link.code;
    block.sharedNote.hidden = false;
    block.toggleEditor(true, { focus: false });
    block.root.scrollIntoView({ block: "start" });
    block.runEditor();
  });
}

// The site's service worker: cross-origin isolation on any host, pages kept for offline reading.
startIsolation(import.meta.url);

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup, { once: true });
else setup();
