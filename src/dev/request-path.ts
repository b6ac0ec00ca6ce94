// The dev server's first look at a request's target, before Eleventy's dev server maps it to a file.
// That server decodes the path with decodeURIComponent inside an async request handler, so `/%ff` or
// an overlong UTF-8 sequence (`/%c0%ae`) throws a URIError that nothing catches: an unhandled
// rejection, which ends `npm start`. And its check that a file lies inside the output folder compares
// string prefixes after decoding, so `/..%2fserve-search/…` (a `..` the URL parser never saw, behind an
// encoded slash) reaches the sibling folder `.wenku/serve-search`. Here such targets get an answer of
// their own instead: 400 for what is not a well-formed path, before any file is looked up.

export type RequestPathCheck = { ok: true; path: string } | { ok: false; status: 400; reason: string };

/** The decoded path of a request target (`req.url`, raw as it came), or why it is answered with 400. */
export function checkRequestPath(target: string): RequestPathCheck {
  const refuse = (reason: string): RequestPathCheck => ({ ok: false, status: 400, reason });
  // Origin form (`/a/b?x`) is what browsers send; absolute form is for proxies, not for us.
  if (!target.startsWith("/"))
    return refuse(`the request target ${JSON.stringify(target.slice(0, 80))} is not a path starting with /`);
  let pathname: string;
  try {
    pathname = new URL(target, "http://localhost/").pathname;
  } catch {
    return refuse("the request target is not a URL path");
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refuse(
      `the path ${JSON.stringify(pathname.slice(0, 80))} is not UTF-8 percent-encoding (a stray %, an invalid or overlong byte sequence)`,
    );
  }
  if (decoded.includes("\0")) return refuse("the path holds a NUL character");
  // The URL parser has resolved `.`, `..`, `%2e%2e` already; a `..` left now came in behind an encoded
  // slash or backslash, to step out of the folder served.
  if (decoded.split(/[\\/]/).some((segment) => segment === ".."))
    return refuse("the path steps up with .. behind an encoded slash");
  return { ok: true, path: decoded };
}
