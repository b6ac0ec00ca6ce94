import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { parseXml } from "../../tests/helpers/xml.ts";
import { atomFeed, jsonFeed, type Feed } from "./feeds.ts";

const feed = (title: string, author = "陳思遠"): Feed => ({
  title: "Site <&> \u2028 end",
  subtitle: "",
  home: "https://x.example/",
  atom: "https://x.example/feed.xml",
  json: "https://x.example/feed.json",
  language: "en",
  icon: "",
  items: [
    {
      title,
      url: "https://x.example/news/a/",
      published: "2020-01-01T00:00:00+08:00",
      updated: "2020-01-02T00:00:00+08:00",
      summary: "s & <b>",
      author,
      language: "zh-Hant",
      image: "",
    },
  ],
  fallbackUpdated: "1970-01-01T00:00:00Z",
});

describe("the site's favicon in both feeds", () => {
  const icon = "https://x.example/favicon.png";
  it("is Atom's <icon> and JSON Feed's favicon when the site has one", () => {
    const atom = new XMLParser().parse(atomFeed({ ...feed("t"), icon }));
    expect(atom.feed.icon).toBe(icon);
    expect(JSON.parse(jsonFeed({ ...feed("t"), icon })).favicon).toBe(icon);
  });
  it("is left out when it has none", () => {
    expect(new XMLParser().parse(atomFeed(feed("t"))).feed.icon).toBeUndefined();
    expect(JSON.parse(jsonFeed(feed("t")))).not.toHaveProperty("favicon");
  });
});

describe("jsonFeed", () => {
  it("writes no raw <, > or & and no line separators, and keeps every value exactly", () => {
    const text = jsonFeed(feed("<script>alert(1)</script>", "<img src=x onerror=alert(1)>"));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const parsed = JSON.parse(text);
    expect(parsed.title).toBe("Site <&> \u2028 end");
    expect(parsed.items[0].title).toBe("<script>alert(1)</script>");
    expect(parsed.items[0].authors).toEqual([{ name: "<img src=x onerror=alert(1)>" }]);
    expect(parsed.items[0].summary).toBe("s & <b>");
  });
});

describe("atomFeed", () => {
  it("is well-formed XML with hostile text kept as text", () => {
    const doc = parseXml(atomFeed(feed("</title><script>x</script>")));
    expect(doc.feed.entry.title).toBe("</title><script>x</script>");
    expect(doc.feed.title).toBe("Site <&> \u2028 end");
  });

  it("stays well-formed when a title or summary holds characters XML cannot carry (they are dropped)", () => {
    const f = feed("Bad\u0007ti\uFFFFtle\uD800");
    const text = atomFeed({ ...f, items: [{ ...f.items[0]!, summary: "form\u000cfeed" }] });
    const doc = parseXml(text);
    expect(doc.feed.entry.title).toBe("Badtitle");
    expect(doc.feed.entry.summary).toBe("formfeed");
  });
});

describe("full content, languages and subtitle", () => {
  const html = '<p>A &amp; B <a href="https://x.example/media/a.png">a</a></p>\n<script>x</script>';
  const full = (f: Feed): Feed => ({ ...f, subtitle: "Tag <line>", items: [{ ...f.items[0]!, contentHtml: html }] });

  it("Atom: the entry's xml:lang, the whole article as escaped HTML in <content type=html>, the tagline as subtitle", () => {
    const text = atomFeed(full(feed("t")));
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(text);
    parseXml(text);
    expect(doc.feed.entry["@xml:lang"]).toBe("zh-Hant");
    expect(doc.feed.entry.content["@type"]).toBe("html");
    expect(doc.feed.entry.content["#text"]).toBe(html);
    expect(doc.feed.subtitle).toBe("Tag <line>");
    // No element of the article's markup is an element of the feed.
    expect(text).not.toContain("<script>");
  });

  it("Atom: a summary feed has no <content> and no empty <subtitle>", () => {
    const text = atomFeed(feed("t"));
    expect(text).not.toContain("<content");
    expect(text).not.toContain("<subtitle");
  });

  it("JSON Feed: item language, content_html instead of content_text, the tagline as description", () => {
    const parsed = JSON.parse(jsonFeed(full(feed("t"))));
    expect(parsed.description).toBe("Tag <line>");
    expect(parsed.items[0].language).toBe("zh-Hant");
    expect(parsed.items[0].content_html).toBe(html);
    expect(parsed.items[0]).not.toHaveProperty("content_text");
    const summary = JSON.parse(jsonFeed(feed("t")));
    expect(summary.items[0].content_text).toBe("s & <b>");
    expect(summary.items[0]).not.toHaveProperty("content_html");
    expect(summary).not.toHaveProperty("description");
  });
});
