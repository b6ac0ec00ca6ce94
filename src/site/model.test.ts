// The site model's collision and alias checks, on content built from literal text.
import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../config/site.ts";
import { readArticle, type Article } from "../content/article.ts";
import { readRegistry } from "../content/categories.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { parseYamlSource } from "../content/yaml-source.ts";
import { buildSiteModel, htmlPageCount, pagesOf } from "./model.ts";

const REGISTRY = "- slug: news\n  name: News\n- slug: research\n  name: Research\n";

function siteOf(articles: Record<string, string>, configYaml = "url: https://x.example\n") {
  const { config } = readSiteConfig(parseYamlSource(configYaml, "site.yaml"), "site.yaml");
  const { registry } = readRegistry(parseYamlSource(REGISTRY, "categories.yaml"), "categories.yaml", config.locale);
  const list: Article[] = Object.entries(articles).map(([file, text]) => {
    const { split } = splitFrontMatter(text, file);
    const { article, problems } = readArticle(split!.frontMatter, split!.body, split!.bodyLine, {
      file,
      baseName: file.replace(/^.*\/|\.md$/g, ""),
      timeZone: config.timeZone,
      registry,
    });
    if (!article) throw new Error(JSON.stringify(problems));
    return article;
  });
  return buildSiteModel({ config, registry, articles: list }, "categories.yaml");
}

const withAlias = (alias: string) => ({
  "articles/a.md": `---\ntitle: A\ncategory: news\ndate: 2020-01-01\naliases:\n  - "${alias}"\n---\nBody.\n`,
});

describe("aliases onto the site's own files", () => {
  it.each([
    ["/feed.xml", "the site file /feed.xml"],
    ["/feed.json", "the site file /feed.json"],
    ["/news/feed.xml", "the site file /news/feed.xml"],
    ["/_headers", "the site file /_headers"],
    ["/_redirects", "the site file /_redirects"],
    ["/robots.txt", "the site file /robots.txt"],
    ["/sitemap.xml", "the site file /sitemap.xml"],
    ["/404.html", "the 404 page"],
    ["/index.html", "the home page"],
    ["/news/", 'the list page of category "news" in'],
    ["/FEED.XML", "the site file /feed.xml"],
  ])("refuses %s, naming the article file, the aliases field, the alias and its line", (alias, owner) => {
    const { problems } = siteOf(withAlias(alias));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: "articles/a.md",
      line: 6,
      column: 5,
      field: "aliases",
      expected: expect.stringContaining("remove it from aliases"),
    });
    expect(problems[0]!.found).toMatch(
      new RegExp(`^the alias ${alias.replace(/[.*?]/g, "\\$&")} .* ${owner.replace(/[.*?]/g, "\\$&")}$`),
    );
  });

  it.each([
    "/assets/old.css",
    "/assets/site.css",
    "/media/2013/a.html",
    "/pagefind/x.html",
    "/search/old.html",
    "/search/",
  ])("refuses %s, inside a folder the build fills itself", (alias) => {
    const { problems } = siteOf(withAlias(alias));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "articles/a.md", line: 6, field: "aliases" });
    expect(problems[0]!.found).toMatch(
      new RegExp(
        `^the alias ${alias} is inside /(assets|media|pagefind|search)/, which the site fills with its own files$`,
      ),
    );
  });

  it("allows /search/ addresses when the site has no search", () => {
    expect(siteOf(withAlias("/search/old.html"), "search: false\n").problems).toEqual([]);
  });

  it("refuses a sitemap shard's address only when the sitemap is sharded (taken from the model, not a list)", () => {
    const model = siteOf(withAlias("/sitemap-1.xml"));
    expect(pagesOf(model, "file").some((f) => f.path === "/sitemap-1.xml")).toBe(false);
    expect(model.problems).toEqual([]);
  });

  it("refuses an alias another article already has, naming both files", () => {
    const { problems } = siteOf({
      ...withAlias("/old/1.html"),
      "articles/b.md": '---\ntitle: B\ncategory: news\ndate: 2020-01-02\naliases: ["/OLD/1.html"]\n---\n',
    });
    expect(problems).toEqual([
      {
        file: "articles/b.md",
        line: 5,
        column: 11,
        field: "aliases",
        found: "the alias /OLD/1.html is also written by an alias (/old/1.html) of the article",
        also: "articles/a.md",
        expected: "an old address that no page or file of the site has: remove it from aliases",
      },
    ]);
  });

  it("refuses an alias onto an article's own address", () => {
    const { problems } = siteOf({
      ...withAlias("/news/b/"),
      "articles/b.md": "---\ntitle: B\ncategory: news\ndate: 2020-01-02\n---\n",
    });
    expect(problems).toMatchObject([
      {
        file: "articles/a.md",
        field: "aliases",
        found: "the alias /news/b/ is also written by the article",
        also: "articles/b.md",
      },
    ]);
  });

  it("accepts ordinary old addresses, Unicode ones included, and writes them percent-encoded into _redirects", () => {
    const model = siteOf({
      "articles/a.md":
        '---\ntitle: A\ncategory: news\ndate: 2020-01-01\naliases: ["/a/xueshu/2013/1227/123.html", "/新聞/2014/通知.html", "/old/page"]\n---\n',
    });
    expect(model.problems).toEqual([]);
    expect(
      pagesOf(model, "file")
        .find((f) => f.path === "/_redirects")!
        .text.split("\n"),
    ).toEqual([
      "/a/xueshu/2013/1227/123.html /news/a/ 301",
      "/%E6%96%B0%E8%81%9E/2014/%E9%80%9A%E7%9F%A5.html /news/a/ 301",
      "/old/page /news/a/ 301",
      "",
    ]);
    expect(pagesOf(model, "redirect").map((p) => p.path)).toEqual([
      "/a/xueshu/2013/1227/123.html",
      "/新聞/2014/通知.html",
      "/old/page/",
    ]);
  });
});

describe("pages whose file would be another's folder", () => {
  it("refuses an alias that needs a folder where another alias's file is, and the other way round", () => {
    const one = siteOf({
      ...withAlias("/old/a.html"),
      "articles/b.md": '---\ntitle: B\ncategory: news\ndate: 2020-01-02\naliases: ["/old/a.html/b.html"]\n---\n',
    });
    expect(one.problems).toMatchObject([
      {
        file: "articles/b.md",
        field: "aliases",
        found:
          "the alias /old/a.html/b.html would need a folder where a file (/old/a.html) is written by an alias (/old/a.html) of the article",
        also: "articles/a.md",
      },
    ]);
    const two = siteOf({
      ...withAlias("/old/x/b.html"),
      "articles/b.md": '---\ntitle: B\ncategory: news\ndate: 2020-01-02\naliases: ["/old/x.html", "/old/x"]\n---\n',
    });
    // "/old/x" is served as /old/x/index.html: a folder beside /old/x.html, which is no conflict.
    expect(two.problems).toEqual([]);
  });

  it("refuses an alias ending in a file name where the site needs a folder", () => {
    const { problems } = siteOf(withAlias("/news"));
    // "/news" is served as /news/index.html, the list page's own file.
    expect(problems).toMatchObject([
      {
        field: "aliases",
        found: 'the alias /news is also written by the list page of category "news" in',
        also: "categories.yaml",
      },
    ]);
  });
});

describe("the one list of pages", () => {
  const model = siteOf({
    "articles/a.md": "---\ntitle: A\ncategory: news\ndate: 2020-01-01\naliases:\n  - /old/a.html\n---\nBody.\n",
    "articles/b.md": "---\ntitle: B\ncategory: research\ndate: 2020-02-01\n---\nBody.\n",
  });

  it("holds each kind's pages together, kinds in src/site/pages/index.ts order", () => {
    const kinds = model.pages.map((p) => p.kind).filter((k, i, all) => all[i - 1] !== k);
    expect(kinds).toEqual(["article", "list", "archive", "redirect", "home", "not-found", "search", "feed", "file"]);
    expect(pagesOf(model, "article").map((p) => p.entry.title)).toEqual(["A", "B"]);
    expect(pagesOf(model, "redirect").map((p) => p.path)).toEqual(["/old/a.html"]);
  });

  it("counts HTML pages without the files", () => {
    expect(htmlPageCount(model)).toBe(
      model.pages.length - pagesOf(model, "file").length - pagesOf(model, "feed").length,
    );
    expect(pagesOf(model, "file").map((p) => p.path)).toContain("/sitemap.xml");
    expect(pagesOf(model, "feed").map((p) => p.path)).toContain("/feed.xml");
  });
});

describe("tag pages in the model", () => {
  const tagged = (tags: string, extra = "") =>
    `---\ntitle: T\ncategory: news\ndate: 2020-01-01\ntags: ${tags}\n${extra}---\nBody.\n`;

  it("are none when no article has a tag", () => {
    const model = siteOf({ "articles/a.md": "---\ntitle: A\ncategory: news\ndate: 2020-01-01\n---\nBody.\n" });
    expect(pagesOf(model, "tag")).toEqual([]);
    expect(model.problems).toEqual([]);
  });

  it("are the index and one page per tag, every one in the collision check", () => {
    const model = siteOf({ "articles/a.md": tagged("[工業營銷, Key Accounts]") });
    expect(pagesOf(model, "tag").map((p) => p.path)).toEqual(["/tags/", "/tags/key-accounts/", "/tags/工業營銷/"]);
    expect(model.problems).toEqual([]);
  });

  it("collide with an article on the same URL, which is the one reported", () => {
    const model = siteOf(
      {
        "articles/a.md": tagged("[kam]"),
        "articles/b.md": "---\ntitle: B\ncategory: news\ndate: 2020-01-02\nslug: kam\n---\nBody.\n",
      },
      'url: https://x.example\narticleUrl: "/tags/{slug}/"\n',
    );
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]).toMatchObject({
      file: "articles/b.md",
      field: "slug",
      found: 'the page /tags/kam/ is also written by the page of the tag "kam", used in',
      also: "articles/a.md",
    });
  });

  it("report an alias onto the tag index", () => {
    const model = siteOf({ "articles/a.md": tagged("[kam]", "aliases: [/tags/]\n") });
    expect(model.problems.map((p) => [p.file, p.field, p.found])).toEqual([
      ["articles/a.md", "aliases", "the alias /tags/ is also written by the tag index"],
    ]);
  });

  it("carry the near-duplicate and slug problems of the tags", () => {
    const model = siteOf({ "articles/a.md": tagged("[工業營銷, C++]"), "articles/b.md": tagged("[工业营销, C#]") });
    expect(model.problems.map((p) => [p.file, p.line, p.field, p.also])).toEqual([
      ["articles/b.md", 5, "tags", "articles/a.md"],
      ["articles/b.md", 5, "tags", "articles/a.md"],
    ]);
    expect(model.problems.map((p) => p.column)).toEqual([8, 14]);
  });
});
