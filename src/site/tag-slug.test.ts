import { describe, expect, it } from "vitest";
import { tagPath, tagSlug, tagSlugs, type TagUse } from "./tag-slug.ts";

const use = (name: string, file: string, line = 5, column = 8): TagUse => ({ name, file, line, column });

describe("tagSlug", () => {
  it("makes ASCII tags lower-case and hyphenated", () => {
    expect(tagSlug("Key Accounts")).toBe("key-accounts");
    expect(tagSlug("  B2B / Channel  ")).toBe("b2b-channel");
    expect(tagSlug("ＫＡＭ")).toBe("kam");
  });
  it("keeps the letters of Chinese and other scripts", () => {
    expect(tagSlug("工業營銷")).toBe("工業營銷");
    expect(tagSlug("大客戶 & <採購>")).toBe("大客戶-採購");
    expect(tagSlug("Ценообразование")).toBe("ценообразование");
  });
  it("gives nothing for a tag without a letter or digit", () => {
    expect(tagSlug("++")).toBe("");
  });
});

describe("tagPath", () => {
  it("puts page 1 at the tag's own address and later pages under page/n/", () => {
    expect(tagPath("工業營銷")).toBe("/tags/工業營銷/");
    expect(tagPath("kam", 1)).toBe("/tags/kam/");
    expect(tagPath("kam", 3)).toBe("/tags/kam/page/3/");
  });
});

describe("tagSlugs", () => {
  it("gives each tag its slug", () => {
    const { slugs, problems } = tagSlugs([use("Key Accounts", "a.md"), use("工業營銷", "a.md"), use("KAM", "b.md")]);
    expect(Object.fromEntries(slugs)).toEqual({ "Key Accounts": "key-accounts", 工業營銷: "工業營銷", KAM: "kam" });
    expect(problems).toEqual([]);
  });
  it("reports the later of two tags that would share a page, at its place, naming the first and its file", () => {
    const { problems } = tagSlugs([use("C++", "a.md"), use("C++", "b.md"), use("C#", "c.md", 6, 12)]);
    expect(problems).toEqual([
      {
        file: "c.md",
        line: 6,
        column: 12,
        field: "tags",
        found: '"C#" would have the tag page /tags/c/ of the tag "C++", used in',
        also: "a.md",
        expected: expect.stringContaining("differing from other tags"),
      },
    ]);
  });
  it("reports a tag with no letter or digit at every use", () => {
    const { problems } = tagSlugs([use("++", "a.md"), use("++", "b.md")]);
    expect(problems.map((p) => [p.file, p.found])).toEqual([
      ["a.md", '"++" (no letter or digit, so no address for its tag page)'],
      ["b.md", '"++" (no letter or digit, so no address for its tag page)'],
    ]);
  });
});
