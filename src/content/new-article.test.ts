import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { splitFrontMatter } from "./front-matter.ts";
import { newArticleText } from "./new-article.ts";

describe("newArticleText", () => {
  it("writes front-matter that reads back as given, through the one front-matter module", () => {
    const date = DateTime.fromISO("2026-03-04T05:06:07", { zone: "Asia/Shanghai" });
    const text = newArticleText({ title: 'A: "quoted" title', category: "news", date, author: "Lin", slug: "a-title" });
    expect(text.startsWith("---\ntitle: ")).toBe(true);
    const { split, problems } = splitFrontMatter(text, "new.md");
    expect(problems).toEqual([]);
    expect(split!.frontMatter.value).toEqual({
      title: 'A: "quoted" title',
      category: "news",
      date: "2026-03-04 05:06:07",
      views: 0,
      author: "Lin",
      slug: "a-title",
      draft: true,
    });
    expect(split!.body).toBe("\n");
  });
});
