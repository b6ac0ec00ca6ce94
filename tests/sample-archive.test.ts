// The bundled sample archive in content/: builds, every article has exactly one page, links resolve.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, listFiles, page, PROJECT, type BuildResult } from "./helpers/build.ts";
import { htmlErrorsInFiles } from "./helpers/html-validate.ts";

let site: BuildResult;
const articlesDir = path.join(PROJECT, "content/articles");
const sources = readdirSync(articlesDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
const published = sources.filter((f) => !/^draft: true$/m.test(readFileSync(path.join(articlesDir, f), "utf8")));

beforeAll(async () => {
  site = await build(path.join(PROJECT, "content"));
  if (site.code !== 0) throw new Error(site.stderr);
});

describe("the sample archive", () => {
  it("has about thirty articles, at least one draft, in Chinese and English", () => {
    expect(published.length).toBeGreaterThanOrEqual(28);
    expect(sources.length).toBeGreaterThan(published.length);
  });

  it("gives every non-draft article exactly one page, titled with its own title", () => {
    const html = listFiles(site.output).filter((f) => f.endsWith(".html"));
    const articleTitles = html
      .map((f) => page(site.output, `/${f}`))
      .filter(($) => $("main.page-article").length === 1)
      .map(($) => $("h1").text());
    expect(articleTitles.length).toBe(published.length);
    expect(new Set(articleTitles).size).toBe(published.length);
  });

  it("serves a Chinese file name as a percent-encoded link to a Chinese-named folder", () => {
    const $ = page(site.output, "/research/marketing/industrial-marketing/");
    const hrefs = $(".article-list-title a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(hrefs).toContain("/research/marketing/industrial-marketing/%E6%B8%A0%E9%81%93%E8%A1%9D%E7%AA%81/");
  });

  it("is in Traditional Chinese by default", () => {
    const $ = page(site.output, "/");
    expect($("html").attr("lang")).toBe("zh-Hant");
    expect($("nav.main-nav li").first().text()).toBe("首頁");
  });

  it("marks English articles lang=en on the Chinese site, and leaves Chinese ones in the site's language", () => {
    expect(page(site.output, "/news/announcements/english-edition/")("article").attr("lang")).toBe("en");
    expect(
      page(site.output, "/research/marketing/industrial-marketing/buying-centre/")("article").attr("lang"),
    ).toBeUndefined();
  });

  it("is valid HTML under html-validate's recommended rules (project config: .htmlvalidate.json)", async () => {
    expect(
      await htmlErrorsInFiles(
        site.output,
        listFiles(site.output).filter((f) => f.endsWith(".html")),
      ),
    ).toEqual([]);
  });

  it("shows the root files and the 公安備案 line: favicon, a verification file, the emblem", () => {
    const $ = page(site.output, "/");
    expect($("link[rel=icon]").attr("href")).toBe("/favicon.svg");
    const sampleFile = readdirSync(path.join(PROJECT, "content/public")).find((f) => f.startsWith("baidu_verify_"))!;
    expect(readFileSync(path.join(site.output, sampleFile), "utf8")).toBe(
      readFileSync(path.join(PROJECT, "content/public", sampleFile), "utf8"),
    );
    const gongan = $("footer .gongan a");
    expect(gongan.attr("href")).toMatch(/^https:\/\/beian\.mps\.gov\.cn\/#\/query\/webSearch\?code=\d{14}$/);
    expect(gongan.find("img").attr("width")).toBe("16");
  });

  it("has no internal link that fails to resolve", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });
});
