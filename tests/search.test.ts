// Site search in the built output: the Pagefind bundle written from the articles (folded to one Chinese
// script), the search page and the search box on every page, the CSP that lets Pagefind run, the path
// prefix, and --no-search. What a reader sees when searching is in e2e-reader.test.ts.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fold, foldTable } from "../src/i18n/fold.ts";
import { brokenLinks, build, fixture, listFiles, page, PROJECT, type BuildResult } from "./helpers/build.ts";
import { fragments } from "./helpers/search-index.ts";

let site: BuildResult;
let prefixed: BuildResult;
let off: BuildResult;

beforeAll(async () => {
  [site, prefixed, off] = await Promise.all([
    build(path.join(PROJECT, "content")),
    build(path.join(PROJECT, "content"), { args: ["--path-prefix", "/archive/"] }),
    build(fixture("three-level"), { args: ["--no-search"] }),
  ]);
  for (const b of [site, prefixed, off]) if (b.code !== 0) throw new Error(b.stderr);
}, 120_000);

const articleUrls = (output: string) =>
  listFiles(output)
    .filter((f) => f.endsWith("index.html"))
    .map((f) => `/${f.replace(/index\.html$/, "")}`)
    .filter((p) => page(output, p)("article.article").length === 1)
    .sort();

describe("the search index", () => {
  it("holds every article exactly once, under its page's URL, in one Chinese index", () => {
    expect(JSON.parse(readFileSync(path.join(site.output, "pagefind/shards.json"), "utf8")).shards).toEqual(["0/"]);
    const entry = JSON.parse(readFileSync(path.join(site.output, "pagefind/0/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages)).toEqual(["zh"]);
    const records = fragments(path.join(site.output, "pagefind"));
    const urls = records.map((r) => decodeURI(r.url)).sort();
    expect(urls).toEqual(articleUrls(site.output).map((u) => decodeURI(u)));
    expect(entry.languages.zh.page_count).toBe(urls.length);
  });

  it("holds the text folded to one script, with the original text beside it, position for position", () => {
    const record = fragments(path.join(site.output, "pagefind")).find(
      (r) => r.meta.title === "經銷商渠道衝突：三種化解辦法",
    )!;
    expect(record).toBeDefined();
    const content = record.content.replace(/\u200b/g, "");
    expect(content.startsWith("经销商渠道冲突：三种化解办法")).toBe(true);
    expect(record.meta.original!.startsWith("經銷商渠道衝突：三種化解辦法")).toBe(true);
    expect(fold(record.meta.original!)).toBe(content);
  });

  it("indexes the article's words, not the site's menus and footer", () => {
    const record = fragments(path.join(site.output, "pagefind")).find(
      (r) => r.meta.title === "經銷商渠道衝突：三種化解辦法",
    )!;
    expect(record.meta.original).not.toContain("衡石研究文庫");
    expect(record.meta.original).not.toContain("返回列表");
  });

  it("ships only what the search page uses (no Pagefind UI bundles)", () => {
    const files = readdirSync(path.join(site.output, "pagefind/0"));
    expect(files).toContain("pagefind.js");
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
  });

  it("is counted in the build summary", () => {
    expect(site.stdout).toMatch(/search index \d+ files [\d.]+ [KM]B \(1 shard\(s\), 0 unchanged\)/);
  });
});

describe("the search page and boxes", () => {
  it("points the page's script at the bundle and the fold table, which exist", () => {
    const $ = page(site.output, "/search/");
    const root = $("#search");
    expect(root.attr("data-bundle")).toBe("/pagefind/");
    expect(existsSync(path.join(site.output, "pagefind/0/pagefind.js"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(site.output, root.attr("data-fold")!.slice(1)), "utf8"))).toEqual(
      foldTable(),
    );
    expect($('script[type="module"]').attr("src")).toBe("/assets/search.js");
    expect(existsSync(path.join(site.output, "assets/search.js"))).toBe(true);
  });

  it("puts a GET search form to /search/ in the header of every other page", () => {
    for (const p of ["/", "/research/", "/research/methods/sample-size/", "/archive/", "/404.html"]) {
      const form = page(site.output, p)("header.site-header form.search-form");
      expect(form.attr("action"), p).toBe("/search/");
      expect(form.attr("method"), p).toBe("get");
      expect(form.find('input[name="q"]').length, p).toBe(1);
    }
    expect(page(site.output, "/search/")("header.site-header form").length).toBe(0);
  });

  it("offers a search on the 404 page, with a label for its field", () => {
    const $ = page(site.output, "/404.html");
    const field = $("main form.search-form input[name=q]");
    expect(field.length).toBe(1);
    expect($(`main label[for="${field.attr("id")}"]`).length).toBe(1);
  });

  it("allows WebAssembly (Pagefind) in the CSP and nothing else new", () => {
    const csp = page(site.output, "/search/")('meta[http-equiv="Content-Security-Policy"]').attr("content")!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(readFileSync(path.join(site.output, "_headers"), "utf8")).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it("leaves no link, script or form pointing at a missing file", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });
});

describe("under a path prefix", () => {
  it("prefixes the search page, the forms, the bundle and every indexed URL", () => {
    const $ = page(prefixed.output, "/search/");
    expect($("#search").attr("data-bundle")).toBe("/archive/pagefind/");
    expect($("#search").attr("data-fold")).toBe("/archive/search/fold.json");
    expect(page(prefixed.output, "/")("header form.search-form").attr("action")).toBe("/archive/search/");
    const urls = fragments(path.join(prefixed.output, "pagefind")).map((r) => r.url);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith("/archive/")).toBe(true);
    expect(brokenLinks(prefixed.output, "/archive/")).toEqual([]);
  });
});

describe("--no-search", () => {
  it("writes no index, no search page, no fold table and no search boxes", () => {
    expect(existsSync(path.join(off.output, "pagefind"))).toBe(false);
    expect(existsSync(path.join(off.output, "search"))).toBe(false);
    for (const p of ["/", "/404.html"]) expect(page(off.output, p)("form.search-form").length).toBe(0);
    expect(off.stdout).toContain("no search");
  });
});
