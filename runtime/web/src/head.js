// Written by the docs plugin first thing in the <head> of a page with live blocks: starts Python's
// worker on a return visit before the stylesheets load (see head-start.js).
import { startFromHead } from "./head-start.js";

try {
  startFromHead(document.currentScript);
} catch {
  // early.js or page.js starts the worker as usual
}
