// Share links carry a block's code in the URL hash: `#live-<session>=<base64url of UTF-8>`.
// The code never leaves the reader's browser unless they send the link to someone.

const PREFIX = "#live-";

export function encodeCode(code) {
  const bytes = new TextEncoder().encode(String(code));
  let binary = "";
  // In slices: String.fromCharCode(...bytes) overflows the stack on long code.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The code, or null when `text` is not base64url of valid UTF-8. */
export function decodeCode(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function shareHash(session, code) {
  return `${PREFIX}${encodeURIComponent(session)}=${encodeCode(code)}`;
}

/** `{session, code}` from a location hash, or null when it is not a share link. */
export function parseShareHash(hash) {
  if (typeof hash !== "string" || !hash.startsWith(PREFIX)) return null;
  const rest = hash.slice(PREFIX.length);
  // base64url has no "=", so the last one separates the session name from the code.
  const split = rest.lastIndexOf("=");
  if (split <= 0) return null;
  let session;
  try {
    session = decodeURIComponent(rest.slice(0, split));
  } catch {
    return null;
  }
  const code = decodeCode(rest.slice(split + 1));
  return code === null ? null : { session, code };
}

/** The page URL with the share hash for this code (any other hash replaced). */
export function shareUrl(href, session, code) {
  const base = String(href).split("#")[0];
  return base + shareHash(session, code);
}
