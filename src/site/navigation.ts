// Navigation, computed once per build in one pass: category-scoped previous/next, each category's
// list (its own and all descendants' articles, newest first), the list page holding each article, each
// tag's list (newest first) and each article's related articles. Sorting is the only super-linear step:
// O(n log n) overall, plus O(n · depth) to fill ancestor lists and O(n · k² · RELATED_WINDOW) for the
// related articles (k tags per article, src/site/related.ts): bounded windows, never all pairs.

import { relatedLists } from "./related.ts";

export interface NavItem {
  category: string;
  slug: string;
  /** Publish instant, ms since the epoch. */
  time: number;
  /** Source file: the last tie-break, so order never depends on file-system order. */
  file: string;
  /** Tag names as written, each once. */
  tags?: readonly string[];
}

export interface Neighbours<T> {
  /** The older neighbour in the same category. */
  prev: T | null;
  /** The newer neighbour in the same category. */
  next: T | null;
}

export interface Navigation<T> {
  /** Every item, oldest first. */
  chronological: readonly T[];
  neighbours: ReadonlyMap<T, Neighbours<T>>;
  /** Category slug → its own and its descendants' items, newest first. Every category has an entry. */
  lists: ReadonlyMap<string, readonly T[]>;
  /** Item → 1-based page of its own category's list that shows it. */
  listPage: ReadonlyMap<T, number>;
  /** Tag name → its items, newest first, in the order tags are first met from the newest item down. */
  tagLists: ReadonlyMap<string, readonly T[]>;
  /** Item → its related items, best first (empty when the related count is 0): src/site/related.ts. */
  related: ReadonlyMap<T, readonly T[]>;
}

/** Oldest first: publish time, then slug, then file (plain code-point order, independent of locale). */
export function compareChronological(a: NavItem, b: NavItem): number {
  return a.time - b.time || compareText(a.slug, b.slug) || compareText(a.file, b.file);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @param categoryPaths slug → slugs from the top-level ancestor down to the category itself
 * @param pageSize articles per list page
 */
export function buildNavigation<T extends NavItem>(
  items: readonly T[],
  categoryPaths: ReadonlyMap<string, readonly string[]>,
  pageSize: number,
  relatedCount = 0,
): Navigation<T> {
  const chronological = [...items].sort(compareChronological);

  const neighbours = new Map<T, Neighbours<T>>();
  const lastInCategory = new Map<string, T>();
  for (const item of chronological) {
    const prev = lastInCategory.get(item.category) ?? null;
    neighbours.set(item, { prev, next: null });
    if (prev) neighbours.get(prev)!.next = item;
    lastInCategory.set(item.category, item);
  }

  const lists = new Map<string, T[]>();
  for (const slug of categoryPaths.keys()) lists.set(slug, []);
  const listPage = new Map<T, number>();
  for (let i = chronological.length - 1; i >= 0; i--) {
    const item = chronological[i]!;
    const path = categoryPaths.get(item.category);
    if (!path) throw new Error(`${item.file}: category "${item.category}" is not in the registry`);
    for (const slug of path) lists.get(slug)!.push(item);
    listPage.set(item, Math.floor((lists.get(item.category)!.length - 1) / pageSize) + 1);
  }
  const tagLists = new Map<string, T[]>();
  for (let i = chronological.length - 1; i >= 0; i--)
    for (const tag of chronological[i]!.tags ?? [])
      (tagLists.get(tag) ?? tagLists.set(tag, []).get(tag)!).push(chronological[i]!);
  return { chronological, neighbours, lists, listPage, tagLists, related: relatedLists(chronological, relatedCount) };
}

/** Number of list pages for `count` items: an empty category still has its page 1. */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

export type PagerItem = { kind: "page"; number: number; current: boolean } | { kind: "gap" };

/** Numbered pager: first, last, and `around` pages either side of the current one, gaps elsewhere. */
export function pagerItems(current: number, total: number, around = 2): PagerItem[] {
  const shown = [1, total];
  for (let n = Math.max(1, current - around); n <= Math.min(total, current + around); n++) shown.push(n);
  const numbers = [...new Set(shown)].sort((a, b) => a - b);
  const items: PagerItem[] = [];
  let last = 0;
  for (const n of numbers) {
    // A gap of exactly one page shows that page rather than an ellipsis standing for it.
    if (n - last === 2) items.push({ kind: "page", number: n - 1, current: false });
    else if (n - last > 2) items.push({ kind: "gap" });
    items.push({ kind: "page", number: n, current: n === current });
    last = n;
  }
  return items;
}
