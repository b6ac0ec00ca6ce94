// Share images, authors' pages, each page's language and full feeds, on built output: the sample archive
// (an English article on a Chinese site, a front-matter image, an SVG that must not be the share image)
// and the share-images fixture under a path prefix (Chinese file names, a remote image, relative links).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, page, PROJECT, type BuildResult } from "./helpers/build.ts";
import { parseXml } from "./helpers/xml.ts";

const SAMPLE = "https://archive.example.org";
const FIXTURE = "https://share.example.org/archive";
let sample: BuildResult;
let prefixed: BuildResult;
let summary: BuildResult;

const meta = ($: CheerioAPI, key: string) =>
  $(`meta[property="${key}"], meta[name="${key}"]`)
    .map((_, m) => $(m).attr("content"))
    .get();
const jsonLd = ($: CheerioAPI) => JSON.parse($('script[type="application/ld+json"]').text())[0];
const read = (site: BuildResult, file: string) => readFileSync(path.join(site.output, file), "utf8");
const jsonFeed = (site: BuildResult, file = "feed.json") => JSON.parse(read(site, file));
const atom = (site: BuildResult, file = "feed.xml") => {
  const text = read(site, file);
  parseXml(text); // well-formed, XML 1.0 characters only
  return load(text, { xml: true });
};

beforeAll(async () => {
  // The fixture once more with feed.content "summary": a copy with that one setting changed.
  const copy = path.join(mkdtempSync(path.join(tmpdir(), "wenku-share-")), "content");
  cpSync(fixture("share-images"), copy, { recursive: true });
  const config = path.join(copy, "_data/site.json");
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, "utf8")), feed: { content: "summary" } }));
  [sample, prefixed, summary] = await Promise.all([
    build(path.join(PROJECT, "content"), { args: ["--no-search"] }),
    build(fixture("share-images"), { args: ["--no-search", "--path-prefix", "/archive/"] }),
    build(copy, { args: ["--no-search"] }),
  ]);
  for (const site of [sample, prefixed, summary]) if (site.code !== 0) throw new Error(site.stderr);
});

describe("share image", () => {
  it("is the article's front-matter image: absolute, with its alt, size and the large Twitter card", () => {
    const $ = page(sample.output, "/news/industry-watch/solar-price/");
    const url = `${SAMPLE}/media/2024/solar-module-prices.png`;
    expect(meta($, "og:image")).toEqual([url]);
    expect(meta($, "og:image:alt")).toEqual(["光伏組件價格八年走勢：柱子逐年降低，最後一年最低"]);
    expect([meta($, "og:image:width"), meta($, "og:image:height")]).toEqual([["1200"], ["630"]]);
    expect(meta($, "twitter:card")).toEqual(["summary_large_image"]);
    expect(meta($, "twitter:image")).toEqual([url]);
    expect(meta($, "twitter:image:alt")).toEqual(meta($, "og:image:alt"));
    expect(jsonLd($).image).toEqual({
      "@type": "ImageObject",
      url,
      width: 1200,
      height: 630,
      caption: "光伏組件價格八年走勢：柱子逐年降低，最後一年最低",
    });
  });

  it("skips a body's SVG (link previews ignore it) and falls back to site config's image", () => {
    const $ = page(sample.output, "/research/methods/sell-out-data/");
    expect($("main img").first().attr("src")).toBe("/media/2024/sell-out-lag.svg");
    expect(meta($, "og:image")).toEqual([`${SAMPLE}/media/site-share.png`]);
    expect(jsonLd($).image.url).toBe(`${SAMPLE}/media/site-share.png`);
  });

  it("is site config's image on pages that are not articles (home, lists, archive, 404)", () => {
    for (const p of ["/", "/research/", "/archive/", "/404.html"]) {
      const $ = page(sample.output, p);
      expect(meta($, "og:image"), p).toEqual([`${SAMPLE}/media/site-share.png`]);
      expect(meta($, "og:image:alt"), p).toEqual(["衡石研究文庫：八根逐年升高的柱子"]);
      expect(meta($, "twitter:card"), p).toEqual(["summary_large_image"]);
    }
  });

  it("carries the path prefix and percent-encodes a Chinese file name", () => {
    const $ = page(prefixed.output, "/notes/cover/");
    expect(meta($, "og:image")).toEqual([`${FIXTURE}/media/%E5%B0%81%E9%9D%A2.png`]);
    expect(meta($, "og:image:alt")).toEqual(["封面：三根柱子"]);
  });

  it("else is the body's first image a preview shows, with that image's alt as plain text", () => {
    const $ = page(prefixed.output, "/notes/first-image/");
    expect(meta($, "og:image")).toEqual([`${FIXTURE}/media/%E5%9C%96/%E5%85%A7%E6%96%87.png`]);
    expect(meta($, "og:image:alt")).toEqual(["Photo of the plant, from the east"]);
    expect(meta($, "og:image:width")).toEqual(["1200"]);
  });

  it("may be a remote https image: encoded, no size claimed, the title as its alt", () => {
    const $ = page(prefixed.output, "/notes/remote/");
    expect(meta($, "og:image")).toEqual(["https://cdn.example.net/%E5%88%86%E4%BA%AB/%E5%9C%961.jpg"]);
    expect(meta($, "og:image:width")).toEqual([]);
    expect(meta($, "og:image:alt")).toEqual(["遠端圖片"]);
    expect(jsonLd($).image).toEqual({ "@type": "ImageObject", url: meta($, "og:image")[0] });
  });

  it("is absent without an article or site image: the small card, no og:image, no JSON-LD image", async () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), "wenku-share-")), "content");
    cpSync(fixture("share-images"), copy, { recursive: true });
    const config = path.join(copy, "_data/site.json");
    const { image: _, ...rest } = JSON.parse(readFileSync(config, "utf8"));
    writeFileSync(config, JSON.stringify(rest));
    const site = await build(copy, { args: ["--no-search"] });
    expect(site.code, site.stderr).toBe(0);
    const $ = page(site.output, "/notes/plain/");
    expect(meta($, "og:image")).toEqual([]);
    expect(meta($, "twitter:card")).toEqual(["summary"]);
    expect(jsonLd($)).not.toHaveProperty("image");
    expect(meta(page(site.output, "/notes/cover/"), "og:image")).toHaveLength(1);
  });
});

describe("authors' pages", () => {
  it("are the JSON-LD author's url and a rel=author link in the meta line", () => {
    const $ = page(sample.output, "/research/methods/sell-out-data/");
    expect(jsonLd($).author).toEqual({ "@type": "Person", name: "Helen Yip", url: "https://helen-yip.example.net/" });
    expect($('.article-meta a[rel="author"]').attr("href")).toBe("https://helen-yip.example.net/");
  });

  it("as a site path get the prefix in the link and the origin in JSON-LD", () => {
    const $ = page(prefixed.output, "/notes/cover/");
    expect($('.article-meta a[rel="author"]').attr("href")).toBe("/archive/about/zhang/");
    expect(jsonLd($).author.url).toBe(`${FIXTURE}/about/zhang/`);
  });

  it("leave an author without one unlinked", () => {
    const $ = page(prefixed.output, "/notes/remote/");
    expect($('.article-meta a[rel="author"]')).toHaveLength(0);
    expect(jsonLd($).author).toEqual({ "@type": "Person", name: "無名" });
  });
});

describe("language", () => {
  it("gives og:locale from the article's own language: English articles on a Chinese site are en_US", () => {
    expect(meta(page(sample.output, "/research/methods/sell-out-data/"), "og:locale")).toEqual(["en_US"]);
    expect(meta(page(sample.output, "/news/announcements/english-edition/"), "og:locale")).toEqual(["en_US"]);
    expect(meta(page(sample.output, "/news/industry-watch/solar-price/"), "og:locale")).toEqual(["zh_TW"]);
    expect(meta(page(sample.output, "/"), "og:locale")).toEqual(["zh_TW"]);
    expect(meta(page(prefixed.output, "/notes/plain/"), "og:locale")).toEqual(["zh_CN"]);
  });

  it("gives each feed item its language: Atom xml:lang on the entry, JSON Feed item language", () => {
    const $ = atom(sample);
    const lang = (url: string) => $(`entry:has(id:contains("${url}"))`).attr("xml:lang");
    expect(lang("/research/methods/sell-out-data/")).toBe("en");
    expect(lang("/news/industry-watch/solar-price/")).toBe("zh-Hant");
    const items = jsonFeed(sample).items as { url: string; language: string }[];
    expect(items.find((i) => i.url.endsWith("/english-edition/"))!.language).toBe("en");
    expect(items.find((i) => i.url.endsWith("/solar-price/"))!.language).toBe("zh-Hant");
    // Every entry says its language; a category feed too.
    expect($("entry").length).toBe($("entry[xml\\:lang]").length);
    expect(atom(sample, "research/methods/feed.xml")("entry[xml\\:lang=en]").length).toBeGreaterThan(0);
  });
});

describe("full feeds", () => {
  it("carry each article as HTML in Atom <content type=html>, escaped, with absolute media URLs", () => {
    const entry = atom(sample)('entry:has(id:contains("/research/methods/sell-out-data/"))');
    const content = entry.find("content");
    expect(content.attr("type")).toBe("html");
    const $body = load(content.text());
    expect($body("h2").first().text()).toBe("Know what the distributor is counting");
    expect($body("img").attr("src")).toBe(`${SAMPLE}/media/2024/sell-out-lag.svg`);
    expect(entry.find("summary").text()).toMatch(/^Sell-out reports from distributors/);
  });

  it("give a JSON Feed item its own share image, never the site's", () => {
    const items: { url: string; image?: string }[] = jsonFeed(sample).items;
    expect(items.find((i) => i.url.endsWith("/solar-price/"))!.image).toBe(
      `${SAMPLE}/media/2024/solar-module-prices.png`,
    );
    expect(items.find((i) => i.url.endsWith("/sell-out-data/"))).not.toHaveProperty("image");
  });

  it("carry the same HTML as JSON Feed content_html", () => {
    const item = jsonFeed(sample).items.find((i: { url: string }) => i.url.endsWith("/sell-out-data/"));
    const content = atom(sample)('entry:has(id:contains("/research/methods/sell-out-data/")) content').text();
    expect(item.content_html).toBe(content);
    expect(item).not.toHaveProperty("content_text");
  });

  it("make every link and image absolute under a path prefix: root-relative, relative and #fragment ones", () => {
    const item = jsonFeed(prefixed).items.find((i: { url: string }) => i.url.endsWith("/notes/cover/"));
    const $ = load(item.content_html);
    expect($("img").attr("src")).toBe(`${FIXTURE}/media/%E5%9C%96/%E5%85%A7%E6%96%87.png`);
    expect(
      $("a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual([
      `${FIXTURE}/notes/cover/chart.png`,
      `${FIXTURE}/notes/cover/#%E6%96%B9%E6%B3%95`,
      `${FIXTURE}/notes/plain/`,
      "https://example.net/a?b=1",
    ]);
    // The page itself keeps its links as written (prefixed), not absolute.
    expect(page(prefixed.output, "/notes/cover/")('main a[href*="plain"]').attr("href")).toBe("/archive/notes/plain/");
  });

  it("have the tagline as Atom subtitle and JSON Feed description", () => {
    expect(atom(prefixed)("feed > subtitle").text()).toBe("一行說明 & <標語>");
    expect(jsonFeed(prefixed).description).toBe("一行說明 & <標語>");
    expect(atom(prefixed, "notes/feed.xml")("feed > subtitle").text()).toBe("一行說明 & <標語>");
  });

  it("with feed.content summary carry the summary only, as before", () => {
    const $ = atom(summary);
    expect($("entry")).toHaveLength(4);
    expect($("entry content")).toHaveLength(0);
    expect($("entry summary").first().text()).not.toBe("");
    const items = jsonFeed(summary).items;
    for (const item of items) {
      expect(item).not.toHaveProperty("content_html");
      expect(item.content_text).toBe(item.summary);
    }
  });
});

describe("share image checks", () => {
  it("report a missing, SVG, relative or mis-keyed image with file, line and field, and bad authors and feed settings", async () => {
    const site = await build(fixture("share-images-bad"), { args: ["--no-search"] });
    expect(site.code).toBe(1);
    const lines = site.stderr.split("\n");
    const line = (start: string) => lines.find((l) => l.includes(start)) ?? `no line with ${start}`;
    expect(line("site.json:4:")).toMatch(/ image {2}image "\/media\/nope\.png", which is not in content\/media\//);
    expect(line("missing.md:5:")).toMatch(/ image {2}image "\/media\/okk\.png".*did you mean "\/media\/ok\.png"\?/);
    expect(line("svg.md:5:")).toMatch(/ image {2}"\/media\/x\.svg" \(a \.svg file, which link previews do not show\)/);
    expect(line("relative.md:5:")).toMatch(/neither a path under \/media\/ nor an https:\/\/ URL/);
    expect(line("extra-key.md:")).toMatch(/ image\.caption {2}unknown key "caption" — src and alt only/);
    expect(line("site.json:5:")).toMatch(/authors\.張明\.url {2}"javascript:alert\(1\)" \(a javascript: link\)/);
    expect(line("site.json:6:")).toMatch(/feed\.content {2}"everything"/);
  });
});
