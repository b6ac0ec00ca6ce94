// Old addresses as site paths, shared by every import source and by `npm run views`.
import { normaliseRelative } from "../files/confine.ts";

/**
 * A percent-encoded path, decoded segment by segment (so wget's %3F in saved file names becomes "?"); a
 * segment that is not valid UTF-8 percent-encoding is kept as it is.
 */
export function decodePath(raw: string): string {
  return raw
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}

/**
 * A decoded site path (decodePath's result, never decoded again) made safe to look up below a folder:
 * `\` read as `/`, `.` and `..` resolved, a leading "/". Null when it climbs above the root or holds a
 * NUL: `/x/..%2f..%2fvictim.txt` is `/x/../../victim.txt` once decoded, which the URL parser never saw.
 * A query ("?aid=12") is kept as it is; only the path before it is normalised.
 */
export function normalisePath(decoded: string): string | null {
  const at = decoded.indexOf("?");
  const [pathPart, query] = at < 0 ? [decoded, ""] : [decoded.slice(0, at), decoded.slice(at)];
  if (query.includes("\0")) return null;
  if (!pathPart.includes("\0") && pathPart.split(/[\\/]/).every((s) => s === "" || s === ".")) return `/${query}`;
  const clean = normaliseRelative(pathPart);
  if (clean === null) return null;
  // A trailing "/" (a folder's address) is kept: "/news/" and "/news" are different addresses.
  return `/${clean}${/[\\/]$/.test(pathPart) ? "/" : ""}${query}`;
}

/**
 * A host as two sources compare it: lower case, without "www.", a port or a final dot, from a bare
 * name, a host:port or a full address ("https://www.old.example/blog"); "" when there is none. The
 * www. and bare spellings, and the http and https addresses, of a site are one host.
 */
export function hostKey(given: string): string {
  const s = given.trim();
  if (s === "") return "";
  // Read as the URL parser reads a page's links, so a bare international name ("例子.中国") is
  // compared in the same (punycode) form as the addresses in the pages.
  const address = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : s.startsWith("//") ? `http:${s}` : `http://${s}`;
  try {
    return new URL(address).hostname.replace(/^www\./, "").replace(/\.$/, "");
  } catch {
    return "";
  }
}
