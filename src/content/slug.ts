// Slugs and URL paths. URLs never come from titles: a slug is the file name or `slug:`, with letters and
// digits of every script kept, so Chinese file names give Chinese URLs (percent-encoded in links).

/** Letters, marks and digits of any script survive; every other run becomes one hyphen. */
export function slugify(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Percent-encodes each segment of a site path ("/研究/a b/" → "/%E7%A0%94%E7%A9%B6/a%20b/"). */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/** Category slugs must already be URL-safe: lowercase ASCII letters and digits in hyphenated words. */
export const CATEGORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
