// A rerender keeps what the reader opened, focused, scrolled or typed.
//
// Every rendered element of the tree gets a stable key, kept in a WeakMap beside the DOM
// (no label reaches an attribute): a widget its id, any other element its path in the
// tree (parent's key, type, label for an expander, form id for a form, and its rank among
// siblings of the same kind). Inside one keyed element the
// DOM a renderer makes is the same for the same element, so a part of it (a traceback's
// <details>, a slider's second thumb, a table's scroll box) is named by its owner's key,
// its tag and first class, and its rank. `capture` reads the reader's state under those
// names before the output is replaced, `restore` puts it back on the new DOM:
//   - <details> stay as the reader left them, unless the script's own `expanded` changed
//     (kept in `data-st-open`) or the element is gone;
//   - focus, and caret and selection in a text field;
//   - text the reader typed and has not committed yet, unless the script changed the
//     field's value meanwhile (a field's last rendered or committed value is its base);
//   - scroll offsets of scrollable elements, and the page's own scroll position.

const nodeKeys = new WeakMap();
const elementKeys = new WeakMap();
const shownNode = new WeakMap(); // element -> the tree node it was rendered from
const shownText = new WeakMap(); // element -> that node as JSON
const bases = new WeakMap();
let replacing = false;

/**
 * Replaces what `root` shows with `fragment`, keeping the reader's state (capture, then
 * restore). A browser sends change and blur to an edited field it removes: those are not
 * the reader committing or leaving the field, and `isReplacing()` tells their handlers so.
 */
export function replacePreserving(root, fragment, view) {
  trackScrolls(root);
  const state = capture(root, view);
  replacing = true;
  try {
    reconcile(root, fragment);
  } finally {
    replacing = false;
  }
  restore(root, state, view);
}

/**
 * Puts the new top-level elements in place of the old ones, keeping an old one that shows the
 * very same thing: same key, same tree node, same DOM, and no form control inside (a control's
 * live value is not in its DOM). A button the reader just clicked then stays, focused, as it is,
 * which spares the browser a blur, a focus and a style pass on every click.
 */
function reconcile(root, fragment) {
  const old = [...root.childNodes];
  const fresh = [...fragment.childNodes];
  if (old.length !== fresh.length) {
    root.replaceChildren(fragment);
    return;
  }
  for (let i = 0; i < fresh.length; i += 1) {
    if (showsTheSame(old[i], fresh[i])) {
      shownNode.set(old[i], shownNode.get(fresh[i])); // the kept element now stands for the new node
    } else {
      old[i].before(fresh[i]);
      old[i].remove();
    }
  }
}

const CONTROLS = "input, textarea, select";

function showsTheSame(old, fresh) {
  const key = elementKeys.get(old);
  if (key === undefined || key !== elementKeys.get(fresh) || typeof old.isEqualNode !== "function") return false;
  if (old.matches(CONTROLS) || old.querySelector(CONTROLS)) return false;
  return nodeText(old) === nodeText(fresh) && old.isEqualNode(fresh);
}

/** The tree node an element was rendered from, as JSON (made once per element, when asked). */
function nodeText(el) {
  let text = shownText.get(el);
  if (text === undefined) {
    text = JSON.stringify(shownNode.get(el) ?? null);
    shownText.set(el, text);
  }
  return text;
}

export const isReplacing = () => replacing;

/** Give every node of the tree its key; `isWidget(node)` says which are keyed by their id. */
export function assignKeys(nodes, isWidget, parent = "") {
  const ranks = new Map();
  for (const node of nodes) {
    if (!node || typeof node !== "object") continue;
    let key;
    if (isWidget(node)) {
      key = `w:${JSON.stringify(String(node.id))}`;
    } else {
      const type = String(node.type ?? "?");
      const name = type === "expander" ? node.label : type === "form" ? node.form_id : undefined;
      const kind = JSON.stringify(name === undefined ? [type] : [type, String(name ?? "")]);
      const rank = ranks.get(kind) ?? 0;
      ranks.set(kind, rank + 1);
      key = `${parent}/${kind}#${rank}`;
    }
    nodeKeys.set(node, key);
    if (Array.isArray(node.children)) assignKeys(node.children, isWidget, isWidget(node) ? parent : key);
  }
}

export const keyOf = (node) => (node && typeof node === "object" ? nodeKeys.get(node) ?? null : null);

/** Names `el`, the DOM a renderer made for `node`, by the node's key. */
export function keyElement(el, node) {
  const key = keyOf(node);
  if (key !== null && el && typeof el === "object") {
    elementKeys.set(el, key);
    shownNode.set(el, node);
  }
}

/** What a text field shows when the reader has typed nothing since (rendered or committed). */
export function setBase(el, value) {
  bases.set(el, String(value ?? ""));
}

export const baseOf = (el) => bases.get(el);

/** True when the reader typed into `el` something not yet committed. */
export const isDirty = (el) => bases.has(el) && el.value !== bases.get(el);

/**
 * Calls `visit(el, key)` for the elements below `root` that `wanted(el)` picks, depth first.
 * `wanted` must depend only on an element's tag and classes, so that capture and restore,
 * which pick different kinds, still count every element of a kind they both pick.
 */
export function walk(root, wanted, visit) {
  const step = (parent, owner, ranks) => {
    for (const el of parent.children) {
      const own = elementKeys.get(el);
      if (own !== undefined) {
        if (wanted(el)) visit(el, own);
        step(el, own, new Map());
        continue;
      }
      if (wanted(el)) {
        const classes = String(el.className ?? "");
        const space = classes.indexOf(" ");
        const kind = `${el.tagName}.${space < 0 ? classes : classes.slice(0, space)}`;
        const rank = ranks.get(kind) ?? 0;
        ranks.set(kind, rank + 1);
        visit(el, `${owner}>${kind}#${rank}`);
      }
      step(el, owner, ranks);
    }
  };
  step(root, "", new Map());
}

// What can scroll inside an output (see page.css): code, json and traceback blocks, text
// areas and the data editor's table.
const scrollable = (el) => el.tagName === "PRE" || el.tagName === "TEXTAREA" || String(el.className).startsWith("st-table-scroll");

// Where the reader (or a restore) scrolled each element to, recorded as it happens: reading
// scrollTop before a rerender would make the browser lay the page out again on every click.
const scrolledTo = new WeakMap();
const tracked = new WeakSet();

/** Records the scroll offsets of what scrolls below `root` (scroll events reach it while capturing). */
export function trackScrolls(root) {
  if (tracked.has(root) || typeof root.addEventListener !== "function") return;
  tracked.add(root);
  root.addEventListener("scroll", (event) => {
    const el = event.target;
    if (el && el !== root) scrolledTo.set(el, [el.scrollTop || 0, el.scrollLeft || 0]);
  }, { capture: true, passive: true });
}

function fieldState(el) {
  const state = { tag: el.tagName, value: typeof el.value === "string" ? el.value : null, base: baseOf(el) };
  try {
    // Only text-like fields have a selection (a number input's selectionStart is null).
    if (typeof el.selectionStart === "number") {
      Object.assign(state, { start: el.selectionStart, end: el.selectionEnd, direction: el.selectionDirection ?? "none" });
    }
  } catch {
    // no selection on this kind of input
  }
  return state;
}

/** The reader's state of everything below `root`. */
export function capture(root, { doc, win = null } = {}) {
  const active = doc?.activeElement ?? null;
  const focusTag = active && active !== root && root.contains(active) ? active.tagName : null;
  const state = { open: new Map(), scroll: new Map(), focus: null, page: null };
  const wanted = (el) => el.tagName === "DETAILS" || el.tagName === focusTag || scrollable(el);
  walk(root, wanted, (el, key) => {
    if (el.tagName === "DETAILS") state.open.set(key, { open: Boolean(el.open), script: el.getAttribute("data-st-open") });
    const offsets = scrollable(el) ? scrolledTo.get(el) : undefined;
    if (offsets && (offsets[0] || offsets[1])) state.scroll.set(key, offsets);
    if (el === active) state.focus = { key, ...fieldState(el) };
  });
  // Only a restored selection can move the page (and reading the page's scroll lays it out).
  if (win && typeof state.focus?.start === "number" && typeof win.scrollY === "number") state.page = [win.scrollX, win.scrollY];
  return state;
}

/** Puts `state` (from `capture` on the old DOM) back onto the new DOM below `root`. */
export function restore(root, state, { doc, win = null } = {}) {
  let focused = null;
  const scrolls = [];
  const focusTag = state.focus?.tag ?? null;
  const wanted = (el) => el.tagName === "DETAILS" || el.tagName === focusTag || (state.scroll.size > 0 && scrollable(el));
  walk(root, wanted, (el, key) => {
    if (el.tagName === "DETAILS") {
      const was = state.open.get(key);
      // The script's `expanded` decides only when it changed since the last render.
      if (was && was.script === el.getAttribute("data-st-open") && Boolean(el.open) !== was.open) el.open = was.open;
    }
    const scroll = state.scroll.get(key);
    if (scroll) scrolls.push([el, scroll]);
    if (state.focus && state.focus.key === key) focused = el;
  });
  for (const [el, [top, left]] of scrolls) {
    el.scrollTop = top;
    el.scrollLeft = left;
    scrolledTo.set(el, [top, left]); // its scroll event may come after the next rerender
  }
  if (!focused) return;
  const was = state.focus;
  // Typing not yet committed stays, unless the script set another value since.
  if (was.value !== null && was.base !== undefined && was.value !== was.base && baseOf(focused) === was.base) {
    focused.value = was.value;
  }
  if (!doc || doc.activeElement !== focused) focused.focus?.({ preventScroll: true });
  if (doc && doc.activeElement !== focused) return;
  if (typeof was.start === "number") {
    try {
      focused.setSelectionRange(was.start, was.end, was.direction);
    } catch {
      // the new element has no selection (its kind changed)
    }
  }
  // Setting a selection may scroll the page to the field; the reader's view stays where it was.
  if (state.page && win && (win.scrollX !== state.page[0] || win.scrollY !== state.page[1])) {
    win.scrollTo(state.page[0], state.page[1]);
  }
}

/**
 * Whether the reader is in the middle of something a rerender would break: an IME
 * composition or a slider drag below `root`. `onIdle` runs when that ends.
 */
export function watchReader(root, win, onIdle) {
  const busy = { composing: false, dragging: false };
  busy.active = false;
  const update = (changes) => {
    Object.assign(busy, changes);
    const was = busy.active;
    busy.active = busy.composing || busy.dragging;
    // Later, so the control's own change or input event runs first, on the DOM it belongs to.
    if (was && !busy.active) setTimeout(() => busy.active || onIdle(), 0);
  };
  root.addEventListener("compositionstart", () => update({ composing: true }));
  root.addEventListener("compositionend", () => update({ composing: false }));
  root.addEventListener("pointerdown", (event) => {
    if (event.target?.type === "range") update({ dragging: true });
  });
  // A slider commits on release; a release outside the window still ends the drag.
  const endDrag = () => busy.dragging && update({ dragging: false });
  root.addEventListener("change", (event) => event.target?.type === "range" && endDrag());
  for (const type of ["pointerup", "pointercancel"]) win?.addEventListener?.(type, endDrag, true);
  return busy;
}
