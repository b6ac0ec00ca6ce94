// Dealing a site model's pages into partitions (src/build/partition.ts plans how many): each partition
// is rendered by its own Eleventy run, and workers get only the pages of their partitions.
import { pageKind, type Page, type PageKindName } from "./pages/index.ts";

/**
 * The pages of each of `count` partitions: each kind's pages dealt round the partitions in turn (so
 * each gets a similar mix of articles and lists), the site-wide kinds (home, 404, search, files) all in
 * partition 0, which also writes the assets and media.
 */
export function dealPages(pages: readonly Page[], count: number): Page[][] {
  const parts: Page[][] = Array.from({ length: count }, () => []);
  const dealt = new Map<PageKindName, number>();
  for (const page of pages) {
    if (pageKind(page.kind).siteWide) {
      parts[0]!.push(page);
      continue;
    }
    const n = dealt.get(page.kind) ?? 0;
    dealt.set(page.kind, n + 1);
    parts[n % count]!.push(page);
  }
  return parts;
}
