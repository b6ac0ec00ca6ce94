import { describe, expect, it } from "vitest";
import { LABELS, LOCALES, fill, isLocale } from "./labels.ts";

const KEYS = Object.keys(LABELS.en).sort();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("LABELS", () => {
  it("has an entry for every locale", () => {
    expect(Object.keys(LABELS).sort()).toEqual([...LOCALES].sort());
  });
  it.each(LOCALES)("%s has exactly the same keys as en", (locale) => {
    expect(Object.keys(LABELS[locale]).sort()).toEqual(KEYS);
  });
  it.each(LOCALES)("%s has a non-empty text for every key", (locale) => {
    for (const key of KEYS) {
      const value = (LABELS[locale] as unknown as Record<string, unknown>)[key];
      expect(typeof value, `${locale}.${key}`).toBe("string");
      expect((value as string).trim(), `${locale}.${key}`).not.toBe("");
    }
  });
  it.each(LOCALES)("%s uses the same placeholders as en in every label", (locale) => {
    // monthTitle picks date fields per language ({yyyy} 年 {M} 月 / {MMMM} {yyyy}); all come from one set.
    for (const key of KEYS.filter((k) => k !== "monthTitle")) {
      const k = key as keyof typeof LABELS.en;
      expect(placeholders(LABELS[locale][k]), `${locale}.${key}`).toEqual(placeholders(LABELS.en[k]));
    }
  });
});

describe("isLocale", () => {
  it("accepts the shipped locales", () => {
    expect(LOCALES.every((l) => isLocale(l))).toBe(true);
  });
  it("rejects others and non-strings", () => {
    expect(isLocale("fr")).toBe(false);
    expect(isLocale("zh-hant")).toBe(false);
    expect(isLocale(1)).toBe(false);
  });
});

describe("fill", () => {
  it("fills a number placeholder", () => {
    expect(fill("第 {n} 頁", { n: 3 })).toBe("第 3 頁");
  });
  it("fills several placeholders", () => {
    expect(fill(LABELS.en.pageOfTotal, { n: 2, total: 7 })).toBe("Page 2 of 7");
  });
  it("fills the same placeholder twice", () => {
    expect(fill("{a}-{a}", { a: "x" })).toBe("x-x");
  });
  it("leaves unknown placeholders as written", () => {
    expect(fill("More in {name} ({n})", { n: 4 })).toBe("More in {name} (4)");
  });
  it("fills 0 and empty text", () => {
    expect(fill("{n}|{name}|", { n: 0, name: "" })).toBe("0||");
  });
  it("inserts values literally, without treating $ patterns specially", () => {
    expect(fill("More in {name}", { name: "$& $1" })).toBe("More in $& $1");
  });
  it("does not fill inherited object properties", () => {
    expect(fill("{toString}", {})).toBe("{toString}");
  });
});

describe("monthTitle", () => {
  it.each(LOCALES)("%s uses only the date fields the archive fills in", (locale) => {
    expect(placeholders(LABELS[locale].monthTitle).every((p) => ["yyyy", "MM", "M", "MMMM"].includes(p ?? ""))).toBe(
      true,
    );
  });
});

describe("past-comment labels", () => {
  it.each(LOCALES)("%s counts comments with {n}, and names one comment without a placeholder", (locale) => {
    expect(placeholders(LABELS[locale].commentCount)).toEqual(["n"]);
    expect(placeholders(LABELS[locale].commentCountOne)).toEqual([]);
    expect(LABELS[locale].commentCountOne).toContain("1");
  });
  it("uses the same words for one comment as for many in Chinese, and the singular in English", () => {
    expect(fill(LABELS["zh-Hant"].commentCount, { n: 1 })).toBe(LABELS["zh-Hant"].commentCountOne);
    expect(fill(LABELS["zh-Hans"].commentCount, { n: 1 })).toBe(LABELS["zh-Hans"].commentCountOne);
    expect(LABELS.en.commentCountOne).toBe("1 comment");
    expect(fill(LABELS.en.commentCount, { n: 3 })).toBe("3 comments");
  });
  it("writes each locale's script: 標籤 and 評論 in Traditional, 标签 and 评论 in Simplified", () => {
    expect([LABELS["zh-Hant"].tags, LABELS["zh-Hant"].pastComments, LABELS["zh-Hant"].replyTo]).toEqual([
      "標籤",
      "往日評論",
      "回覆：",
    ]);
    expect([LABELS["zh-Hans"].tags, LABELS["zh-Hans"].pastComments, LABELS["zh-Hans"].replyTo]).toEqual([
      "标签",
      "往日评论",
      "回复：",
    ]);
  });
});
