import { describe, expect, it } from "vitest";
import type { ArticlePage } from "../site/pages/index.ts";
import { indexLanguage, searchRecord } from "./records.ts";

const page = (title: string, lang = "", tags: string[] = []) =>
  ({
    tags: tags.map((name) => ({ name, href: `/tags/${name}/` })),
    entry: { title, href: "/archive/research/%E6%B8%A0%E9%81%93/", listDateText: "2016-03-08", lang },
    breadcrumbs: [
      { text: "首頁", href: "/archive/" },
      { text: "研究", href: "/archive/research/" },
      { text: "工業營銷", href: "/archive/research/im/" },
      { text: title, href: null },
    ],
  }) as unknown as ArticlePage;

describe("indexLanguage", () => {
  it("is zh for a Chinese site, whatever its script", () => {
    expect(indexLanguage("zh-Hant", [])).toBe("zh");
    expect(indexLanguage("zh-Hans", ["en"])).toBe("zh");
  });
  it("is zh for an English site that holds a Chinese article, so Chinese is split into words", () => {
    expect(indexLanguage("en", ["", "zh"])).toBe("zh");
  });
  it("is the site's language otherwise", () => {
    expect(indexLanguage("en", ["", ""])).toBe("en");
  });
});

describe("searchRecord", () => {
  it("indexes the title and body folded to one script, and keeps the original beside it", () => {
    const r = searchRecord(page("經銷商渠道衝突"), "廠家與經銷商\n 之間", "zh");
    expect(r.content).toBe("经销商渠道冲突 厂家与经销商 之间");
    expect(r.meta.original).toBe("經銷商渠道衝突 廠家與經銷商 之間");
    expect(r.meta.original!.length).toBe(r.content.length);
    expect(r.language).toBe("zh");
  });

  it("links to the page's href as written (prefix and percent-encoding included)", () => {
    expect(searchRecord(page("x"), "y", "zh").url).toBe("/archive/research/%E6%B8%A0%E9%81%93/");
  });

  it("carries the title, list date and the article's own category for the result line", () => {
    expect(searchRecord(page("經銷商渠道衝突"), "", "zh").meta).toMatchObject({
      title: "經銷商渠道衝突",
      date: "2016-03-08",
      category: "工業營銷",
    });
  });

  it("stores no second copy when folding changed nothing", () => {
    const r = searchRecord(page("Key accounts", "en"), "are not just big accounts", "zh");
    expect(r.content).toBe("Key accounts are not just big accounts");
    expect(r.meta.original).toBeUndefined();
    expect(r.meta.lang).toBe("en");
  });

  it("carries the article's tags, as written, as the tags filter", () => {
    expect(searchRecord(page("x", "", ["工業營銷", "Key Accounts"]), "", "zh").filters).toEqual({
      tags: ["工業營銷", "Key Accounts"],
    });
  });

  it("has no filters when the article has no tags", () => {
    expect(searchRecord(page("x"), "", "zh")).not.toHaveProperty("filters");
  });
});
