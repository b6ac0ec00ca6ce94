import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headingIds, headingSlug, isReservedId, RESERVED_IDS } from "./heading-id.ts";

/** The ids one document's headings get, in order. */
const idsOf = (...texts: string[]) => {
  const next = headingIds();
  return texts.map((text) => next(text));
};

describe("headingSlug", () => {
  it("keeps Chinese as written, Traditional and Simplified", () => {
    expect(headingSlug("渠道衝突的根源")).toBe("渠道衝突的根源");
    expect(headingSlug("渠道冲突的根源")).toBe("渠道冲突的根源");
  });
  it("drops Chinese and Latin punctuation and symbols", () => {
    expect(headingSlug("第一章：緒論")).toBe("第一章緒論");
    expect(headingSlug("「交期」為何延誤？")).toBe("交期為何延誤");
    expect(headingSlug("What's new? (2013)")).toBe("whats-new-2013");
    expect(headingSlug("成本 & 收益 + 風險 → 結論")).toBe("成本-收益-風險-結論");
  });
  it("makes spaces (also the ideographic space) hyphens and lower-cases Latin", () => {
    expect(headingSlug("Key Account Management")).toBe("key-account-management");
    expect(headingSlug("重點客戶　管理")).toBe("重點客戶-管理");
    expect(headingSlug("  Spaced   Out  ")).toBe("spaced-out");
  });
  it("mixes English and Chinese, keeping digits", () => {
    expect(headingSlug("KAM 的 3 個階段")).toBe("kam-的-3-個階段");
    expect(headingSlug("B2B 市場，2013 年")).toBe("b2b-市場2013-年");
  });
  it("starts with a letter: a digit or underscore first gets h- in front", () => {
    expect(headingSlug("2013 年 B2B 市場")).toBe("h-2013-年-b2b-市場");
    expect(headingSlug("1. 前言")).toBe("h-1-前言");
    expect(headingSlug("_draft_")).toBe("h-_draft_");
    expect(headingSlug("——2021——")).toBe("h-2021");
  });
  it("reads full-width letters and digits as their plain forms", () => {
    expect(headingSlug("ＫＡＭ　２０１３")).toBe("kam-2013");
  });
  it("keeps letters of other scripts (accents joined to them), and hyphens and underscores as written", () => {
    expect(headingSlug("Re\u0301sume\u0301")).toBe("résumé");
    expect(headingSlug("Обзор рынка")).toBe("обзор-рынка");
    expect(headingSlug("sample-size and snake_case")).toBe("sample-size-and-snake_case");
  });
  it("holds only letters, digits, - and _ (html-validate's valid-id), whatever the heading", () => {
    for (const text of ["हिन्दी", "Ünïcødé & ℌ𝔢𝔩𝔩𝔬", "α/β 測試", "١٢٣ عربي", "e\u0308\u0323x"])
      expect(headingSlug(text), text).toMatch(/^\p{L}[\p{L}\p{N}_-]*$/u);
  });
  it("gives nothing for a heading of only punctuation", () => {
    expect(headingSlug("！？……")).toBe("");
    expect(headingSlug("— * —")).toBe("");
    expect(headingSlug("")).toBe("");
  });
});

describe("headingIds", () => {
  it("suffixes a repeated heading -2, -3", () => {
    expect(idsOf("方法", "結果", "方法", "方法")).toEqual(["方法", "結果", "方法-2", "方法-3"]);
  });
  it("never gives one id twice, even when a heading looks like a suffixed one", () => {
    expect(idsOf("方法", "方法 2", "方法")).toEqual(["方法", "方法-2", "方法-3"]);
    expect(idsOf("方法 2", "方法", "方法")).toEqual(["方法-2", "方法", "方法-3"]);
  });
  it("falls back to section-N (N the heading's place) when nothing is left", () => {
    expect(idsOf("背景", "？！", "結論", "……")).toEqual(["背景", "section-2", "結論", "section-4"]);
  });
  it("suffixes ids the page templates use", () => {
    expect(idsOf("Main", "Comments", "Search", "Comment 12", "Comment at 3", "TOC heading")).toEqual([
      "main-2",
      "comments-2",
      "search-2",
      "comment-12-2",
      "comment-at-3-2",
      "toc-heading-2",
    ]);
  });
  it("is a pure function of the headings: a second document starts afresh", () => {
    const texts = ["概述", "概述", "Overview", "！"];
    expect(idsOf(...texts)).toEqual(idsOf(...texts));
    expect(idsOf(...texts)).toEqual(["概述", "概述-2", "overview", "section-4"]);
  });
  it("stays linear for many equal headings (each suffix found in one step)", () => {
    const ids = idsOf(...Array.from({ length: 5000 }, () => "重複"));
    expect(new Set(ids).size).toBe(5000);
    expect(ids.at(-1)).toBe("重複-5000");
  });
});

describe("the reserved ids", () => {
  it("hold every literal id the templates write", () => {
    const dir = path.resolve(import.meta.dirname, "../../templates");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".njk"));
    const literal = files.flatMap((f) =>
      [...readFileSync(path.join(dir, f), "utf8").matchAll(/\bid="([^"{]+)"/g)].map((m) => m[1]!),
    );
    expect(literal.length).toBeGreaterThan(5);
    expect(literal.filter((id) => !RESERVED_IDS.has(id))).toEqual([]);
  });
  it("cover the ids the templates make from data on an article page", () => {
    // site-header's search box (macros/search-form.njk with "site-search") and past comments' anchors.
    expect(["site-search", "comment-7", "comment-at-2", "home-block-1"].every(isReservedId)).toBe(true);
    expect(["comment-7-2", "comments-2", "方法"].some(isReservedId)).toBe(false);
  });
});
