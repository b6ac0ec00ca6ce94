// The pure helpers of the search page's script (templates/assets/search.js), run in Node: the query
// fold must equal the index fold, and excerpts must come back in the article's own script.
import { describe, expect, it } from "vitest";
import { fold, foldTable } from "../src/i18n/fold.ts";
import { excerptSegments, fill, inOriginal, makeFold, queryWords, searchShards } from "../templates/assets/search.js";

type Segment = { text: string; mark: boolean };

describe("makeFold (the page's query fold)", () => {
  it("folds exactly as the index was folded", () => {
    const browserFold = makeFold(foldTable());
    for (const s of ["經銷商渠道衝突", "头发 頭髮", "綫", "ＫＡＭ", "Key Account", "𠀋㗲"])
      expect(browserFold(s)).toBe(fold(s));
  });
});

describe("excerptSegments", () => {
  it("splits Pagefind's excerpt into marked and plain text, decoding the < and > it escapes (and only those)", () => {
    expect(excerptSegments("a &amp; <mark>渠道</mark><mark>冲突</mark> &lt;b&gt;")).toEqual([
      { text: "a &amp; ", mark: false },
      { text: "渠道", mark: true },
      { text: "冲突", mark: true },
      { text: " <b>", mark: false },
    ]);
  });
  it("gives one plain segment when nothing is marked", () => {
    expect(excerptSegments("plain")).toEqual([{ text: "plain", mark: false }]);
  });
});

describe("inOriginal", () => {
  const original = "經銷商渠道衝突：三種化解辦法 廠家自己的銷售";
  const folded = fold(original);

  it("cuts the same passage from the original text, marks in the same places", () => {
    const segments: Segment[] = excerptSegments("商<mark>渠道</mark><mark>冲突</mark>：三种");
    const back = inOriginal(segments, folded, original);
    expect(back).toEqual([
      { text: "商", mark: false },
      { text: "渠道", mark: true },
      { text: "衝突", mark: true },
      { text: "：三種", mark: false },
    ]);
  });

  it("ignores the zero-width spaces Pagefind puts between Chinese words", () => {
    const segments: Segment[] = excerptSegments("<mark>渠道\u200b</mark>\u200b冲突");
    const zws = [...folded].join("\u200b");
    expect(inOriginal(segments, zws, original)).toEqual([
      { text: "渠道", mark: true },
      { text: "衝突", mark: false },
    ]);
  });

  it("leaves the excerpt as it is when there is no original or the passage cannot be found", () => {
    const segments: Segment[] = [{ text: "别的", mark: true }];
    expect(inOriginal(segments, folded, undefined)).toBe(segments);
    expect(inOriginal(segments, folded, original)).toBe(segments);
    expect(inOriginal(segments, folded, "short")).toBe(segments);
  });
});

describe("fill", () => {
  it("fills the result line's placeholders", () => {
    expect(fill("「{q}」找到 {n} 篇文章", { q: "渠道", n: "3" })).toBe("「渠道」找到 3 篇文章");
  });
});

describe("queryWords", () => {
  it("splits Chinese into words and other text at spaces, lower-cased", () => {
    expect(queryWords("渠道冲突 Key Accounts")).toEqual(["渠道", "冲突", "key", "accounts"]);
  });
});

describe("searchShards", () => {
  // A fake merged index of two shards. Like Pagefind, each shard drops the query words it does not
  // hold: shard B has no 冲突, so it answers 渠道冲突 with its pages about 渠道.
  const shards = [
    { words: ["渠道", "冲突"], pages: { a1: ["渠道", "冲突"], a2: ["渠道"] } as Record<string, string[]> },
    { words: ["渠道"], pages: { b1: ["渠道"] } as Record<string, string[]> },
  ];
  const search = async (q: string) => ({
    results: shards.flatMap((shard) => {
      const words = queryWords(q).filter((w) => shard.words.includes(w));
      if (words.length === 0) return [];
      return Object.entries(shard.pages)
        .filter(([, has]) => words.every((w) => has.includes(w)))
        .map(([id]) => ({ id }));
    }),
  });

  it("keeps only results that every word of the query finds", async () => {
    const found = await searchShards(search, "渠道冲突");
    expect(found.map((r: { id: string }) => r.id)).toEqual(["a1"]);
  });

  it("leaves out words found nowhere, as one index would", async () => {
    const found = await searchShards(search, "渠道 不存在");
    expect(found.map((r: { id: string }) => r.id).sort()).toEqual(["a1", "a2", "b1"]);
  });

  it("passes one-word queries through", async () => {
    expect((await searchShards(search, "渠道")).map((r: { id: string }) => r.id).sort()).toEqual(["a1", "a2", "b1"]);
  });
});
