// The site's security headers, declared once: the `<meta>` CSP in every page's head and the `_headers`
// file (Netlify, Cloudflare Pages) both come from here. No inline script or style is ever allowed;
// anything the site needs must be added here explicitly. The one variable part is the hosts of the
// site's analytics (./analytics.ts), each added to the directives it needs and to no other.
import { checkedPathPrefix } from "../config/site.ts";
import { NO_SOURCES, type CspSources } from "./analytics.ts";

/** Directives that a `<meta>` CSP honours. Images may come from https: hosts (old archives hotlink). */
const DIRECTIVES: readonly [string, string][] = [
  ["default-src", "'self'"],
  ["img-src", "'self' data: https:"],
  // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (it allows compiling wasm,
  // not eval of JavaScript); its worker and index files come from 'self'.
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  // Not in the policy unless analytics needs it: default-src 'self' covers fetches otherwise.
  ["connect-src", "'self'"],
  ["style-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'self'"],
];

/** Which directive takes which of the analytics' hosts. */
const WIDENED: Record<string, keyof CspSources> = {
  "img-src": "img",
  "script-src": "script",
  "connect-src": "connect",
};

/** The `<meta>` CSP, with the analytics' hosts (none by default). */
export function cspMeta(sources: CspSources = NO_SOURCES): string {
  return DIRECTIVES.flatMap(([name, value]) => {
    const extra = WIDENED[name] ? sources[WIDENED[name]] : [];
    // connect-src equals default-src when nothing widens it: left out, so the policy reads as before.
    if (name === "connect-src" && extra.length === 0) return [];
    return [`${name} ${[value, ...extra].join(" ")}`];
  }).join("; ");
}

/** As an HTTP header a CSP can also forbid framing, which a `<meta>` cannot. */
export function cspHeader(sources: CspSources = NO_SOURCES): string {
  return `${cspMeta(sources)}; frame-ancestors 'none'`;
}

/** The policy of a site without analytics. */
export const CSP_META = cspMeta();
export const CSP_HEADER = cspHeader();

export function securityHeaders(sources: CspSources = NO_SOURCES): [string, string][] {
  return [
    ["Content-Security-Policy", cspHeader(sources)],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
  ];
}

export const HEADERS: readonly [string, string][] = securityHeaders();

/** `_headers` for Netlify and Cloudflare Pages: every path under the site's prefix. */
export function headersFile(pathPrefix: string, sources: CspSources = NO_SOURCES): string {
  // The checks allow only plain prefixes (config/site.ts); a line break or a space here would start a
  // rule or a header of its own, so one that slips through stops the build rather than being written.
  if (checkedPathPrefix(pathPrefix) !== pathPrefix)
    throw new Error(`_headers: the path prefix ${JSON.stringify(pathPrefix)} is not a plain path`);
  // Hosts come from URLs the config checks (config/analytics.ts); the same defence for them.
  for (const host of [...sources.script, ...sources.connect, ...sources.img])
    if (!/^https?:\/\/[^\s;,'"]+$/.test(host))
      throw new Error(`_headers: ${JSON.stringify(host)} is not a plain origin`);
  const headers = securityHeaders(sources);
  return `${pathPrefix}*\n${headers.map(([name, value]) => `  ${name}: ${value}`).join("\n")}\n`;
}
