// Written by the docs plugin into the page's first live block as an inline script: starts Python's
// worker early on a return visit (see head-start.js).
import { startEarly } from "./head-start.js";

try {
  startEarly(document.currentScript);
} catch {
  // page.js starts the worker as usual
}
