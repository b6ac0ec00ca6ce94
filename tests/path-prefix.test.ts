// The whole site under a subpath (a GitHub Pages project site): every link carries the prefix and resolves.
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
    const hrefs = $("a[href^='/'], link[href^='/']").map((_, el) => $(el).attr("href")).get();
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

  it("leaves no internal link unresolved", () => {
    expect(brokenLinks(site.output, "/archive/")).toEqual([]);
  });
});
