import { describe, expect, it } from "vitest";
import type { Problem } from "./problems.ts";
import { MAX_TAG_LENGTH, readTags, tagKey } from "./tags.ts";
import { parseYamlSource } from "./yaml-source.ts";
import type { FieldReader } from "./field-reader.ts";

/** Reads the `tags:` of a front-matter block written as YAML, with the real parser's positions. */
function tagsOf(yaml: string) {
  const source = parseYamlSource(yaml, "a.md", 1);
  expect(source.problems).toEqual([]);
  const problems: Omit<Problem, "file">[] = [];
  const reader: FieldReader = {
    source,
    timeZone: "Asia/Shanghai",
    report: (path, field, found, expected) => problems.push({ ...source.locate(path), field, found, expected }),
  };
  const tags = readTags((source.value as Record<string, unknown>).tags, reader);
  return { tags, problems };
}

describe("readTags", () => {
  it("reads names in any script, trimmed, in the order written", () => {
    expect(tagsOf("tags: [工業營銷, key accounts, 「渠道」,  '  B2B  ' ]\n")).toEqual({
      tags: ["工業營銷", "key accounts", "「渠道」", "B2B"],
      problems: [],
    });
  });
  it("reads a block list the same way", () => {
    expect(tagsOf("tags:\n  - 采购\n  - Pricing\n").tags).toEqual(["采购", "Pricing"]);
  });
  it("keeps a numeric tag as written", () => {
    expect(tagsOf("tags: [2013, 1.10]\n").tags).toEqual(["2013", "1.10"]);
  });
  it("gives no tags when the key is absent or empty", () => {
    expect(tagsOf("title: A\n").tags).toEqual([]);
    expect(tagsOf("tags:\n").tags).toEqual([]);
    expect(tagsOf("tags: []\n").tags).toEqual([]);
  });

  it("refuses one text with commas, naming the line and saying it is not a list", () => {
    const { tags, problems } = tagsOf('title: A\ntags: "a, b"\n');
    expect(tags).toEqual([]);
    expect(problems).toEqual([
      {
        line: 3,
        column: 7,
        field: "tags",
        found: '"a, b" (one text with commas, not a list)',
        expected: expect.stringContaining("a list of tag names"),
      },
    ]);
  });
  it("refuses a single bare name (a list is always written as one)", () => {
    expect(tagsOf("tags: pricing\n").problems).toMatchObject([{ field: "tags", found: '"pricing"' }]);
  });
  it("refuses an empty tag, a nested list and a mapping, each on its own line", () => {
    const { tags, problems } = tagsOf('tags:\n  - ok\n  - "  "\n  - [x]\n  - { a: 1 }\n');
    expect(tags).toEqual(["ok"]);
    expect(problems.map((p) => [p.line, p.found])).toEqual([
      [4, "an empty tag"],
      [5, "a list"],
      [6, "a mapping"],
    ]);
  });
  it("refuses a tag with a line break inside", () => {
    expect(tagsOf('tags: ["a\\nb"]\n').problems[0]!.found).toContain("line break");
  });
  it(`allows ${MAX_TAG_LENGTH} characters and refuses one more (counted in code points)`, () => {
    expect(tagsOf(`tags: [${"𠀋".repeat(MAX_TAG_LENGTH)}]\n`).problems).toEqual([]);
    expect(tagsOf(`tags: [${"字".repeat(MAX_TAG_LENGTH + 1)}]\n`).problems[0]!.found).toContain(
      `(${MAX_TAG_LENGTH + 1} characters)`,
    );
  });

  it.each([
    ["case", "KAM", "kam"],
    ["width", "ＫＡＭ", "kam"],
    ["Unicode normalisation", "Caf\u00e9", "Cafe\u0301"],
    ["inner spaces", "key accounts", "key  accounts"],
  ])("refuses a second tag that differs from an earlier one only in %s", (_what, first, second) => {
    const { tags, problems } = tagsOf(`tags:\n  - ${first}\n  - other\n  - "${second}"\n`);
    expect(tags).toEqual([first, "other"]);
    expect(problems).toEqual([
      {
        line: 5,
        column: 5,
        field: "tags",
        found: `"${second}" again (the same tag as "${first}", number 1 in the list)`,
        expected: "each tag once",
      },
    ]);
  });
  it("keeps Traditional and Simplified spellings as two tags (the content layer has no script fold)", () => {
    expect(tagsOf("tags: [工業營銷, 工业营销]\n")).toEqual({ tags: ["工業營銷", "工业营销"], problems: [] });
  });
});

describe("tagKey", () => {
  it("folds width and case, and nothing else", () => {
    expect(tagKey("ＫＡＭ Accounts")).toBe("kam accounts");
    expect(tagKey("營銷")).toBe("營銷");
  });
});
