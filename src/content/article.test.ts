import { describe, expect, it } from "vitest";
import { FRONT_MATTER_KEYS, readArticle } from "./article.ts";
import { readRegistry } from "./categories.ts";
import { isoWithOffset } from "./dates.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { parseYamlSource } from "./yaml-source.ts";

const FILE = "content/articles/industrial-marketing/annual-report.md";

const REGISTRY_YAML = `- slug: research
  name: 研究
- slug: marketing
  name: 行銷研究
  parent: research
- slug: industrial-marketing
  name: 工業營銷
  parent: marketing
`;

const { registry, problems: registryProblems } = readRegistry(
  parseYamlSource(REGISTRY_YAML, "categories.yaml"),
  "categories.yaml",
  "zh-Hant",
);

function read(text: string, baseName = "annual-report") {
  const { split, problems } = splitFrontMatter(text, FILE);
  if (!split) throw new Error(`front-matter did not split: ${JSON.stringify(problems)}`);
  return readArticle(split.frontMatter, split.body, split.bodyLine, {
    file: FILE,
    baseName,
    timeZone: "Asia/Shanghai",
    registry,
  });
}

/** The one problem of `text`; fails if there is not exactly one. */
function onlyProblem(text: string, baseName?: string) {
  const { article, problems } = read(text, baseName);
  expect(article).toBeUndefined();
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

const VALID = `---
title: 工業品定價的三個誤區
category: industrial-marketing
date: 2013-12-27 10:30:07
---
第一段文字，
接著第二行。
`;

describe("the test registry", () => {
  it("has no problems", () => {
    expect(registryProblems).toEqual([]);
  });
});

describe("readArticle", () => {
  it("reads a valid article with defaults filled in", () => {
    const { article, problems } = read(VALID);
    expect(problems).toEqual([]);
    expect(article).toBeDefined();
    const a = article!;
    expect(a.file).toBe(FILE);
    expect(a.title).toBe("工業品定價的三個誤區");
    expect(a.category).toBe("industrial-marketing");
    expect(a.slug).toBe("annual-report");
    expect(isoWithOffset(a.date)).toBe("2013-12-27T10:30:07+08:00");
    expect(a.time).toBe(Date.UTC(2013, 11, 27, 2, 30, 7));
    expect(a.updated).toBeNull();
    expect(a.views).toBe(0);
    expect(a.author).toBe("");
    expect(a.source).toBe("");
    expect(a.draft).toBe(false);
    expect(a.summary).toBe("第一段文字，接著第二行。");
    expect(a.bodyLine).toBe(6);
  });
  it("makes the summary from an excerpt of the body when none is given", () => {
    expect(read(VALID).article!.summary).toBe("第一段文字，接著第二行。");
  });
  it("uses every optional field when given", () => {
    const { article, problems } = read(`---
title: "  Pricing  "
category: industrial-marketing
date: 2013-12-27
updated: 2014-01-02T09:00:00+08:00
views: 1234
author: 王小明
source: 衡石研究社
summary: 自訂摘要
slug: Pricing Myths 2013
draft: true
---
Body.
`);
    expect(problems).toEqual([]);
    const a = article!;
    expect(a.title).toBe("Pricing");
    expect(isoWithOffset(a.date)).toBe("2013-12-27T00:00:00+08:00");
    expect(isoWithOffset(a.updated!)).toBe("2014-01-02T09:00:00+08:00");
    expect(a.views).toBe(1234);
    expect(a.author).toBe("王小明");
    expect(a.source).toBe("衡石研究社");
    expect(a.summary).toBe("自訂摘要");
    expect(a.slug).toBe("pricing-myths-2013");
    expect(a.draft).toBe(true);
  });
  it("slugifies the file base name", () => {
    expect(read(VALID, "工業 營銷 2013").article!.slug).toBe("工業-營銷-2013");
  });
  it("keeps a numeric title as its exact text", () => {
    const { article, problems } = read("---\ntitle: 1.1\ncategory: research\ndate: 2013-12-27\n---\n");
    expect(problems).toEqual([]);
    expect(article!.title).toBe("1.1");
  });
  it("keeps a numeric title's trailing zero", () => {
    expect(read("---\ntitle: 2.10\ncategory: research\ndate: 2013-12-27\n---\n").article!.title).toBe("2.10");
  });
  it("keeps a numeric legacy slug", () => {
    expect(read("---\ntitle: A\ncategory: research\ndate: 2013-12-27\nslug: 1227\n---\n").article!.slug).toBe("1227");
  });
  it("allows updated equal to date", () => {
    const { problems } = read("---\ntitle: A\ncategory: research\ndate: 2013-12-27\nupdated: 2013-12-27\n---\n");
    expect(problems).toEqual([]);
  });
  it("accepts views: 0", () => {
    expect(read("---\ntitle: A\ncategory: research\ndate: 2013-12-27\nviews: 0\n---\n").article!.views).toBe(0);
  });

  it("reports a missing title", () => {
    const p = onlyProblem("---\ncategory: research\ndate: 2013-12-27\n---\n");
    expect(p).toMatchObject({ file: FILE, field: "title", line: 2, found: "no title" });
  });
  it("reports an empty title", () => {
    const p = onlyProblem('---\ncategory: research\ntitle: "  "\ndate: 2013-12-27\n---\n');
    expect(p).toMatchObject({ field: "title", line: 3, found: "an empty title" });
  });
  it("reports a missing category", () => {
    const p = onlyProblem("---\ntitle: A\ndate: 2013-12-27\n---\n");
    expect(p).toMatchObject({ field: "category", found: "no category" });
  });
  it("reports an unknown category with a did-you-mean", () => {
    const p = onlyProblem("---\ntitle: A\ndate: 2013-12-27\ncategory: industrial-marketng\n---\n");
    expect(p).toMatchObject({ field: "category", line: 4, expected: 'did you mean "industrial-marketing"?' });
    expect(p.found).toContain('"industrial-marketng"');
  });
  it("reports an unknown category far from any slug without a guess", () => {
    const p = onlyProblem("---\ntitle: A\ndate: 2013-12-27\ncategory: zzzz\n---\n");
    expect(p).toMatchObject({ field: "category", expected: "a category slug from the registry" });
  });
  it("reports an unknown key with a did-you-mean", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-12-27\nauthr: 王\n---\n");
    expect(p).toMatchObject({
      field: "authr",
      line: 5,
      found: 'unknown key "authr"',
      expected: 'did you mean "author"?',
    });
  });
  it("reports an unknown key far from any key by listing the keys", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-12-27\npublisher: X\n---\n");
    expect(p).toMatchObject({ field: "publisher", line: 5, expected: `one of ${FRONT_MATTER_KEYS.join(", ")}` });
  });
  it("reports a missing date", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\n---\n");
    expect(p).toMatchObject({ field: "date", found: "no date" });
  });
  it("reports an impossible date on its line", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-02-30\n---\n");
    expect(p).toMatchObject({ field: "date", line: 4 });
    expect(p.found).toContain('"2013-02-30"');
  });
  it("reports a day-first date on its line", () => {
    const p = onlyProblem("---\ntitle: A\ndate: 27/12/2013\ncategory: research\n---\n");
    expect(p).toMatchObject({ field: "date", line: 3 });
  });
  it("reports views: -1", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-12-27\nviews: -1\n---\n");
    expect(p).toMatchObject({ field: "views", line: 5, found: "number -1" });
  });
  it("reports views: 1.5", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-12-27\nviews: 1.5\n---\n");
    expect(p).toMatchObject({ field: "views", line: 5, found: "number 1.5" });
  });
  it("reports views with a thousands separator", () => {
    const p = onlyProblem('---\ntitle: A\ncategory: research\ndate: 2013-12-27\nviews: "1,234"\n---\n');
    expect(p).toMatchObject({ field: "views", line: 5, found: '"1,234"' });
  });
  it("reports updated before date", () => {
    const p = onlyProblem(
      "---\ntitle: A\ncategory: research\ndate: 2013-12-27 10:30:07\nupdated: 2013-12-27 10:30:06\n---\n",
    );
    expect(p).toMatchObject({ field: "updated", line: 5, expected: "a date on or after the publish date" });
  });
  it("reports draft that is not a boolean", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-12-27\ndraft: yes\n---\n");
    expect(p).toMatchObject({ field: "draft", line: 5, found: '"yes"', expected: "true or false" });
  });
  it("reports an empty slug from a punctuation-only file name", () => {
    const p = onlyProblem(VALID, "——！");
    expect(p.field).toBe("-");
    expect(p.found).toBe('file name "——！" gives an empty slug');
  });
  it("reports an explicit slug that slugifies to nothing", () => {
    const p = onlyProblem('---\ntitle: A\ncategory: research\ndate: 2013-12-27\nslug: "!!!"\n---\n');
    expect(p).toMatchObject({ field: "slug", line: 5 });
  });
  it("reports a title given as a list", () => {
    const { article, problems } = read("---\ntitle: [a, b]\ncategory: research\ndate: 2013-12-27\n---\n");
    expect(article).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({ field: "title", line: 2, found: "a list", expected: "text" }),
    );
    expect(problems).toHaveLength(1);
  });
  it("reports front-matter that is not a mapping", () => {
    const p = onlyProblem("---\n- a\n- b\n---\n");
    expect(p).toMatchObject({ field: "front-matter", line: 2, found: "a list" });
  });
  it("passes YAML problems through and stops there", () => {
    const p = onlyProblem("---\ntitle: A\ntitle: B\n---\n");
    expect(p).toMatchObject({ line: 3, field: "title", found: 'the key "title" again (first on line 2)' });
  });
  it("reports several problems in one file at once, each on its line", () => {
    const { article, problems } = read(`---
tittle: A
category: industrial-marketng
date: 2013-02-30
views: -1
draft: "no"
---
`);
    expect(article).toBeUndefined();
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.line]));
    expect(byField).toEqual({ tittle: 2, title: 2, category: 3, date: 4, views: 5, draft: 6 });
    expect(problems.find((p) => p.field === "tittle")!.expected).toBe('did you mean "title"?');
  });
});

describe("readArticle: aliases", () => {
  it("accepts a list of site paths", () => {
    const { article } = read(
      '---\ntitle: A\ncategory: research\ndate: 2013-12-27\naliases: ["/a/xueshu/123.html", "/old/"]\n---\n',
    );
    expect(article!.aliases).toEqual(["/a/xueshu/123.html", "/old/"]);
  });
  it("refuses paths that are not site paths, naming the field and line", () => {
    const { problems } = read(
      "---\ntitle: A\ncategory: research\ndate: 2013-12-27\naliases:\n  - http://old.example/1.html\n  - /a/../b.html\n  - /ok.html\n---\n",
    );
    expect(problems.map((p) => [p.field, p.line, p.found])).toEqual([
      ["aliases", 6, '"http://old.example/1.html"'],
      ["aliases", 7, '"/a/../b.html"'],
    ]);
  });
  it("keeps where each alias is written, for problems found later (an alias onto a site file)", () => {
    const { article } = read(
      '---\ntitle: A\ncategory: research\ndate: 2013-12-27\naliases:\n  - /a/1.html\n  - "/b/"\n---\n',
    );
    expect(article!.aliasAt).toEqual([
      { line: 6, column: 5 },
      { line: 7, column: 5 },
    ]);
  });
  it("refuses what _redirects reads as syntax: a * splat, a :placeholder segment, whitespace", () => {
    const { problems } = read(
      '---\ntitle: A\ncategory: research\ndate: 2013-12-27\naliases:\n  - "/*"\n  - /news/*.html\n  - /news/:id/\n  - "/:slug"\n  - "/a b.html"\n  - "/a\\tb.html"\n  - /a?id=1\n  - "/a#top"\n---\n',
    );
    expect(problems.map((p) => [p.field, p.line, p.found])).toEqual([
      ["aliases", 6, '"/*"'],
      ["aliases", 7, '"/news/*.html"'],
      ["aliases", 8, '"/news/:id/"'],
      ["aliases", 9, '"/:slug"'],
      ["aliases", 10, '"/a b.html"'],
      ["aliases", 11, '"/a\\tb.html"'],
      ["aliases", 12, '"/a?id=1"'],
      ["aliases", 13, '"/a#top"'],
    ]);
    expect(problems[0]!.expected).toContain("no * or a segment starting with :");
  });
  it("keeps Unicode, percent signs, ! and a colon inside a segment as ordinary characters", () => {
    const { article, problems } = read(
      '---\ntitle: A\ncategory: research\ndate: 2013-12-27\naliases: ["/新聞/2014/0105/通知.html", "/a:b/", "/wow!.html", "/50%25.html"]\n---\n',
    );
    expect(problems).toEqual([]);
    expect(article!.aliases).toEqual(["/新聞/2014/0105/通知.html", "/a:b/", "/wow!.html", "/50%25.html"]);
  });
});

describe("readArticle: characters no output can carry", () => {
  it("refuses a control character in the title, naming the field and line", () => {
    const p = onlyProblem('---\ntitle: "Bad\\u0007title"\ncategory: research\ndate: 2013-12-27\n---\n');
    expect(p).toMatchObject({
      file: FILE,
      line: 2,
      field: "title",
      found: '"Bad\\u0007title", which holds U+0007 at character 4',
    });
    expect(p.expected).toContain("control characters");
  });
  it("refuses one written raw in the file too, through the fast path", () => {
    const p = onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-12-27\nauthor: x\u001by\n---\n");
    expect(p).toMatchObject({ line: 5, field: "author", found: '"x\\u001by", which holds U+001B at character 2' });
  });
  it("refuses U+FFFF, an unpaired surrogate, and one inside an alias (reported once)", () => {
    const { problems } = read(
      '---\ntitle: A\ncategory: research\ndate: 2013-12-27\nsummary: "s\\uFFFF"\nsource: "\\uD800x"\naliases: ["/a\\u0000.html"]\n---\n',
    );
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ["summary", 5],
      ["source", 6],
      ["aliases", 7],
    ]);
  });
  it("accepts tabs and line breaks in text", () => {
    const { problems } = read('---\ntitle: "A\\tB"\ncategory: research\ndate: 2013-12-27\nsummary: "one\\ntwo"\n---\n');
    expect(problems).toEqual([]);
  });
});

describe("readArticle: tags and past comments", () => {
  const WITH_BOTH = `---
title: 大客戶管理
category: industrial-marketing
date: 2013-12-27 10:30:07
tags: [工業營銷, key accounts]
comments:
  - id: 11
    author: 周文博
    date: 2013-12-28 09:15:00
    text: 寫得很好。
  - author: Ann
    url: https://ann.example/
    date: 2013-12-29
    reply_to: 11
    text: Agreed.
---
Body.
`;
  it("accepts both keys", () => {
    expect(FRONT_MATTER_KEYS).toEqual(expect.arrayContaining(["tags", "comments"]));
  });
  it("reads tags and comments into the article", () => {
    const { article, problems } = read(WITH_BOTH);
    expect(problems).toEqual([]);
    expect(article!.tags).toEqual(["工業營銷", "key accounts"]);
    expect(article!.comments.map((c) => [c.id, c.author, c.url, isoWithOffset(c.date), c.replyTo, c.text])).toEqual([
      [11, "周文博", "", "2013-12-28T09:15:00+08:00", null, "寫得很好。"],
      [null, "Ann", "https://ann.example/", "2013-12-29T00:00:00+08:00", 11, "Agreed."],
    ]);
  });
  it("gives an article without them empty lists", () => {
    const a = read(VALID).article!;
    expect(a.tags).toEqual([]);
    expect(a.comments).toEqual([]);
  });
  it("refuses the article when a tag is bad, on the file's own line", () => {
    const p = onlyProblem(WITH_BOTH.replace("tags: [工業營銷, key accounts]", 'tags: "工業營銷, key accounts"'));
    expect(p).toMatchObject({ file: FILE, line: 5, field: "tags" });
  });
  it("refuses the article when a comment is bad, on the file's own line and field", () => {
    const p = onlyProblem(WITH_BOTH.replace("reply_to: 11", "reply_to: 10"));
    expect(p).toMatchObject({
      file: FILE,
      line: 14,
      field: "comments[2].reply_to",
      found: "10, which no earlier comment has as its id",
    });
  });
  it("reports a misspelt comment key with a did-you-mean", () => {
    const { problems } = read(WITH_BOTH.replace("    author: 周文博", "    autor: 周文博"));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: FILE, line: 8, field: "comments[1].autor", expected: 'did you mean "author"?' }),
    );
  });
  it("suggests tags for a misspelt top-level key", () => {
    const p = onlyProblem(WITH_BOTH.replace("tags:", "tagz:"));
    expect(p).toMatchObject({ field: "tagz", expected: 'did you mean "tags"?' });
  });
  it("refuses a control character in a comment, naming comments and the line", () => {
    const { problems } = read(WITH_BOTH.replace("text: Agreed.", 'text: "Agr\\u0007eed."'));
    expect(problems).toMatchObject([{ line: 15, field: "comments" }]);
  });
});

describe("readArticle: pinned", () => {
  const pinned = (value: string) =>
    VALID.replace("date: 2013-12-27 10:30:07\n", `date: 2013-12-27 10:30:07\npinned: ${value}\n`);
  it("is a front-matter key", () => {
    expect(FRONT_MATTER_KEYS).toContain("pinned");
  });
  it("reads true, a whole number ≥ 1 as the order, and home", () => {
    expect(read(pinned("true")).article!.pinned).toEqual({ order: null, home: false });
    expect(read(pinned("2")).article!.pinned).toEqual({ order: 2, home: false });
    expect(read(pinned("1")).article!.pinned).toEqual({ order: 1, home: false });
    expect(read(pinned("home")).article!.pinned).toEqual({ order: null, home: true });
  });
  it("leaves an article without it, or with false or an empty value, not pinned", () => {
    expect(read(VALID).article!.pinned).toBeNull();
    expect(read(pinned("false")).article!.pinned).toBeNull();
    expect(read(pinned("")).article!.pinned).toBeNull();
  });
  it.each([
    ["yes-please", '"yes-please"'],
    ["0", "number 0"],
    ["-1", "number -1"],
    ["1.5", "number 1.5"],
    ["Home", '"Home"'],
    ["[1]", "a list"],
  ])("refuses pinned: %s, naming file, line, field, what was found and what is expected", (value, found) => {
    const p = onlyProblem(pinned(value));
    expect(p).toEqual({
      file: FILE,
      line: 5,
      column: expect.any(Number),
      field: "pinned",
      found,
      expected: "true, false, home, or a whole number ≥ 1 giving the order (1 first)",
    });
  });
  it("suggests pinned for a misspelt key", () => {
    expect(onlyProblem(pinned("true").replace("pinned:", "pined:"))).toMatchObject({
      field: "pined",
      expected: 'did you mean "pinned"?',
    });
  });
});

describe("readArticle: toc", () => {
  const withToc = (value: string) => `---\ntitle: A\ncategory: research\ndate: 2013-12-27\ntoc: ${value}\n---\n## 甲\n`;
  it("is null (the site's rule) when absent or empty", () => {
    expect(read(VALID).article!.toc).toBeNull();
    expect(read(withToc("")).article!.toc).toBeNull();
  });
  it("reads true and false", () => {
    expect(read(withToc("true")).article!.toc).toBe(true);
    expect(read(withToc("false")).article!.toc).toBe(false);
  });
  it.each([
    ["yes", '"yes"'],
    ["3", "number 3"],
    ['"true"', '"true"'],
    ["[a]", "a list"],
  ])("reports toc: %s with file, line, column and what is expected", (value, found) => {
    const p = onlyProblem(withToc(value));
    expect(p).toMatchObject({ file: FILE, field: "toc", line: 5, column: 6 });
    expect(p.found).toContain(found);
    expect(p.expected).toBe(
      "true (always show the table of contents) or false (never); leave it out to follow the site's toc.minHeadings",
    );
  });
  it("is a front-matter key, so a typo gets a did-you-mean", () => {
    expect(FRONT_MATTER_KEYS).toContain("toc");
    expect(onlyProblem("---\ntitle: A\ncategory: research\ndate: 2013-12-27\ntcc: true\n---\n")).toMatchObject({
      field: "tcc",
      expected: 'did you mean "toc"?',
    });
  });
});
