// Material's search worker, held back while Python starts. On a page with live blocks the docs plugin
// points Material's `__config.search` here (assets/javascripts/workers/streamlet-search.js, next to
// Material's own worker, whose lunr language files are found relative to it), with the real worker's
// file name written in. Material posts its index at once; building it (lunr, tens of ms of CPU) would
// share the reader's cores with Python's start. The messages are held until the page says Python is
// ready or failed, or the reader goes to the search box (search-gate.js), or WAIT_MS pass; then the
// real worker is imported and gets them in order.
/* global __STREAMLET_SEARCH_WORKER__ */
import { SEARCH_CHANNEL } from "./search-gate.js";

const WAIT_MS = 4000;
const held = [];
const hold = (event) => {
  held.push(event.data);
  event.stopImmediatePropagation();
};
let channel = null;
let timer = null;
let started = false;

function start() {
  if (started) return;
  started = true;
  clearTimeout(timer);
  channel?.close();
  self.removeEventListener("message", hold);
  importScripts(__STREAMLET_SEARCH_WORKER__);
  for (const data of held.splice(0)) self.dispatchEvent(new MessageEvent("message", { data }));
}

self.addEventListener("message", hold);
if (typeof BroadcastChannel === "function") {
  channel = new BroadcastChannel(SEARCH_CHANNEL);
  channel.onmessage = (event) => {
    if (event.data === "start") start();
  };
  channel.postMessage("waiting"); // a page that is past Python's start answers at once
  timer = setTimeout(start, WAIT_MS);
} else {
  start();
}
