// The archive site, built from tests/fixtures/three-level (research › marketing › industrial-marketing,
// page size 2) and checked on its HTML.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";

const IM = "/research/marketing/industrial-marketing";
let site: BuildResult;

beforeAll(async () => {
  site = await build(fixture("three-level"));
  if (site.code !== 0) throw new Error(`fixture build failed:\n${site.stderr}`);
});

const texts = ($: ReturnType<typeof page>, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().trim())
    .get();

describe("article pages", () => {
  it("writes exactly one page per non-draft article", () => {
    const articlePages = listFiles(site.output).filter(
      (f) => f.endsWith("index.html") && page(site.output, `/${path.dirname(f)}/`)("main.page-article").length === 1,
    );
    expect(articlePages.map((f) => path.dirname(f)).sort()).toEqual(
      [
        `${IM}/a-same`,
        `${IM}/b-same`,
        `${IM}/first`,
        `${IM}/fourth`,
        `${IM}/newest`,
        "/research/marketing/filed-on-parent",
        "/research/marketing/consumer-insight/consumer",
      ]
        .map((p) => p.slice(1))
        .sort(),
    );
  });

  it("never builds drafts", () => {
    expect(listFiles(site.output).some((f) => f.includes("draft"))).toBe(false);
  });

  it("has the parts of the reference page in order", () => {
    const $ = page(site.output, `${IM}/first/`);
    const order = [
      "header.site-header",
      "nav.main-nav",
      "nav.breadcrumbs",
      "main h1",
      "p.article-meta",
      "div.article-body",
      "nav.prev-next",
      "footer.site-footer",
    ];
    const html = $.html();
    const positions = order.map((sel) => html.indexOf($.html($(sel).first())));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("shows breadcrumbs Home › every ancestor › the category › the title, the last marked current", () => {
    const $ = page(site.output, `${IM}/first/`);
    expect(texts($, "nav.breadcrumbs ol li")).toEqual([
      "Home",
      "Research",
      "Marketing",
      "Industrial Marketing",
      "First article",
    ]);
    expect(
      $("nav.breadcrumbs ol li a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/", "/research/", "/research/marketing/", `${IM}/`]);
    expect($("nav.breadcrumbs li:last-child [aria-current=page]").text()).toBe("First article");
    expect($("nav.breadcrumbs li:last-child a").length).toBe(0);
    expect($("nav.breadcrumbs").attr("aria-label")).toBeTruthy();
  });

  it("has one h1 and a <title> of 'article title – site name'", () => {
    const $ = page(site.output, `${IM}/first/`);
    expect($("h1").length).toBe(1);
    expect($("title").length).toBe(1);
    expect($("title").text()).toBe("First article – Fixture & <Site>");
  });

  it("shows the publish time in the site's zone with its offset, views for the locale, author and source", () => {
    const $ = page(site.output, `${IM}/first/`);
    expect($("p.article-meta time").attr("datetime")).toBe("2012-01-01T08:00:00+08:00");
    expect($("p.article-meta time").text()).toBe("2012-01-01 08:00:00");
    const meta = $("p.article-meta").text().replace(/\s+/g, " ");
    expect(meta).toContain("1,234,567");
    expect(meta).toContain("Ada");
    expect(meta).toContain("Fixture Press");
  });

  it("reads an offset date as that instant, shown in the site's zone", () => {
    const $ = page(site.output, `${IM}/fourth/`);
    expect($("p.article-meta time").attr("datetime")).toBe("2013-12-27T10:30:07+08:00");
  });

  it("leaves the call-to-action out when site config turns it off", () => {
    expect(page(site.output, `${IM}/first/`)("aside.cta").length).toBe(0);
  });

  it("shows the footer's ICP number as a link to the licence registry", () => {
    const $ = page(site.output, `${IM}/first/`);
    expect($("footer .icp a").text()).toBe("滬ICP備12345678號");
    expect($("footer .icp a").attr("href")).toBe("https://beian.miit.gov.cn/");
  });

  it("does not run article bodies through a template language", () => {
    const body = page(site.output, `${IM}/fourth/`)("div.article-body").text();
    expect(body).toContain("{{ site.title }}");
    expect(body).toContain("{% raw %}");
  });

  it("joins a Chinese line break without a space", () => {
    expect(page(site.output, `${IM}/newest/`)("div.article-body").text()).toContain("中文段落第一行第二行接著寫。");
  });
});

describe("previous / back to list / next", () => {
  const prevNext = (slug: string, dir = IM) => {
    const $ = page(site.output, `${dir}/${slug}/`);
    return {
      prev: $("nav.prev-next a[rel=prev]").attr("href") ?? null,
      next: $("nav.prev-next a[rel=next]").attr("href") ?? null,
      back: $("nav.prev-next .prev-next-back a").attr("href")!,
      text: $("nav.prev-next").text().replace(/\s+/g, " ").trim(),
    };
  };

  it("gives the oldest article no previous link but the locale's 'none' label", () => {
    const n = prevNext("first");
    expect(n.prev).toBeNull();
    expect(n.text).toContain("Previous: None");
    expect(n.next).toBe(`${IM}/a-same/`);
  });

  it("gives the newest article no next link", () => {
    const n = prevNext("newest");
    expect(n.next).toBeNull();
    expect(n.text).toContain("Next: None");
    expect(n.prev).toBe(`${IM}/fourth/`);
  });

  it("orders equal publish times by slug: a-same, b-same, fourth", () => {
    expect(prevNext("a-same")).toMatchObject({ prev: `${IM}/first/`, next: `${IM}/b-same/` });
    expect(prevNext("b-same")).toMatchObject({ prev: `${IM}/a-same/`, next: `${IM}/fourth/` });
    expect(prevNext("fourth")).toMatchObject({ prev: `${IM}/b-same/`, next: `${IM}/newest/` });
  });

  it("never crosses categories", () => {
    // consumer (2014) falls between fourth (2013) and newest (2020) in time, in a sibling category.
    expect(prevNext("consumer", "/research/marketing/consumer-insight")).toMatchObject({ prev: null, next: null });
    expect(prevNext("filed-on-parent", "/research/marketing")).toMatchObject({ prev: null, next: null });
  });

  it("links back to the list page that shows the article, at page boundaries", () => {
    // Newest first, two per page: [newest, fourth] [b-same, a-same] [first].
    expect(prevNext("newest").back).toBe(`${IM}/#entry-research--marketing--industrial-marketing--newest`);
    expect(prevNext("fourth").back).toBe(`${IM}/#entry-research--marketing--industrial-marketing--fourth`);
    expect(prevNext("b-same").back).toBe(`${IM}/page/2/#entry-research--marketing--industrial-marketing--b-same`);
    expect(prevNext("a-same").back).toBe(`${IM}/page/2/#entry-research--marketing--industrial-marketing--a-same`);
    expect(prevNext("first").back).toBe(`${IM}/page/3/#entry-research--marketing--industrial-marketing--first`);
  });

  it("lands 'back to list' on an entry that exists on that page", () => {
    for (const slug of ["newest", "b-same", "first"]) {
      const [listPath, id] = prevNext(slug).back.split("#") as [string, string];
      const $ = page(site.output, listPath);
      expect($(`li[id="${id}"] a`).attr("href")).toBe(`${IM}/${slug}/`);
    }
  });
});

describe("escaping", () => {
  const hostile = `<b>"Fourth"</b> & <script>alert(1)</script> ' done`;

  it("escapes a hostile title in <title> and <h1>, leaving exactly one <title>", () => {
    const html = readFileSync(path.join(site.output, `${IM}/fourth/index.html`), "utf8");
    const $ = page(site.output, `${IM}/fourth/`);
    expect($("title").length).toBe(1);
    expect($("title").text()).toBe(`${hostile} – Fixture & <Site>`);
    expect($("h1").text()).toBe(hostile);
    expect($("script:not([type='application/ld+json'])").length).toBe(0);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain('<b>"Fourth"</b>');
  });

  it("escapes it in breadcrumbs and in the neighbours' prev/next links", () => {
    expect(page(site.output, `${IM}/fourth/`)("nav.breadcrumbs [aria-current=page]").text()).toBe(hostile);
    expect(page(site.output, `${IM}/b-same/`)("a[rel=next]").text()).toBe(hostile);
    expect(page(site.output, `${IM}/newest/`)("a[rel=prev]").text()).toBe(hostile);
    for (const slug of ["b-same", "newest"]) {
      expect(readFileSync(path.join(site.output, `${IM}/${slug}/index.html`), "utf8")).not.toContain("<script>");
    }
  });

  it("escapes it in category lists", () => {
    const $ = page(site.output, `${IM}/`);
    expect(texts($, "ul.article-list h2 a")).toContain(hostile);
    expect($("script").length).toBe(0);
  });
});

describe("category pages", () => {
  const listTitles = (p: string) => texts(page(site.output, p), "ul.article-list .article-list-title a");

  it("lists a leaf newest first, page-size entries per page", () => {
    expect(listTitles(`${IM}/`)).toEqual(["Newest", expect.stringContaining("Fourth")]);
    expect(listTitles(`${IM}/page/2/`)).toEqual(["B on the same day", "A on the same day"]);
    expect(listTitles(`${IM}/page/3/`)).toEqual(["First article"]);
    expect(existsSync(path.join(site.output, `${IM}/page/4/index.html`))).toBe(false);
  });

  it("lists a parent's own and all descendants' articles", () => {
    const all = [1, 2, 3, 4].flatMap((n) =>
      listTitles(n === 1 ? "/research/marketing/" : `/research/marketing/page/${n}/`),
    );
    expect(all).toEqual([
      "Newest",
      "Filed on the parent",
      "Consumer article",
      expect.stringContaining("Fourth"),
      "B on the same day",
      "A on the same day",
      "First article",
    ]);
    expect(listTitles("/research/")).toEqual(listTitles("/research/marketing/"));
  });

  it("ends the breadcrumb with the category itself", () => {
    const $ = page(site.output, `${IM}/page/2/`);
    expect(texts($, "nav.breadcrumbs li")).toEqual(["Home", "Research", "Marketing", "Industrial Marketing"]);
    expect($("nav.breadcrumbs [aria-current=page]").text()).toBe("Industrial Marketing");
  });

  it("shows the description and links child categories with their article counts", () => {
    expect(page(site.output, `${IM}/`)("p.category-description").text()).toBe("Leaf three levels down.");
    const $ = page(site.output, "/research/marketing/");
    expect(texts($, "nav.category-children li").map((s) => s.replace(/\s+/g, " "))).toEqual([
      "Industrial Marketing 5 articles",
      "Consumer Insight 1 articles",
    ]);
  });

  it("has a pager with numbered pages, first/last and rel=prev/next", () => {
    const $ = page(site.output, `${IM}/page/2/`);
    expect($("nav.pager a[rel=prev]").attr("href")).toBe(`${IM}/`);
    expect($("nav.pager a[rel=next]").attr("href")).toBe(`${IM}/page/3/`);
    expect($("nav.pager a[aria-current=page]").text()).toBe("2");
    expect(texts($, "nav.pager li")).toEqual(["First", "Previous page", "1", "2", "3", "Next page", "Last"]);
    const first = page(site.output, `${IM}/`);
    expect(first("nav.pager a[rel=prev]").length).toBe(0);
    const last = page(site.output, `${IM}/page/3/`);
    expect(last("nav.pager a[rel=next]").length).toBe(0);
  });

  it("gives an empty category one page saying so, and no pager", () => {
    const $ = page(site.output, "/news/");
    expect($("p.empty-list").text()).toBe("No articles in this section yet.");
    expect($("nav.pager").length).toBe(0);
  });
});

describe("home page", () => {
  it("lists the latest articles, a block per top-level category and the most viewed", () => {
    const $ = page(site.output, "/");
    expect(texts($, ".home-latest .article-list-title a")[0]).toBe("Newest");
    expect(texts($, ".home-most-viewed .article-list-title a").slice(0, 2)).toEqual(["First article", "Newest"]);
    expect(texts($, ".home-block > h2")).toEqual(["Research", "News"]);
    expect($(".home-block").first().find(".article-list-item").length).toBe(5);
    expect($("h1").length).toBe(1);
  });

  it("shows the top-level categories in the main navigation", () => {
    expect(texts(page(site.output, "/"), "nav.main-nav li")).toEqual(["Home", "Research", "News"]);
  });
});

describe("the whole output", () => {
  it("has no internal link that fails to resolve", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });

  it("sets <html lang> from the site locale on every page", () => {
    for (const f of listFiles(site.output).filter((f) => f.endsWith(".html"))) {
      expect(page(site.output, `/${f}`)("html").attr("lang")).toBe("en");
    }
  });
});

describe("the archive by date", () => {
  it("lists years newest first with counts, and months linking to their pages", () => {
    const $ = page(site.output, "/archive/");
    expect(texts($, ".archive-years > li > h2").map((s) => s.replace(/\s+/g, " "))).toEqual([
      "2020 1 articles",
      "2015 1 articles",
      "2014 1 articles",
      "2013 3 articles",
      "2012 1 articles",
    ]);
    expect(
      $(".archive-months a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toContain("/archive/2013/12/");
    expect(texts($, ".archive-months a")).toContain("December 2013");
  });

  it("gives each month a page listing its articles, in the site's zone", () => {
    // fourth was written as 2013-12-27T02:30:07Z: still December 27 in Shanghai.
    const $ = page(site.output, "/archive/2013/12/");
    expect(texts($, ".article-list-title a")).toEqual([
      expect.stringContaining("Fourth"),
      "B on the same day",
      "A on the same day",
    ]);
    expect(texts($, "nav.breadcrumbs li")).toEqual(["Home", "Archive", "December 2013"]);
  });
});
