import { describe, expect, it } from "vitest";
import type { FeedWithBodies } from "../site/bodies.ts";
import { feedDocument } from "./feed-content.ts";
import { createMarkdown } from "./markdown.ts";

const md = createMarkdown({ pathPrefix: "https://x.example/", base: true });
const item = (slug: string) => ({
  title: slug,
  url: `https://x.example/notes/${slug}/`,
  published: "2024-01-01T00:00:00+08:00",
  updated: "2024-01-01T00:00:00+08:00",
  summary: `${slug} summary`,
  author: "",
  language: "en",
  image: "",
});
const page = (format: "atom" | "json", full: boolean): FeedWithBodies => ({
  kind: "feed",
  path: format === "atom" ? "/feed.xml" : "/feed.json",
  format,
  feed: {
    title: "T",
    subtitle: "",
    home: "https://x.example/",
    atom: "https://x.example/feed.xml",
    json: "https://x.example/feed.json",
    language: "zh-Hant",
    icon: "",
    items: [item("a"), item("b")],
    fallbackUpdated: "1970-01-01T00:00:00Z",
  },
  bodies: full
    ? ["a", "b"].map((slug) => ({ at: { file: `${slug}.md`, bodyStart: 0, size: 0, mtimeMs: 0 }, imageSizes: {} }))
    : [],
  texts: full ? ["![p](/media/p.png) [x](x.png)", "B **body**"] : [],
});

describe("feedDocument", () => {
  it("gives each item its body's HTML with absolute URLs", () => {
    const feed = JSON.parse(feedDocument(page("json", true), md));
    expect(feed.items.map((i: { content_html: string }) => i.content_html)).toEqual([
      '<p><img src="https://x.example/media/p.png" alt="p"> <a href="https://x.example/notes/a/x.png">x</a></p>\n',
      "<p>B <strong>body</strong></p>\n",
    ]);
  });

  it("renders an article once for every feed of the run that holds it", () => {
    const cache = new Map<string, string>();
    let renders = 0;
    const counting = Object.create(md, {
      render: { value: (...args: Parameters<typeof md.render>) => (renders++, md.render(...args)) },
    });
    const atom = feedDocument(page("atom", true), counting, cache);
    const json = feedDocument(page("json", true), counting, cache);
    expect(renders).toBe(2);
    expect(atom).toContain("&lt;strong&gt;body&lt;/strong&gt;");
    expect(JSON.parse(json).items[1].content_html).toBe("<p>B <strong>body</strong></p>\n");
  });

  it("writes a summary feed without rendering any body", () => {
    const atom = feedDocument(page("atom", false), md);
    expect(atom).not.toContain("<content");
    expect(JSON.parse(feedDocument(page("json", false), md)).items[0].content_text).toBe("a summary");
  });
});
