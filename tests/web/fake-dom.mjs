// Just enough of a DOM for the renderers to run in Node: elements, text nodes, fragments,
// attributes, listeners and simple selectors. Any use of innerHTML, outerHTML or
// insertAdjacentHTML throws, so a test fails the moment markup would be parsed.

class Node {
  constructor(doc) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
  }

  get textContent() {
    return this.childNodes.map((child) => child.textContent).join("");
  }

  set textContent(value) {
    this.replaceChildren(this.ownerDocument.createTextNode(String(value)));
  }

  append(...nodes) {
    for (const node of nodes) {
      const items = typeof node === "string" ? [this.ownerDocument.createTextNode(node)] : node.isFragment ? [...node.childNodes] : [node];
      if (node.isFragment) node.childNodes = [];
      for (const item of items) {
        item.parentNode?.removeChild(item);
        item.parentNode = this;
        this.childNodes.push(item);
      }
    }
  }

  appendChild(node) {
    this.append(node);
    return node;
  }

  removeChild(node) {
    this.childNodes = this.childNodes.filter((child) => child !== node);
    node.parentNode = null;
    return node;
  }

  replaceChildren(...nodes) {
    for (const child of this.childNodes) child.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }

  remove() {
    this.parentNode?.removeChild(this);
  }

  insertSibling(offset, nodes) {
    const parent = this.parentNode;
    const items = nodes.flatMap((n) => (n.isFragment ? [...n.childNodes] : [n]));
    for (const item of items) item.parentNode?.removeChild(item);
    const at = parent.childNodes.indexOf(this) + offset;
    parent.childNodes.splice(at, 0, ...items);
    for (const item of items) item.parentNode = parent;
  }

  before(...nodes) {
    this.insertSibling(0, nodes);
  }

  after(...nodes) {
    this.insertSibling(1, nodes);
  }

  contains(node) {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }

  get children() {
    return this.childNodes.filter((child) => child instanceof Element);
  }

  /** Every element below, depth first. */
  *descendants() {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }

  querySelectorAll(selector) {
    return [...this.descendants()].filter((el) => el.matches(selector));
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

class Text extends Node {
  constructor(doc, value) {
    super(doc);
    this.data = value;
  }

  get textContent() {
    return this.data;
  }

  set textContent(value) {
    this.data = String(value);
  }

  isEqualNode(other) {
    return other instanceof Text && other.textContent === this.textContent;
  }
}

class Fragment extends Node {
  get isFragment() {
    return true;
  }
}

const forbidden = () => {
  throw new Error("markup parsing is not allowed");
};

export class Element extends Node {
  constructor(doc, tag) {
    super(doc);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = new Map();
    this.style = {};
    this.className = "";
    this.hidden = false;
    this.disabled = false;
    const el = this;
    this.classList = {
      add: (...names) => names.forEach((n) => el.classList.toggle(n, true)),
      remove: (...names) => names.forEach((n) => el.classList.toggle(n, false)),
      contains: (name) => el.className.split(/\s+/).includes(name),
      toggle(name, force) {
        const names = el.className.split(/\s+/).filter(Boolean);
        const on = force ?? !names.includes(name);
        el.className = (on ? [...new Set([...names, name])] : names.filter((n) => n !== name)).join(" ");
        return on;
      },
    };
  }

  /** As the DOM's: same tag, attributes, classes, the reflected flags and equal children. */
  isEqualNode(other) {
    if (!(other instanceof Element) || other.tagName !== this.tagName || other.className !== this.className) return false;
    if (other.hidden !== this.hidden || other.disabled !== this.disabled) return false;
    if (other.attributes.size !== this.attributes.size) return false;
    for (const [name, value] of this.attributes) if (other.attributes.get(name) !== value) return false;
    return other.childNodes.length === this.childNodes.length
      && this.childNodes.every((child, i) => child.isEqualNode(other.childNodes[i]));
  }

  set innerHTML(_) {
    forbidden();
  }

  set outerHTML(_) {
    forbidden();
  }

  insertAdjacentHTML() {
    forbidden();
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
    if (name === "id") this.id = String(value);
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  addEventListener(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(listener);
  }

  /** Test helper: run the listeners of `type` with a minimal event. */
  fire(type, fields = {}) {
    const event = { type, target: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...fields };
    for (const listener of this.listeners.get(type) ?? []) listener(event);
    return event;
  }

  click() {
    this.fire("click");
  }

  focus() {
    this.ownerDocument.activeElement = this;
  }

  // Compound selectors ("tag", ".a.b", "tag[attr=value]", ":not(.c)"), descendant
  // combinators ("details pre") and comma lists: what the tests need, nothing more.
  matches(selector) {
    return selector.split(",").some((one) => {
      const parts = one.trim().split(/\s+/);
      if (!this.matchesCompound(parts.at(-1))) return false;
      let ancestor = this.parentNode;
      for (let i = parts.length - 2; i >= 0; i -= 1) {
        while (ancestor && !(ancestor instanceof Element && ancestor.matchesCompound(parts[i]))) ancestor = ancestor.parentNode;
        if (!ancestor) return false;
        ancestor = ancestor.parentNode;
      }
      return true;
    });
  }

  matchesCompound(compound) {
    const m = /^([a-z0-9]*)((?:\.[\w-]+)*)(?:\[([\w-]+)(?:="?([^"\]]*)"?)?\])?(?::not\(\.([\w-]+)\))?$/i.exec(compound);
    if (!m) throw new Error(`fake DOM: unsupported selector ${compound}`);
    const [, tag, classes, attr, value, not] = m;
    if (tag && this.tagName !== tag.toUpperCase()) return false;
    const own = this.className.split(/\s+/);
    if (classes && !classes.split(".").filter(Boolean).every((c) => own.includes(c))) return false;
    if (attr && (!this.hasAttribute(attr) || (value !== undefined && this.getAttribute(attr) !== value))) return false;
    if (not && own.includes(not)) return false;
    return true;
  }
}

export class Document extends Node {
  constructor() {
    super(null);
    this.ownerDocument = this;
    this.activeElement = null;
    this.body = this.createElement("body");
    this.defaultView = null;
  }

  createElement(tag) {
    return new Element(this, tag);
  }

  createTextNode(value) {
    return new Text(this, String(value));
  }

  createDocumentFragment() {
    return new Fragment(this);
  }
}

/** The first element below `root` for which `test` holds (or that matches a selector string). */
export function find(root, test) {
  const check = typeof test === "string" ? (el) => el.matches(test) : test;
  for (const el of root.isFragment || root instanceof Element || root instanceof Document ? root.descendants() : []) {
    if (check(el)) return el;
  }
  return null;
}

export function findAll(root, test) {
  const check = typeof test === "string" ? (el) => el.matches(test) : test;
  return [...root.descendants()].filter(check);
}
