// `npm run import -- wordpress` on a WXR export written for these tests (tests/fixtures/wordpress):
// posts with a category hierarchy, GMT offsets, view counts under two plugins' keys, an attachment, a
// missing image, links by permalink and by ?p=, a Chinese slug; a draft and a page that stay out.
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadContent } from "../src/site/load-content.ts";
import { build, fixture, page, type BuildResult } from "./helpers/build.ts";
import { npmRun } from "./helpers/npm.ts";

const WP = fixture("wordpress");
let content: string;
let first: { code: number; stdout: string; stderr: string };
let site: BuildResult;

const importInto = (dir: string) =>
  npmRun([
    "import",
    "--",
    "wordpress",
    path.join(WP, "export.xml"),
    "--content",
    dir,
    "--uploads",
    path.join(WP, "uploads"),
  ]);
const article = (file: string) => {
  const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(
    readFileSync(path.join(content, file), "utf8"),
  )!;
  return { data: parse(frontMatter!) as Record<string, unknown>, body: body! };
};

beforeAll(async () => {
  content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-wp-")), "content");
  cpSync(path.join(WP, "content"), content, { recursive: true });
  first = await importInto(content);
  if (first.code !== 0) throw new Error(first.stderr);
  site = await build(content);
  if (site.code !== 0) throw new Error(site.stderr);
}, 120_000);

describe("importing a WordPress export", () => {
  it("imports the published posts and reports the draft, the password-protected post and the page", () => {
    expect(first.stdout).toContain(
      "7 pages → 3 new, 0 updated, 0 unchanged, 0 conflict(s), 3 skipped, 1 spam (quarantined), 1 cleaned",
    );
    const report = readFileSync(path.join(content, "_import/report.md"), "utf8");
    expect(report).toContain("- post 13: not published (status draft)");
    expect(report).toContain("- /about/: a WordPress page, not a post");
    expect(report).toContain("- /2014/03/01/members/: password-protected: a static site cannot keep it private");
  });

  it("keeps title, deepest category, date with its GMT offset, author's display name, excerpt, views, permalink, id and tags", () => {
    expect(article("articles/industrial-marketing/key-accounts.md").data).toEqual({
      title: "重點客戶不只是大客戶",
      category: "industrial-marketing",
      date: "2013-12-27T10:30:07+08:00",
      views: 8290,
      author: "周文博",
      summary: "最值得投入的客戶，未必是採購額最高的那一家。",
      aliases: ["/2013/12/27/key-accounts/"],
      legacy_id: 10,
      tags: ["KAM"],
    });
    // Another plugin's key, with a thousands separator.
    expect(article("articles/industrial-marketing/grading-key-accounts.md").data).toMatchObject({
      views: 1204,
      author: "Lin Xiaoyu",
    });
  });

  it("keeps spam out: hidden link blocks (inline style or the post's own stylesheet) removed, a spam post not imported", () => {
    const report = readFileSync(path.join(content, "_import/report.md"), "utf8");
    expect(report).toContain("- /2019/05/05/promo/: spam title");
    expect(report).toContain("hidden block with 2 link(s) (百家乐, 澳门葡京)");
    expect(report).toContain("hidden block with 1 link(s)"); // hidden by the post's own <style>
    expect(readFileSync(path.join(content, "articles/ben-she-xiao-xi/本社遷址.md"), "utf8")).not.toMatch(
      /百家乐|澳门葡京|casino|spam\.example|链接/,
    );
    expect(existsSync(path.join(content, "articles/uncategorised/promo.md"))).toBe(false);
  });

  it("builds the category hierarchy, with a pinyin slug for a Chinese nicename", () => {
    expect(JSON.parse(readFileSync(path.join(content, "_data/categories.json"), "utf8"))).toEqual([
      { slug: "research", name: "學術研究" },
      { slug: "industrial-marketing", name: "工業營銷", parent: "research" },
      { slug: "ben-she-xiao-xi", name: "本社消息" },
    ]);
    expect(existsSync(path.join(content, "articles/ben-she-xiao-xi/本社遷址.md"))).toBe(true);
  });

  it("copies attachments from the uploads folder and relinks them; a missing one is reported and kept", () => {
    const { body } = article("articles/industrial-marketing/key-accounts.md");
    expect(body).toContain("![客戶漏斗](/media/wp-content/uploads/2013/12/funnel.png)");
    expect(existsSync(path.join(content, "media/wp-content/uploads/2013/12/funnel.png"))).toBe(true);
    expect(readFileSync(path.join(content, "_import/report.md"), "utf8")).toContain(
      "https://blog.example.org/wp-content/uploads/2013/12/gone.jpg",
    );
  });

  it("points links to other posts (by ?p= and by permalink) at their new addresses", () => {
    expect(article("articles/industrial-marketing/key-accounts.md").body).toContain(
      "[分級的方法](/research/industrial-marketing/grading-key-accounts/)",
    );
    expect(article("articles/industrial-marketing/grading-key-accounts.md").body).toContain(
      "[the first part](/research/industrial-marketing/key-accounts/)",
    );
  });

  it("turns block-editor markup into plain paragraphs", () => {
    const { body } = article("articles/industrial-marketing/grading-key-accounts.md");
    expect(body).not.toContain("wp:paragraph");
    expect(body.startsWith("Grading is about putting scarce sales time where it pays back.\n\nThree dimensions")).toBe(
      true,
    );
  });

  it("leaves a folder that passes the checks, and a site where every old permalink answers", async () => {
    expect((await loadContent({ contentDir: content, drafts: true })).problems).toEqual([]);
    expect(page(site.output, "/2013/12/27/key-accounts/")('link[rel="canonical"]').attr("href")).toBe(
      "https://archive.example.org/research/industrial-marketing/key-accounts/",
    );
    expect(page(site.output, "/本社遷址/")('link[rel="canonical"]').attr("href")).toBe(
      `https://archive.example.org${encodeURI("/ben-she-xiao-xi/本社遷址/")}`,
    );
  });

  it("changes nothing when imported again", async () => {
    const again = await importInto(content);
    expect(again.stdout).toContain("7 pages → 0 new, 0 updated, 3 unchanged");
  });
});
