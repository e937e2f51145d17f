// The one way this bundle makes DOM: createElement, properties, attributes and text
// nodes. Nothing here parses HTML, so no text from Python, a label or a URL can run.

// Set as properties (they are live state, not just initial attributes).
const PROPERTIES = new Set(["value", "checked", "disabled", "hidden", "selected", "open", "indeterminate"]);

/**
 * `h(doc, "button", {class: "st-button", onclick: fn, title: "..."}, ["Run"])`.
 * `class` sets className, `text` sets textContent, `on*` adds listeners; null, undefined
 * and false leave a key out. String children become text nodes.
 */
export function h(doc, tag, attrs = {}, children = []) {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(doc, el, children);
  return el;
}

export function append(doc, parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return parent;
}
