// A large archive's search index in shards (src/search/write-index.ts), with real Pagefind: every
// article lands in exactly one shard, unchanged shards are reused by the next build, and the search
// page merges the shards so a reader finds the same articles as with one index (real Chromium).
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createMarkdown } from "../src/render/markdown.ts";
import { loadSite } from "../src/site/load-site.ts";
import { pagesOf, type SiteModel } from "../src/site/model.ts";
import type { ArticlePage } from "../src/site/pages/index.ts";
import { writeSearchIndex, type SearchIndexResult } from "../src/search/write-index.ts";
import { launchBrowser } from "./helpers/browser.ts";
import { build, PROJECT, type BuildResult } from "./helpers/build.ts";
import { fragments } from "./helpers/search-index.ts";
import { serveStatic } from "./helpers/static-server.ts";

const SMALL = 4000; // characters per shard: the 30 sample articles make several shards
const md = createMarkdown({ pathPrefix: "/" });
const tmp = mkdtempSync(path.join(tmpdir(), "wenku-shards-"));
let model: SiteModel;
let site: BuildResult;
let first: SearchIndexResult;
let browser: Browser;

const index = (pages: readonly ArticlePage[], dir: string, previous?: string) =>
  writeSearchIndex(pages, md, "zh", dir, "/pagefind/", { maxShardChars: SMALL, ...(previous ? { previous } : {}) });

beforeAll(async () => {
  [model, site, browser] = await Promise.all([
    loadSite({ contentDir: path.join(PROJECT, "content"), drafts: false }),
    build(path.join(PROJECT, "content")),
    launchBrowser(),
  ]);
  if (site.code !== 0) throw new Error(site.stderr);
  first = await index(pagesOf(model, "article"), path.join(tmp, "first"));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("a sharded index", () => {
  it("puts every article in exactly one shard", () => {
    expect(first.shards).toBeGreaterThanOrEqual(3);
    const urls = fragments(path.join(tmp, "first/pagefind")).map((r) => r.url);
    expect(urls).toHaveLength(pagesOf(model, "article").length);
    expect(new Set(urls)).toEqual(new Set(pagesOf(model, "article").map((p) => p.entry.href)));
  });

  it("copies every shard from the previous site when nothing changed", async () => {
    const again = await index(pagesOf(model, "article"), path.join(tmp, "again"), path.join(tmp, "first/pagefind"));
    expect(again.reused).toBe(first.shards);
    expect(readFileSync(path.join(tmp, "again/pagefind/shards.json"), "utf8")).toBe(
      readFileSync(path.join(tmp, "first/pagefind/shards.json"), "utf8"),
    );
  }, 60_000);

  it("indexes again only the shard whose article changed (the newest is in the last shard)", async () => {
    const pages = [...pagesOf(model, "article")];
    const last = pages.length - 1;
    pages[last] = { ...pages[last]!, entry: { ...pages[last]!.entry, title: "改過的標題" } };
    const edited = await index(pages, path.join(tmp, "edited"), path.join(tmp, "first/pagefind"));
    expect(edited.shards).toBe(first.shards);
    expect(edited.reused).toBe(first.shards - 1);
    expect(fragments(path.join(tmp, "edited/pagefind")).some((r) => r.meta.title === "改過的標題")).toBe(true);
  }, 60_000);
});

describe("searching a sharded index in the browser", () => {
  /** Titles found for `query` on the search page of the site in `dir`. */
  async function titlesFor(dir: string, query: string): Promise<string[]> {
    const server = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, server.url).href);
      await page.locator(".search-status:not(:empty)").waitFor();
      // Loading every shard takes a while on a busy machine: poll for longer than the default second.
      await expect.poll(() => page.locator(".search-status").innerText(), { timeout: 15_000 }).not.toBe("搜尋中…");
      // Show every result, not just the first page of them.
      while (await page.locator("button.search-more").isVisible()) await page.click("button.search-more");
      const titles = await page.locator(".search-result-title a").allInnerTexts();
      expect(errors).toEqual([]);
      await page.close();
      return titles.sort();
    } finally {
      await server.close();
    }
  }

  it("finds the same articles as the single index, from every shard", async () => {
    const sharded = path.join(tmp, "sharded-site");
    cpSync(site.output, sharded, { recursive: true });
    rmSync(path.join(sharded, "pagefind"), { recursive: true });
    await index(pagesOf(model, "article"), sharded);
    // 研究 appears in articles of every period, so its results span the shards.
    const single = await titlesFor(site.output, "研究");
    expect(single.length).toBeGreaterThanOrEqual(5);
    expect(await titlesFor(sharded, "研究")).toEqual(single);
    const conflict = await titlesFor(site.output, "渠道冲突");
    expect(conflict).toContain("經銷商渠道衝突：三種化解辦法");
    expect(await titlesFor(sharded, "渠道冲突")).toEqual(conflict);
  }, 60_000);
});
