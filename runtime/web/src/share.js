// Share links carry a block's code in the URL hash:
//   #live-<encodeURIComponent(session)>=<base64url of the UTF-8 code, no padding>.<CRC-32 of those bytes, 8 hex digits>
// The checksum tells a link that was cut short (a chat client, a mail wrapped at 80 columns)
// from a whole one. The code never leaves the reader's browser unless they send the link.

const PREFIX = "#live-";
const SLICE = 0x8000;

let table = null;

function crcTable() {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE 802.3, as zlib.crc32) of a byte array, as an unsigned number. */
export function crc32(bytes) {
  const t = crcTable();
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const hex8 = (n) => n.toString(16).padStart(8, "0");

function base64url(bytes) {
  let binary = "";
  // In slices: String.fromCharCode(...bytes) overflows the stack on long code.
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + SLICE));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of base64url `text`, or null when it is not base64url. */
function unbase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  let binary;
  try {
    binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  // A plain loop: a callback per byte is several times slower on a 1 MB link.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `<base64url>.<crc32>` of the code's UTF-8 bytes. */
export function encodeCode(code) {
  const bytes = new TextEncoder().encode(String(code));
  return `${base64url(bytes)}.${hex8(crc32(bytes))}`;
}

/**
 * `{code}` from `<base64url>.<crc32>`, or `{error}` saying why not: "base64", "checksum"
 * (missing, malformed or wrong: the link was cut short or altered) or "utf8".
 */
export function decodeCode(text) {
  const dot = text.lastIndexOf(".");
  const bytes = unbase64url(dot < 0 ? text : text.slice(0, dot));
  if (bytes === null) return { error: "base64" };
  if (dot < 0 || !/^[0-9a-f]{8}$/.test(text.slice(dot + 1)) || text.slice(dot + 1) !== hex8(crc32(bytes))) {
    return { error: "checksum" };
  }
  try {
    return { code: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "utf8" };
  }
}

export function shareHash(session, code) {
  return `${PREFIX}${encodeURIComponent(session)}=${encodeCode(code)}`;
}

/**
 * What a location hash holds:
 * - null: not a share link (`#intro`, or `#live-x` naming no share link), so it is left alone;
 * - `{session, code}`: a whole link;
 * - `{session, error}`: a damaged link; `session` is null when even the name cannot be read.
 * `isAnchor(id)` says whether the page has an element with that id: a hash that starts like
 * a share link but has no "=" is damaged only when it is not an anchor of the page.
 */
export function parseShareHash(hash, { isAnchor = () => false } = {}) {
  if (typeof hash !== "string" || !hash.startsWith(PREFIX)) return null;
  const rest = hash.slice(PREFIX.length);
  // base64url has no "=" and encodeURIComponent escapes it, so the last one separates the name.
  const split = rest.lastIndexOf("=");
  if (split < 0) {
    let anchor = hash.slice(1);
    try {
      anchor = decodeURIComponent(anchor);
    } catch {
      // Not an escape sequence: then it is not the id of an anchor either.
    }
    return isAnchor(anchor) ? null : { session: readName(rest), error: "truncated" };
  }
  const session = readName(rest.slice(0, split));
  if (session === null) return { session: null, error: "name" };
  const decoded = decodeCode(rest.slice(split + 1));
  return "code" in decoded ? { session, code: decoded.code } : { session, error: decoded.error };
}

function readName(text) {
  try {
    return decodeURIComponent(text) || null;
  } catch {
    return null;
  }
}

/** The page URL with the share hash for this code (any other hash replaced). */
export function shareUrl(href, session, code) {
  const base = String(href).split("#")[0];
  return base + shareHash(session, code);
}
