// Which links a site owner may write in site config (the call-to-action, footer links, the ICP link):
// http(s), mailto and tel URLs and root-relative site paths, nothing else. Templates escape an href for
// HTML, but escaping cannot make `javascript:` harmless: the scheme itself must be refused. Browsers also
// drop tabs and line breaks inside a URL and strip leading controls and spaces ("java\tscript:" runs as
// javascript:), and read "//host" and "/\host" as another site, so those are refused before the scheme
// is even looked at.

/** Whitespace, control and invisible format characters anywhere, or a backslash (read as "/"). */
const HIDDEN = /[\s\p{Cc}\p{Cf}\\]/u;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export const HREF_EXPECTED =
  'an http:// or https:// URL, a mailto: or tel: link, or a site path starting with a single "/"';

/** Why `href` is refused (a few words), or null when a site may link to it. */
export function hrefProblem(href: string): string | null {
  if (href === "") return "an empty link";
  if (HIDDEN.test(href)) return "a link with whitespace, a control character or a backslash in it";
  if (href.startsWith("/")) return href.startsWith("//") ? "a protocol-relative link, to another host" : null;
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) return "a relative link";
  if (scheme === "http" || scheme === "https") {
    if (!/^https?:\/\/[^/?#]/i.test(href) || !URL.canParse(href)) return "a web address without a host";
    return null;
  }
  if (scheme === "mailto" || scheme === "tel")
    return href.length > scheme.length + 1 ? null : `a ${scheme}: link without an address`;
  return `a ${scheme}: link`;
}
