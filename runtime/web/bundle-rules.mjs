// What the page bundle takes from node_modules in place of a package's default for browsers.
//
// decode-named-character-reference (micromark's entity decoder) decodes an entity through
// innerHTML in its browser build; the page parses no markup anywhere, so the bundle takes its
// table-based build, the one Node runs in the tests.

import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const noMarkupParsing = {
  name: "no-markup-parsing",
  setup(build) {
    build.onResolve({ filter: /^decode-named-character-reference$/ }, () => ({
      path: path.join(root, "node_modules", "decode-named-character-reference", "index.js"),
    }));
  },
};
