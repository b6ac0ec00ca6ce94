// List pagination at the edges: 0, 1, page-size and page-size + 1 articles (page size 3).
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, page, type BuildResult } from "./helpers/build.ts";

let site: BuildResult;
beforeAll(async () => {
  site = await build(fixture("pagination"));
  if (site.code !== 0) throw new Error(site.stderr);
});

const pagesOf = (slug: string) => {
  const pages = [];
  for (let n = 1; existsSync(path.join(site.output, slug, n === 1 ? "" : `page/${n}`, "index.html")); n++)
    pages.push(n);
  return pages;
};
const entries = (p: string) => page(site.output, p)(".article-list-item").length;

describe("pagination counts", () => {
  it("0 articles: one page, empty", () => {
    expect(pagesOf("empty")).toEqual([1]);
    expect(entries("/empty/")).toBe(0);
    expect(page(site.output, "/empty/")("p.empty-list").text()).toBe("这个栏目还没有文章。");
  });

  it("1 article: one page, no pager", () => {
    expect(pagesOf("one")).toEqual([1]);
    expect(entries("/one/")).toBe(1);
    expect(page(site.output, "/one/")("nav.pager").length).toBe(0);
  });

  it("exactly page-size articles: one full page", () => {
    expect(pagesOf("exact")).toEqual([1]);
    expect(entries("/exact/")).toBe(3);
  });

  it("page-size + 1 articles: a second page with the oldest one", () => {
    expect(pagesOf("over")).toEqual([1, 2]);
    expect(entries("/over/")).toBe(3);
    expect(entries("/over/page/2/")).toBe(1);
    expect(page(site.output, "/over/page/2/")(".article-list-title a").text()).toBe("over 第 5 篇");
    expect(page(site.output, "/over/page/2/")("nav.pager .pager-status").text()).toBe("第 2 页，共 2 页");
  });

  it("uses the zh-Hans labels and lang", () => {
    const $ = page(site.output, "/over/");
    expect($("html").attr("lang")).toBe("zh-Hans");
    expect($("nav.breadcrumbs li").first().text().trim()).toBe("首页");
  });

  it("formats list dates in the site's zone", () => {
    expect(page(site.output, "/over/")(".article-list-meta time").first().attr("datetime")).toBe(
      "2020-01-08T09:00:00+08:00",
    );
  });
});
