import { afterEach, describe, expect, it } from "vitest";
import { splitFrontMatter } from "./front-matter.ts";

declare global {
  var __pwned: unknown;
}

afterEach(() => {
  delete globalThis.__pwned;
});

describe("splitFrontMatter", () => {
  it("splits front-matter from the body and gives the body's first line", () => {
    const { split, problems } = splitFrontMatter(
      "---\ntitle: A\ncategory: research\n---\nFirst line.\nSecond line.",
      "a.md",
    );
    expect(problems).toEqual([]);
    expect(split!.frontMatter.value).toEqual({ title: "A", category: "research" });
    expect(split!.frontMatter.problems).toEqual([]);
    expect(split!.body).toBe("First line.\nSecond line.");
    expect(split!.bodyLine).toBe(5);
  });
  it("locates front-matter keys by their line in the file", () => {
    const { split } = splitFrontMatter("---\ntitle: A\ndate: 2013-12-27\n---\nBody", "a.md");
    expect(split!.frontMatter.locate(["title"]).line).toBe(2);
    expect(split!.frontMatter.locate(["date"]).line).toBe(3);
  });
  it("counts blank and comment lines of the block in bodyLine", () => {
    const { split } = splitFrontMatter("---\n# a comment\n\ntitle: A\n---\nBody", "a.md");
    expect(split!.body).toBe("Body");
    expect(split!.bodyLine).toBe(6);
  });
  it("accepts an empty front-matter block", () => {
    const { split, problems } = splitFrontMatter("---\n---\nbody", "a.md");
    expect(problems).toEqual([]);
    expect(split!.body).toBe("body");
    expect(split!.bodyLine).toBe(3);
    expect(split!.frontMatter.problems).toEqual([]);
    expect(split!.frontMatter.value ?? {}).toEqual({});
  });
  it("accepts trailing spaces on the opening line", () => {
    const { split, problems } = splitFrontMatter("---  \ntitle: A\n---\nBody", "a.md");
    expect(problems).toEqual([]);
    expect(split!.frontMatter.value).toEqual({ title: "A" });
    expect(split!.body).toBe("Body");
    expect(split!.bodyLine).toBe(4);
  });
  it("starts the body after a closing line that has trailing spaces", () => {
    const { split, problems } = splitFrontMatter("---\ntitle: A\n--- \nBody", "a.md");
    expect(problems).toEqual([]);
    expect(split!.frontMatter.value).toEqual({ title: "A" });
    expect(split!.body).toBe("Body");
    expect(split!.bodyLine).toBe(4);
  });
  it("gives an empty body when the file ends after the closing line", () => {
    const { split } = splitFrontMatter("---\ntitle: A\n---", "a.md");
    expect(split!.body).toBe("");
    expect(split!.frontMatter.value).toEqual({ title: "A" });
  });
  it("passes YAML problems through with file line numbers", () => {
    const { split, problems } = splitFrontMatter("---\ntitle: a\nviews: 1\ntitle: b\n---\n", "a.md");
    expect(problems).toEqual([]);
    expect(split!.frontMatter.problems).toHaveLength(1);
    expect(split!.frontMatter.problems[0]).toMatchObject({
      file: "a.md",
      line: 4,
      field: "title",
      found: 'the key "title" again (first on line 2)',
    });
  });
  it("reports a file without an opening --- on line 1", () => {
    const { split, problems } = splitFrontMatter("title: A\n---\nBody", "a.md");
    expect(split).toBeUndefined();
    expect(problems).toEqual([
      {
        file: "a.md",
        line: 1,
        column: 1,
        field: "front-matter",
        found: '"title: A"',
        expected: "front-matter starting on line 1 with ---",
      },
    ]);
  });
  it("reports an empty first line", () => {
    const { problems } = splitFrontMatter("\n---\ntitle: A\n---\n", "a.md");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, field: "front-matter", found: "an empty first line" });
  });
  it("refuses ---js front-matter without executing it", () => {
    const { split, problems } = splitFrontMatter('---js\n{ title: (globalThis.__pwned = 1, "x") }\n---\nBody', "a.md");
    expect(split).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: "a.md",
      line: 1,
      field: "front-matter",
      expected: "YAML front-matter opened by a plain --- line",
    });
    expect(problems[0]!.found).toContain("---js");
    expect(globalThis.__pwned).toBeUndefined();
  });
  it("refuses a language tag after a space, without executing it", () => {
    const { split, problems } = splitFrontMatter(
      "--- javascript\nglobalThis.__pwned = 1; module.exports = {}\n---\nBody",
      "a.md",
    );
    expect(split).toBeUndefined();
    expect(problems[0]).toMatchObject({ line: 1, field: "front-matter" });
    expect(globalThis.__pwned).toBeUndefined();
  });
  it("reports a block that is never closed", () => {
    const { split, problems } = splitFrontMatter("---\ntitle: A\n\nBody text", "a.md");
    expect(split).toBeUndefined();
    expect(problems).toEqual([
      {
        file: "a.md",
        line: 1,
        column: 1,
        field: "front-matter",
        found: "a --- line that is never closed",
        expected: "a second --- line ending the front-matter",
      },
    ]);
  });
});
