// Tags and past comments, end to end: a content folder with both (tests/fixtures/tags-comments) is built
// like a user builds it, and the article pages are read back with cheerio; a folder with mistakes in
// them (tests/fixtures/tags-comments-bad) fails the check with file, line and field.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, fileFor, fixture, page, PROJECT, type BuildResult } from "./helpers/build.ts";
import { htmlErrors } from "./helpers/html-validate.ts";

const KEY_ACCOUNTS = "/research/industrial-marketing/key-accounts/";
const PRICING = "/research/industrial-marketing/pricing-myths/";
const PLAIN = "/research/industrial-marketing/plain/";

let site: BuildResult;
let $: CheerioAPI;

beforeAll(async () => {
  site = await build(fixture("tags-comments"));
  expect(site.code, site.stderr).toBe(0);
  $ = page(site.output, KEY_ACCOUNTS);
});

const texts = ($$: CheerioAPI, selector: string) =>
  $$(selector)
    .map((_, el) => $$(el).text().trim())
    .get();
const jsonLd = ($$: CheerioAPI) => JSON.parse($$('script[type="application/ld+json"]').text())[0];

describe("tags on the article page", () => {
  it("lists every tag, in the order written, in a list under its own heading", () => {
    expect(texts($, ".article-tags ul.tag-list > li")).toEqual(["工業營銷", "key accounts", "大客戶 & <採購>"]);
    expect($(".article-tags > h2 + ul.tag-list").length).toBe(1);
    expect($(".article-tags > h2").text()).toBe("標籤");
  });
  it("escapes a tag's markup characters (text, not elements)", () => {
    expect($(".article-tags li a").last().children().length).toBe(0);
    expect(readFileSync(fileFor(site.output, KEY_ACCOUNTS), "utf8")).toContain("大客戶 &amp; &lt;採購&gt;");
  });
  it("keeps an English article's tags as written, a full-width one included", () => {
    expect(texts(page(site.output, PRICING), ".tag-list li")).toEqual(["Pricing", "ＫＡＭ", "定價"]);
  });
  it("shows the tags after the body", () => {
    expect($(".article-body ~ .article-tags").length).toBe(1);
  });
});

describe("past comments on the article page", () => {
  it("shows a section with its heading and count, and every comment as an article, in the order written", () => {
    const section = $("section.past-comments");
    expect(section.length).toBe(1);
    expect(section.find("h2").text()).toBe("往日評論");
    expect(section.find(".past-comments-count").text()).toBe("4 則評論");
    expect(texts($, "section.past-comments > article.comment .comment-author")).toEqual([
      "周文博",
      "陳思遠",
      "<b>訪客</b>",
      "Ann Lee",
    ]);
    expect(
      $("section.past-comments > article.comment")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["comment-11", "comment-12", "comment-at-3", "comment-14"]);
  });
  it("comes after the body and before previous/next, and offers no form", () => {
    expect($(".article-body ~ section.past-comments ~ nav.prev-next").length).toBe(1);
    expect($("section.past-comments form, section.past-comments textarea, section.past-comments input").length).toBe(0);
  });
  it("links an author to their site with rel nofollow ugc noopener, and leaves the others unlinked", () => {
    const zhou = $("#comment-11 .comment-author a");
    expect(zhou.attr("href")).toBe("https://zhou.example.org/blog");
    expect(zhou.attr("rel")).toBe("nofollow ugc noopener");
    expect($("#comment-12 .comment-author a").length).toBe(0);
    expect($("#comment-at-3 .comment-author a").attr("href")).toBe("https://guest.example/?a=1&b=2");
  });
  it("gives each comment a <time datetime> with its offset, read in the site's zone", () => {
    expect($("#comment-11 time").attr("datetime")).toBe("2013-12-28T09:15:00+08:00");
    expect($("#comment-12 time").attr("datetime")).toBe("2013-12-28T20:00:00+08:00"); // written as 12:00 UTC
    expect($("#comment-12 time").text()).toBe("2013-12-28 20:00:00");
  });
  it("says which comment a reply answers, linked to that comment on the page", () => {
    expect($("#comment-11 .comment-reply-to, #comment-at-3 .comment-reply-to").length).toBe(0);
    expect($("#comment-12 .comment-reply-to").text()).toBe("回覆：周文博");
    expect($("#comment-14 .comment-reply-to").text()).toBe("回覆：陳思遠");
    for (const id of ["comment-12", "comment-14"]) {
      const target = $(`#${id} .comment-reply-to a`).attr("href")!;
      expect(target).toMatch(/^#comment-/);
      expect($(target).length, `${id} → ${target}`).toBe(1);
    }
  });
  it("renders a comment's Markdown like the body", () => {
    expect($("#comment-11 .comment-text strong").text()).toBe("採購部門");
    expect($("#comment-at-3 .comment-text em").text()).toBe("強調");
  });
  it("never lets a comment's script, event handler or javascript: link reach the page", () => {
    const html = readFileSync(fileFor(site.output, KEY_ACCOUNTS), "utf8");
    expect($("script").filter((_, el) => $(el).attr("type") !== "application/ld+json").length).toBe(0);
    expect($(".comment-text script, .comment-text img").length).toBe(0);
    expect($("[onerror]").length).toBe(0);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect($('a[href^="javascript:"]').length).toBe(0);
    // The author's name is text, not markup.
    expect($("#comment-at-3 .comment-author b").length).toBe(0);
  });
  it("shows an English article's comments with the site's labels", () => {
    const p = page(site.output, PRICING);
    expect(p("article.article").attr("lang")).toBe("en");
    expect(texts(p, ".comment .comment-author")).toEqual(["Maria Costa", "王小明"]);
    expect(p(".past-comments-count").text()).toBe("2 則評論");
    expect(p("#comment-2 .comment-reply-to").text()).toBe("回覆：Maria Costa");
    expect(p("#comment-2 .comment-author a").attr("href")).toBe("http://wang.example/");
  });
  it("keeps the title the page's only h1: a comment's headings sit below the section's h2", () => {
    const p = page(site.output, PRICING);
    expect(p("h1").length).toBe(1);
    expect(p("h1").text()).toBe("Three pricing myths in industrial markets");
    expect(p("#comment-1 .comment-text h3").text()).toBe("Myth two");
  });
  it("leaves both blocks out of an article that has neither", () => {
    const p = page(site.output, PLAIN);
    expect(p(".article-tags, .past-comments, .comment").length).toBe(0);
  });
});

describe("structured data", () => {
  it("gives the tags as keywords and every comment, with its count, author, date and the comment it answers", () => {
    const article = jsonLd($);
    const url = `https://tags.example${KEY_ACCOUNTS}`;
    expect(article.keywords).toEqual(["工業營銷", "key accounts", "大客戶 & <採購>"]);
    expect(article.commentCount).toBe(4);
    expect(article.comment.map((c: { author: { name: string } }) => c.author.name)).toEqual([
      "周文博",
      "陳思遠",
      "<b>訪客</b>",
      "Ann Lee",
    ]);
    expect(article.comment[1]).toMatchObject({
      "@type": "Comment",
      "@id": `${url}#comment-12`,
      dateCreated: "2013-12-28T20:00:00+08:00",
      parentItem: { "@id": `${url}#comment-11` },
    });
    expect(article.comment[0].author.url).toBe("https://zhou.example.org/blog");
  });
  it("has neither on an article without them", () => {
    const article = jsonLd(page(site.output, PLAIN));
    expect(article).not.toHaveProperty("keywords");
    expect(article).not.toHaveProperty("comment");
  });
});

describe("the built pages", () => {
  it("are valid HTML under the project's html-validate rules", async () => {
    expect(await htmlErrors(site.output, [KEY_ACCOUNTS, PRICING, PLAIN])).toEqual([]);
  });
  it("have no broken internal link, a comment's link to another article included", () => {
    expect($("#comment-14 .comment-text a").attr("href")).toBe(PRICING);
    expect(brokenLinks(site.output)).toEqual([]);
  });
  it("give a comment's root-relative links the path prefix, as the body's get", async () => {
    const prefixed = await build(fixture("tags-comments"), { args: ["--path-prefix", "/archive/"] });
    expect(prefixed.code, prefixed.stderr).toBe(0);
    expect(page(prefixed.output, KEY_ACCOUNTS)("#comment-14 .comment-text a").attr("href")).toBe(`/archive${PRICING}`);
  });
});

describe("tags and comments with mistakes (tests/fixtures/tags-comments-bad)", () => {
  type Json = { file: string; line: number; column: number; field: string; found: string; expected: string };
  const at = (file: string) => `tests/fixtures/tags-comments-bad/articles/${file}`;
  let errors: Json[];
  let failed: BuildResult;

  beforeAll(async () => {
    const check = await promisify(execFile)(
      path.join(PROJECT, "node_modules/.bin/tsx"),
      ["scripts/check.ts", "--content", fixture("tags-comments-bad"), "--format", "json"],
      {
        cwd: PROJECT,
        env: { ...process.env, INIT_CWD: PROJECT },
      },
    ).then(
      () => ({ code: 0, stdout: "" }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(check.code).toBe(1);
    errors = JSON.parse(check.stdout).errors;
    failed = await build(fixture("tags-comments-bad"));
  });

  it("refuses tags written as one text with commas", () => {
    expect(errors).toContainEqual({
      file: at("tags-text.md"),
      line: 5,
      column: 7,
      field: "tags",
      found: '"工業營銷, key accounts" (one text with commas, not a list)',
      expected: expect.stringContaining("a list of tag names"),
    });
  });
  it("refuses a comment without an author, naming the comment", () => {
    expect(errors).toContainEqual(
      expect.objectContaining({ file: at("no-author.md"), line: 10, field: "comments[2].author", found: "no author" }),
    );
  });
  it("refuses a reply_to that names no earlier comment", () => {
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: at("bad-reply.md"),
        line: 13,
        field: "comments[2].reply_to",
        found: "9, which no earlier comment has as its id",
      }),
    );
  });
  it("refuses an unknown key in a comment with a did-you-mean", () => {
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: at("misspelt-key.md"),
        line: 6,
        field: "comments[1].autor",
        found: 'unknown key "autor"',
        expected: 'did you mean "author"?',
      }),
    );
  });
  it("reports nothing else, and the build fails with the same lines as path:line:column  field", () => {
    expect(errors).toHaveLength(5);
    expect(failed.code).toBe(1);
    const lines = failed.stderr.trim().split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^tests\/fixtures\/tags-comments-bad\/articles\/bad-reply\.md:13:\d+  comments\[2\]\.reply_to  9, which no earlier comment/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^tests\/fixtures\/tags-comments-bad\/articles\/tags-text\.md:5:7  tags  /),
    );
    expect(lines.at(-1)).toBe("wenku: 5 errors in 4 of 6 files; nothing was written.");
  });
});
