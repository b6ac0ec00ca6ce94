// The whole site under a subpath (a GitHub Pages project site): every link carries the prefix and resolves.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, fixture, page, type BuildResult } from "./helpers/build.ts";

let site: BuildResult;
beforeAll(async () => {
  site = await build(fixture("three-level"), { args: ["--path-prefix", "/archive/"] });
  if (site.code !== 0) throw new Error(site.stderr);
});

describe("--path-prefix /archive/", () => {
  it("prefixes navigation, breadcrumbs, prev/next, lists, pager and the stylesheet", () => {
    const $ = page(site.output, "/research/marketing/industrial-marketing/b-same/");
    const hrefs = $("a[href^='/'], link[href^='/']")
      .map((_, el) => $(el).attr("href"))
      .get();
    expect(hrefs.length).toBeGreaterThan(8);
    for (const h of hrefs) expect(h.startsWith("/archive/")).toBe(true);
    expect($("link[rel=stylesheet]").attr("href")).toBe("/archive/assets/site.css");
    expect($("a[rel=prev]").attr("href")).toBe("/archive/research/marketing/industrial-marketing/a-same/");
  });

  it("prefixes root-relative links inside article bodies", () => {
    const $ = page(site.output, "/research/marketing/industrial-marketing/first/");
    expect($("div.article-body a").attr("href")).toBe("/archive/research/marketing/industrial-marketing/newest/");
  });

  it("puts the prefix in the canonical URL", () => {
    expect(page(site.output, "/")("link[rel=canonical]").attr("href")).toBe("https://fixture.example/archive/");
  });

  it("puts the prefix in feed, sitemap and robots.txt URLs", () => {
    const read = (f: string) => readFileSync(path.join(site.output, f), "utf8");
    const absolute = [
      ...read("feed.xml").matchAll(/href="([^"]+)"/g),
      ...read("sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g),
    ].map((m) => m[1]!);
    expect(absolute.length).toBeGreaterThan(20);
    for (const url of absolute) expect(url.startsWith("https://fixture.example/archive/")).toBe(true);
    expect(read("robots.txt")).toContain("Sitemap: https://fixture.example/archive/sitemap.xml");
    expect(page(site.output, "/")("link[type='application/atom+xml']").attr("href")).toBe("/archive/feed.xml");
  });

  it("leaves no internal link unresolved", () => {
    expect(brokenLinks(site.output, "/archive/")).toEqual([]);
  });
});
