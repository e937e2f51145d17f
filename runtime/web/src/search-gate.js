// The page's side of search-later.js: tells Material's held search worker to start building its
// index once Python is ready or has failed (`release`), or as soon as the reader goes to the search
// box. Same-origin pages share the channel; a worker that asks after the release is answered.

export const SEARCH_CHANNEL = "streamlet-search";

/** Returns `release()`; listens for the reader reaching the search box meanwhile. `channel`: the page's end of SEARCH_CHANNEL. */
export function searchGate(doc = globalThis.document, channel = globalThis.BroadcastChannel && new BroadcastChannel(SEARCH_CHANNEL)) {
  if (!channel) return () => {};
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    channel.postMessage("start");
  };
  channel.onmessage = (event) => {
    if (event.data === "waiting" && released) channel.postMessage("start");
  };
  doc?.addEventListener?.("focusin", (event) => {
    if (event.target?.closest?.('[data-md-component="search"]')) release();
  });
  return release;
}
