import { describe, expect, it } from "vitest";
import { buildNavigation, compareChronological, pageCount, pagerItems, type NavItem } from "./navigation.ts";
import { RELATED_WINDOW } from "./related.ts";

// research › marketing › industrial-marketing, plus consumer-insight under marketing and a separate news tree.
const PATHS = new Map<string, readonly string[]>([
  ["research", ["research"]],
  ["marketing", ["research", "marketing"]],
  ["industrial-marketing", ["research", "marketing", "industrial-marketing"]],
  ["consumer-insight", ["research", "marketing", "consumer-insight"]],
  ["news", ["news"]],
]);

const item = (category: string, slug: string, time: number): NavItem => ({
  category,
  slug,
  time,
  file: `${category}/${slug}.md`,
});
const slugs = (items: readonly NavItem[] | undefined) => (items ?? []).map((i) => i.slug);

describe("buildNavigation: previous and next", () => {
  const a = item("industrial-marketing", "a", 100);
  const b = item("industrial-marketing", "b", 200);
  const c = item("industrial-marketing", "c", 300);
  const other = item("consumer-insight", "x", 250);
  const nav = buildNavigation([c, other, a, b], PATHS, 10);

  it("gives the oldest article no previous and the newest no next", () => {
    expect(nav.neighbours.get(a)).toEqual({ prev: null, next: b });
    expect(nav.neighbours.get(c)).toEqual({ prev: b, next: null });
  });

  it("links the middle article to its older and newer neighbours", () => {
    expect(nav.neighbours.get(b)).toEqual({ prev: a, next: c });
  });

  it("never crosses into another category, even when a foreign article falls between in time", () => {
    expect(nav.neighbours.get(b)!.next).toBe(c);
    expect(nav.neighbours.get(other)).toEqual({ prev: null, next: null });
  });

  it("does not pair an article in a parent category with its descendants' articles", () => {
    const parentOnly = item("marketing", "p", 150);
    const n = buildNavigation([a, parentOnly, b], PATHS, 10);
    expect(n.neighbours.get(parentOnly)).toEqual({ prev: null, next: null });
    expect(n.neighbours.get(a)!.next).toBe(b);
  });
});

describe("buildNavigation: equal dates", () => {
  it("orders equal dates by slug, whatever the input order", () => {
    const x = item("news", "beta", 500);
    const y = item("news", "alpha", 500);
    const z = item("news", "gamma", 500);
    for (const input of [
      [x, y, z],
      [z, y, x],
      [y, z, x],
    ]) {
      const nav = buildNavigation(input, PATHS, 10);
      expect(slugs(nav.chronological)).toEqual(["alpha", "beta", "gamma"]);
      expect(nav.neighbours.get(x)).toEqual({ prev: y, next: z });
    }
  });

  it("compares slugs by code point, not by the machine's locale", () => {
    expect(compareChronological(item("news", "Z", 1), item("news", "a", 1))).toBeLessThan(0);
    expect(compareChronological(item("news", "工", 1), item("news", "z", 1))).toBeGreaterThan(0);
  });
});

describe("buildNavigation: lists", () => {
  const items = [
    item("industrial-marketing", "im1", 10),
    item("industrial-marketing", "im2", 20),
    item("consumer-insight", "ci1", 15),
    item("marketing", "m1", 30),
    item("news", "n1", 5),
  ];
  const nav = buildNavigation(items, PATHS, 2);

  it("lists a parent's own and all descendants' articles, newest first", () => {
    expect(slugs(nav.lists.get("research"))).toEqual(["m1", "im2", "ci1", "im1"]);
    expect(slugs(nav.lists.get("marketing"))).toEqual(["m1", "im2", "ci1", "im1"]);
    expect(slugs(nav.lists.get("industrial-marketing"))).toEqual(["im2", "im1"]);
  });

  it("keeps other trees out", () => {
    expect(slugs(nav.lists.get("news"))).toEqual(["n1"]);
  });

  it("has an (empty) list for every category", () => {
    const empty = buildNavigation([], PATHS, 2);
    expect([...empty.lists.keys()].sort()).toEqual([...PATHS.keys()].sort());
    expect(empty.lists.get("research")).toEqual([]);
  });

  it("throws on a category missing from the registry (the loader reports it first)", () => {
    expect(() => buildNavigation([item("nope", "x", 1)], PATHS, 2)).toThrow(/nope/);
  });
});

describe("buildNavigation: the list page holding each article", () => {
  // Page size 2 over five articles in one category: newest first → pages [e d] [c b] [a].
  const five = ["a", "b", "c", "d", "e"].map((s, i) => item("news", s, i));
  const nav = buildNavigation(five, PATHS, 2);
  const page = (slug: string) => nav.listPage.get(five.find((i) => i.slug === slug)!);

  it("puts the last entry of a full page on that page", () => {
    expect(page("d")).toBe(1);
  });
  it("puts the next entry on the following page", () => {
    expect(page("c")).toBe(2);
  });
  it("puts the oldest article on the last page", () => {
    expect(page("a")).toBe(3);
  });
  it("counts positions in the article's own category list, not a parent's", () => {
    const leaf = [item("industrial-marketing", "l1", 1), item("industrial-marketing", "l2", 2)];
    const crowded = [...leaf, ...[3, 4, 5].map((t) => item("consumer-insight", `c${t}`, t))];
    const n = buildNavigation(crowded, PATHS, 2);
    expect(n.listPage.get(leaf[0]!)).toBe(1);
  });
});

describe("pageCount", () => {
  it.each([
    [0, 1],
    [1, 1],
    [20, 1],
    [21, 2],
    [40, 2],
    [41, 3],
  ])("%i articles at 20 per page → %i pages", (count, pages) => {
    expect(pageCount(count, 20)).toBe(pages);
  });
});

describe("pagerItems", () => {
  const render = (current: number, total: number) =>
    pagerItems(current, total)
      .map((p) => (p.kind === "gap" ? "…" : p.current ? `[${p.number}]` : String(p.number)))
      .join(" ");

  it("shows every page of a short list", () => {
    expect(render(1, 5)).toBe("[1] 2 3 4 5");
  });
  it("collapses far pages into gaps around the current one", () => {
    expect(render(10, 20)).toBe("1 … 8 9 [10] 11 12 … 20");
  });
  it("shows a single skipped page instead of a gap", () => {
    expect(render(5, 9)).toBe("1 2 3 4 [5] 6 7 8 9");
  });
  it("handles the last page", () => {
    expect(render(300, 300)).toBe("1 … 298 299 [300]");
  });
  it("has one page for a single-page list", () => {
    expect(render(1, 1)).toBe("[1]");
  });
});

describe("buildNavigation: tag lists and related articles", () => {
  const tagged = (category: string, slug: string, time: number, tags: string[]): NavItem => ({
    ...item(category, slug, time),
    tags,
  });
  const a = tagged("industrial-marketing", "a", 100, ["kam", "pricing"]);
  const b = tagged("industrial-marketing", "b", 200, ["kam"]);
  const c = tagged("news", "c", 300, ["kam", "pricing"]);
  const d = tagged("news", "d", 400, ["pricing"]);
  const e = tagged("industrial-marketing", "e", 500, []);
  const f = tagged("news", "f", 600, ["other"]);
  const nav = buildNavigation([f, e, d, c, b, a], PATHS, 10, { related: 5 });

  it("lists each tag's items newest first", () => {
    expect(slugs(nav.tagLists.get("kam"))).toEqual(["c", "b", "a"]);
    expect(slugs(nav.tagLists.get("pricing"))).toEqual(["d", "c", "a"]);
    expect([...nav.tagLists.keys()]).toEqual(["other", "pricing", "kam"]);
  });

  it("scores 2 per shared tag and 1 for the same category, best first, then newer first", () => {
    // c: two tags (4); b: kam + same category (3); e: same category (1); d: pricing (2). f shares nothing.
    expect(slugs(nav.related.get(a))).toEqual(["c", "b", "d", "e"]);
    expect(slugs(nav.related.get(e))).toEqual(["b", "a"]);
  });

  it("never lists the item itself, nor an item that scores 0", () => {
    for (const x of [a, b, c, d, e, f]) expect(nav.related.get(x)).not.toContain(x);
    expect(slugs(nav.related.get(f))).toEqual(["d", "c"]);
  });

  it("breaks equal scores and times by file, and cuts the list at the count", () => {
    const p = tagged("news", "p", 100, ["t"]);
    const q = tagged("consumer-insight", "q", 100, ["t"]);
    const r = tagged("research", "r", 100, ["t"]);
    const n = buildNavigation([r, q, p], PATHS, 10, { related: 1 });
    expect(slugs(n.related.get(p))).toEqual(["q"]);
    expect(slugs(buildNavigation([r, q, p], PATHS, 10, { related: 5 }).related.get(r))).toEqual(["q", "p"]);
  });

  it("computes nothing when the count is 0", () => {
    expect(buildNavigation([a, b, c], PATHS, 10, { related: 0 }).related.size).toBe(0);
  });

  it("looks only at the RELATED_WINDOW nearest in time on a tag with very many items", () => {
    const many = Array.from({ length: 500 }, (_, i) => tagged("news", `m${i}`, i, ["big"]));
    const n = buildNavigation(many, PATHS, 10, { related: 100 });
    const related = n.related.get(many[250]!)!;
    // Same tag and category: every candidate scores 3, so the order is newest first within the window.
    expect(related.length).toBe(2 * RELATED_WINDOW);
    expect(slugs(related)[0]).toBe(`m${250 + RELATED_WINDOW}`);
    expect(related.every((x) => Math.abs(x.time - 250) <= RELATED_WINDOW)).toBe(true);
  });
});
