// What the page bundle takes from node_modules in place of a package's default for browsers.
//
// decode-named-character-reference (micromark's entity decoder) decodes an entity through
// innerHTML in its browser build, and its other build holds HTML's whole table (12 kB gzipped).
// The page parses no markup anywhere and carries the table only when a text needs it: the bundle
// takes src/entities.js, a few common names and the table as a chunk loaded on demand.

import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const noMarkupParsing = {
  name: "no-markup-parsing",
  setup(build) {
    build.onResolve({ filter: /^decode-named-character-reference$/ }, () => ({
      path: path.join(root, "runtime", "web", "src", "entities.js"),
    }));
  },
};
