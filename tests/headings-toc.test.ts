// Heading ids and the table of contents, built for real (tests/fixtures/headings-toc, a zh-Hant site
// with the default toc.minHeadings of 3): a long article (a repeated heading, an h4, a heading named
// like the comments section, one of only punctuation, a past comment with a heading of its own), a
// short one with two headings, one with `toc: false` and one with `toc: true` and a single heading.
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, fixture, page, type BuildResult } from "./helpers/build.ts";
import { htmlErrors } from "./helpers/html-validate.ts";

const LONG = "/notes/long/";
const SHORT = "/notes/short/";
const OFF = "/notes/off/";
const ON = "/notes/on/";

let site: BuildResult;
beforeAll(async () => {
  site = await build(fixture("headings-toc"), { args: ["--no-search"] });
  if (site.code !== 0) throw new Error(site.stderr);
}, 60_000);

const bodyIds = ($: CheerioAPI) =>
  $(".article-body :is(h2, h3, h4)")
    .map((_, el) => $(el).attr("id"))
    .get();
/** Each link of the page's table of contents: its text, the id it points to, and its depth (1 or 2). */
const tocLinks = ($: CheerioAPI) =>
  $("nav.toc a")
    .map((_, el) => ({
      text: $(el).text(),
      id: decodeURIComponent($(el).attr("href")!.replace(/^#/, "")),
      depth: $(el).parents("nav.toc ol").length,
    }))
    .get();

describe("heading ids, in a built article", () => {
  it("gives every h2–h4 of the body an id that keeps Chinese, suffixes the repeat and a template's id", () => {
    const $ = page(site.output, LONG);
    expect(bodyIds($)).toEqual([
      "為什麼要分級",
      "銷量不是一切",
      "能力與意願",
      "方法",
      "資料從哪裡來",
      "方法-2",
      "comments-2",
      "section-8",
    ]);
    // The page's own #comments (the past-comments section) is still the only element with that id.
    expect($('[id="comments"]').length).toBe(1);
    expect($("#comments").is("section.past-comments")).toBe(true);
  });
  it("gives a past comment's headings no id", () => {
    const $ = page(site.output, LONG);
    expect($(".comment-text h4").text()).toBe("方法");
    expect($(".comment-text [id]").length).toBe(0);
  });
  it("keeps ids unique on the page, with the table of contents and the comments", () => {
    for (const p of [LONG, SHORT, OFF, ON]) {
      const $ = page(site.output, p);
      const ids = $("[id]")
        .map((_, el) => $(el).attr("id"))
        .get();
      expect(new Set(ids).size, p).toBe(ids.length);
    }
  });
  it("gives the same ids on a second build", async () => {
    const again = await build(fixture("headings-toc"), { args: ["--no-search"] });
    expect(again.code, again.stderr).toBe(0);
    for (const p of [LONG, SHORT, OFF, ON])
      expect(bodyIds(page(again.output, p)), p).toEqual(bodyIds(page(site.output, p)));
  });
});

describe("the table of contents", () => {
  it("is a nav above the body, labelled by its heading 目錄", () => {
    const $ = page(site.output, LONG);
    const nav = $("nav.toc");
    expect(nav.length).toBe(1);
    const label = $(`#${nav.attr("aria-labelledby")}`);
    expect(label.is("nav.toc > h2")).toBe(true);
    expect(label.text()).toBe("目錄");
    expect(nav.next().is(".article-body")).toBe(true);
    expect(nav.parent().is("article.article")).toBe(true);
    expect($("nav.toc script, nav.toc [onclick]").length).toBe(0);
  });
  it("lists the h2s with their h3s nested, not the h4, each linked to its heading", () => {
    const $ = page(site.output, LONG);
    expect(tocLinks($)).toEqual([
      { text: "為什麼要分級？", id: "為什麼要分級", depth: 1 },
      { text: "銷量不是一切", id: "銷量不是一切", depth: 2 },
      { text: "能力與意願", id: "能力與意願", depth: 2 },
      { text: "方法", id: "方法", depth: 1 },
      { text: "方法", id: "方法-2", depth: 1 },
      { text: "Comments", id: "comments-2", depth: 1 },
      { text: "！？", id: "section-8", depth: 1 },
    ]);
    for (const link of tocLinks($)) expect($(".article-body").find(`[id="${link.id}"]`).text()).toBe(link.text);
  });
  it("is left out for two headings (below toc.minHeadings 3), and for toc: false", () => {
    expect(page(site.output, SHORT)("nav.toc").length).toBe(0);
    const off = page(site.output, OFF);
    expect(off("nav.toc").length).toBe(0);
    expect(bodyIds(off)).toEqual(["第一部分", "第二部分", "第三部分"]);
  });
  it("is shown for toc: true with one heading", () => {
    expect(tocLinks(page(site.output, ON))).toEqual([{ text: "唯一的一節", id: "唯一的一節", depth: 1 }]);
  });
  it("leaves the summary that lists and feeds show to the body's prose, without its headings", () => {
    const summary = page(site.output, "/notes/")("#entry-notes--long .article-list-summary").text();
    expect(summary.startsWith("分級之前，先要看清楚手上每一家經銷商到底在做什麼。只看銷量排名")).toBe(true);
    for (const heading of ["為什麼要分級", "銷量不是一切", "方法"]) expect(summary).not.toContain(heading);
  });
});

describe("the built pages", () => {
  it("have no broken link: every table-of-contents link and the authors' #links resolve, on the page and across", () => {
    expect(page(site.output, SHORT)(".article-body a").attr("href")).toBe("/notes/long/#%E6%96%B9%E6%B3%95-2");
    expect(page(site.output, LONG)(".article-body a").length).toBe(2);
    expect(brokenLinks(site.output)).toEqual([]);
  });
  it("are valid HTML under the project's html-validate rules", async () => {
    expect(await htmlErrors(site.output, [LONG, SHORT, OFF, ON])).toEqual([]);
  });
});
