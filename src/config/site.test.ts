import { describe, expect, it } from "vitest";
import { LABELS } from "../i18n/labels.ts";
import { parseYamlSource } from "../content/yaml-source.ts";
import { parseJsonSource } from "../content/json-source.ts";
import type { Problem } from "../content/problems.ts";
import { checkedPathPrefix, DEFAULTS, normalisePathPrefix, pathPrefixOverride, readSiteConfig } from "./site.ts";

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
    expect(config.footer).toEqual({
      copyright: "",
      icp: "",
      icpUrl: "https://beian.miit.gov.cn/",
      links: [],
      gongan: null,
    });
    expect(config.verification).toEqual({});
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
  it.each(["/../{slug}/", "/{category}/./{slug}/", "/a\\\\..\\\\{slug}/"])(
    "reports an articleUrl that could leave the output folder: %s",
    (pattern) => {
      const { problems } = configOf(`articleUrl: ${JSON.stringify(pattern)}\n`);
      expect(problems.map((p) => p.field)).toEqual(["articleUrl"]);
    },
  );
  it("reports an articleUrl that does not start with /", () => {
    const { problems } = configOf('articleUrl: "{slug}/"\n');
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
    const { config, problems } = configOf('title: x\nsearch: "no"\n');
    expect(problems[0]).toMatchObject({ field: "search", line: 2, found: '"no"', expected: "true or false" });
    expect(config.search).toBe(true);
  });
  it("has host: auto by default and takes the host whose _redirects rules to write", () => {
    expect(configOf("").config.host).toBe("auto");
    const { config, problems } = configOf("host: netlify\n");
    expect(problems).toEqual([]);
    expect(config.redirectsFor).toEqual({ name: "netlify", why: 'site config "host": "netlify"' });
  });
  it("reports a host it does not know, with the choices", () => {
    const { config, problems } = configOf("title: x\nhost: github\n");
    expect(problems[0]).toMatchObject({
      field: "host",
      line: 2,
      found: '"github"',
      expected: "one of auto, netlify, cloudflare",
    });
    expect(config.host).toBe("auto");
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

describe("checkedPathPrefix", () => {
  it.each([
    ["/", "/"],
    ["archive", "/archive/"],
    ["/a/b", "/a/b/"],
    ["/my-site_2.0~x/", "/my-site_2.0~x/"],
    ["  //archive//  ", "/archive/"],
  ])("accepts %j as %j", (raw, prefix) => {
    expect(checkedPathPrefix(raw)).toBe(prefix);
  });
  it.each([
    "/a\n/*\n  X-Frame-Options: ALLOWALL",
    "/a b/",
    "/a\tb/",
    "/../",
    "/a/./b/",
    "/a*/",
    "/:splat/",
    "/文庫/",
    "/a%20b/",
    "/a?b/",
    "/a#b/",
    "/a\\b/",
    "/<x>/",
    '/a"b/',
  ])("refuses %j", (raw) => {
    expect(checkedPathPrefix(raw)).toBeNull();
  });
});

describe("pathPrefix in site config", () => {
  it("refuses a prefix with a line break (which would add rules to _headers), naming the field and its line", () => {
    const { config, problems } = readSiteConfig(
      parseJsonSource('{\n  "title": "A",\n  "pathPrefix": "/a/\\n/*\\n  X-Frame-Options: ALLOWALL"\n}', "site.json"),
      "site.json",
    );
    expect(problems).toEqual([
      {
        file: "site.json",
        line: 3,
        column: 17,
        field: "pathPrefix",
        found: '"/a/\\n/*\\n  X-Frame-Options: ALLOWALL"',
        expected:
          'a plain path such as "/archive/": segments of letters a–z and A–Z, digits, ".", "_", "~" and "-", no . or .. segments',
      },
    ]);
    expect(config.pathPrefix).toBe("/");
  });
});

describe("pathPrefixOverride (--path-prefix)", () => {
  it("gives the normalised prefix and no problem for a plain path", () => {
    const problems: Problem[] = [];
    expect(pathPrefixOverride("archive", problems)).toBe("/archive/");
    expect(problems).toEqual([]);
  });
  it("reports a bad prefix as a problem of the option, and falls back to /", () => {
    const problems: Problem[] = [];
    expect(pathPrefixOverride("/x/\n/*", problems)).toBe("/");
    expect(problems).toEqual([
      {
        file: "--path-prefix",
        line: 0,
        column: 0,
        field: "pathPrefix",
        found: '"/x/\\n/*"',
        expected: expect.stringContaining("a plain path"),
      },
    ]);
  });
});

describe("links in site config", () => {
  const links = (href: string) =>
    `footer:\n  links:\n    - { text: A, href: "/ok/" }\n    - { text: B, href: ${JSON.stringify(href)} }\n`;

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "//evil.example/",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "about/",
  ])("refuses the footer link %j, naming the field, its line and the value", (href) => {
    const { problems } = configOf(links(href));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      line: 4,
      field: "footer.links.1.href",
      found: expect.stringContaining(JSON.stringify(href)),
    });
    expect(problems[0]!.expected).toContain("https://");
  });

  it("refuses a javascript: call-to-action and ICP link", () => {
    const { problems } = configOf(
      'cta: { text: T, label: L, href: "javascript:alert(1)" }\nfooter:\n  icp: X\n  icpUrl: "data:text/html,x"\n',
    );
    expect(problems.map((p) => [p.field, p.line, p.found])).toEqual([
      ["cta.href", 1, '"javascript:alert(1)" (a javascript: link)'],
      ["footer.icpUrl", 4, '"data:text/html,x" (a data: link)'],
    ]);
  });

  it("requires a call-to-action to have a link", () => {
    const { problems } = configOf("cta: { text: T, label: L }\n");
    expect(problems).toMatchObject([{ field: "cta.href", found: "an empty value (an empty link)" }]);
  });

  it("accepts https, mailto, tel and site paths", () => {
    const { problems, config } = configOf(
      'cta: { text: T, label: L, href: "mailto:a@b.example" }\nfooter:\n  icpUrl: "https://beian.miit.gov.cn/"\n  links:\n    - { text: A, href: /about/ }\n    - { text: B, href: "tel:+86-21-5555-0134" }\n    - { text: C, href: "https://example.org/x?y=1" }\n',
    );
    expect(problems).toEqual([]);
    expect(config.footer.links.map((l) => l.href)).toEqual([
      "/about/",
      "tel:+86-21-5555-0134",
      "https://example.org/x?y=1",
    ]);
  });
});

describe("the site origin (url)", () => {
  it.each(["https://archive.example.org", "http://localhost:8080", "https://文庫.example"])("accepts %s", (url) => {
    expect(configOf(`url: ${JSON.stringify(url)}\n`).problems).toEqual([]);
  });
  it.each([
    'https://a.example"><script>',
    "https://a.example/path",
    "javascript://a.example",
    "https://a.example:99999999",
    "https://user@a.example",
  ])("refuses %j", (url) => {
    expect(configOf(`url: ${JSON.stringify(url)}\n`).problems).toMatchObject([{ field: "url" }]);
  });
});

describe("characters no output can carry, in site config", () => {
  it("are reported with the field, its line and the character, in any text at any depth", () => {
    const { problems } = readSiteConfig(
      parseJsonSource(
        '{\n  "title": "A\\u0007B",\n  "footer": { "links": [{ "text": "x\\uffff", "href": "/a/" }] },\n  "labels": { "home": "\\ud800" }\n}',
        "site.json",
      ),
      "site.json",
    );
    expect(problems.map((p) => [p.field, p.line, p.found])).toEqual([
      ["title", 2, '"A\\u0007B", which holds U+0007 at character 2'],
      ["footer.links.0.text", 3, '"x\\uffff", which holds U+FFFF at character 2'],
      ["labels.home", 4, '"\\ud800", which holds U+D800 at character 1'],
    ]);
    expect(problems[0]!.expected).toContain("control characters");
  });
  it("are found in YAML escapes and raw in the file alike", () => {
    const { problems } = configOf('title: "A\\x01"\ntagline: B\u0002C\ncontact: "tab\\tand line\\nbreaks are fine"\n');
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ["title", 1],
      ["tagline", 2],
    ]);
  });
});

describe("unknown nested keys in site config", () => {
  it("are errors naming the file, line, field path and the key meant", () => {
    const { problems } = configOf(`title: T
footer:
  copyrite: © 2026
home:
  latests: 5
cta:
  txt: Read more
  label: Go
  href: /go/
`);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FILE,
        line: 3,
        field: "footer.copyrite",
        found: 'unknown key "copyrite"',
        expected: 'did you mean "copyright"?',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: FILE, line: 5, field: "home.latests", expected: 'did you mean "latest"?' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: FILE, line: 7, field: "cta.txt", expected: 'did you mean "text"?' }),
    );
    expect(problems).toHaveLength(3);
  });
  it("are found in JSON too, and inside footer links", () => {
    const file = "content/_data/site.json";
    const json = `{\n  "footer": {\n    "links": [{ "text": "A", "href": "/a/", "hreff": "/b/" }]\n  },\n  "feed": { "limt": 3 }\n}\n`;
    const { problems } = readSiteConfig(parseJsonSource(json, file), file);
    expect(problems).toContainEqual(
      expect.objectContaining({ file, line: 3, field: "footer.links[0].hreff", expected: 'did you mean "href"?' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file, line: 5, field: "feed.limt", expected: 'did you mean "limit"?' }),
    );
  });
});

describe("footer.gongan and verification", () => {
  it("read with their lines, and unknown keys inside them are errors", () => {
    const { config, problems } = configOf(`footer:
  gongan:
    text: 京公网安备11010502053948号
    code: "11010502053948"
    icn: /media/ga.png
verification:
  baidu: codeva-AbC12
  yandex: abc
`);
    expect(config.footer.gongan?.href).toBe("https://beian.mps.gov.cn/#/query/webSearch?code=11010502053948");
    expect(config.verification).toEqual({ baidu: "codeva-AbC12" });
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 5, field: "footer.gongan.icn", expected: 'did you mean "icon"?' }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ line: 8, field: "verification.yandex" }));
  });
  it("names the line of a bad code", () => {
    const { problems } = configOf(`footer:\n  gongan:\n    text: 京公网安备123号\n    code: "123"\n`);
    expect(problems).toContainEqual(expect.objectContaining({ line: 4, field: "footer.gongan.code" }));
  });
});

describe("readingSpeed", () => {
  it("defaults to 400 characters and 200 words a minute", () => {
    expect(configOf("title: T\n").config.readingSpeed).toEqual({ cjk: 400, latin: 200 });
  });
  it("takes either speed, and refuses a speed below one and an unknown key", () => {
    expect(configOf("readingSpeed:\n  cjk: 300\n").config.readingSpeed).toEqual({ cjk: 300, latin: 200 });
    const { problems } = configOf("readingSpeed:\n  cjk: 0\n  latn: 150\n");
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 2, field: "readingSpeed.cjk", expected: "a whole number ≥ 1" }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 3, field: "readingSpeed.latn", expected: 'did you mean "latin"?' }),
    );
  });
});

describe("category.mostViewed", () => {
  it("defaults to 0: no most viewed block on category pages", () => {
    expect(configOf("title: T\n").config.category).toEqual({ mostViewed: 0 });
  });
  it("takes a whole number ≥ 0", () => {
    expect(configOf("category:\n  mostViewed: 5\n").config.category).toEqual({ mostViewed: 5 });
    expect(configOf("category:\n  mostViewed: 0\n").config.category).toEqual({ mostViewed: 0 });
  });
  it("refuses a negative or fractional count and an unknown key, naming file, line and field", () => {
    for (const bad of ["-1", "2.5", '"3"']) {
      const { config, problems } = configOf(`category:\n  mostViewed: ${bad}\n`);
      expect(problems).toEqual([
        expect.objectContaining({ file: FILE, line: 2, field: "category.mostViewed", expected: "a whole number ≥ 0" }),
      ]);
      expect(config.category.mostViewed).toBe(0);
    }
    const { problems } = configOf("category:\n  mostViewd: 3\n");
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 2, field: "category.mostViewd", expected: 'did you mean "mostViewed"?' }),
    );
  });
});

describe("toc", () => {
  it("shows an article's table of contents from 3 headings by default", () => {
    expect(configOf("title: T\n").config.toc).toEqual({ minHeadings: 3 });
    expect(readSiteConfig(undefined, FILE).config.toc).toEqual({ minHeadings: 3 });
    expect(DEFAULTS.toc).toEqual({ minHeadings: 3 });
    expect(configOf("toc: true\n").config.toc).toEqual({ minHeadings: 3 });
  });
  it("takes another threshold, and 0 or false for off", () => {
    expect(configOf("toc:\n  minHeadings: 5\n").config.toc).toEqual({ minHeadings: 5 });
    for (const off of ["toc: { minHeadings: 0 }\n", "toc: false\n"]) {
      const { config, problems } = configOf(off);
      expect(problems).toEqual([]);
      expect(config.toc).toEqual({ minHeadings: 0 });
    }
  });
  it("refuses a threshold that is not a whole number ≥ 0, a typo, and a value that is no mapping", () => {
    const { config, problems } = configOf("toc:\n  minHeadings: -1\n");
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: "toc.minHeadings",
        found: "number -1",
        expected: "a whole number ≥ 0",
      }),
    ]);
    expect(config.toc).toEqual({ minHeadings: 3 });
    expect(configOf("toc:\n  minHeading: 2\n").problems).toContainEqual(
      expect.objectContaining({ line: 2, field: "toc.minHeading", expected: 'did you mean "minHeadings"?' }),
    );
    for (const value of ["3", '"off"', "[3]"]) {
      const { problems } = configOf(`title: T\ntoc: ${value}\n`);
      expect(problems).toContainEqual(
        expect.objectContaining({
          line: 2,
          field: "toc",
          expected: "true, false, or { minHeadings: a whole number ≥ 0 }",
        }),
      );
    }
  });
});

describe("related", () => {
  it("defaults to five related articles", () => {
    expect(configOf("title: T\n").config.related).toEqual({ count: 5 });
  });
  it("takes a count, 0 turning the list off, and refuses a negative count and an unknown key", () => {
    expect(configOf("related:\n  count: 0\n").config.related).toEqual({ count: 0 });
    expect(configOf("related:\n  count: 8\n").config.related).toEqual({ count: 8 });
    const { problems } = configOf("related:\n  count: -1\n  cout: 3\n");
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 2, field: "related.count", expected: "a whole number ≥ 0" }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 3, field: "related.cout", expected: 'did you mean "count"?' }),
    );
  });
});
