import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { charClass, lengthOf, readingMinutes } from "./reading-length.ts";

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

/** The rule as regular expressions (the first implementation): the one pass must count exactly as these. */
function lengthByRegex(markdown: string) {
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
  const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
  const text = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/<[^>\n]+>/g, " ");
  return { cjk: text.match(CJK)?.length ?? 0, words: text.replace(CJK, " ").match(WORD)?.length ?? 0 };
}

describe("the one-pass count", () => {
  it("classes every code point as the Unicode classes do", () => {
    const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
    const word = /^[\p{L}\p{N}]$/u;
    const wrong: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      const ch = String.fromCodePoint(c);
      const expected = cjk.test(ch) ? 1 : word.test(ch) ? 2 : 0;
      if (charClass(c) !== expected && wrong.push(c.toString(16)) > 20) break;
    }
    expect(wrong).toEqual([]);
  });

  it("counts as the regular expressions do on mixed text, joiners, surrogate pairs and lone surrogates", () => {
    const pieces = [
      "a",
      "Z",
      "9",
      "é",
      "字",
      "𠀋",
      "ー",
      "・",
      "々",
      "한",
      "か",
      "'",
      "’",
      ".",
      "-",
      " ",
      "，",
      "\n",
      "\ud800",
      "Ⅻ",
      "٣",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + (n % 40) }, () => pieces[next()]).join("");
      expect(lengthOf(text), JSON.stringify(text)).toEqual(lengthByRegex(text));
    }
  });

  it("counts the sample archive's articles as the regular expressions do", () => {
    const folder = path.join(import.meta.dirname, "../../content/articles");
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(path.join(folder, f), "utf8");
      expect(lengthOf(text), f).toEqual(lengthByRegex(text));
    }
  });
});
