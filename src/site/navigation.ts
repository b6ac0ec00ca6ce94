// Navigation, computed once per build in one pass: category-scoped previous/next, each category's
// list (its own and all descendants' articles, newest first), the order its list pages show them in
// (pinned articles first), the list page holding each article, each category's most viewed, each tag's
// list (newest first) and each article's related articles. Sorting is the only super-linear step:
// O(n log n) overall, plus O(n · depth) to fill ancestor lists and O(n · k² · RELATED_WINDOW) for the
// related articles (k tags per article, src/site/related.ts): bounded windows, never all pairs.
//
// Pinned articles are moved, not copied: they head page 1 of the list of their category and of every
// ancestor, and leave their place in date order, so each article is on exactly one page of a list and
// "back to list" leads to it. Page 1 holds every pinned article even when they outnumber pageSize.
// Previous/next ignore pins: they stay in date order.

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
  /** `pinned:` (src/content/pinned.ts): order null sorts after the numbered ones. */
  pinned?: { order: number | null } | null;
  /** View count, for the most viewed per category. */
  views?: number;
}

/** A category's list as its pages show it: the pinned items first, then the rest newest first. */
export interface ShownList<T> {
  items: readonly T[];
  /** How many of `items`, from the start, are pinned. */
  pinned: number;
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
  /** Category slug → its list in the order its pages show it (pinned first). Every category has an entry. */
  shown: ReadonlyMap<string, ShownList<T>>;
  /** Item → 1-based page of its own category's list that shows it. */
  listPage: ReadonlyMap<T, number>;
  /** Category slug → its own and its descendants' most viewed items (compareMostViewed), at most `mostViewed`. */
  mostViewed: ReadonlyMap<string, readonly T[]>;
  /** Tag name → its items, newest first, in the order tags are first met from the newest item down. */
  tagLists: ReadonlyMap<string, readonly T[]>;
  /** Item → its related items, best first (empty when the related count is 0): src/site/related.ts. */
  related: ReadonlyMap<T, readonly T[]>;
}

export interface NavigationOptions {
  /** How many most viewed items each category keeps; 0 (the default) computes none. */
  mostViewed?: number;
  /** How many related items each item keeps; 0 (the default) computes none. */
  related?: number;
}

/** Oldest first: publish time, then slug, then file (plain code-point order, independent of locale). */
export function compareChronological(a: NavItem, b: NavItem): number {
  return a.time - b.time || compareText(a.slug, b.slug) || compareText(a.file, b.file);
}

/** Pinned order: numbered pins first (1, 2, …), then the others; equal ones newest first. */
export function comparePinned(a: NavItem, b: NavItem): number {
  const x = a.pinned?.order ?? Infinity;
  const y = b.pinned?.order ?? Infinity;
  return (x === y ? 0 : x - y) || compareChronological(b, a);
}

/** Most viewed first: views, then newer first, then source file (plain code-point order). */
export function compareMostViewed(a: NavItem, b: NavItem): number {
  return (b.views ?? 0) - (a.views ?? 0) || b.time - a.time || compareText(a.file, b.file);
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
  options: NavigationOptions = {},
): Navigation<T> {
  const chronological = [...items].sort(compareChronological);
  const pathOf = (item: T) => {
    const path = categoryPaths.get(item.category);
    if (!path) throw new Error(`${item.file}: category "${item.category}" is not in the registry`);
    return path;
  };

  const neighbours = new Map<T, Neighbours<T>>();
  const lastInCategory = new Map<string, T>();
  for (const item of chronological) {
    const prev = lastInCategory.get(item.category) ?? null;
    neighbours.set(item, { prev, next: null });
    if (prev) neighbours.get(prev)!.next = item;
    lastInCategory.set(item.category, item);
  }

  // Each category's pinned items, its own and its descendants', in pin order.
  const pins = new Map<string, T[]>();
  for (const slug of categoryPaths.keys()) pins.set(slug, []);
  for (const item of chronological.filter((i) => i.pinned).sort(comparePinned))
    for (const slug of pathOf(item)) pins.get(slug)!.push(item);

  const lists = new Map<string, T[]>();
  for (const slug of categoryPaths.keys()) lists.set(slug, []);
  // Pinned items met so far in each list (only pinned items touch it: the common case costs nothing).
  const pinnedSeen = new Map<string, number>();
  const listPage = new Map<T, number>();
  for (let i = chronological.length - 1; i >= 0; i--) {
    const item = chronological[i]!;
    const path = pathOf(item);
    for (const slug of path) lists.get(slug)!.push(item);
    if (item.pinned) {
      for (const slug of path) pinnedSeen.set(slug, (pinnedSeen.get(slug) ?? 0) + 1);
      listPage.set(item, 1);
      continue;
    }
    // Its place in the shown list: after every pin, then after the unpinned items newer than it.
    const pinned = pins.get(item.category)!.length;
    const newerUnpinned = lists.get(item.category)!.length - 1 - (pinnedSeen.get(item.category) ?? 0);
    listPage.set(item, listPageOf(pinned + newerUnpinned, pinned, pageSize));
  }

  const shown = new Map<string, ShownList<T>>();
  for (const [slug, list] of lists) {
    const pinned = pins.get(slug)!;
    // A list without pins is shown as it is: no copy.
    shown.set(slug, {
      items: pinned.length === 0 ? list : [...pinned, ...list.filter((item) => !item.pinned)],
      pinned: pinned.length,
    });
  }
  const mostViewed = mostViewedLists(chronological, pathOf, categoryPaths.keys(), options.mostViewed ?? 0);
  const tagLists = new Map<string, T[]>();
  for (let i = chronological.length - 1; i >= 0; i--)
    for (const tag of chronological[i]!.tags ?? [])
      (tagLists.get(tag) ?? tagLists.set(tag, []).get(tag)!).push(chronological[i]!);
  const related = relatedLists(chronological, options.related ?? 0);
  return { chronological, neighbours, lists, shown, listPage, mostViewed, tagLists, related };
}

/** Each category's `count` most viewed items, its descendants' included: one sort, then O(n · depth). */
function mostViewedLists<T extends NavItem>(
  items: readonly T[],
  pathOf: (item: T) => readonly string[],
  slugs: Iterable<string>,
  count: number,
): Map<string, T[]> {
  const lists = new Map<string, T[]>();
  for (const slug of slugs) lists.set(slug, []);
  if (count <= 0) return lists;
  for (const item of [...items].sort(compareMostViewed))
    for (const slug of pathOf(item)) {
      const list = lists.get(slug)!;
      if (list.length < count) list.push(item);
    }
  return lists;
}

/** Items on page 1 of a list: a page's worth, and every pinned item however many there are. */
function firstPageSize(pinned: number, pageSize: number): number {
  return Math.max(pageSize, pinned);
}

/** 1-based page showing the item at `index` of a shown list with `pinned` pinned items. */
export function listPageOf(index: number, pinned: number, pageSize: number): number {
  const first = firstPageSize(pinned, pageSize);
  return index < first ? 1 : 2 + Math.floor((index - first) / pageSize);
}

/** Number of pages of a shown list of `count` items, `pinned` of them pinned: an empty one still has page 1. */
export function listPageCount(count: number, pinned: number, pageSize: number): number {
  const first = firstPageSize(pinned, pageSize);
  return count <= first ? 1 : 1 + Math.ceil((count - first) / pageSize);
}

/** Start (inclusive) and end (exclusive) indexes of page `n` of a shown list with `pinned` pinned items. */
export function listPageRange(n: number, pinned: number, pageSize: number): [number, number] {
  const first = firstPageSize(pinned, pageSize);
  if (n === 1) return [0, first];
  const start = first + (n - 2) * pageSize;
  return [start, start + pageSize];
}

/**
 * The first `count` of `newestFirst` with the items `isPinned` picks moved to the front (newest first
 * among them, never repeated); every pinned item is kept, even past `count`.
 */
export function pinnedFirst<T>(newestFirst: readonly T[], isPinned: (item: T) => boolean, count: number): T[] {
  const pinned = newestFirst.filter(isPinned);
  if (pinned.length === 0) return newestFirst.slice(0, count);
  const rest: T[] = [];
  for (const item of newestFirst) {
    if (pinned.length + rest.length >= count) break;
    if (!isPinned(item)) rest.push(item);
  }
  return [...pinned, ...rest];
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
