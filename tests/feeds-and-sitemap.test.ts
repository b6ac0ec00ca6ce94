// Feeds, sitemap, robots.txt, structured data and the 404 page of the three-level fixture: well-formed,
// absolute, and consistent with the pages themselves.
import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { sitemapFiles } from "../src/site/sitemap.ts";
import { build, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";

const ORIGIN = "https://fixture.example";
const IM = "/research/marketing/industrial-marketing";
let site: BuildResult;
const read = (file: string) => readFileSync(path.join(site.output, file), "utf8");
const xmlDoc = (file: string) => {
  const text = read(file);
  expect(XMLValidator.validate(text), file).toBe(true);
  return load(text, { xml: true });
};

beforeAll(async () => {
  site = await build(fixture("three-level"));
  if (site.code !== 0) throw new Error(site.stderr);
});

describe("Atom feeds", () => {
  it("list the site's newest articles with absolute URLs, updated from the newest article", () => {
    const $ = xmlDoc("feed.xml");
    expect($("feed > title").text()).toBe("Fixture & <Site>");
    expect($("feed > updated").text()).toBe("2020-05-05T01:15:00+08:00");
    const links = $("entry > link")
      .map((_, l) => $(l).attr("href"))
      .get();
    expect(links).toHaveLength(7);
    expect(links[0]).toBe(`${ORIGIN}${IM}/newest/`);
    for (const l of links) expect(l.startsWith(`${ORIGIN}/`)).toBe(true);
    expect($("feed > link[rel=self]").attr("href")).toBe(`${ORIGIN}/feed.xml`);
    expect($("entry").first().find("published").text()).toBe("2020-05-05T01:15:00+08:00");
  });

  it("exist per category, with the category's own and descendants' articles", () => {
    const $ = xmlDoc(`${IM.slice(1)}/feed.xml`);
    expect($("entry")).toHaveLength(5);
    expect(xmlDoc("research/marketing/feed.xml")("entry")).toHaveLength(7);
    expect(xmlDoc("news/feed.xml")("entry")).toHaveLength(0);
  });

  it("carry hostile titles as escaped text", () => {
    const titles = xmlDoc("feed.xml")("entry > title")
      .map((_, t) => load("")(t).text())
      .get();
    expect(titles).toContain(`<b>"Fourth"</b> & <script>alert(1)</script> ' done`);
  });
});

describe("JSON feeds", () => {
  it("are JSON Feed 1.1 with the same items as the Atom feed", () => {
    const feed = JSON.parse(read("feed.json")) as {
      version: string;
      feed_url: string;
      items: { url: string; date_published: string }[];
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${ORIGIN}/feed.json`);
    const $ = xmlDoc("feed.xml");
    expect(feed.items.map((i) => i.url)).toEqual(
      $("entry > link")
        .map((_, l) => $(l).attr("href"))
        .get(),
    );
  });

  it("are linked from every page's head", () => {
    const $ = page(site.output, `${IM}/first/`);
    expect(
      $("link[rel=alternate][type='application/atom+xml']")
        .map((_, l) => $(l).attr("href"))
        .get(),
    ).toEqual(["/feed.xml", `${IM}/feed.xml`]);
    expect($("link[rel=alternate][type='application/feed+json']").first().attr("href")).toBe("/feed.json");
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("list exactly the site's pages, absolute, each with a lastmod", () => {
    const $ = xmlDoc("sitemap.xml");
    const locs = $("url > loc")
      .map((_, l) => $(l).text())
      .get()
      .sort();
    // Every page but the redirect pages at old addresses and the search page (noindex), which are not content.
    const pages = listFiles(site.output)
      .filter((f) => f.endsWith("index.html") && !read(f).includes('http-equiv="refresh"') && f !== "search/index.html")
      .map((f) => `${ORIGIN}/${f.replace(/index\.html$/, "")}`)
      .sort();
    expect(locs).toEqual(pages);
    expect($("url > lastmod")).toHaveLength(locs.length);
    expect($(`url:has(loc:contains("${IM}/first/")) > lastmod`).text()).toBe("2012-01-01T08:00:00+08:00");
  });

  it("leaves out the search page, which asks not to be indexed", () => {
    expect(page(site.output, "/search/")('meta[name="robots"]').attr("content")).toBe("noindex");
    expect(read("sitemap.xml")).not.toContain(`${ORIGIN}/search/`);
  });

  it("is pointed to by robots.txt", () => {
    expect(read("robots.txt")).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  it("becomes an index of shards past the URL limit", () => {
    const urls = ["a", "b", "c", "d", "e"].map((x, i) => ({
      loc: `${ORIGIN}/${x}/`,
      lastmod: `2020-01-0${i + 1}T00:00:00Z`,
    }));
    const files = sitemapFiles(urls, `${ORIGIN}/`, 2);
    expect(files.map((f) => f.path)).toEqual(["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"]);
    const index = load(files[0]!.text, { xml: true });
    expect(
      index("sitemapindex > sitemap > loc")
        .map((_, l) => index(l).text())
        .get(),
    ).toEqual([1, 2, 3].map((n) => `${ORIGIN}/sitemap-${n}.xml`));
    expect(index("sitemapindex > sitemap > lastmod").last().text()).toBe("2020-01-05T00:00:00Z");
    for (const f of files) expect(XMLValidator.validate(f.text)).toBe(true);
  });
});

describe("structured data and Open Graph", () => {
  it("gives article pages JSON-LD whose BreadcrumbList matches the visible breadcrumb", () => {
    const $ = page(site.output, `${IM}/first/`);
    const [article, breadcrumbs] = JSON.parse($("script[type='application/ld+json']").html()!) as [
      Record<string, unknown> & { interactionStatistic: { userInteractionCount: number; interactionType: string } },
      { itemListElement: { position: number; name: string; item: string }[] },
    ];
    expect(article).toMatchObject({
      "@type": "Article",
      headline: "First article",
      datePublished: "2012-01-01T08:00:00+08:00",
      author: { name: "Ada" },
    });
    expect(article.interactionStatistic).toMatchObject({
      "@type": "InteractionCounter",
      interactionType: "https://schema.org/ViewAction",
      userInteractionCount: 1234567,
    });
    const visible = $("nav.breadcrumbs li")
      .map((_, li) => ({ name: $(li).text().trim(), href: $(li).find("a").attr("href") ?? `${IM}/first/` }))
      .get();
    expect(breadcrumbs.itemListElement.map((i) => ({ name: i.name, href: i.item.slice(ORIGIN.length) }))).toEqual(
      visible,
    );
    expect(breadcrumbs.itemListElement.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives every page Open Graph tags with its canonical URL", () => {
    const $ = page(site.output, "/research/");
    expect($("meta[property='og:url']").attr("content")).toBe(`${ORIGIN}/research/`);
    expect($("meta[property='og:type']").attr("content")).toBe("website");
    expect(page(site.output, `${IM}/first/`)("meta[property='og:type']").attr("content")).toBe("article");
  });
});

describe("the 404 page", () => {
  it("offers the home page and every category", () => {
    const $ = load(read("404.html"));
    expect($("h1").text()).toBe("Page not found");
    expect(
      $(".not-found-categories a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/research/", "/research/marketing/", `${IM}/`, "/research/marketing/consumer-insight/", "/news/"]);
  });

  it("asks not to be indexed and names no address of its own (it is served at every missing one)", () => {
    const $ = load(read("404.html"));
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($("link[rel=canonical]")).toHaveLength(0);
    expect($("meta[property='og:url']")).toHaveLength(0);
    expect(read("404.html")).not.toContain("/404.html");
    expect(read("sitemap.xml")).not.toContain("404");
  });
});

describe("old addresses (aliases)", () => {
  it("become 301 rules in _redirects", () => {
    expect(read("_redirects").trim().split("\n")).toEqual([
      `/a/yanjiu/2012/0101/7.html ${IM}/first/ 301`,
      `/old/first ${IM}/first/ 301`,
    ]);
  });

  it("become static pages that point to the article, for hosts without redirects", () => {
    for (const file of ["a/yanjiu/2012/0101/7.html", "old/first/index.html"]) {
      const $ = load(read(file));
      expect($("link[rel=canonical]").attr("href")).toBe(`${ORIGIN}${IM}/first/`);
      expect($("meta[http-equiv=refresh]").attr("content")).toBe(`0; url=${IM}/first/`);
      expect($("a").attr("href")).toBe(`${IM}/first/`);
    }
  });

  it("are counted in the build summary, with the host whose rules _redirects holds", () => {
    expect(site.stdout).toContain("2 redirects, 1 sitemap file(s)");
    expect(site.stdout).toContain(
      'wenku: _redirects: 2 old address(es) as plain 301s for Cloudflare Pages; no host detected; on Netlify set "host": "netlify"\n',
    );
  });
});
