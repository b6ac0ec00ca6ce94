// Past comments as page data and as JSON-LD, on a site model built from literal article text.
import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../config/site.ts";
import { readArticle, type Article } from "../content/article.ts";
import { readRegistry } from "../content/categories.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { parseYamlSource } from "../content/yaml-source.ts";
import { buildSiteModel, pagesOf } from "./model.ts";
import type { ArticlePage } from "./pages/index.ts";
import { articleJsonLd } from "./structured-data.ts";

function pageOf(
  frontMatter: string,
  configYaml = "url: https://x.example\nlocale: zh-Hant\ntimeZone: Asia/Taipei\n",
): { page: ArticlePage; model: ReturnType<typeof buildSiteModel> } {
  const { config } = readSiteConfig(parseYamlSource(configYaml, "site.yaml"), "site.yaml");
  const { registry } = readRegistry(
    parseYamlSource("- slug: news\n  name: 新聞\n", "categories.yaml"),
    "categories.yaml",
    config.locale,
  );
  const text = `---\ntitle: 大客戶\ncategory: news\ndate: 2013-12-27 10:30:07\n${frontMatter}---\nBody.\n`;
  const { split } = splitFrontMatter(text, "a.md");
  const { article, problems } = readArticle(split!.frontMatter, split!.body, split!.bodyLine, {
    file: "a.md",
    baseName: "a",
    timeZone: config.timeZone,
    registry,
  });
  if (!article) throw new Error(JSON.stringify(problems));
  const model = buildSiteModel({ config, registry, articles: [article as Article] });
  return { page: pagesOf(model, "article")[0]!, model };
}

const THREE = `tags: [工業營銷, "key, accounts"]
comments:
  - id: 11
    author: 周文博
    url: https://zhou.example/
    date: 2013-12-28 09:15:00
    text: 寫得**很好**。
  - author: 無名
    date: 2013-12-28T02:00:00Z
    reply_to: 11
    text: |
      同意。

      補充一點。
  - id: 13
    author: Ann
    date: 2014-01-02
    reply_to: 11
    text: Agreed.
`;

describe("commentViews in the article page", () => {
  it("gives each comment an anchor, its dates in the site's zone and format, and its reply link", () => {
    const { page } = pageOf(THREE);
    expect(page.comments).toEqual([
      {
        anchor: "comment-11",
        author: "周文博",
        url: "https://zhou.example/",
        dateIso: "2013-12-28T09:15:00+08:00",
        dateText: "2013-12-28 09:15:00",
        replyTo: null,
        text: "寫得**很好**。",
      },
      {
        anchor: "comment-at-2",
        author: "無名",
        url: "",
        dateIso: "2013-12-28T10:00:00+08:00",
        dateText: "2013-12-28 10:00:00",
        replyTo: { author: "周文博", href: "#comment-11" },
        text: "同意。\n\n補充一點。",
      },
      {
        anchor: "comment-13",
        author: "Ann",
        url: "",
        dateIso: "2014-01-02T00:00:00+08:00",
        dateText: "2014-01-02 00:00:00",
        replyTo: { author: "周文博", href: "#comment-11" },
        text: "Agreed.",
      },
    ]);
    expect(page.commentCountText).toBe("3 則評論");
    expect(page.tags).toEqual([
      { name: "工業營銷", href: `/tags/${encodeURIComponent("工業營銷")}/` },
      { name: "key, accounts", href: "/tags/key-accounts/" },
    ]);
  });
  it("counts one comment in the singular, and none as no text", () => {
    expect(
      pageOf("comments:\n  - author: A\n    date: 2014-01-01\n    text: a\n", "url: https://x.example\nlocale: en\n")
        .page.commentCountText,
    ).toBe("1 comment");
    expect(
      pageOf(
        "comments:\n  - author: A\n    date: 2014-01-01\n    text: a\n  - author: B\n    date: 2014-01-01\n    text: b\n",
        "url: https://x.example\nlocale: en\n",
      ).page.commentCountText,
    ).toBe("2 comments");
    const none = pageOf("");
    expect([none.page.comments, none.page.commentCountText, none.page.tags]).toEqual([[], "", []]);
  });
});

describe("articleJsonLd with tags and comments", () => {
  it("lists tags as keywords, one entry each (a comma inside a tag stays inside it)", () => {
    const { page, model } = pageOf(THREE);
    const [article] = JSON.parse(articleJsonLd(page, model.site, 0));
    expect(article.keywords).toEqual(["工業營銷", "key, accounts"]);
  });
  it("gives the comment count and each comment with author, date, plain text and the comment it answers", () => {
    const { page, model } = pageOf(THREE);
    const [article] = JSON.parse(articleJsonLd(page, model.site, 0));
    const url = "https://x.example/news/a/";
    expect(article.commentCount).toBe(3);
    expect(article.comment).toEqual([
      {
        "@type": "Comment",
        "@id": `${url}#comment-11`,
        url: `${url}#comment-11`,
        author: { "@type": "Person", name: "周文博", url: "https://zhou.example/" },
        dateCreated: "2013-12-28T09:15:00+08:00",
        text: "寫得很好。",
      },
      {
        "@type": "Comment",
        "@id": `${url}#comment-at-2`,
        url: `${url}#comment-at-2`,
        author: { "@type": "Person", name: "無名" },
        dateCreated: "2013-12-28T10:00:00+08:00",
        text: "同意。補充一點。",
        parentItem: { "@id": `${url}#comment-11` },
      },
      {
        "@type": "Comment",
        "@id": `${url}#comment-13`,
        url: `${url}#comment-13`,
        author: { "@type": "Person", name: "Ann" },
        dateCreated: "2014-01-02T00:00:00+08:00",
        text: "Agreed.",
        parentItem: { "@id": `${url}#comment-11` },
      },
    ]);
  });
  it("leaves keywords and comments out when the article has none", () => {
    const { page, model } = pageOf("");
    const [article] = JSON.parse(articleJsonLd(page, model.site, 0));
    expect(article).not.toHaveProperty("keywords");
    expect(article).not.toHaveProperty("comment");
    expect(article).not.toHaveProperty("commentCount");
  });
  it("cannot close the script element from a comment", () => {
    const { page, model } = pageOf(
      'comments:\n  - author: "</script><script>alert(1)</script>"\n    date: 2014-01-01\n    text: "<!-- x </script>"\n',
    );
    const json = articleJsonLd(page, model.site, 0);
    expect(json).not.toMatch(/<|>/);
    expect(JSON.parse(json)[0].comment[0].author.name).toBe("</script><script>alert(1)</script>");
  });
});
