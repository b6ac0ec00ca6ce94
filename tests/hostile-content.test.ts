// Spam of the kind injected into the legacy site: hostile front-matter and Markdown are published as
// inert text, whatever they contain.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, page, type BuildResult } from "./helpers/build.ts";
import { parseXml } from "./helpers/xml.ts";

let site: BuildResult;
const url = "/news/spam/";
beforeAll(async () => {
  site = await build(fixture("hostile"));
  if (site.code !== 0) throw new Error(site.stderr);
});

describe("a hostile article", () => {
  it("has exactly one <title>, holding the hostile text as text", () => {
    const $ = page(site.output, url);
    expect($("title")).toHaveLength(1);
    expect($("title").text()).toBe("</title><script>alert('title')</script><title> – Hostile");
    expect($("h1").text()).toBe("</title><script>alert('title')</script><title>");
  });

  it("contains no script, iframe, form, base or refresh, and no event-handler or style attribute", () => {
    const $ = page(site.output, url);
    // The site's own search box (a plain GET form in the header) is the only form; nothing else may be.
    expect($("header.site-header form.search-form")).toHaveLength(1);
    $("header.site-header form.search-form").remove();
    // The only script is the JSON-LD data block (never executed), checked below.
    expect(
      $("script:not([type='application/ld+json']), iframe, form, input, base, meta[http-equiv=refresh]"),
    ).toHaveLength(0);
    const attributes = $("*")
      .map((_, el) => Object.keys((el as unknown as { attribs: Record<string, string> }).attribs))
      .get()
      .flat();
    expect(attributes.filter((a) => a.startsWith("on") || a === "style")).toEqual([]);
  });

  it("keeps the hostile title inside its JSON-LD as data, unable to end the script element", () => {
    const $ = page(site.output, url);
    const json = $("script[type='application/ld+json']");
    expect(json).toHaveLength(1);
    expect(json.html()).not.toContain("<");
    const [article, breadcrumbs] = JSON.parse(json.html()!) as [
      { headline: string },
      { itemListElement: { name: string }[] },
    ];
    expect(article.headline).toBe("</title><script>alert('title')</script><title>");
    expect(breadcrumbs.itemListElement.at(-1)!.name).toBe(article.headline);
  });

  it("shows raw HTML from the body as text", () => {
    const body = page(site.output, url)("div.article-body").text();
    expect(body).toContain("<script>alert('body')</script>");
    expect(body).toContain('<iframe src="https://evil.example/"></iframe>');
  });

  it("never turns javascript:, vbscript: or data:text links into links, but keeps data: images", () => {
    const $ = page(site.output, url);
    const hrefs = $("a[href]")
      .map((_, a) => $(a).attr("href")!)
      .get();
    expect(hrefs.filter((h) => /^\s*(javascript|vbscript|data):/i.test(decodeURIComponent(h)))).toEqual([]);
    expect($("div.article-body img").attr("src")).toMatch(/^data:image\/png;base64,/);
  });

  it("escapes front-matter in attributes (description) and text (meta line)", () => {
    const html = readFileSync(path.join(site.output, "news/spam/index.html"), "utf8");
    const $ = page(site.output, url);
    expect($('meta[name="description"]').attr("content")).toBe("</script><script>alert('summary')</script>");
    expect($("p.article-meta").text()).toContain(`<img src=x onerror=alert('author')>`);
    expect($("p.article-meta").text()).toContain(`" onmouseover="alert('source')`);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('" onmouseover="');
  });

  it("stays inert in the category list and on the home page", () => {
    for (const p of ["/news/", "/"]) {
      const $ = page(site.output, p);
      expect($("script")).toHaveLength(0);
      expect($(".article-list-title a").first().text()).toBe("</title><script>alert('title')</script><title>");
    }
  });
});

describe("hostile text in the feeds", () => {
  const TITLE = "</title><script>alert('title')</script><title>";
  const AUTHOR = "<img src=x onerror=alert('author')>";
  const CATEGORY = "News <img src=x onerror=alert('category')> & </script>";
  const read = (file: string) => readFileSync(path.join(site.output, file), "utf8");

  it("writes feed.json with <, >, & and U+2028 escaped, and every value intact", () => {
    for (const file of ["feed.json", "news/feed.json"]) {
      const text = read(file);
      expect(text, file).not.toMatch(/[<>&\u2028\u2029]/);
      const feed = JSON.parse(text) as { title: string; items: { title: string; authors?: { name: string }[] }[] };
      const spam = feed.items.find((i) => i.title === TITLE)!;
      expect(spam.authors).toEqual([{ name: AUTHOR }]);
      expect(feed.items.map((i) => i.title)).toContain("Controls in the body \u2028 <b>bold</b> & more");
      if (file === "news/feed.json") expect(feed.title).toBe(`${CATEGORY} – Hostile`);
    }
    expect(read("feed.json")).toContain("\\u003c/title\\u003e\\u003cscript\\u003e");
  });

  it("writes Atom feeds that are well-formed XML, hostile text kept as text, body control characters dropped", () => {
    for (const file of ["feed.xml", "news/feed.xml"]) {
      const doc = parseXml(read(file));
      const entries = [doc.feed.entry].flat() as { title: string; summary: string; author?: { name: string } }[];
      expect(entries.find((e) => e.title === TITLE)!.author).toEqual({ name: AUTHOR });
      const controls = entries.find((e) => e.title.startsWith("Controls in the body"))!;
      expect(controls.summary).toMatch(/^A bell , a form feed , a vertical tab  and an escape  in the body/);
      if (file === "news/feed.xml") expect(doc.feed.title).toBe(`${CATEGORY} – Hostile`);
    }
  });

  it("keeps the hostile category name as data in the JSON-LD breadcrumbs", () => {
    const json = page(site.output, url)("script[type='application/ld+json']").html()!;
    expect(json).not.toMatch(/[<>&]/);
    const [, breadcrumbs] = JSON.parse(json) as [unknown, { itemListElement: { name: string }[] }];
    expect(breadcrumbs.itemListElement.map((c) => c.name)).toEqual(["Home", CATEGORY, TITLE]);
  });
});
