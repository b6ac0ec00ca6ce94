// `npm run import -- legacy-html` on a mirror written for these tests (tests/fixtures/legacy-mirror):
// UTF-8, GBK and Big5 article pages with the label variants of common Chinese CMS templates, a hacked
// article (spam <title>, hidden link blocks, a spam link), a spam page, a list page and a page without
// a date. The import is run as a user runs it, the result is built, and the built site is checked.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/site/load-content.ts";
import { generateMirror } from "../src/bench/generate-mirror.ts";
import { importSite, type ImportOptions } from "../src/index.ts";
import { importLegacy } from "../src/import/legacy/import.ts";
import { hostKey } from "../src/import/urls.ts";
import { BUILT_IN } from "../src/import/legacy/profile.ts";
import { build, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";
import { npmRun } from "./helpers/npm.ts";

const MIRROR = path.join(fixture("legacy-mirror"), "site");
const SPAM = ["百家乐", "澳门葡京", "真人视讯", "无码", "伟哥", "casino", "bet.example.com"];

const fresh = () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-import-")), "content");
  cpSync(path.join(fixture("legacy-mirror"), "content"), dir, { recursive: true });
  return dir;
};
/** `npm run import`, where what it prints or its exit code is tested. */
const importInto = (content: string, mirror = MIRROR, extra: string[] = []) =>
  npmRun(["import", "--", "legacy-html", mirror, "--content", content, ...extra]);
/** importSite(): what the import does. */
type Given = Omit<ImportOptions, "content"> & { profile?: string };
const importApi = (content: string, mirror = MIRROR, { profile, ...options }: Given = {}) =>
  importSite({ kind: "legacy-html", mirror, ...(profile ? { profile } : {}) }, { content, ...options });
/** Front-matter (read as Wenku reads it: YAML 1.2, dates stay text) and body of an imported file. */
const article = (content: string, file: string) => {
  const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(
    readFileSync(path.join(content, file), "utf8"),
  )!;
  return { data: parse(frontMatter!) as Record<string, unknown>, content: body! };
};

let content: string;
let first: { code: number; stdout: string; stderr: string };
let site: BuildResult;

beforeAll(async () => {
  content = fresh();
  first = await importInto(content);
  if (first.code !== 0) throw new Error(first.stderr);
  site = await build(content);
  if (site.code !== 0) throw new Error(site.stderr);
}, 120_000);

describe("importing a legacy mirror", () => {
  it("reports a page whose date does not exist instead of importing it", async () => {
    const mirror = path.join(mkdtempSync(path.join(tmpdir(), "wenku-mirror-")), "site");
    cpSync(MIRROR, mirror, { recursive: true });
    const file = path.join(mirror, "xsyj/gyyx/2013/1227/1234.html");
    writeFileSync(file, readFileSync(file, "utf8").replace("2013-12-27 10:30:07", "2013-02-30 10:30:07"));
    const dir = fresh();
    await importApi(dir, mirror);
    expect(readFileSync(path.join(dir, "_import/report.md"), "utf8")).toContain(
      "- /xsyj/gyyx/2013/1227/1234.html: the publish date 2013-02-30 10:30:07 does not exist",
    );
  }, 60_000);

  it("accounts for every page: an article, or a line in the report", () => {
    expect(first.stdout).toMatch(
      /7 pages → 4 new, 0 updated, 0 unchanged, 0 conflict\(s\), 2 skipped, 1 spam \(quarantined\), 1 cleaned/,
    );
    const report = readFileSync(path.join(content, "_import/report.md"), "utf8");
    expect(report).toContain("/xsyj/gyyx/index.html: an index or list address with a list of links (list page)");
    expect(report).toContain("/about.html: no publish date");
    expect(report).toContain("/plus/view-999.html → _import/quarantine/plus/view-999.html");
  });

  it("reads title, category chain, date, views, source, author, aliases and the legacy id (UTF-8 page)", () => {
    const { data, content: body } = article(content, "articles/gyyx/1234.md");
    expect(data).toEqual({
      title: "重點客戶管理的第一步",
      category: "gyyx",
      date: "2013-12-27 10:30:07",
      views: 8290,
      author: "周文博",
      source: "衡石研究",
      aliases: ["/xsyj/gyyx/2013/1227/1234.html"],
      legacy_id: 1234,
    });
    expect(body).toContain("做重點客戶管理，第一步不是排名單");
    // Full-width indents are layout, not text.
    expect(body).not.toMatch(/^\u3000/m);
  });

  it("decodes a GBK page (declared gb2312) and takes the title from the heading's own text", () => {
    const { data, content: body } = article(content, "articles/gyyx/1235.md");
    expect(data).toMatchObject({
      title: "重点客户的分级方法",
      category: "gyyx",
      date: "2013-12-28 09:00:00",
      views: 120,
      author: "王明",
    });
    expect(body).toContain("分级的目的，是把有限的销售资源放在最值得的地方。");
  });

  it("decodes a Big5 page and reads the 您的位置 / 日期 / 閱讀 label variants", () => {
    const { data, content: body } = article(content, "articles/news/88.md");
    expect(data).toMatchObject({
      title: "本社遷址通知",
      category: "news",
      date: "2014-01-05",
      views: 56,
      author: "李文",
    });
    expect(body).toContain("本社自二〇一四年一月十日起遷至新址辦公");
  });

  it("reuses a category matched by name across scripts and adds the missing ones with ASCII slugs", () => {
    const registry = JSON.parse(readFileSync(path.join(content, "_data/categories.json"), "utf8"));
    expect(registry).toEqual([
      { slug: "research", name: "學術研究" },
      { slug: "news", name: "本社新聞" },
      { slug: "gyyx", name: "工業營銷", parent: "research" },
    ]);
  });

  it("converts the body with tables, copies images found in the mirror and reports missing ones", () => {
    const { content: body } = article(content, "articles/gyyx/1234.md");
    expect(body).toContain("| 分級 | 判斷依據 |");
    expect(body).toContain("![客戶分級示意](/media/uploads/allimg/131227/1-1.png)");
    expect(existsSync(path.join(content, "media/uploads/allimg/131227/1-1.png"))).toBe(true);
    expect(readFileSync(path.join(content, "_import/report.md"), "utf8")).toContain(
      "/xsyj/gyyx/2013/1227/1234.html: /uploads/allimg/131227/missing.jpg",
    );
  });

  it("rewrites links between imported articles to their new addresses and keeps outside links", () => {
    const { content: body } = article(content, "articles/gyyx/1234.md");
    expect(body).toContain("[續篇](/research/gyyx/1235/)");
    expect(body).toContain("[外部資料](https://example.org/kam)");
  });

  it("removes scripts, share widgets, tracking pixels and event handlers", () => {
    const { content: body } = article(content, "articles/gyyx/1234.md");
    for (const gone of ["document.write", "分享到微信", "count.php", "onclick", "上一篇", "下一篇"])
      expect(body).not.toContain(gone);
  });

  it("imports a hacked article cleaned, listing every sign of spam in the report", () => {
    const { data, content: body } = article(content, "articles/gyyx/1240.md");
    expect(data.title).toBe("重點客戶營銷的三個誤區");
    for (const word of SPAM) expect(body).not.toContain(word);
    const report = readFileSync(path.join(content, "_import/report.md"), "utf8");
    expect(report).toMatch(/1240\.html \(articles\/gyyx\/1240\.md\): injected <title> \(澳门葡京, 百家乐, 真人视讯\)/);
    expect(report).toContain("hidden block with 3 link(s)");
    expect(report).toContain("spam link (百家乐, 真人视讯): http://bet.example.com/");
  });

  it("reports old previous/next links that disagree with Wenku's order", () => {
    expect(readFileSync(path.join(content, "_import/report.md"), "utf8")).toContain(
      "/xsyj/gyyx/2013/1230/1240.html: the old site linked /xsyj/gyyx/2013/1227/1234.html, Wenku links /research/gyyx/1235/",
    );
  });

  it("leaves a content folder that npm run check passes", async () => {
    const loaded = await loadContent({ contentDir: content, drafts: true });
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles).toHaveLength(4);
  });
});

describe("--profile", () => {
  it("reads a template the built-in profiles do not know, with a profile file", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "wenku-profile-mirror-"));
    mkdirSync(path.join(root, "site/wz/2012"), { recursive: true });
    writeFileSync(
      path.join(root, "site/wz/2012/77.html"),
      `<html><head><meta charset="utf-8"><title>x</title></head><body>
<div class="weizhi"><a href="/">首頁</a> » <a href="/wz/">文摘</a></div>
<div class="wz-biaoti"><h1>標題在自訂的地方</h1></div>
<div class="wz-xinxi">2012-05-06 08:30 ｜ 人次 321</div>
<div class="wz-zhengwen"><p>正文也在自訂的地方，這一段寫得足夠長，不會被當成列表頁。</p><div class="guanggao">廣告位招租</div></div>
</body></html>`,
    );
    const profile = path.join(root, "profile.yaml");
    writeFileSync(
      profile,
      'extends: dedecms\nbreadcrumb: [".weizhi"]\ntitle: [".wz-biaoti h1"]\nmeta: [".wz-xinxi"]\nbody: [".wz-zhengwen"]\nremove: [".guanggao"]\nlabels:\n  views: ["人次"]\n',
    );
    const dir = fresh();
    await importApi(dir, path.join(root, "site"), { profile });
    const { data, content: body } = article(dir, "articles/wz/77.md");
    expect(data).toMatchObject({ title: "標題在自訂的地方", category: "wz", date: "2012-05-06 08:30:00", views: 321 });
    expect(body).toContain("正文也在自訂的地方");
    expect(body).not.toContain("廣告");
  }, 60_000);

  it("stops with the file and line of a mistake in the profile, writing nothing", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "wenku-profile-bad-"));
    const profile = path.join(root, "profile.yaml");
    writeFileSync(profile, 'title: [".t"]\nbodyy: [".b"]\n');
    const dir = fresh();
    const r = await importInto(dir, MIRROR, ["--profile", profile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${profile}:2  bodyy  unknown key`);
    expect(listFiles(dir)).toEqual(listFiles(path.join(fixture("legacy-mirror"), "content")));
  }, 60_000);
});

describe("pages a CMS served by query string", () => {
  it("are imported with the id from the query, and reported because no static host can answer their address; .asp pages are pages", async () => {
    const mirror = path.join(mkdtempSync(path.join(tmpdir(), "wenku-query-")), "site");
    cpSync(MIRROR, mirror, { recursive: true });
    const page = readFileSync(path.join(mirror, "news/2014/0105/88.html"));
    mkdirSync(path.join(mirror, "plus"), { recursive: true });
    writeFileSync(path.join(mirror, "plus/view.php?aid=1250.html"), page);
    // A page saved without .html (an .asp page kept as it was) is a page too.
    mkdirSync(path.join(mirror, "old"), { recursive: true });
    writeFileSync(path.join(mirror, "old/show.asp"), page);
    // DedeCMS serves each article at two addresses; wget saves both.
    cpSync(path.join(mirror, "xsyj/gyyx/2013/1227/1234.html"), path.join(mirror, "plus/view.php?aid=1234.html"));
    const dir = fresh();
    await importApi(dir, mirror);
    const { data } = article(dir, "articles/news/1250.md");
    expect(data.legacy_id).toBe(1250);
    expect(data.aliases).toBeUndefined();
    expect(readFileSync(path.join(dir, "_import/report.md"), "utf8")).toContain(
      "## Old addresses not kept (a query string or spaces: static hosts cannot answer them)\n\n- /plus/view.php?aid=1250.html",
    );
    expect(article(dir, "articles/news/show.md").data.aliases).toEqual(["/old/show.asp"]);
    // …and they are one article.
    expect(existsSync(path.join(dir, "articles/gyyx/1234-2.md"))).toBe(false);
    const report = readFileSync(path.join(dir, "_import/report.md"), "utf8");
    expect(report).toContain(
      "- /plus/view.php?aid=1234.html: the same article as /xsyj/gyyx/2013/1227/1234.html (id 1234), imported once under both addresses",
    );
  }, 60_000);
});

describe("addresses and repeats, in detail", () => {
  /** A copy of the fixture mirror, changed by `change`, imported into a fresh content folder. */
  async function importChanged(change: (mirror: string) => void, given: Given = {}, dir = fresh()) {
    const mirror = path.join(mkdtempSync(path.join(tmpdir(), "wenku-detail-")), "site");
    cpSync(MIRROR, mirror, { recursive: true });
    change(mirror);
    await importApi(dir, mirror, given);
    return { dir, mirror };
  }

  it("links to an article whose old address has parentheses, and keeps Chinese image names under --script", async () => {
    const { dir } = await importChanged(
      (mirror) => {
        cpSync(path.join(mirror, "news/2014/0105/88.html"), path.join(mirror, "news/2014/0105/notice(1).html"));
        mkdirSync(path.join(mirror, "uploads/圖片"), { recursive: true });
        cpSync(path.join(mirror, "uploads/allimg/131227/1-1.png"), path.join(mirror, "uploads/圖片/說明.png"));
        const file = path.join(mirror, "xsyj/gyyx/2013/1227/1234.html");
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace(
            "</table>",
            '</table><p><a href="/news/2014/0105/notice(1).html">通知</a><img src="/uploads/圖片/說明.png" alt="說明圖"></p>',
          ),
        );
      },
      { script: "zh-Hans" },
    );
    const { content: body } = article(dir, "articles/gyyx/1234.md");
    expect(body).toMatch(/\[通知\]\(\/news\/notice-1\/\)/);
    expect(body).toContain("![说明图](/media/uploads/圖片/說明.png)");
    expect(existsSync(path.join(dir, "media/uploads/圖片/說明.png"))).toBe(true);
  }, 60_000);

  it("decodes percent-encoded file names in the mirror", async () => {
    const { dir } = await importChanged((mirror) =>
      cpSync(path.join(mirror, "news/2014/0105/88.html"), path.join(mirror, "news/2014/0105/%E9%80%9A%E7%9F%A5.html")),
    );
    expect(article(dir, "articles/news/通知.md").data.aliases).toEqual(["/news/2014/0105/通知.html"]);
  }, 60_000);

  it("keeps views_as_of, and the higher count, when an article is updated from its source", async () => {
    const { dir, mirror } = await importChanged(() => {});
    const file = path.join(dir, "articles/gyyx/1234.md");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("views: 8290\n", "views: 9000\nviews_as_of: 2024-03-01T12:00:00+08:00\n"),
    );
    const page = path.join(mirror, "xsyj/gyyx/2013/1227/1234.html");
    writeFileSync(page, readFileSync(page, "utf8").replace("排名單", "排名單（修訂）"));
    expect((await importApi(dir, mirror)).written).toEqual([
      { url: "/xsyj/gyyx/2013/1227/1234.html", file: "articles/gyyx/1234.md", status: "updated" },
    ]);
    const { data, content: body } = article(dir, "articles/gyyx/1234.md");
    expect(data).toMatchObject({ views: 9000, views_as_of: "2024-03-01T12:00:00+08:00" });
    expect(body).toContain("排名單（修訂）");
  }, 60_000);

  it("keeps one article when the lead of two addresses changes between imports", async () => {
    const { dir, mirror } = await importChanged((m) => {
      mkdirSync(path.join(m, "plus"), { recursive: true });
      writeFileSync(path.join(m, "plus/view.php?aid=1250.html"), readFileSync(path.join(m, "news/2014/0105/88.html")));
    });
    mkdirSync(path.join(mirror, "a"), { recursive: true });
    cpSync(path.join(mirror, "plus/view.php?aid=1250.html"), path.join(mirror, "a/1250.html"));
    await importApi(dir, mirror);
    expect(existsSync(path.join(dir, "articles/news/1250-2.md"))).toBe(false);
    expect(article(dir, "articles/news/1250.md").data.aliases).toEqual(["/a/1250.html"]);
  }, 60_000);
});

describe("--script", () => {
  it("converts the imported text to the chosen script", async () => {
    const dir = fresh();
    const r = await importInto(dir, MIRROR, ["--script", "zh-Hans"]);
    expect(r.code, r.stderr).toBe(0);
    const { data, content: body } = article(dir, "articles/gyyx/1234.md");
    expect(data.title).toBe("重点客户管理的第一步");
    expect(body).toContain("做重点客户管理");
    expect(article(dir, "articles/news/88.md").data.title).toBe("本社迁址通知");
  }, 60_000);
});

describe("the built archive", () => {
  it("answers every old URL of an imported article with a page that leads to the new one", () => {
    for (const [old, now] of [
      ["/xsyj/gyyx/2013/1227/1234.html", "/research/gyyx/1234/"],
      ["/xsyj/gyyx/2013/1228/1235.html", "/research/gyyx/1235/"],
      ["/news/2014/0105/88.html", "/news/88/"],
    ] as const) {
      const $ = page(site.output, old);
      expect($('link[rel="canonical"]').attr("href"), old).toBe(`https://archive.example.org${encodeURI(now)}`);
      expect(existsSync(path.join(site.output, now, "index.html")), now).toBe(true);
    }
    expect(readFileSync(path.join(site.output, "_redirects"), "utf8")).toContain(
      "/xsyj/gyyx/2013/1227/1234.html /research/gyyx/1234/ 301",
    );
  });

  it("publishes the copied images", () => {
    expect(existsSync(path.join(site.output, "media/uploads/allimg/131227/1-1.png"))).toBe(true);
    expect(page(site.output, "/research/gyyx/1234/")('img[alt="客戶分級示意"]').attr("src")).toBe(
      "/media/uploads/allimg/131227/1-1.png",
    );
  });

  it("contains no spam text anywhere, and nothing from the quarantine", () => {
    for (const file of listFiles(site.output).filter(
      (f) => /\.(html|xml|json|txt)$/.test(f) && !f.startsWith("pagefind/") && !f.startsWith("search/"),
    )) {
      const text = readFileSync(path.join(site.output, file), "utf8");
      for (const word of SPAM) expect(text.includes(word), `${word} in ${file}`).toBe(false);
    }
    expect(listFiles(site.output).some((f) => f.includes("quarantine") || f.includes("view-999"))).toBe(false);
  });
});

describe("importing again", () => {
  it("changes nothing when the mirror has not changed", async () => {
    const before = readFileSync(path.join(content, "articles/gyyx/1234.md"), "utf8");
    const again = await importInto(content);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/7 pages → 0 new, 0 updated, 4 unchanged/);
    expect(readFileSync(path.join(content, "articles/gyyx/1234.md"), "utf8")).toBe(before);
  });

  it("updates a page that changed at the source, never one an author edited, and adds new pages", async () => {
    const dir = fresh();
    const mirror = path.join(mkdtempSync(path.join(tmpdir(), "wenku-mirror-")), "site");
    cpSync(MIRROR, mirror, { recursive: true });
    await importApi(dir, mirror);

    // An author edits one article; the source changes both that page and another one, and gains a page.
    const edited = path.join(dir, "articles/gyyx/1234.md");
    writeFileSync(edited, readFileSync(edited, "utf8").replace("第一步不是排名單", "第一步（作者修訂）不是排名單"));
    for (const rel of ["xsyj/gyyx/2013/1227/1234.html", "xsyj/gyyx/2013/1230/1240.html"]) {
      const file = path.join(mirror, rel);
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("這三點", "這三點（來源修訂）").replace("排名單", "排名單，"),
      );
    }
    cpSync(path.join(mirror, "news/2014/0105/88.html"), path.join(mirror, "news/2014/0105/89.html"));

    const r = await importInto(dir, mirror);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/8 pages → 1 new, 1 updated, 2 unchanged, 1 conflict\(s\)/);
    expect(readFileSync(edited, "utf8")).toContain("作者修訂");
    expect(article(dir, "articles/gyyx/1240.md").content).toContain("這三點（來源修訂）");
    expect(existsSync(path.join(dir, "articles/news/89.md"))).toBe(true);
    expect(readFileSync(path.join(dir, "_import/report.md"), "utf8")).toContain(
      "/xsyj/gyyx/2013/1227/1234.html (articles/gyyx/1234.md): edited since it was imported; kept as it is",
    );
  }, 60_000);

  it("never overwrites an article the author wrote, even one with the same file name", async () => {
    const dir = fresh();
    writeFileSync(
      path.join(dir, "_data/categories.json"),
      '[{ "slug": "research", "name": "學術研究" }, { "slug": "news", "name": "本社新聞" }]\n',
    );
    mkdirSync(path.join(dir, "articles/news"), { recursive: true });
    const own = "---\ntitle: 作者自己寫的\ncategory: news\ndate: 2020-01-01\n---\n自己的文章。\n";
    writeFileSync(path.join(dir, "articles/news/88.md"), own);
    await importApi(dir);
    expect(readFileSync(path.join(dir, "articles/news/88.md"), "utf8")).toBe(own);
    expect(article(dir, "articles/news/88-2.md").data.title).toBe("本社遷址通知");
  }, 60_000);

  it("writes nothing when the result would not pass the checks", async () => {
    const dir = fresh();
    const mirror = path.join(mkdtempSync(path.join(tmpdir(), "wenku-mirror-")), "site");
    cpSync(MIRROR, mirror, { recursive: true });
    // An article page at /research/index.html: its alias would overwrite the list page of "research".
    mkdirSync(path.join(mirror, "research"), { recursive: true });
    cpSync(path.join(mirror, "news/2014/0105/88.html"), path.join(mirror, "research/index.html"));
    const r = await importInto(dir, mirror);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /articles\/news\/index\.md:\d+:\d+ +aliases +the alias \/research\/index\.html is also written by the list page of category "research"/,
    );
    expect(r.stderr).toContain("nothing was written");
    // Only the report, which says why.
    expect(listFiles(dir)).toEqual(
      [...listFiles(path.join(fixture("legacy-mirror"), "content")), "_import/report.md"].sort(),
    );
  }, 60_000);
});

describe("a generated mirror of a legacy site (three templates, three encodings, hacked and spam pages)", () => {
  it("imports with zero loss: every article page becomes an article, lists are skipped and spam is quarantined", async () => {
    const mirror = generateMirror(300, "import-test");
    const root = mkdtempSync(path.join(tmpdir(), "wenku-gen-mirror-"));
    for (const [rel, bytes] of mirror.files) {
      mkdirSync(path.dirname(path.join(root, "site", rel)), { recursive: true });
      writeFileSync(path.join(root, "site", rel), bytes);
    }
    const dir = path.join(root, "content");
    mkdirSync(path.join(dir, "_data"), { recursive: true });
    writeFileSync(path.join(dir, "_data/site.json"), '{ "url": "https://mirror.example", "locale": "zh-Hant" }\n');
    writeFileSync(path.join(dir, "_data/categories.json"), "[]\n");

    const r = await importInto(dir, path.join(root, "site"));
    expect(r.code, r.stderr).toBe(0);
    const articles = mirror.articles.length + mirror.hacked.length;
    expect(r.stdout).toContain(
      `${mirror.files.size} pages → ${articles} new, 0 updated, 0 unchanged, 0 conflict(s), ${mirror.lists.length} skipped, ${mirror.spam.length} spam (quarantined), ${mirror.hacked.length} cleaned`,
    );

    const loaded = await loadContent({ contentDir: dir, drafts: true });
    expect(loaded.problems).toEqual([]);
    const aliases = new Set(loaded.articles.flatMap((a) => a.aliases));
    for (const url of [...mirror.articles, ...mirror.hacked]) expect(aliases.has(`/${url}`), url).toBe(true);
    for (const a of loaded.articles) {
      const text = readFileSync(a.file, "utf8");
      for (const word of SPAM) expect(text.includes(word), `${word} in ${a.file}`).toBe(false);
    }
    for (const url of mirror.spam) expect(existsSync(path.join(dir, "_import/quarantine", url)), url).toBe(true);
  }, 120_000);
});

describe("stock CMS templates, in detail (tests/fixtures/cms)", () => {
  const CMS = fixture("cms");
  /** A copy of one of the CMS mirrors, changed by `change`, imported with the library call (no --profile unless given). */
  async function importCms(
    cms: string,
    change: (mirror: string) => void = () => {},
    options: Partial<Parameters<typeof importLegacy>[0]> = {},
  ) {
    const root = mkdtempSync(path.join(tmpdir(), `wenku-cms-detail-${cms}-`));
    const mirror = path.join(root, "site");
    cpSync(path.join(CMS, cms, "site"), mirror, { recursive: true });
    change(mirror);
    const dir = path.join(root, "content");
    cpSync(path.join(CMS, "content"), dir, { recursive: true });
    const report = await importLegacy({ mirror, contentDir: dir, ...options });
    return { report, dir, text: readFileSync(path.join(dir, "_import/report.md"), "utf8") };
  }
  const SPLIT = "/a/xsyj/gyyx/2013/1227/125.html";

  it("joins a two-page DedeCMS article, says so, and names a page missing from the mirror", async () => {
    const whole = await importCms("dedecms57");
    expect(whole.text).toContain(
      `- /a/xsyj/gyyx/2013/1227/125_2.html: a later page of ${SPLIT}, joined into that article (kept as its old address)`,
    );
    expect(whole.text).toContain(`joined from 2 pages (${SPLIT}, /a/xsyj/gyyx/2013/1227/125_2.html)`);
    expect(whole.report.overview).toContain("Multi-page articles: 1 (1 later page(s) joined into their first page)");

    const gap = await importCms("dedecms57", (m) => rmSync(path.join(m, "a/xsyj/gyyx/2013/1227/125_2.html")));
    expect(gap.text).toContain("page 2 of 2 (/a/xsyj/gyyx/2013/1227/125_2.html) is not in the mirror");
    expect(article(gap.dir, "articles/gyyx/125.md").data.aliases).toEqual([SPLIT]);
  }, 60_000);

  /** A GBK page of the mirror changed by replacing ASCII text (read and written byte for byte). */
  const patch = (file: string, from: string, to: string) => {
    const bytes = readFileSync(file, "latin1");
    if (!bytes.includes(from)) throw new Error(`${file} has no ${from}`);
    writeFileSync(file, bytes.replace(from, to), "latin1");
  };

  it("keeps a joined later page as an old address when the article also has a twin address (/plus/view.php?aid=125)", async () => {
    const { report, dir, text } = await importCms("dedecms57", (m) =>
      cpSync(path.join(m, "a/xsyj/gyyx/2013/1227/125.html"), path.join(m, "plus/view.php?aid=125.html")),
    );
    expect(text).toContain(
      "- /plus/view.php?aid=125.html: the same article as /a/xsyj/gyyx/2013/1227/125.html (id 125), imported once under both addresses",
    );
    expect(text).toContain(
      `- /a/xsyj/gyyx/2013/1227/125_2.html: a later page of ${SPLIT}, joined into that article (kept as its old address)`,
    );
    // Both: the later page an alias, the twin an old address a static host cannot answer (so reported).
    expect(article(dir, "articles/gyyx/125.md").data.aliases).toEqual([SPLIT, "/a/xsyj/gyyx/2013/1227/125_2.html"]);
    expect(report.notKept).toContain("/plus/view.php?aid=125.html");
    expect(existsSync(path.join(dir, "articles/gyyx/125-2.md"))).toBe(false);
    // The joined article's own note stays with it.
    expect(report.notes.find((n) => n.url === SPLIT)?.notes).toContainEqual(
      `joined from 2 pages (${SPLIT}, /a/xsyj/gyyx/2013/1227/125_2.html)`,
    );
  }, 60_000);

  it("copies audio and video found in the mirror and reports those missing, as for images", async () => {
    const { dir, text } = await importCms("dedecms57", (m) => {
      mkdirSync(path.join(m, "uploads/media"), { recursive: true });
      writeFileSync(path.join(m, "uploads/media/talk.mp3"), "ID3 not really an mp3");
      writeFileSync(path.join(m, "uploads/media/clip.webm"), "not really a webm");
      patch(
        path.join(m, "a/xsyj/qdgl/2013/1220/124.html"),
        '<div class="content">',
        '<div class="content"><p><audio controls src="/uploads/media/talk.mp3"></audio></p><p><video controls src="/uploads/media/clip.webm"></video></p><p><audio controls src="/uploads/media/gone.m4a"></audio></p>',
      );
    });
    expect(existsSync(path.join(dir, "media/uploads/media/talk.mp3"))).toBe(true);
    expect(existsSync(path.join(dir, "media/uploads/media/clip.webm"))).toBe(true);
    const { content: body } = article(dir, "articles/qdgl/124.md");
    expect(body).toContain("(/media/uploads/media/talk.mp3)");
    expect(body).toContain("(/media/uploads/media/clip.webm)");
    expect(text).toContain("/a/xsyj/qdgl/2013/1220/124.html: /uploads/media/gone.m4a");
  }, 60_000);

  it("names the first few missing pages of a pager that promises 9,999 and counts the rest", async () => {
    const { report, text } = await importCms("dedecms57", (m) => {
      patch(
        path.join(m, "a/xsyj/gyyx/2013/1227/125.html"),
        "<li><a href='125_2.html'>",
        "<li><a href='125_9999.html'>9999</a></li><li><a href='125_2.html'>",
      );
      // Page 3 is in the mirror but is no article: its reason is named, looked up among the report's lines.
      writeFileSync(path.join(m, "a/xsyj/gyyx/2013/1227/125_3.html"), "<html><body><p>x</p></body></html>");
    });
    const notes = report.notes.find((n) => n.url === SPLIT)!.notes;
    const about = notes.filter((n) => /^page \d+ of 9999 |more page\(s\) of 9999/.test(n));
    expect(about).toEqual([
      "page 3 of 9999 (/a/xsyj/gyyx/2013/1227/125_3.html) was not imported: no article heading (h1 or the profile's title selectors)",
      "page 4 of 9999 (/a/xsyj/gyyx/2013/1227/125_4.html) is not in the mirror",
      "page 5 of 9999 (/a/xsyj/gyyx/2013/1227/125_5.html) is not in the mirror",
      "page 6 of 9999 (/a/xsyj/gyyx/2013/1227/125_6.html) is not in the mirror",
      "page 7 of 9999 (/a/xsyj/gyyx/2013/1227/125_7.html) is not in the mirror",
      "9992 more page(s) of 9999 missing (pages 8–9999, /a/xsyj/gyyx/2013/1227/125_8.html to /a/xsyj/gyyx/2013/1227/125_9999.html): 9992 not in the mirror",
    ]);
    expect(text).toContain(`joined from 2 pages (${SPLIT}, /a/xsyj/gyyx/2013/1227/125_2.html)`);
    expect(text).not.toContain("125_8.html) is not in the mirror");
  }, 60_000);

  it("reads views from the saved counter answers, and reports a page whose answer is missing or not a plain count", async () => {
    const { report, dir } = await importCms("dedecms57", (m) => {
      rmSync(path.join(m, "plus/count.php?view=yes&aid=121&mid=1"));
      writeFileSync(
        path.join(m, "plus/count.php?view=yes&aid=122&mid=1"),
        "document.write('642'); location.href='http://x.example/';",
      );
    });
    expect(article(dir, "articles/gyyx/125.md").data.views).toBe(8290);
    expect(report.overview).toContain(
      "Views: 4 read from the counter answers saved in the mirror (the pages print them by script)",
    );
    expect(report.overview.find((l) => l.includes("page(s) print their count by a script"))).toMatch(
      /^Views: 2 page\(s\) .*\/a\/xsyj\/gyyx\/2013\/1202\/121\.html, \/a\/xsyj\/gyyx\/2013\/1209\/122\.html$/,
    );
    expect(report.noViews).toEqual(
      expect.arrayContaining(["/a/xsyj/gyyx/2013/1202/121.html", "/a/xsyj/gyyx/2013/1209/122.html"]),
    );
  }, 60_000);

  it("says in the report which profile was detected and why, or that it was given", async () => {
    const detected = await importCms("phpcms9");
    expect(detected.text).toMatch(/Profile: phpcms \(detected from index\.php\?m=content on \d+ of \d+ sampled pages/);
    const given = await importCms("phpcms9", () => {}, { profile: BUILT_IN.dedecms! });
    expect(given.report.overview[0]).toBe("Profile: dedecms (given with --profile)");
  }, 60_000);

  it("learns the old site's host from links that lead into the mirror when no --host is given (PHPCMS links absolutely)", async () => {
    const { report, dir } = await importCms("phpcms9");
    expect(report.overview).toContainEqual(
      expect.stringMatching(/^Host: www\.hengshi\.example taken as the old site's own/),
    );
    expect(existsSync(path.join(dir, "media/uploadfile/2014/0310/20140310094512345.png"))).toBe(true);
  }, 60_000);
});

describe("a mirror no profile reads", () => {
  it("still gets a report: which fields were not found on how many pages, and which profile to try", async () => {
    const dir = fresh();
    await importApi(dir, path.join(fixture("cms"), "phpcms9/site"), { profile: "generic" });
    const report = readFileSync(path.join(dir, "_import/report.md"), "utf8");
    expect(report).toContain("Profile: generic (given with --profile)");
    expect(report).toMatch(
      /No page was read as an article with the generic profile: in a sample of 6 page\(s\) it did not find [^\n]*the date on 6/,
    );
    expect(report).toMatch(
      /Try --profile phpcms: it reads 4 of the 6 sampled page\(s\) as articles \(dedecms: 0, empirecms: 0\)/,
    );
  }, 60_000);

  it("is detected by default (--profile auto): the legacy fixture has too few fingerprints and is read with the generic profile", () => {
    expect(readFileSync(path.join(content, "_import/report.md"), "utf8")).toMatch(
      /Profile: generic \(no CMS's fingerprints on enough of 7 sampled page\(s\)/,
    );
  });
});

describe("--host", () => {
  it("takes www./bare and http/https spellings, and full addresses, as one host", async () => {
    expect(
      [
        "old.example",
        "www.old.example",
        "https://www.old.example/",
        "http://old.example:8080/x",
        "WWW.Old.Example.",
      ].map(hostKey),
    ).toEqual(Array(5).fill("old.example"));
    const mirror = path.join(mkdtempSync(path.join(tmpdir(), "wenku-hosts-")), "site");
    cpSync(MIRROR, mirror, { recursive: true });
    const file = path.join(mirror, "xsyj/gyyx/2013/1227/1234.html");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "</table>",
        '</table><p><a href="https://old.example/news/2014/0105/88.html">遷址</a> <a href="http://www.other.example/news/2014/0105/88.html">他站</a> <a href="//second.example/news/2014/0105/88.html">同站</a></p>',
      ),
    );
    const dir = fresh();
    await importApi(dir, mirror, { hosts: ["http://www.old.example", "second.example"] });
    const { content: body } = article(dir, "articles/gyyx/1234.md");
    expect(body).toContain("[遷址](/news/88/)");
    expect(body).toContain("[他站](http://www.other.example/news/2014/0105/88.html)");
    expect(body).toContain("[同站](/news/88/)");
  }, 60_000);
});

describe("an empty mirror folder", () => {
  it("gets a report that says no page was found", async () => {
    const mirror = mkdtempSync(path.join(tmpdir(), "wenku-empty-mirror-"));
    writeFileSync(path.join(mirror, "style.css"), "body{}");
    const dir = fresh();
    const report = await importLegacy({ mirror, contentDir: dir });
    expect(report.overview).toContain(
      `No page found in the mirror folder ${mirror}: nothing to import (is it the folder wget or HTTrack wrote?)`,
    );
    expect(readFileSync(path.join(dir, "_import/report.md"), "utf8")).toContain("No page found in the mirror folder");
  }, 60_000);
});
