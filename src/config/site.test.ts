import { describe, expect, it } from "vitest";
import { LABELS } from "../i18n/labels.ts";
import { parseYamlSource } from "../content/yaml-source.ts";
import { DEFAULTS, normalisePathPrefix, readSiteConfig } from "./site.ts";

const FILE = "content/_data/site.yaml";

function configOf(yaml: string) {
  return readSiteConfig(parseYamlSource(yaml, FILE), FILE);
}

describe("readSiteConfig", () => {
  it("gives the defaults when there is no config file", () => {
    const { config, problems } = readSiteConfig(undefined, FILE);
    expect(problems).toEqual([]);
    expect(config.pageSize).toBe(20);
    expect(config.timeZone).toBe("Asia/Shanghai");
    expect(config.dateFormat).toBe("yyyy-MM-dd HH:mm:ss");
    expect(config.listDateFormat).toBe("yyyy-MM-dd");
    expect(config.articleUrl).toBe("/{category-path}/{slug}/");
    expect(config.locale).toBe("zh-Hant");
    expect(config.pathPrefix).toBe("/");
    expect(config.url).toBe("http://localhost:8080");
    expect(config.title).toBe("Wenku");
    expect(config.nav).toBeNull();
    expect(config.cta).toBeNull();
    expect(config.home).toEqual({ latest: 10, mostViewed: 10, perCategory: 5 });
    expect(config.footer).toEqual({ copyright: "", icp: "", icpUrl: "https://beian.miit.gov.cn/", links: [] });
    expect(config.labels).toEqual(LABELS["zh-Hant"]);
  });
  it("gives the defaults for an empty file", () => {
    const { config, problems } = configOf("");
    expect(problems).toEqual([]);
    expect(config.pageSize).toBe(DEFAULTS.pageSize);
  });
  it("reads given settings", () => {
    const { config, problems } = configOf(`title: 衡石研究文庫
url: https://archive.example.org/
pathPrefix: archive
locale: en
timeZone: Europe/Berlin
pageSize: 10
articleUrl: /{yyyy}/{MM}/{slug}.html
nav: [research, news]
footer:
  copyright: © 2026
  links:
    - { text: About, href: /about/ }
home: { latest: 3 }
`);
    expect(problems).toEqual([]);
    expect(config.title).toBe("衡石研究文庫");
    expect(config.url).toBe("https://archive.example.org");
    expect(config.pathPrefix).toBe("/archive/");
    expect(config.locale).toBe("en");
    expect(config.labels.home).toBe("Home");
    expect(config.timeZone).toBe("Europe/Berlin");
    expect(config.pageSize).toBe(10);
    expect(config.articleUrl).toBe("/{yyyy}/{MM}/{slug}.html");
    expect(config.nav).toEqual(["research", "news"]);
    expect(config.footer.copyright).toBe("© 2026");
    expect(config.footer.links).toEqual([{ text: "About", href: "/about/" }]);
    expect(config.home).toEqual({ latest: 3, mostViewed: 10, perCategory: 5 });
  });
  it("overrides single labels and keeps the others from the locale", () => {
    const { config, problems } = configOf("locale: zh-Hans\nlabels:\n  home: 回到首页\n");
    expect(problems).toEqual([]);
    expect(config.labels.home).toBe("回到首页");
    expect(config.labels.latest).toBe(LABELS["zh-Hans"].latest);
  });
  it("does not change the shipped labels when overriding", () => {
    configOf("labels:\n  home: X\n");
    expect(LABELS["zh-Hant"].home).toBe("首頁");
  });
  it("reports an unknown label name", () => {
    const { problems } = configOf("labels:\n  homepage: X\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "labels.homepage", line: 2 });
  });
  it("turns the call to action off with cta: false", () => {
    const { config, problems } = configOf("cta: false\n");
    expect(problems).toEqual([]);
    expect(config.cta).toBeNull();
  });
  it("reads a call to action mapping", () => {
    const { config } = configOf("cta:\n  text: 預約\n  label: 預約諮詢\n  href: mailto:a@b.org\n");
    expect(config.cta).toEqual({ text: "預約", label: "預約諮詢", href: "mailto:a@b.org" });
  });
  it("reports an unknown key on its line", () => {
    const { problems } = configOf("title: A\npagesize: 10\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, field: "pagesize", line: 2, found: '"pagesize"' });
  });
  it("reports a time zone that does not exist and keeps a usable default", () => {
    const { problems } = configOf("timeZone: Asia/Beijing\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "timeZone", line: 1, found: '"Asia/Beijing"' });
  });
  it("reports an unknown articleUrl placeholder", () => {
    const { problems } = configOf("articleUrl: /{category}/{id}/\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "articleUrl", line: 1 });
  });
  it("reports an articleUrl without {slug}", () => {
    const { problems } = configOf("articleUrl: /{category}/\n");
    expect(problems.map((p) => p.field)).toEqual(["articleUrl"]);
  });
  it.each(["/../{slug}/", "/{category}/./{slug}/", "/a\\\\..\\\\{slug}/"])("reports an articleUrl that could leave the output folder: %s", (pattern) => {
    const { problems } = configOf(`articleUrl: ${JSON.stringify(pattern)}\n`);
    expect(problems.map((p) => p.field)).toEqual(["articleUrl"]);
  });
  it("reports an articleUrl that does not start with /", () => {
    const { problems } = configOf("articleUrl: \"{slug}/\"\n");
    expect(problems.map((p) => p.field)).toEqual(["articleUrl"]);
  });
  it("reports pageSize 0 and falls back to the default", () => {
    const { config, problems } = configOf("pageSize: 0\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "pageSize", line: 1, found: "number 0" });
    expect(config.pageSize).toBe(20);
  });
  it("reports a fractional pageSize", () => {
    const { problems } = configOf("pageSize: 2.5\n");
    expect(problems.map((p) => p.field)).toEqual(["pageSize"]);
  });
  it("has search on by default and turns it off with search: false", () => {
    expect(configOf("").config.search).toBe(true);
    const { config, problems } = configOf("search: false\n");
    expect(problems).toEqual([]);
    expect(config.search).toBe(false);
  });
  it("reports a search setting that is not true or false", () => {
    const { config, problems } = configOf("title: x\nsearch: \"no\"\n");
    expect(problems[0]).toMatchObject({ field: "search", line: 2, found: '"no"', expected: "true or false" });
    expect(config.search).toBe(true);
  });
  it("accepts home counts of 0", () => {
    const { config, problems } = configOf("home: { latest: 0 }\n");
    expect(problems).toEqual([]);
    expect(config.home.latest).toBe(0);
  });
  it("reports an unknown locale and falls back to zh-Hant", () => {
    const { config, problems } = configOf("locale: fr\n");
    expect(problems.map((p) => p.field)).toEqual(["locale"]);
    expect(config.locale).toBe("zh-Hant");
  });
  it("reports a url with a path", () => {
    const { problems } = configOf("url: https://example.org/archive\n");
    expect(problems.map((p) => p.field)).toEqual(["url"]);
  });
  it("reports a nav that is not a list of text", () => {
    const { config, problems } = configOf("nav: research\n");
    expect(problems.map((p) => p.field)).toEqual(["nav"]);
    expect(config.nav).toBeNull();
  });
  it("reports a footer link without href", () => {
    const { problems } = configOf("footer:\n  links:\n    - text: About\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "footer.links.0", line: 3 });
  });
  it("reports a config that is not a mapping", () => {
    const { problems } = configOf("- a\n- b\n");
    expect(problems.map((p) => p.field)).toEqual([""]);
  });
  it("passes YAML problems through", () => {
    const { problems } = configOf("title: A\ntitle: B\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, field: "title", found: 'the key "title" again (first on line 1)' });
  });
});

describe("normalisePathPrefix", () => {
  it("adds both slashes to a bare name", () => {
    expect(normalisePathPrefix("archive")).toBe("/archive/");
  });
  it("gives / for an empty prefix", () => {
    expect(normalisePathPrefix("")).toBe("/");
  });
  it("keeps / as /", () => {
    expect(normalisePathPrefix("/")).toBe("/");
  });
  it("adds a trailing slash to a nested prefix", () => {
    expect(normalisePathPrefix("/a/b")).toBe("/a/b/");
  });
  it("collapses repeated edge slashes and trims spaces", () => {
    expect(normalisePathPrefix("  //archive//  ")).toBe("/archive/");
  });
});
