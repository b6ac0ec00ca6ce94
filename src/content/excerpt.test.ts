import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt.ts";

describe("excerpt", () => {
  it("drops the asterisks of bold next to CJK punctuation, as the page renders it bold", () => {
    expect(excerpt("**结论：**周转很快，**重要。**下一句", 120)).toBe("结论：周转很快，重要。下一句");
  });

  it("leaves short plain text unchanged", () => {
    expect(excerpt("A short paragraph.", 120)).toBe("A short paragraph.");
  });
  it("keeps the text of links and drops their targets", () => {
    expect(excerpt("See [the docs](https://example.org/docs) now.", 120)).toBe("See the docs now.");
  });
  it("keeps the text of reference links", () => {
    expect(excerpt("See [the docs][1] now.", 120)).toBe("See the docs now.");
  });
  it("removes emphasis, strong, strikethrough and inline code markers", () => {
    expect(excerpt("A **bold** and *italic* and __strong__ and ~~gone~~ and `code` word.", 120)).toBe(
      "A bold and italic and strong and gone and code word.",
    );
  });
  it("removes inline HTML tags and keeps their text", () => {
    expect(excerpt("Hello <b>bold</b> world", 120)).toBe("Hello bold world");
  });
  it("unescapes backslash escapes", () => {
    expect(excerpt("Price \\*not\\* emphasis", 120)).toBe("Price *not* emphasis");
  });
  it("skips headings", () => {
    expect(excerpt("# Heading\n\nFirst paragraph.", 120)).toBe("First paragraph.");
  });
  it("skips every heading of a sectioned body (the table of contents lists them; the excerpt never does)", () => {
    expect(excerpt("## 背景\n\n甲乙。\n\n### 市場規模\n\n丙丁。\n\n## 結論\n\n戊己。", 120)).toBe("甲乙。丙丁。戊己。");
  });
  it("keeps a paragraph that directly follows a heading line", () => {
    expect(excerpt("# Heading\nFirst paragraph.", 120)).toBe("First paragraph.");
  });
  it("skips block images, tables and thematic breaks", () => {
    expect(excerpt("![photo](/a.png)\n\n| a | b |\n|---|---|\n\n---\n\nText.", 120)).toBe("Text.");
  });
  it("removes list markers, bullets and numbers", () => {
    expect(excerpt("- one\n- two\n\n1. three\n2) four", 120)).toBe("one two three four");
  });
  it("removes blockquote markers", () => {
    expect(excerpt("> quoted line", 120)).toBe("quoted line");
  });
  it("skips fenced code blocks", () => {
    expect(excerpt("```js\nconst x = 1;\n```\n\nAfter code.", 120)).toBe("After code.");
    expect(excerpt("~~~\nraw\n~~~\n\nAfter tilde code.", 120)).toBe("After tilde code.");
  });
  it("keeps underscores inside words such as snake_case names", () => {
    expect(excerpt("Call snake_case_name here.", 120)).toBe("Call snake_case_name here.");
  });
  it("joins CJK lines without a space", () => {
    expect(excerpt("中文第一行\n第二行", 120)).toBe("中文第一行第二行");
  });
  it("joins Latin lines with one space", () => {
    expect(excerpt("English line\nsecond line", 120)).toBe("English line second line");
  });
  it("puts a space between a CJK line and a Latin line", () => {
    expect(excerpt("中文\nEnglish", 120)).toBe("中文 English");
  });
  it("joins paragraphs: CJK without a space, Latin with one", () => {
    expect(excerpt("第一段。\n\n第二段。", 120)).toBe("第一段。第二段。");
    expect(excerpt("Para one.\n\nPara two.", 120)).toBe("Para one. Para two.");
  });
  it("truncates to max code points, counting the trailing ellipsis", () => {
    expect(excerpt("一二三四五六七八九十", 5)).toBe("一二三四…");
  });
  it("keeps text of exactly max code points uncut", () => {
    expect(excerpt("一二三四五", 5)).toBe("一二三四五");
  });
  it("trims a trailing space before the ellipsis", () => {
    expect(excerpt("abc def ghi", 5)).toBe("abc…");
  });
  it("counts astral characters as one code point each and never splits them", () => {
    expect(excerpt("😀😀😀😀😀😀", 4)).toBe("😀😀😀…");
  });
  it("gives an empty string for a body with no prose", () => {
    expect(excerpt("# Only a heading", 120)).toBe("");
    expect(excerpt("", 120)).toBe("");
  });
});
