// Strict at every output: a hostile archive (tests/fixtures/hostile: markup in titles, authors and a
// category name, U+2028 in a title, control characters in a body, Unicode aliases) built under a path
// prefix, and every file the site serves read back with a real parser — every JSON file and JSON-LD
// block with JSON.parse and no raw <, >, & or line separator; every XML file with a strict XML reading;
// _headers and _redirects line by line, as Netlify and Cloudflare Pages read them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, listFiles, type BuildResult } from "./helpers/build.ts";
import { parseXml } from "./helpers/xml.ts";

let site: BuildResult;
let files: string[];
const read = (file: string) => readFileSync(path.join(site.output, file), "utf8");
const UNSAFE_IN_JSON = /[<>&\u2028\u2029]/;

beforeAll(async () => {
  site = await build(fixture("hostile"), { args: ["--path-prefix", "/archive/"] });
  if (site.code !== 0) throw new Error(site.stderr);
  files = listFiles(site.output);
});

describe("JSON the site serves", () => {
  it("is written by one writer: every JSON file Wenku writes parses, with no raw <, >, &, U+2028 or U+2029", () => {
    // Pagefind's own entry file is written by Pagefind, not by Wenku; everything else is ours.
    const ours = files.filter((f) => f.endsWith(".json") && !f.endsWith("pagefind-entry.json"));
    expect(ours).toEqual(
      expect.arrayContaining(["feed.json", "news/feed.json", "search/fold.json", "pagefind/shards.json"]),
    );
    for (const file of ours) {
      const text = read(file);
      expect(() => JSON.parse(text), file).not.toThrow();
      expect(text, file).not.toMatch(UNSAFE_IN_JSON);
    }
  });

  it("keeps the hostile values exactly in feed.json", () => {
    const feed = JSON.parse(read("news/feed.json")) as {
      title: string;
      feed_url: string;
      items: { title: string; url: string }[];
    };
    expect(feed.title).toBe("News <img src=x onerror=alert('category')> & </script> – Hostile");
    expect(feed.feed_url).toBe("http://localhost:8080/archive/news/feed.json");
    expect(feed.items.map((i) => i.title)).toEqual([
      "</title><script>alert('title')</script><title>",
      "Controls in the body \u2028 <b>bold</b> & more",
    ]);
  });

  it("embeds JSON-LD in every article page that cannot end its script element, and parses", () => {
    const pages = files.filter((f) => f.endsWith("index.html"));
    let blocks = 0;
    for (const file of pages) {
      const $ = load(read(file));
      $("script[type='application/ld+json']").each((_, el) => {
        const text = $(el).html()!;
        expect(text, file).not.toMatch(UNSAFE_IN_JSON);
        expect(() => JSON.parse(text), file).not.toThrow();
        blocks++;
      });
    }
    expect(blocks).toBe(2);
  });
});

describe("XML the site serves", () => {
  it("is well-formed and made only of XML characters, feeds and sitemaps alike", () => {
    const xmlFiles = files.filter((f) => f.endsWith(".xml"));
    expect(xmlFiles).toEqual(expect.arrayContaining(["feed.xml", "news/feed.xml", "sitemap.xml"]));
    for (const file of xmlFiles) expect(() => parseXml(read(file)), file).not.toThrow();
  });

  it("drops the body's control characters from the excerpt in the feed, and keeps the text around them", () => {
    const doc = parseXml(read("feed.xml"));
    const entry = ([doc.feed.entry].flat() as { title: string; summary: string }[]).find((e) =>
      e.title.startsWith("Controls"),
    )!;
    expect(entry.summary).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(entry.summary).toContain("A bell , a form feed , a vertical tab  and an escape  in the body");
  });
});

describe("host files", () => {
  it("_headers has one rule, for the prefix, and only header lines under it", () => {
    const lines = read("_headers").trimEnd().split("\n");
    expect(lines[0]).toBe("/archive/*");
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}[A-Za-z-]+: [^\n]+$/);
    expect(lines).toHaveLength(5);
  });

  it("_redirects has one literal rule per alias: three fields, no splat or placeholder, Unicode percent-encoded", () => {
    const rules = read("_redirects")
      .trimEnd()
      .split("\n")
      .map((line) => line.split(" "));
    expect(rules).toEqual([
      ["/archive/%E8%88%8A/2019/0601/%E6%8E%A7%E5%88%B6.html", "/archive/news/controls/", "301"],
      ["/archive/old/controls", "/archive/news/controls/", "301"],
    ]);
    for (const [from] of rules) expect(from).not.toMatch(/\*|\/:|\s/);
  });
});
