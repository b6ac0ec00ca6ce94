import { describe, expect, it } from "vitest";
import { parseXml } from "../../tests/helpers/xml.ts";
import { atomFeed, jsonFeed, type Feed } from "./feeds.ts";

const feed = (title: string, author = "陳思遠"): Feed => ({
  title: "Site <&> \u2028 end",
  home: "https://x.example/",
  atom: "https://x.example/feed.xml",
  json: "https://x.example/feed.json",
  language: "en",
  items: [
    {
      title,
      url: "https://x.example/news/a/",
      published: "2020-01-01T00:00:00+08:00",
      updated: "2020-01-02T00:00:00+08:00",
      summary: "s & <b>",
      author,
    },
  ],
  fallbackUpdated: "1970-01-01T00:00:00Z",
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
