// Baidu's move files from real builds: tests/fixtures/site-move (a Chinese alias, an article with three
// old addresses, one without, a draft with one, and an import's dead-link record), built with --seo into
// a folder of the test's own; then a real import (DedeCMS-style mirror, WordPress export) followed by a
// build, whose dead-link file must list what the import could not keep.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { check, importSite } from "../src/index.ts";
import { build, fileFor, fixture, page, type BuildResult } from "./helpers/build.ts";

const FIXTURE = fixture("site-move");
const temp = (name: string) => mkdtempSync(path.join(tmpdir(), `wenku-${name}-`));
const lines = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n");
const copy = (from: string) => {
  const dir = path.join(temp("move-content"), "content");
  cpSync(from, dir, { recursive: true });
  return dir;
};

let seo: string;
let site: BuildResult;
beforeAll(async () => {
  seo = path.join(temp("seo"), "seo");
  site = await build(FIXTURE, { args: ["--seo", seo] });
  if (site.code !== 0) throw new Error(site.stderr);
}, 60_000);

describe("baidu-move-N.txt from a build", () => {
  it("writes the three files and nothing else", () => {
    expect(readdirSync(seo).sort()).toEqual(["baidu-move-1.txt", "baidu-move-extra-1.txt", "dead-links-1.txt"]);
  });

  it("pairs each article's first alias, percent-encoded, with its URL: old, one space, new", () => {
    expect(lines(path.join(seo, "baidu-move-1.txt")).sort()).toEqual([
      "https://www.hengshi.example/%E6%96%B0%E9%97%BB/2013/%E8%BF%81%E5%9D%80.html https://www.hengshi.example/news/banqian/",
      "https://www.hengshi.example/a/xinwen/2014/0105/88.html https://www.hengshi.example/news/annual-report/",
    ]);
  });

  it("names as new URL exactly the canonical of the article's page, and as old URL an address the site answers for it", () => {
    for (const line of lines(path.join(seo, "baidu-move-1.txt"))) {
      const [from, to] = line.split(" ");
      const newPath = new URL(to!).pathname;
      expect(page(site.output, newPath)('link[rel="canonical"]').attr("href")).toBe(to);
      // The redirect page at the old address leads to the new one (hosts with _redirects answer it with a 301).
      const oldPath = new URL(from!).pathname;
      const redirect = page(site.output, oldPath.endsWith(".html") ? oldPath : `${oldPath}/`);
      expect(redirect('link[rel="canonical"]').attr("href")).toBe(to);
      const rule = readFileSync(path.join(site.output, "_redirects"), "utf8").split("\n");
      expect(rule).toContain(`${oldPath} ${newPath} 301`);
    }
  });

  it("puts the other aliases in the second list, never a new URL twice in the first", () => {
    expect(lines(path.join(seo, "baidu-move-extra-1.txt"))).toEqual([
      "https://www.hengshi.example/a/xinwen/2014/0105/88_2.html https://www.hengshi.example/news/annual-report/",
      "https://www.hengshi.example/a/xinwen/2014/0105/88_3.html https://www.hengshi.example/news/annual-report/",
    ]);
    const news = lines(path.join(seo, "baidu-move-1.txt")).map((l) => l.split(" ")[1]);
    expect(new Set(news).size).toBe(news.length);
  });

  it("leaves out a draft's alias", () => {
    const all = readdirSync(seo).flatMap((f) => lines(path.join(seo, f)));
    expect(all.join("\n")).not.toContain("/a/yanjiu/2015/0401/99.html");
  });

  it("says where the files are and how many lines each has, and warns that Baidu's check needs real 301s", () => {
    expect(site.stdout).toContain(
      `wenku: Baidu move files in ${path.relative(path.resolve(import.meta.dirname, ".."), seo)}: baidu-move-1.txt 2 lines, baidu-move-extra-1.txt 2 lines, dead-links-1.txt 3 lines`,
    );
    expect(site.stderr).toMatch(/warning: Baidu's 网站改版 check .*fails unless it answers 301.*GitHub Pages/);
  });
});

describe("dead-links-N.txt from an import's record", () => {
  it("lists each recorded address absolute, encoded and sorted, but not one the site answers", () => {
    expect(lines(path.join(seo, "dead-links-1.txt"))).toEqual([
      "https://www.hengshi.example/plus/view.php?aid=12",
      "https://www.hengshi.example/plus/view.php?aid=88",
      "https://www.hengshi.example/spam/%E7%99%BE%E5%AE%B6%E4%B9%90.html",
    ]);
  });

  it("stops the build at a line that is not a site path, naming the file and the line", async () => {
    const content = copy(FIXTURE);
    writeFileSync(path.join(content, "_import/own-dead-links.txt"), "/fine.html\nwww.old.example/x.html\n");
    const out = path.join(temp("seo-bad"), "seo");
    const r = await build(content, { args: ["--seo", out] });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /_import\/own-dead-links\.txt:2:1 {2}dead link {2}"www\.old\.example\/x\.html" — an old address/,
    );
    expect(existsSync(out)).toBe(false);
    // npm run check finds it too.
    const checked = await check({ content });
    expect(checked.ok).toBe(false);
    expect(checked.problems.map((p) => [path.basename(p.file), p.line, p.field])).toEqual([
      ["own-dead-links.txt", 2, "dead link"],
    ]);
  }, 60_000);
});

describe("where old addresses are", () => {
  it("under the path prefix of a GitHub Pages project site, both old and new", async () => {
    const out = path.join(temp("seo-prefix"), "seo");
    const r = await build(FIXTURE, { args: ["--path-prefix", "/archive/", "--seo", out] });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(path.join(out, "baidu-move-1.txt"))).toContain(
      "https://www.hengshi.example/archive/a/xinwen/2014/0105/88.html https://www.hengshi.example/archive/news/annual-report/",
    );
    expect(lines(path.join(out, "dead-links-1.txt"))[0]).toBe(
      "https://www.hengshi.example/archive/plus/view.php?aid=12",
    );
  }, 60_000);

  it("on the old host given as move.from, without the new site's prefix", async () => {
    const content = copy(FIXTURE);
    const config = JSON.parse(readFileSync(path.join(content, "_data/site.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(
      path.join(content, "_data/site.json"),
      JSON.stringify({ ...config, url: "https://user.github.io", move: { from: "http://old.hengshi.example/" } }),
    );
    const out = path.join(temp("seo-from"), "seo");
    const r = await build(content, { args: ["--path-prefix", "/archive/", "--seo", out] });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(path.join(out, "baidu-move-1.txt"))).toContain(
      "http://old.hengshi.example/a/xinwen/2014/0105/88.html https://user.github.io/archive/news/annual-report/",
    );
    expect(lines(path.join(out, "dead-links-1.txt"))).toContain("http://old.hengshi.example/plus/view.php?aid=12");
  }, 60_000);
});

describe("the SEO folder across builds", () => {
  it("removes numbered files a larger earlier run left, and keeps the owner's other files", async () => {
    const out = path.join(temp("seo-stale"), "seo");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "baidu-move-2.txt"), "https://o.example/x https://n.example/x/\n");
    writeFileSync(path.join(out, "dead-links-4.txt"), "https://o.example/y\n");
    writeFileSync(path.join(out, "submitted.txt"), "the owner's notes\n");
    const r = await build(FIXTURE, { args: ["--seo", out] });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "baidu-move-1.txt",
      "baidu-move-extra-1.txt",
      "dead-links-1.txt",
      "submitted.txt",
    ]);
    expect(r.stdout).toContain("(2 older files removed)");
  }, 60_000);

  it("leaves the previous files exactly as they were when a build fails", async () => {
    const content = copy(FIXTURE);
    const out = path.join(temp("seo-failed"), "seo");
    expect((await build(content, { args: ["--seo", out] })).code).toBe(0);
    const before = readdirSync(out).map((f) => [f, readFileSync(path.join(out, f), "utf8")]);
    writeFileSync(
      path.join(content, "articles/news/late.md"),
      "---\ntitle: x\ncategory: news\ndate: 2013-02-30\n---\n",
    );
    const r = await build(content, { args: ["--seo", out] });
    expect(r.code).toBe(1);
    expect(readdirSync(out).map((f) => [f, readFileSync(path.join(out, f), "utf8")])).toEqual(before);
  }, 60_000);

  it("refuses a folder inside the site, which every build replaces", async () => {
    const output = path.join(temp("seo-inside"), "site");
    const r = await build(FIXTURE, { output, args: ["--seo", path.join(output, "seo")] });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /refusing to build: the folder for Baidu's move files .* is the output folder or inside it/,
    );
    expect(existsSync(output)).toBe(false);
  }, 60_000);
});

describe("an import, then a build: the addresses the import could not keep", () => {
  it("DedeCMS mirror: a page served by query string (wget's .html dropped) and the quarantined spam page", async () => {
    const mirror = path.join(temp("move-mirror"), "site");
    cpSync(path.join(fixture("legacy-mirror"), "site"), mirror, { recursive: true });
    mkdirSync(path.join(mirror, "plus"), { recursive: true });
    writeFileSync(
      path.join(mirror, "plus/view.php?aid=1250.html"),
      readFileSync(path.join(mirror, "news/2014/0105/88.html")),
    );
    // DedeCMS serves each article at two addresses too: its path, kept as an alias, and view.php?aid=.
    cpSync(path.join(mirror, "xsyj/gyyx/2013/1227/1234.html"), path.join(mirror, "plus/view.php?aid=1234.html"));
    const content = copy(path.join(fixture("legacy-mirror"), "content"));
    await importSite({ kind: "legacy-html", mirror }, { content });
    const record = readFileSync(path.join(content, "_import/legacy-html-dead-links.txt"), "utf8");
    expect(record.split("\n").filter((l) => l.startsWith("/"))).toEqual([
      "/plus/view-999.html",
      "/plus/view.php?aid=1234",
      "/plus/view.php?aid=1250",
    ]);
    const out = path.join(temp("seo-import"), "seo");
    const r = await build(content, { args: ["--seo", out] });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(path.join(out, "dead-links-1.txt"))).toEqual([
      "https://archive.example.org/plus/view-999.html",
      "https://archive.example.org/plus/view.php?aid=1234",
      "https://archive.example.org/plus/view.php?aid=1250",
    ]);
    // The spam page is not in the site, so the address really is gone.
    expect(existsSync(fileFor(r.output, "/plus/view-999.html"))).toBe(false);
    // The article's kept address is in the move file instead.
    expect(lines(path.join(out, "baidu-move-1.txt")).join("\n")).toContain(
      "https://archive.example.org/xsyj/gyyx/2013/1227/1234.html https://archive.example.org/research/gyyx/1234/",
    );
    // A second run over the unchanged source writes the same record (nothing is forgotten when nothing changed).
    await importSite({ kind: "legacy-html", mirror }, { content });
    expect(readFileSync(path.join(content, "_import/legacy-html-dead-links.txt"), "utf8")).toBe(record);
  }, 120_000);

  it("WordPress export: the spam post left out", async () => {
    const wp = fixture("wordpress");
    const content = copy(path.join(wp, "content"));
    await importSite(
      { kind: "wordpress", file: path.join(wp, "export.xml"), uploads: path.join(wp, "uploads") },
      { content },
    );
    const out = path.join(temp("seo-wp"), "seo");
    const r = await build(content, { args: ["--seo", out] });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(path.join(out, "dead-links-1.txt"))).toContain("https://archive.example.org/2019/05/05/promo/");
  }, 120_000);
});

describe("a site with nothing to move", () => {
  it("writes no file and makes no folder, and says so", async () => {
    const out = path.join(temp("seo-none"), "seo");
    const r = await build(fixture("pagination"), { args: ["--seo", out] });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toContain("wenku: Baidu move files: none (no aliases, no recorded dead links)");
    expect(r.stderr).not.toContain("网站改版");
  }, 60_000);
});
