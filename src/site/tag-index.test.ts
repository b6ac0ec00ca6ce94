import { describe, expect, it } from "vitest";
import { siteTags } from "./tag-index.ts";

const article = (file: string, tags: string[]) => ({
  file,
  tags,
  tagAt: tags.map((_, i) => ({ line: 5, column: 8 + i })),
});

describe("siteTags", () => {
  const a = article("a.md", ["kam", "工業營銷"]);
  const b = article("b.md", ["KAM Tools", "工業營銷"]);
  const c = article("c.md", ["工業營銷", "Alpha"]);
  const lists = new Map([
    ["工業營銷", [c, b, a]],
    ["kam", [a]],
    ["KAM Tools", [b]],
    ["Alpha", [c]],
  ]);
  const tags = siteTags([c, a, b], lists);

  it("orders the index by article count, then by name", () => {
    expect(tags.all.map((t) => [t.name, t.slug, t.articles.length])).toEqual([
      ["工業營銷", "工業營銷", 3],
      ["Alpha", "alpha", 1],
      ["kam", "kam", 1],
      ["KAM Tools", "kam-tools", 1],
    ]);
  });

  it("names the first file by path that uses each tag", () => {
    expect(tags.byName.get("工業營銷")!.file).toBe("a.md");
    expect(tags.byName.get("Alpha")!.file).toBe("c.md");
  });

  it("gives a tag whose slug is taken no page of its own, links it to the first, and reports it", () => {
    const x = article("x.md", ["C++"]);
    const y = article("y.md", ["C#"]);
    const t = siteTags(
      [y, x],
      new Map([
        ["C++", [x]],
        ["C#", [y]],
      ]),
    );
    expect(t.all.map((tag) => tag.name)).toEqual(["C++"]);
    expect(t.byName.get("C#")!.name).toBe("C++");
    expect(t.problems.map((p) => [p.file, p.line, p.column, p.also])).toEqual([["y.md", 5, 8, "x.md"]]);
  });

  it("reports near-duplicate spellings across articles", () => {
    const x = article("x.md", ["工業營銷"]);
    const y = article("y.md", ["工业营销"]);
    const t = siteTags(
      [x, y],
      new Map([
        ["工業營銷", [x]],
        ["工业营销", [y]],
      ]),
    );
    expect(t.problems.map((p) => [p.file, p.also, p.expected.split("?")[0]])).toEqual([
      ["y.md", "x.md", "did you mean 「工業營銷」"],
    ]);
  });

  it("has no tags for an archive without any", () => {
    expect(siteTags([article("a.md", [])], new Map()).all).toEqual([]);
  });
});
