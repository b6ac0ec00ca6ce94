// Pinned articles and the most viewed per category, built for real (tests/fixtures/pinned: 教程 with
// the children 工具 and 方法, and 雜記; three articles a page). 工具室的規矩 is `pinned: true` in 工具,
// 盤點的兩種做法 `pinned: 2` and 年度維修計畫公告 `pinned: home` in 方法; category.mostViewed is 3.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, fixture, page, type BuildResult } from "./helpers/build.ts";
import { htmlErrors } from "./helpers/html-validate.ts";

const TOOL_RULES = "/guides/tools/tool-two/"; // pinned: true
const STOCKTAKING = "/guides/methods/method-one/"; // pinned: 2
const NOTICE = "/guides/methods/method-two/"; // pinned: home

let site: BuildResult;
beforeAll(async () => {
  site = await build(fixture("pinned"), { args: ["--no-search"] });
  if (site.code !== 0) throw new Error(site.stderr);
}, 60_000);

/** Each entry of a page's article list (not the most viewed block): its link and whether it is marked pinned. */
function entries($: CheerioAPI, list = "main > .article-list"): { href: string; pinned: string }[] {
  return $(`${list} > .article-list-item`)
    .map((_, li) => ({
      href: $(li).find(".article-list-title a").attr("href")!,
      pinned: $(li).find(".pinned-mark").text(),
    }))
    .get();
}
const hrefs = ($: CheerioAPI, list?: string) => entries($, list).map((e) => e.href);

describe("pinned articles on category lists", () => {
  it("head page 1 of their own category's list, marked 置頂, numbered pins before the others", () => {
    expect(entries(page(site.output, "/guides/tools/"))).toEqual([
      { href: TOOL_RULES, pinned: "置頂" },
      { href: "/guides/tools/tool-five/", pinned: "" },
      { href: "/guides/tools/tool-four/", pinned: "" },
    ]);
    // pinned: 2 comes before pinned: home (which sorts as true), though it is older.
    expect(entries(page(site.output, "/guides/methods/"))).toEqual([
      { href: STOCKTAKING, pinned: "置頂" },
      { href: NOTICE, pinned: "置頂" },
    ]);
  });

  it("head page 1 of the parent's list too: the numbered pin, then the others newest first", () => {
    expect(entries(page(site.output, "/guides/"))).toEqual([
      { href: STOCKTAKING, pinned: "置頂" },
      { href: NOTICE, pinned: "置頂" },
      { href: TOOL_RULES, pinned: "置頂" },
    ]);
  });

  it("are not repeated on later pages, which go on newest first with every other article once", () => {
    expect(hrefs(page(site.output, "/guides/tools/page/2/"))).toEqual([
      "/guides/tools/tool-three/",
      "/guides/tools/tool-one/",
    ]);
    const all = ["/guides/", "/guides/page/2/", "/guides/page/3/"].flatMap((p) => hrefs(page(site.output, p)));
    expect(all.slice(3)).toEqual([
      "/guides/guides-intro/",
      "/guides/tools/tool-five/",
      "/guides/tools/tool-four/",
      "/guides/tools/tool-three/",
      "/guides/tools/tool-one/",
    ]);
    expect(new Set(all).size).toBe(8);
    for (const p of ["/guides/page/2/", "/guides/page/3/", "/guides/tools/page/2/"])
      expect(page(site.output, p)(".pinned-mark").length, p).toBe(0);
  });

  it("keep the pinned mark as text in the entry's heading, before the title's link", () => {
    const $ = page(site.output, "/guides/tools/");
    const heading = $("main > .article-list > li").first().find("h2");
    expect(heading.text().replace(/\s+/g, " ").trim()).toBe("置頂 工具室的規矩");
    expect(heading.children().first().is("span.pinned-mark")).toBe(true);
  });
});

describe("pinned articles' own pages", () => {
  const back = (p: string) => page(site.output, p)(".prev-next-back a").attr("href");

  it("lead back to page 1, where the pinned entry is, to its anchor", () => {
    expect(back(TOOL_RULES)).toBe("/guides/tools/#entry-guides--tools--tool-two");
    expect(page(site.output, "/guides/tools/")("#entry-guides--tools--tool-two").length).toBe(1);
  });

  it("lead the others back to the page their entry is on now that the pin moved it up", () => {
    // Newest first without the pin, 電鑽保養入門 would be the third entry of page 1.
    expect(back("/guides/tools/tool-three/")).toBe("/guides/tools/page/2/#entry-guides--tools--tool-three");
    expect(page(site.output, "/guides/tools/page/2/")("#entry-guides--tools--tool-three").length).toBe(1);
    expect(back("/guides/tools/tool-four/")).toBe("/guides/tools/#entry-guides--tools--tool-four");
  });

  it("keep previous and next in date order within the category", () => {
    const $ = page(site.output, TOOL_RULES);
    expect($('.prev-next a[rel="prev"]').attr("href")).toBe("/guides/tools/tool-one/");
    expect($('.prev-next a[rel="next"]').attr("href")).toBe("/guides/tools/tool-three/");
    const notice = page(site.output, NOTICE);
    expect(notice('.prev-next a[rel="prev"]').attr("href")).toBe(STOCKTAKING);
  });
});

describe("pinned: home", () => {
  it("puts the article first in the home page's latest, marked; the rest newest first", () => {
    expect(entries(page(site.output, "/"), ".home-latest .article-list")).toEqual([
      { href: NOTICE, pinned: "置頂" },
      { href: "/notes/note-two/", pinned: "" },
      { href: "/notes/note-one/", pinned: "" },
    ]);
  });

  it("pins nothing else on the home page: other pins, the most viewed and the category blocks stay unmarked", () => {
    const $ = page(site.output, "/");
    expect($(".pinned-mark").length).toBe(1);
    expect(hrefs($, ".home-latest .article-list")).not.toContain(TOOL_RULES);
  });
});

describe("the most viewed per category (category.mostViewed: 3)", () => {
  const block = (p: string) => {
    const $ = page(site.output, p);
    return { $, hrefs: hrefs($, "section.category-most-viewed .article-list") };
  };

  it("lists the category's and its descendants' most viewed, ties newer first, on every page", () => {
    const expected = ["/guides/tools/tool-three/", STOCKTAKING, "/guides/tools/tool-five/"];
    for (const p of ["/guides/", "/guides/page/2/", "/guides/page/3/"]) expect(block(p).hrefs, p).toEqual(expected);
    expect(block("/guides/tools/").hrefs).toEqual([
      "/guides/tools/tool-three/",
      "/guides/tools/tool-five/",
      "/guides/tools/tool-one/",
    ]);
    expect(block("/notes/").hrefs).toEqual(["/notes/note-two/", "/notes/note-one/"]);
  });

  it("is a section named by its 本類熱門 heading, an h2 over h3 entries, without the list's anchors or pin marks", () => {
    const { $ } = block("/guides/");
    const section = $("section.category-most-viewed");
    expect(section.attr("aria-labelledby")).toBe(section.find("h2").attr("id"));
    expect(section.find("h2").text()).toBe("本類熱門");
    expect(section.find(".article-list-title").first().is("h3")).toBe(true);
    expect(section.find("[id^=entry-]").length).toBe(0);
    expect(section.find(".pinned-mark").length).toBe(0);
  });

  it("is left out with category.mostViewed 0, the default", async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-pinned-")), "content");
    cpSync(fixture("pinned"), content, { recursive: true });
    const config = path.join(content, "_data/site.json");
    const { category: _, ...rest } = JSON.parse(readFileSync(config, "utf8"));
    writeFileSync(config, JSON.stringify(rest));
    const off = await build(content, { args: ["--no-search"] });
    expect(off.code, off.stderr).toBe(0);
    for (const p of ["/guides/", "/guides/tools/", "/guides/tools/page/2/"]) {
      const $ = page(off.output, p);
      expect($(".category-most-viewed").length, p).toBe(0);
      expect($("h2").filter((_, h) => $(h).text() === "本類熱門").length, p).toBe(0);
    }
    // The pins do not depend on it.
    expect(hrefs(page(off.output, "/guides/tools/"))[0]).toBe(TOOL_RULES);
  }, 60_000);
});

describe("the built pages", () => {
  it("are valid HTML under the project's html-validate rules", async () => {
    expect(await htmlErrors(site.output, ["/", "/guides/", "/guides/page/2/", "/guides/tools/", TOOL_RULES])).toEqual(
      [],
    );
  });

  it("have no broken internal link", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });
});

describe("a site without tags", () => {
  it("writes no tag index and links none from the footer", () => {
    expect(existsSync(path.join(site.output, "tags"))).toBe(false);
    expect(page(site.output, "/")("footer.site-footer a").length).toBeGreaterThan(0);
    expect(page(site.output, "/")('footer.site-footer a[href$="/tags/"]').length).toBe(0);
  });
});
