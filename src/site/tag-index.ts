// The archive's tags, once per build: each tag's slug and articles (newest first, from the navigation
// pass), the order of the tag index, and the site-wide tag problems (near-duplicates, clashing slugs).
// The index lists tags by article count, most first, then by name (tagKey, in code-point order: the
// same on every machine, whatever its locale data).
import type { Problem } from "../content/problems.ts";
import { tagKey } from "../content/tags.ts";
import { nearDuplicateTags } from "./tag-duplicates.ts";
import { tagSlugs, type TagUse } from "./tag-slug.ts";

interface Tagged {
  file: string;
  tags: readonly string[];
  tagAt?: readonly { line: number; column: number }[];
}

export interface SiteTag<T> {
  name: string;
  slug: string;
  /** Its articles, newest first. */
  articles: readonly T[];
  /** The first file (by path) that uses it: named when its page's URL collides with another page. */
  file: string;
}

export interface SiteTags<T> {
  /** The tags with a page of their own, in index order. */
  all: readonly SiteTag<T>[];
  /** Every tag name → the tag whose page it links to (a name whose slug is taken links to the first). */
  byName: ReadonlyMap<string, SiteTag<T>>;
  /** Near-duplicate spellings, empty or clashing slugs: the site is only buildable without them. */
  problems: Problem[];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** @param tagLists tag name → its articles, newest first (src/site/navigation.ts) */
export function siteTags<T extends Tagged>(
  articles: readonly T[],
  tagLists: ReadonlyMap<string, readonly T[]>,
): SiteTags<T> {
  const uses: TagUse[] = [];
  for (const a of [...articles].sort((x, y) => compareText(x.file, y.file)))
    a.tags.forEach((name, i) => uses.push({ name, file: a.file, ...(a.tagAt?.[i] ?? { line: 0, column: 0 }) }));
  const { slugs, problems } = tagSlugs(uses);
  const firstFile = new Map<string, string>();
  for (const use of uses) if (!firstFile.has(use.name)) firstFile.set(use.name, use.file);

  // In first-use order, so the tag that keeps a contested slug is the one tagSlugs did not report.
  const bySlug = new Map<string, SiteTag<T>>();
  const byName = new Map<string, SiteTag<T>>();
  for (const [name, file] of firstFile) {
    const slug = slugs.get(name)!;
    if (slug === "") continue;
    let tag = bySlug.get(slug);
    if (!tag) bySlug.set(slug, (tag = { name, slug, articles: tagLists.get(name) ?? [], file }));
    byName.set(name, tag);
  }
  const all = [...bySlug.values()].sort(
    (a, b) =>
      b.articles.length - a.articles.length ||
      compareText(tagKey(a.name), tagKey(b.name)) ||
      compareText(a.name, b.name),
  );
  return { all, byName, problems: [...nearDuplicateTags(uses), ...problems] };
}
