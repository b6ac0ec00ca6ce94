// The import core's report accounts for everything that did not arrive as it was: tags and comments
// are written into front-matter, sticky posts are pinned and listed, plain-http images of other sites are listed, notes of
// the conversion are kept, and the report exists even when no page became an article or the result
// failed the checks.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyImport, emptyReport } from "../src/import/apply.ts";
import { makeItem, newContent } from "./helpers/import-items.ts";

const frontMatterOf = (file: string) =>
  parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, "utf8"))![1]!) as Record<string, unknown>;
const reportOf = (content: string) => readFileSync(path.join(content, "_import/report.md"), "utf8");

describe("the import core's report and front-matter", () => {
  it("writes tags, past comments and pinned: true for a sticky post; lists sticky posts, plain-http images and the item's notes", async () => {
    const { content, source } = newContent();
    const item = makeItem(
      { key: "/a/1.html", title: "重點客戶", trail: ["研究"], text: "正文第一段，足夠長的文字。" },
      source,
    );
    item.bodyHtml += '<p><img src="http://photos.example.net/a.jpg" alt="廠房"></p>';
    item.tags = ["客戶", " 客戶 ", "key accounts", "KEY  Accounts", "長".repeat(101)];
    item.comments = [
      {
        id: 7,
        author: "林小雨",
        url: "https://lin.example.org/",
        date: "2014-01-02 08:00:00",
        html: "<p>寫得<strong>很好</strong>。</p>",
      },
      { id: 8, author: "周文博", date: "2014-01-03T09:30:00+08:00", replyTo: 7, html: "<p>謝謝。</p>" },
    ];
    item.sticky = true;
    item.notes = ["a [gallery] shortcode rendered as 2 images"];
    const report = emptyReport();
    report.pages = 1;
    report.overview.push("tags: 3 uses of 2 tags kept");
    const done = await applyImport([item], { contentDir: content, source: "test" }, report);
    expect(done.problems).toEqual([]);
    const file = path.join(content, done.written[0]!.file);
    const data = frontMatterOf(file);
    expect(data.tags).toEqual(["客戶", "key accounts"]);
    expect(data.pinned).toBe(true);
    expect(data.comments).toEqual([
      {
        id: 7,
        author: "林小雨",
        url: "https://lin.example.org/",
        date: "2014-01-02 08:00:00",
        text: "寫得**很好**。\n",
      },
      { id: 8, author: "周文博", date: "2014-01-03T09:30:00+08:00", reply_to: 7, text: "謝謝。\n" },
    ]);
    const text = reportOf(content);
    expect(text).toContain("tags: 3 uses of 2 tags kept");
    expect(text).toContain(
      `## Sticky on the old site (written pinned: true, first on page 1 of their category lists)\n\n- /a/1.html (${done.written[0]!.file}): 重點客戶`,
    );
    expect(text).toContain("- /a/1.html: http://photos.example.net/a.jpg");
    expect(text).toContain("a [gallery] shortcode rendered as 2 images");
    expect(text).toContain(`the tag "${"長".repeat(40)}…" is longer than 100 characters: left out`);
  });

  it("leaves out a comment with no text once converted, with a note, and a reply to it stands alone", async () => {
    const { content, source } = newContent();
    const item = makeItem(
      { key: "/a/2.html", title: "評論", trail: ["研究"], text: "正文第一段，足夠長的文字。" },
      source,
    );
    item.comments = [
      { id: 1, author: "甲", date: "2014-01-02 08:00:00", html: "<p><script>alert(1)</script></p>" },
      { id: 2, author: "乙", date: "2014-01-03 08:00:00", replyTo: 1, html: "<p>同意。</p>" },
      {
        id: 3,
        author: "丙",
        date: "2014-01-04 08:00:00",
        replyTo: 2,
        html: '<p>好。<iframe src="https://video.example.org/v/1"></iframe></p>',
      },
    ];
    const report = emptyReport();
    report.pages = 1;
    const done = await applyImport([item], { contentDir: content, source: "test" }, report);
    expect(done.problems).toEqual([]);
    const data = frontMatterOf(path.join(content, done.written[0]!.file));
    expect(data.comments).toEqual([
      { id: 2, author: "乙", date: "2014-01-03 08:00:00", text: "同意。\n" },
      {
        id: 3,
        author: "丙",
        date: "2014-01-04 08:00:00",
        reply_to: 2,
        text: expect.stringContaining("https://video.example.org/v/1"),
      },
    ]);
    const notes = done.notes[0]!.notes;
    expect(notes).toContain("comment 1 (甲, 2014-01-02 08:00:00): no text once converted: left out");
    expect(notes).toContain(
      "comment 2 (乙, 2014-01-03 08:00:00): the comment it answered (1) is not kept, so it is shown as a comment of its own",
    );
    expect(
      notes.some((n) => n.startsWith("comment 3 (丙, 2014-01-04 08:00:00): an <iframe> embed of video.example.org")),
    ).toBe(true);
  });

  it("writes the report when no page became an article, and nothing else", async () => {
    const { content } = newContent();
    const before = readdirSync(content, { recursive: true, encoding: "utf8" }).sort();
    const report = emptyReport();
    report.pages = 2;
    report.skipped.push(
      { url: "/a.html", reason: "no article heading" },
      { url: "/b.html", reason: "no article body" },
    );
    const done = await applyImport([], { contentDir: content, source: "test" }, report);
    expect(done.problems).toEqual([]);
    expect(reportOf(content)).toContain("No page of the source became an article");
    expect(reportOf(content)).toContain("- /b.html: no article body");
    const after = readdirSync(content, { recursive: true, encoding: "utf8" }).sort();
    expect(after.filter((f) => !before.includes(f))).toEqual(["_import", path.join("_import", "report.md")].sort());
  });

  it("writes the report with its problems when the result fails the checks, and no article", async () => {
    const { content, source } = newContent();
    const item = makeItem(
      {
        key: "/a/1.html",
        title: "壞日期",
        trail: ["研究"],
        text: "正文第一段，足夠長的文字。",
        date: "2013-02-30 10:00:00",
      },
      source,
    );
    const report = emptyReport();
    report.pages = 1;
    const done = await applyImport([item], { contentDir: content, source: "test" }, report);
    expect(done.problems.length).toBeGreaterThan(0);
    expect(reportOf(content)).toContain("## Problems (nothing was written)");
    expect(readdirSync(path.join(content, "articles/research"))).toEqual(["own.md"]);
    expect(existsSync(path.join(content, "_import/test.json"))).toBe(false);
  });

  it("pins, on a re-import, a sticky post an earlier import wrote unpinned; other articles stay unchanged", async () => {
    const { content, source } = newContent();
    const sticky = makeItem(
      { key: "/a/5.html", title: "置頂公告", trail: ["研究"], text: "置頂的正文，足夠長。" },
      source,
    );
    const plain = makeItem(
      { key: "/a/6.html", title: "一般文章", trail: ["研究"], text: "一般的正文，足夠長。" },
      source,
    );
    // As an import made before stickiness was mapped wrote it: the same source, nothing pinned.
    const first = await applyImport([sticky, plain], { contentDir: content, source: "test" }, emptyReport());
    expect(first.problems).toEqual([]);
    const written = first.written.find((w) => w.url === "/a/5.html")!.file;
    const file = path.join(content, written);
    expect(frontMatterOf(file).pinned).toBeUndefined();

    const again = await applyImport(
      [{ ...sticky, sticky: true }, plain],
      { contentDir: content, source: "test" },
      emptyReport(),
    );
    expect(again.written).toEqual([{ url: "/a/5.html", file: written, status: "updated" }]);
    expect(again.unchanged).toEqual(["/a/6.html"]);
    expect(frontMatterOf(file).pinned).toBe(true);
    // And once pinned, a third run leaves it alone.
    const third = await applyImport(
      [{ ...sticky, sticky: true }, plain],
      { contentDir: content, source: "test" },
      emptyReport(),
    );
    expect(third.unchanged.sort()).toEqual(["/a/5.html", "/a/6.html"]);
  });
});
