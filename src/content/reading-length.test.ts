import { describe, expect, it } from "vitest";
import { lengthOf, readingMinutes } from "./reading-length.ts";

describe("lengthOf", () => {
  it("counts each Chinese character as one, punctuation not at all", () => {
    expect(lengthOf("庫存周轉很快，但毛利在變薄。")).toEqual({ cjk: 12, words: 0 });
    expect(lengthOf("库存周转")).toEqual({ cjk: 4, words: 0 });
  });

  it("counts Latin runs as words, beside CJK characters in the same sentence", () => {
    expect(lengthOf("採購部用 KAM 模型管理 key accounts。")).toEqual({ cjk: 8, words: 3 });
    expect(lengthOf("It's a well-known rule.")).toEqual({ cjk: 0, words: 4 });
  });

  it("counts kana and Hangul characters one each", () => {
    expect(lengthOf("ひらがなカタカナ")).toEqual({ cjk: 8, words: 0 });
    expect(lengthOf("한국어 문장")).toEqual({ cjk: 5, words: 0 });
  });

  it("does not read code blocks, link targets, image targets or tags", () => {
    const markdown =
      "正文[連結](/research/a-long-slug/)\n\n![圖](/media/x.jpg)\n\n```js\nconst a = 1;\n```\n\n<sup>2</sup>";
    expect(lengthOf(markdown)).toEqual({ cjk: 4, words: 1 });
  });
});

describe("readingMinutes", () => {
  const speed = { cjk: 400, latin: 200 };
  it("adds the characters and the words at their own speeds, rounded, at least a minute", () => {
    expect(readingMinutes({ cjk: 2400, words: 0 }, speed)).toBe(6);
    expect(readingMinutes({ cjk: 400, words: 200 }, speed)).toBe(2);
    expect(readingMinutes({ cjk: 10, words: 0 }, speed)).toBe(1);
  });
});
