// The site's security headers, declared once: the `<meta>` CSP in every page's head and the `_headers`
// file (Netlify, Cloudflare Pages) both come from here. No inline script or style is ever allowed;
// anything the site needs must be added here explicitly.
import { checkedPathPrefix } from "../config/site.ts";

/** Directives that a `<meta>` CSP honours. Images may come from https: hosts (old archives hotlink). */
const DIRECTIVES: readonly [string, string][] = [
  ["default-src", "'self'"],
  ["img-src", "'self' data: https:"],
  // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (it allows compiling wasm,
  // not eval of JavaScript); its worker and index files come from 'self'.
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  ["style-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'self'"],
];

export const CSP_META = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join("; ");

/** As an HTTP header a CSP can also forbid framing, which a `<meta>` cannot. */
export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;

export const HEADERS: readonly [string, string][] = [
  ["Content-Security-Policy", CSP_HEADER],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
];

/** `_headers` for Netlify and Cloudflare Pages: every path under the site's prefix. */
export function headersFile(pathPrefix: string): string {
  // The checks allow only plain prefixes (config/site.ts); a line break or a space here would start a
  // rule or a header of its own, so one that slips through stops the build rather than being written.
  if (checkedPathPrefix(pathPrefix) !== pathPrefix)
    throw new Error(`_headers: the path prefix ${JSON.stringify(pathPrefix)} is not a plain path`);
  return `${pathPrefix}*\n${HEADERS.map(([name, value]) => `  ${name}: ${value}`).join("\n")}\n`;
}
