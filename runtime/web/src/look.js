// What an element's display parameters (width, height, alignment, wrapping, gaps) become
// on the page: CSS classes from fixed lists and inline styles built only from numbers and
// fixed keywords, so nothing the script passes reaches the page's CSS as text.

const ALIGNMENTS = new Set(["left", "center", "right", "justify"]);
const GAPS = new Set(["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"]);
const FLEX = { left: "flex-start", top: "flex-start", center: "center", right: "flex-end", bottom: "flex-end", distribute: "space-between" };
const COLORS = new Set(["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "rainbow", "auto"]);

/** A positive number of pixels, or null. */
export function pixels(value) {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? `${Math.round(value)}px` : null;
}

/** `width`: a number of pixels, "content" (as wide as the content) or "stretch" (the default: the line). */
export function widthStyle(width) {
  const px = pixels(width);
  if (px) return `width: ${px}; max-width: 100%`;
  return width === "content" ? "width: fit-content; max-width: 100%" : null;
}

/** `height` of a block: a number of pixels scrolls what does not fit. */
export function heightStyle(height) {
  const px = pixels(height);
  return px ? `height: ${px}; overflow: auto` : null;
}

export function textAlignStyle(alignment) {
  return ALIGNMENTS.has(alignment) && alignment !== "left" ? `text-align: ${alignment}` : null;
}

/** Styles joined, empty ones left out; null when there is none. */
export function styles(...parts) {
  const kept = parts.filter(Boolean);
  return kept.length ? kept.join("; ") : null;
}

/** The common styles of a text element: width and alignment. */
export function textStyle(node) {
  return styles(widthStyle(node.width), textAlignStyle(node.text_alignment));
}

/** Class names joined, empty ones left out. */
export function classes(...names) {
  return names.filter(Boolean).join(" ");
}

export function gapClass(gap) {
  if (gap === null) return "st-gap-none";
  return GAPS.has(gap) ? `st-gap-${gap}` : null;
}

/** A flex block's alignment: justify along its direction, align across it. */
export function flexStyle({ horizontal = false, horizontalAlignment = "left", verticalAlignment = "top" }) {
  const across = horizontal ? FLEX[verticalAlignment] : FLEX[horizontalAlignment];
  const along = horizontal ? FLEX[horizontalAlignment] : FLEX[verticalAlignment];
  return styles(
    across && across !== "flex-start" ? `align-items: ${across}` : null,
    along && along !== "flex-start" ? `justify-content: ${along}` : null,
  );
}

/** A heading's divider colour as a class; "auto" takes the page's accent. */
export function dividerClass(color) {
  return COLORS.has(color) ? `st-heading-divider st-divider-${color}` : null;
}

/** An icon as text: emoji are text; Material names (":material/add:") need a font the docs do not load. */
export function iconText(icon) {
  return typeof icon === "string" && icon && !icon.startsWith(":") ? icon : null;
}
