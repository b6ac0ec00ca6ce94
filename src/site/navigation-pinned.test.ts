// The navigation pass's pinned lists and most viewed lists, and the page arithmetic of a list whose
// page 1 starts with its pinned items (src/site/navigation.ts).
import { describe, expect, it } from "vitest";
import {
  buildNavigation,
  compareMostViewed,
  comparePinned,
  listPageCount,
  listPageOf,
  listPageRange,
  pinnedFirst,
  type NavItem,
} from "./navigation.ts";

// guides › (tools, methods) and a separate tree, notes.
const PATHS = new Map<string, readonly string[]>([
  ["guides", ["guides"]],
  ["tools", ["guides", "tools"]],
  ["methods", ["guides", "methods"]],
  ["notes", ["notes"]],
]);

const item = (category: string, slug: string, time: number, extra: Partial<NavItem> = {}): NavItem => ({
  category,
  slug,
  time,
  file: `${category}/${slug}.md`,
  ...extra,
});
const slugs = (items: readonly NavItem[] | undefined) => (items ?? []).map((i) => i.slug);
const pin = (order: number | null) => ({ pinned: { order } });

describe("comparePinned", () => {
  it("puts numbered pins first in their order, then unnumbered ones; equal ones newest first", () => {
    const list = [
      item("tools", "true-old", 100, pin(null)),
      item("tools", "two", 50, pin(2)),
      item("tools", "true-new", 300, pin(null)),
      item("tools", "one", 10, pin(1)),
      item("tools", "two-newer", 60, pin(2)),
    ];
    expect(slugs([...list].sort(comparePinned))).toEqual(["one", "two-newer", "two", "true-new", "true-old"]);
  });
  it("breaks a tie of order and time by slug, as the chronological order does, reversed", () => {
    const a = item("tools", "a", 100, pin(null));
    const b = item("tools", "b", 100, pin(null));
    expect(slugs([a, b].sort(comparePinned))).toEqual(["b", "a"]);
    expect(slugs([b, a].sort(comparePinned))).toEqual(["b", "a"]);
  });
});

describe("compareMostViewed", () => {
  it("orders by views, then newer first, then file", () => {
    const list = [
      item("tools", "few", 500, { views: 3 }),
      item("tools", "many-old", 100, { views: 90 }),
      item("tools", "many-new", 200, { views: 90 }),
      item("methods", "many-new", 200, { views: 90 }),
    ];
    expect([...list].sort(compareMostViewed).map((i) => i.file)).toEqual([
      "methods/many-new.md",
      "tools/many-new.md",
      "tools/many-old.md",
      "tools/few.md",
    ]);
  });
});

describe("list page arithmetic with pinned items", () => {
  it("without pins, is plain pagination", () => {
    expect([0, 2, 3, 5, 6].map((i) => listPageOf(i, 0, 3))).toEqual([1, 1, 2, 2, 3]);
    expect([0, 1, 3, 4, 7].map((n) => listPageCount(n, 0, 3))).toEqual([1, 1, 1, 2, 3]);
    expect(listPageRange(2, 0, 3)).toEqual([3, 6]);
  });
  it("keeps pins within page 1 when they fit: pages are as without them", () => {
    expect(listPageCount(7, 2, 3)).toBe(3);
    expect(listPageRange(1, 2, 3)).toEqual([0, 3]);
    expect(listPageOf(3, 2, 3)).toBe(2);
  });
  it("grows page 1 to hold every pin when they outnumber a page, later pages a page each", () => {
    expect(listPageRange(1, 5, 3)).toEqual([0, 5]);
    expect(listPageRange(2, 5, 3)).toEqual([5, 8]);
    expect([4, 5, 7, 8].map((i) => listPageOf(i, 5, 3))).toEqual([1, 2, 2, 3]);
    expect(listPageCount(5, 5, 3)).toBe(1);
    expect(listPageCount(9, 5, 3)).toBe(3);
  });
  it("puts every index on the page whose range holds it", () => {
    for (const [count, pinned, size] of [
      [10, 0, 3],
      [10, 2, 3],
      [10, 4, 3],
      [1, 1, 1],
    ] as const) {
      const pages = listPageCount(count, pinned, size);
      for (let i = 0; i < count; i++) {
        const [start, end] = listPageRange(listPageOf(i, pinned, size), pinned, size);
        expect(i >= start && i < end, `${i} of ${count}`).toBe(true);
      }
      expect(listPageRange(pages, pinned, size)[1]).toBeGreaterThanOrEqual(count);
    }
  });
});

describe("buildNavigation: pinned articles", () => {
  const t1 = item("tools", "t1", 100);
  const t2 = item("tools", "t2", 200, pin(null));
  const t3 = item("tools", "t3", 300);
  const m1 = item("methods", "m1", 150, pin(1));
  const m2 = item("methods", "m2", 250);
  const g1 = item("guides", "g1", 400);
  const n1 = item("notes", "n1", 50);
  const nav = buildNavigation([t1, t2, t3, m1, m2, g1, n1], PATHS, 2);

  it("puts a category's pinned items first, then the rest newest first, the pinned not repeated", () => {
    expect(slugs(nav.shown.get("tools")!.items)).toEqual(["t2", "t3", "t1"]);
    expect(nav.shown.get("tools")!.pinned).toBe(1);
  });
  it("pins descendants' pinned items in an ancestor's list too, in pin order", () => {
    expect(slugs(nav.shown.get("guides")!.items)).toEqual(["m1", "t2", "g1", "t3", "m2", "t1"]);
    expect(nav.shown.get("guides")!.pinned).toBe(2);
  });
  it("leaves a list without pins as it is, and the date-ordered lists unchanged", () => {
    expect(nav.shown.get("notes")).toEqual({ items: nav.lists.get("notes"), pinned: 0 });
    expect(slugs(nav.lists.get("guides"))).toEqual(["g1", "t3", "m2", "t2", "m1", "t1"]);
  });
  it("gives a pinned item page 1 and the others the page of their shown position", () => {
    expect(nav.listPage.get(t2)).toBe(1);
    expect(nav.listPage.get(t3)).toBe(1);
    expect(nav.listPage.get(t1)).toBe(2);
    expect(nav.listPage.get(m1)).toBe(1);
    expect(nav.listPage.get(m2)).toBe(1);
    expect(nav.listPage.get(g1)).toBe(2);
  });
  it("keeps previous and next in date order, pins or not", () => {
    expect(nav.neighbours.get(t2)).toEqual({ prev: t1, next: t3 });
    expect(nav.neighbours.get(t3)).toEqual({ prev: t2, next: null });
  });
});

describe("buildNavigation: every item on the page listPage names", () => {
  it("holds for a mix of pins across a tree, with page sizes smaller and larger than the pins", () => {
    const categories = ["guides", "tools", "methods", "notes"];
    // A fixed spread: every fifth item pinned, some numbered, times not in input order.
    const items = Array.from({ length: 40 }, (_, n) =>
      item(categories[n % 4]!, `s${n}`, (n * 37) % 41, n % 5 === 0 ? pin(n % 10 === 0 ? null : (n % 3) + 1) : {}),
    );
    for (const size of [1, 2, 3, 7, 50]) {
      const nav = buildNavigation(items, PATHS, size);
      for (const one of items) {
        const shown = nav.shown.get(one.category)!;
        const [start, end] = listPageRange(nav.listPage.get(one)!, shown.pinned, size);
        expect(shown.items.slice(start, end), `${one.slug}, page size ${size}`).toContain(one);
      }
      for (const [slug, shown] of nav.shown) {
        expect(new Set(shown.items).size, slug).toBe(nav.lists.get(slug)!.length);
        expect(shown.items.slice(0, shown.pinned).every((i) => i.pinned)).toBe(true);
        expect(shown.items.slice(shown.pinned).some((i) => i.pinned)).toBe(false);
      }
    }
  });
});

describe("buildNavigation: most viewed per category", () => {
  const a = item("tools", "a", 100, { views: 10 });
  const b = item("tools", "b", 200, { views: 30 });
  const c = item("methods", "c", 300, { views: 30 });
  const d = item("guides", "d", 400, { views: 5 });
  const e = item("notes", "e", 50, { views: 999 });

  it("lists at most N of each category and its descendants, most viewed first, newer first on a tie", () => {
    const nav = buildNavigation([a, b, c, d, e], PATHS, 10, { mostViewed: 3 });
    expect(slugs(nav.mostViewed.get("guides"))).toEqual(["c", "b", "a"]);
    expect(slugs(nav.mostViewed.get("tools"))).toEqual(["b", "a"]);
    expect(slugs(nav.mostViewed.get("notes"))).toEqual(["e"]);
  });
  it("computes none when the count is 0 (the default), each category with an empty list", () => {
    for (const nav of [buildNavigation([a, b], PATHS, 10), buildNavigation([a, b], PATHS, 10, { mostViewed: 0 })]) {
      expect([...nav.mostViewed.keys()].sort()).toEqual(["guides", "methods", "notes", "tools"]);
      expect([...nav.mostViewed.values()].flat()).toEqual([]);
    }
  });
});

describe("pinnedFirst (the home page's latest)", () => {
  const list = ["n5", "n4", "h3", "n2", "h1"];
  const isPinned = (s: string) => s.startsWith("h");
  it("moves the pinned to the front, newest first, and fills up with the newest others", () => {
    expect(pinnedFirst(list, isPinned, 4)).toEqual(["h3", "h1", "n5", "n4"]);
  });
  it("keeps every pinned one even past the count", () => {
    expect(pinnedFirst(list, isPinned, 1)).toEqual(["h3", "h1"]);
  });
  it("is the plain newest first without pins", () => {
    expect(pinnedFirst(list, () => false, 3)).toEqual(["n5", "n4", "h3"]);
  });
});
