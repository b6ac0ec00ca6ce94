// The id of an article heading, for links to a part of an article (`/research/x/#方法`) and the table of
// contents. A pure function of the body: the same headings in the same order give the same ids on every
// build, so a link someone saved keeps working.
//   - Letters and digits of any script are kept (Chinese as written, Traditional or Simplified); cased
//     letters are lower-cased; full-width forms become their plain ones and accents join their letters
//     (NFKC).
//   - Whitespace becomes "-"; "-" and "_" stay; every other character (punctuation, symbols, a combining
//     mark NFKC leaves apart) is dropped: an id holds letters, digits, "-" and "_" only.
//   - An id starts with a letter: one that would start with a digit or "_" gets "h-" in front
//     (`## 2021 年補記` → `h-2021-年補記`). Both are html-validate's valid-id rule, which the tests hold
//     every page to; a letter first also keeps `#id` a plain CSS selector.
//   - A heading that leaves nothing (only punctuation) is `section-N`, N its place among the headings.
//   - A repeat gets "-2", "-3", …; so does an id the page templates use themselves (RESERVED_IDS).

/**
 * Ids the templates give elements of their own (grep templates/ for id="). An article page holds the
 * first group; the others are on pages without a body, reserved so that no template change can make
 * them meet. tests: src/render/heading-id.test.ts checks every literal id in templates/ is listed here.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  // base.njk, site-header (search box), past-comments.njk, toc.njk, related.njk: on every article page.
  "main",
  "site-search",
  "comments",
  "past-comments-heading",
  "toc-heading",
  "related-heading",
  // search, not-found and home pages.
  "search",
  "search-query",
  "not-found-search",
  "home-latest",
  "home-most-viewed",
  "category-most-viewed",
]);

/**
 * Ids the templates make from data: a past comment's anchor (`comment-12`, `comment-at-3`, on the
 * article page) and the home page's category blocks. A suffixed id (`comment-12-2`) matches none.
 */
const RESERVED_PATTERNS: readonly RegExp[] = [/^comment-\d+$/, /^comment-at-\d+$/, /^home-block-\d+$/];

export function isReservedId(id: string): boolean {
  return RESERVED_IDS.has(id) || RESERVED_PATTERNS.some((pattern) => pattern.test(id));
}

/** A heading's text as the base of its id: "" when nothing is left (see the rules above). */
export function headingSlug(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(?=[\p{N}_])/u, "h-");
}

/**
 * The id maker of one document: call it with each heading's text in order. Each base remembers its
 * next suffix, so a body of many equal headings costs one step each, not a search from "-2" every time.
 */
export function headingIds(): (text: string) => string {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  let count = 0;
  return (text) => {
    count++;
    const base = headingSlug(text) || `section-${count}`;
    let suffix = nextSuffix.get(base) ?? 2;
    let id = base;
    while (taken.has(id) || isReservedId(id)) id = `${base}-${suffix++}`;
    nextSuffix.set(base, suffix);
    taken.add(id);
    return id;
  };
}
