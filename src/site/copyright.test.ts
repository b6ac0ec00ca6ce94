// The notice each article page gets and what its JSON-LD says of rights, on a model built from literal text.
import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../config/site.ts";
import { readArticle, type Article } from "../content/article.ts";
import { readRegistry } from "../content/categories.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { parseYamlSource } from "../content/yaml-source.ts";
import { buildSiteModel, pagesOf } from "./model.ts";
import { articleJsonLd } from "./structured-data.ts";

const CC = "https://creativecommons.org/licenses/by/4.0/";
const SITE = `title: 測試文庫\nurl: https://x.example\ncopyright:\n  text: 本站原創。\n  license: ${CC}\n  ownSources: [測試研究社]\n`;

/** Each article (front-matter lines after title, category and date) → its page and its JSON-LD Article. */
function pagesFor(articles: Record<string, string>, configYaml = SITE) {
  const { config, problems } = readSiteConfig(parseYamlSource(configYaml, "site.yaml"), "site.yaml");
  expect(problems).toEqual([]);
  const { registry } = readRegistry(parseYamlSource("- slug: notes\n  name: 筆記\n", "c.yaml"), "c.yaml", "zh-Hant");
  const list: Article[] = Object.entries(articles).map(([slug, lines], i) => {
    const text = `---\ntitle: 第${i}篇\ncategory: notes\ndate: 2022-05-1${i}\n${lines}---\n正文。\n`;
    const { split } = splitFrontMatter(text, `${slug}.md`);
    const { article, problems: articleProblems } = readArticle(split!.frontMatter, split!.body, split!.bodyLine, {
      file: `${slug}.md`,
      baseName: slug,
      timeZone: config.timeZone,
      registry,
    });
    if (!article) throw new Error(JSON.stringify(articleProblems));
    return article;
  });
  const model = buildSiteModel({ config, registry, articles: list });
  const bySlug = new Map(pagesOf(model, "article").map((p) => [p.path.split("/").at(-2)!, p]));
  return (slug: string) => {
    const page = bySlug.get(slug)!;
    const ld = JSON.parse(articleJsonLd(page, model.site, 0))[0] as Record<string, unknown>;
    return { page, notice: page.notice, ld };
  };
}

describe("the notice and JSON-LD rights of each article", () => {
  const of = pagesFor({
    own: "author: 林曉雯\nsource: 測試研究社\n",
    titled: "source: 測試文庫\n",
    reprint: "source: 《航運月刊》\nsource_url: https://ship.example.com/a.html\n",
    hearsay: "source: 網絡\n",
    hidden: "copyright: false\n",
    guest: "copyright: 經作者授權刊登。\n",
    permitted: "source: 《航運月刊》\ncopyright: 經授權轉載。\n",
  });

  it("gives the site's own article the claim, the license, the author and its canonical link", () => {
    const { page, notice, ld } = of("own");
    expect(notice).toEqual({
      author: "林曉雯",
      permalink: { href: page.head.canonical, text: "https://x.example/notes/own/" },
      source: null,
      text: "本站原創。",
      license: { name: "CC BY 4.0", url: CC },
    });
    expect(ld.license).toBe(CC);
    expect(ld).not.toHaveProperty("isBasedOn");
  });
  it("counts the site's title and ownSources as the site itself", () => {
    expect(of("titled").notice?.source).toBeNull();
    expect(of("titled").ld.license).toBe(CC);
  });
  it("gives a reprint its source, linked, instead of the claim, and no license; JSON-LD isBasedOn the original", () => {
    const { notice, ld, page } = of("reprint");
    expect(notice).toMatchObject({ source: { name: "《航運月刊》", href: "https://ship.example.com/a.html" } });
    expect(notice).toMatchObject({ text: "", license: null });
    expect(page.sourceHref).toBe("https://ship.example.com/a.html");
    expect(ld).not.toHaveProperty("license");
    expect(ld.isBasedOn).toBe("https://ship.example.com/a.html");
  });
  it("names a reprint's source without a link when it has no source_url", () => {
    const { notice, ld } = of("hearsay");
    expect(notice?.source).toEqual({ name: "網絡", href: "" });
    expect(ld).not.toHaveProperty("isBasedOn");
  });
  it("hides the notice and the license for copyright: false", () => {
    expect(of("hidden").notice).toBeNull();
    expect(of("hidden").ld).not.toHaveProperty("license");
  });
  it("shows an article's own text instead of the site's claim and license", () => {
    expect(of("guest").notice).toMatchObject({ text: "經作者授權刊登。", license: null, source: null });
    expect(of("guest").ld).not.toHaveProperty("license");
    expect(of("permitted").notice).toMatchObject({ text: "經授權轉載。", source: { name: "《航運月刊》" } });
  });
});

describe("a site without copyright", () => {
  const of = pagesFor(
    {
      plain: "author: 林曉雯\n",
      reprint: "source: 某報\nsource_url: https://paper.example/1\n",
      guest: "copyright: 自有文字。\n",
    },
    "url: https://x.example\n",
  );
  it("shows no notice and no license, but links a reprint's source and gives its original", () => {
    expect(of("plain").notice).toBeNull();
    expect(of("plain").ld).not.toHaveProperty("license");
    expect(of("reprint").notice).toBeNull();
    expect(of("reprint").page.sourceHref).toBe("https://paper.example/1");
    expect(of("reprint").ld.isBasedOn).toBe("https://paper.example/1");
  });
  it("still shows an article's own text", () => {
    expect(of("guest").notice).toMatchObject({ text: "自有文字。", license: null });
  });
});

describe("the permalink", () => {
  it("is shown decoded, linked encoded", () => {
    const of = pagesFor({ 渠道衝突: "" });
    expect(of("渠道衝突").notice?.permalink).toEqual({
      href: "https://x.example/notes/%E6%B8%A0%E9%81%93%E8%A1%9D%E7%AA%81/",
      text: "https://x.example/notes/渠道衝突/",
    });
  });
  it("is the site path when url is left at its localhost default", () => {
    const of = pagesFor({ a: "" }, "copyright: true\npathPrefix: /archive/\n");
    expect(of("a").page.head.canonical).toBe("http://localhost:8080/archive/notes/a/");
    expect(of("a").notice?.permalink).toEqual({ href: "/archive/notes/a/", text: "/archive/notes/a/" });
  });
});
