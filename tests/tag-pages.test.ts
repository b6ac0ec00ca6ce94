// Tag pages and related articles, end to end: tests/fixtures/tag-pages (a zh-Hant site of six articles,
// five on one tag, two to a page) is built like a user builds it and read back with cheerio; the same
// content is built by two workers (the same files), with related.count 0, and the search index is
// asked for a tag by Pagefind's own search module. tests/fixtures/tag-pages-bad holds near-duplicate and clashing tags.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";
import { htmlErrors } from "./helpers/html-validate.ts";
import { serveStatic, type StaticServer } from "./helpers/static-server.ts";

const IM = "工業營銷";
const IM_PATH = `/tags/${IM}/`;
const KEY_ACCOUNTS = "/research/industrial-marketing/key-accounts/";

let site: BuildResult;
let two: BuildResult;
let off: BuildResult;
let bad: BuildResult;

/** The fixture with `related: { count: 0 }` in its site config. */
function withoutRelated(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-tags-")), "content");
  cpSync(fixture("tag-pages"), dir, { recursive: true });
  const config = JSON.parse(readFileSync(path.join(dir, "_data/site.json"), "utf8"));
  writeFileSync(path.join(dir, "_data/site.json"), JSON.stringify({ ...config, related: { count: 0 } }));
  return dir;
}

beforeAll(async () => {
  site = await build(fixture("tag-pages"), { args: ["--workers", "1"] });
  expect(site.code, site.stderr).toBe(0);
  [two, off, bad] = await Promise.all([
    build(fixture("tag-pages"), { args: ["--workers", "2"] }),
    build(withoutRelated(), { args: ["--no-search"] }),
    build(fixture("tag-pages-bad"), { args: ["--no-search"] }),
  ]);
  expect(two.code, two.stderr).toBe(0);
  expect(off.code, off.stderr).toBe(0);
}, 120_000);

const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().trim())
    .get();
const hrefs = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => decodeURI($(el).attr("href")!))
    .get();

describe("the tag index, /tags/", () => {
  const $ = () => page(site.output, "/tags/");
  it("lists every tag with its article count, most articles first, then by name", () => {
    expect(texts($(), "main ul.tag-index > li > a")).toEqual([IM, "Key Accounts", "定價", "渠道"]);
    expect(texts($(), "main ul.tag-index .count")).toEqual(["5 篇", "2 篇", "1 篇", "1 篇"]);
  });
  it("links each tag to its page, Chinese slugs percent-encoded, English ones lower-case and hyphenated", () => {
    expect($()("main ul.tag-index a").first().attr("href")).toBe(`/tags/${encodeURIComponent(IM)}/`);
    expect(hrefs($(), "main ul.tag-index a")).toEqual([IM_PATH, "/tags/key-accounts/", "/tags/定價/", "/tags/渠道/"]);
  });
  it("has its title, heading and breadcrumbs Home › Tags", () => {
    expect($()("h1").text()).toBe("標籤");
    expect($()("title").text()).toBe("標籤 – 標籤測試");
    expect(texts($(), "nav.breadcrumbs li")).toEqual(["首頁", "標籤"]);
  });
  it("is linked from every page's footer", () => {
    for (const sitePath of ["/", KEY_ACCOUNTS, IM_PATH, "/archive/"])
      expect(hrefs(page(site.output, sitePath), "footer.site-footer a"), sitePath).toContain("/tags/");
  });
});

describe("a tag's pages", () => {
  it("list its articles newest first, two to a page, over three pages", () => {
    const titles = [1, 2, 3].flatMap((n) =>
      texts(page(site.output, n === 1 ? IM_PATH : `${IM_PATH}page/${n}/`), "main .article-list-title"),
    );
    expect(titles).toEqual([
      "年度報告摘要",
      "Notes from the spring trade fair",
      "經銷商之間的地盤之爭",
      "報價單背後的三筆賬",
      "大客戶經營的第一年",
    ]);
  });
  it("carry the category lists' pager", () => {
    const $ = page(site.output, `${IM_PATH}page/2/`);
    expect($("nav.pager .pager-status").text()).toBe("第 2 頁，共 3 頁");
    expect(decodeURI($('nav.pager a[aria-current="page"]').attr("href")!)).toBe(`${IM_PATH}page/2/`);
    expect(decodeURI($('nav.pager a[rel="next"]').attr("href")!)).toBe(`${IM_PATH}page/3/`);
    expect(page(site.output, "/tags/key-accounts/")("nav.pager").length).toBe(0);
  });
  it("have a title naming the tag and breadcrumbs Home › Tags › the tag", () => {
    const $ = page(site.output, "/tags/key-accounts/");
    expect($("h1").text()).toBe("標籤：Key Accounts");
    expect(texts($, "nav.breadcrumbs li")).toEqual(["首頁", "標籤", "Key Accounts"]);
    expect($("nav.breadcrumbs a").last().attr("href")).toBe("/tags/");
    expect(page(site.output, `${IM_PATH}page/3/`)("title").text()).toBe(`標籤：${IM} · 第 3 頁 – 標籤測試`);
  });
});

describe("tags on an article", () => {
  it("link to their tag pages", () => {
    const $ = page(site.output, KEY_ACCOUNTS);
    expect(hrefs($, ".article-tags li a")).toEqual([IM_PATH, "/tags/key-accounts/"]);
    expect(texts($, ".article-tags li a")).toEqual([IM, "Key Accounts"]);
  });
  it("leave no link pointing at a missing page", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });
  it("keep the article, tag index and tag pages valid HTML", async () => {
    expect(await htmlErrors(site.output, [KEY_ACCOUNTS, "/tags/", IM_PATH, `${IM_PATH}page/2/`])).toEqual([]);
  });
});

describe("the sitemap", () => {
  it("lists the tag index and every page of every tag", () => {
    const sitemap = readFileSync(path.join(site.output, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>https:\/\/tags\.example\.org([^<]*)<\/loc>/g)].map((m) => decodeURI(m[1]!));
    for (const p of ["/tags/", IM_PATH, `${IM_PATH}page/2/`, `${IM_PATH}page/3/`, "/tags/key-accounts/", "/tags/渠道/"])
      expect(locs, p).toContain(p);
  });
});

describe("related articles", () => {
  it("come after previous/next, best first: shared tags 2 each, same category 1, then newer first", () => {
    const $ = page(site.output, KEY_ACCOUNTS);
    expect($("nav.prev-next ~ section.related").length).toBe(1);
    expect($("section.related h2").text()).toBe("相關文章");
    // trade fair: both tags (4); channel and pricing: one tag + category (3), newer first; annual report: one tag (2).
    expect(texts($, "section.related .article-list-title")).toEqual([
      "Notes from the spring trade fair",
      "經銷商之間的地盤之爭",
      "報價單背後的三筆賬",
      "年度報告摘要",
    ]);
  });
  it("list only articles that share something, never the article itself", () => {
    // The office move has no tags: only its own category (news) relates to it.
    const $ = page(site.output, "/news/office-move/");
    expect(texts($, "section.related .article-list-title")).toEqual([
      "年度報告摘要",
      "Notes from the spring trade fair",
    ]);
  });
  it("are not shown with related.count 0", () => {
    expect(page(off.output, KEY_ACCOUNTS)("section.related").length).toBe(0);
    expect(page(off.output, KEY_ACCOUNTS)(".article-tags a").length).toBe(2);
  });
});

describe("built by two workers", () => {
  it("writes the same files, byte for byte, as one", () => {
    expect(two.stdout).toContain("(2 workers)");
    const files = listFiles(site.output);
    expect(listFiles(two.output)).toEqual(files);
    expect(files.filter((f) => f.startsWith("tags/")).length).toBe(7);
    for (const f of files)
      expect(readFileSync(path.join(two.output, f)).equals(readFileSync(path.join(site.output, f))), f).toBe(true);
  });
});

describe("the search index", () => {
  let server: StaticServer | undefined;
  afterAll(() => server?.close());

  // Pagefind's own search module, run in Node: it fetches the index over HTTP as a browser would.
  it("answers a filter by tag with exactly that tag's articles", async () => {
    server = await serveStatic(site.output);
    const pagefind = await import(pathToFileURL(path.join(site.output, "pagefind/0/pagefind.js")).href);
    await pagefind.options({ basePath: new URL("pagefind/0/", server.url).href });
    expect((await pagefind.filters()).tags).toEqual({ [IM]: 5, "Key Accounts": 2, 定價: 1, 渠道: 1 });
    const found = await pagefind.search(null, { filters: { tags: "Key Accounts" } });
    const urls = await Promise.all(
      found.results.map(async (r: { data(): Promise<{ url: string }> }) => new URL((await r.data()).url).pathname),
    );
    expect(urls.sort()).toEqual(["/news/trade-fair/", KEY_ACCOUNTS]);
  }, 60_000);
});

describe("bad tags", () => {
  it("fail the build", () => {
    expect(bad.code).toBe(1);
  });
  it("name a near-duplicate spelling's file, line and column, and the file of the spelling to use", () => {
    const line = bad.stderr.split("\n").find((l) => l.includes("工业营销"))!;
    expect(line).toMatch(/articles\/b-second\.md:5:8 {2}tags {2}"工业营销" is the same in Traditional and Simplified/);
    expect(line).toContain("articles/a-first.md");
    expect(line).toContain("did you mean 「工業營銷」?");
  });
  it("report a tag whose page would be another tag's, naming both", () => {
    const line = bad.stderr.split("\n").find((l) => l.includes('"C#"'))!;
    expect(line).toMatch(
      /articles\/b-second\.md:5:\d+ {2}tags {2}"C#" would have the tag page \/tags\/c\/ of the tag "C\+\+"/,
    );
    expect(line).toContain("articles/a-first.md");
  });
});
