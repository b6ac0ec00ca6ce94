import { describe, expect, it } from "vitest";
import { RELATED_CATEGORY, RELATED_TAG, RELATED_WINDOW, relatedLists } from "./related.ts";

interface Item {
  category: string;
  time: number;
  file: string;
  tags: string[];
}

/** Every pair scored and sorted: what relatedLists must give while every list fits in its windows (≤ RELATED_WINDOW + 1 items). */
function bruteForce(items: readonly Item[], item: Item, count: number): Item[] {
  const score = (other: Item) =>
    (other.category === item.category ? RELATED_CATEGORY : 0) +
    RELATED_TAG * other.tags.filter((t) => item.tags.includes(t)).length;
  return items
    .filter((other) => other !== item && score(other) > 0)
    .sort((a, b) => score(b) - score(a) || b.time - a.time || (a.file < b.file ? -1 : 1))
    .slice(0, count);
}

describe("relatedLists", () => {
  it("equals scoring every pair when the archive is smaller than the windows", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pool = ["a", "b", "c", "d", "e"];
    const items: Item[] = Array.from({ length: RELATED_WINDOW + 1 }, (_, i) => ({
      category: random() < 0.5 ? "x" : "y",
      time: Math.floor(random() * 6),
      file: `f${String(i).padStart(2, "0")}.md`,
      tags: pool.filter(() => random() < 0.35),
    }));
    const chronological = [...items].sort((a, b) => a.time - b.time || (a.file < b.file ? -1 : 1));
    for (const count of [1, 3, 100]) {
      const related = relatedLists(chronological, count);
      for (const item of items)
        expect(related.get(item), `${item.file} ${count}`).toEqual(bruteForce(items, item, count));
    }
  });

  it("gives nothing at all for a count of 0", () => {
    expect(relatedLists([{ category: "x", time: 1, file: "a", tags: [] }], 0).size).toBe(0);
  });
});
