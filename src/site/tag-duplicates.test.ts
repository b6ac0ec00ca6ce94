import { describe, expect, it } from "vitest";
import { nearDuplicateTags, nearKey } from "./tag-duplicates.ts";
import type { TagUse } from "./tag-slug.ts";

const use = (name: string, file: string, line = 5, column = 8): TagUse => ({ name, file, line, column });

describe("nearKey", () => {
  it("is the same for case, width, Unicode form and Traditional/Simplified spellings", () => {
    expect(nearKey("KAM")).toBe(nearKey("ｋａｍ"));
    expect(nearKey("工業營銷")).toBe(nearKey("工业营销"));
    expect(nearKey("工業營銷")).not.toBe(nearKey("工業"));
  });
});

describe("nearDuplicateTags", () => {
  it("finds nothing when every subject has one spelling, however often it is used", () => {
    expect(nearDuplicateTags([use("KAM", "a.md"), use("KAM", "b.md"), use("工業營銷", "b.md")])).toEqual([]);
  });

  it("reports a Simplified spelling of a Traditional tag at its place, naming the other file", () => {
    const problems = nearDuplicateTags([use("工業營銷", "articles/a.md"), use("工业营销", "articles/b.md", 6, 9)]);
    expect(problems).toEqual([
      {
        file: "articles/b.md",
        line: 6,
        column: 9,
        field: "tags",
        found: '"工业营销" is the same in Traditional and Simplified script as the tag 「工業營銷」, used in',
        also: "articles/a.md",
        expected: "did you mean 「工業營銷」? One spelling per tag (the one most articles use)",
      },
    ]);
  });

  it("reports a spelling differing in case or width, saying so", () => {
    const [problem] = nearDuplicateTags([use("KAM", "a.md"), use("ｋａｍ", "b.md")]);
    expect(problem!.found).toBe('"ｋａｍ" differs only in case, width or Unicode form from the tag 「KAM」, used in');
  });

  it("suggests the spelling most articles use, naming the first file (by path) that uses it", () => {
    const problems = nearDuplicateTags([
      use("kam", "d.md"),
      use("KAM", "c.md"),
      use("kam", "b.md"),
      use("KAM", "e.md"),
      use("KAM", "f.md"),
    ]);
    expect(problems.map((p) => [p.file, p.also, p.expected.split("?")[0]])).toEqual([
      ["b.md", "c.md", "did you mean 「KAM」"],
      ["d.md", "c.md", "did you mean 「KAM」"],
    ]);
  });

  it("on a tie, suggests the spelling met first in file-path order, whatever order the uses come in", () => {
    const uses = [use("工业营销", "b.md"), use("工業營銷", "a.md")];
    for (const input of [uses, [...uses].reverse()]) {
      const problems = nearDuplicateTags(input);
      expect(problems.map((p) => [p.file, p.also])).toEqual([["b.md", "a.md"]]);
    }
  });

  it("catches both spellings in one article too", () => {
    const problems = nearDuplicateTags([use("工業營銷", "a.md", 5, 8), use("工业营销", "a.md", 5, 14)]);
    expect(problems.map((p) => [p.file, p.column, p.also])).toEqual([["a.md", 14, "a.md"]]);
  });
});
