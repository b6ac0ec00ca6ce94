// `npm run import -- legacy-html` on mirrors of the stock article templates of DedeCMS 5.7 (GBK), an older
// DedeCMS (5.1), PHPCMS v9 and EmpireCMS (GBK), as wget saves them (tests/fixtures/cms, see its README):
// material nobody here wrote the markup of. Each is imported as a user imports it — no --profile (the
// importer must recognise the CMS and say which profile it used), the old host given with --host — then
// built, and every article is checked in its front-matter and on its built page: title (never the
// site's name or slogan), date, views (from the mirror's saved counter answers), source, author,
// category chain (never 主页/首页), a clean body (no layout-table pipes, editor stamp, counter script,
// pager or previous/next block) and every old address. The expected values come from the generator's
// data (expected.json), not from running the importer.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Expected } from "./fixtures/cms/make.ts";
import { build, fileFor, fixture, page, type BuildResult } from "./helpers/build.ts";
import { npmRun, type CommandResult } from "./helpers/npm.ts";

const CMS = fixture("cms");
/** Words of the templates around the article, which no article of these sites contains. */
const TEMPLATE_WORDS = [
  "上一篇",
  "下一篇",
  "上一页",
  "下一页",
  "共2页",
  "责任编辑",
  "顶一下",
  "来顶一下",
  "返回首页",
  "相关热词搜索",
  "分享到",
  "收藏",
  "打印",
  "点击：",
  "点击:",
  "分隔线",
];
const SCRIPT_TRACES = ["document.write", "<script", "count.php", "api.php", "ViewClick", "onclick", "$('#hits')"];

interface Imported {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** Every article file of a content folder, read as Wenku reads it (YAML 1.2, dates stay text). */
function readArticles(content: string): Imported[] {
  const dir = path.join(content, "articles");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => {
      const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path.join(dir, f), "utf8"))!;
      return { file: f, data: parse(frontMatter!) as Record<string, unknown>, body: body! };
    });
}

interface RegistryEntry {
  slug: string;
  name: string;
  parent?: string;
}

/** The category chain of a slug, root first, as entries of the registry. */
function chainOf(registry: RegistryEntry[], slug: string): RegistryEntry[] {
  const entry = registry.find((c) => c.slug === slug);
  if (!entry) return [];
  return entry.parent ? [...chainOf(registry, entry.parent), entry] : [entry];
}

/** "2013-12-27 10:30" as the page printed it → its ISO start, "2013-12-27T10:30". */
const isoStart = (printed: string) => printed.replace(" ", "T");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.each(["dedecms57", "dedecms51", "phpcms9", "empirecms"])("importing the stock %s template", (cms) => {
  const expected = JSON.parse(readFileSync(path.join(CMS, cms, "expected.json"), "utf8")) as Expected;
  let content: string;
  let run: CommandResult;
  let report: string;
  let imported: Imported[];
  let registry: RegistryEntry[];
  let site: BuildResult;

  beforeAll(async () => {
    content = path.join(mkdtempSync(path.join(tmpdir(), `wenku-cms-${cms}-`)), "content");
    cpSync(path.join(CMS, "content"), content, { recursive: true });
    run = await npmRun([
      "import",
      "--",
      "legacy-html",
      path.join(CMS, cms, "site"),
      "--content",
      content,
      "--host",
      expected.host,
    ]);
    const reportFile = path.join(content, "_import/report.md");
    report = existsSync(reportFile) ? readFileSync(reportFile, "utf8") : "";
    imported = run.code === 0 ? readArticles(content) : [];
    registry =
      run.code === 0
        ? (JSON.parse(readFileSync(path.join(content, "_data/categories.json"), "utf8")) as RegistryEntry[])
        : [];
    site =
      run.code === 0
        ? await build(content)
        : { output: "", code: -1, stdout: "", stderr: "not built: the import failed" };
  }, 180_000);

  /** The imported article of an expected one, found by its old id. */
  const find = (id: number) => {
    const found = imported.filter((a) => a.data.legacy_id === id);
    expect(
      found.map((a) => a.file),
      `one article for id ${id}`,
    ).toHaveLength(1);
    return found[0]!;
  };
  /** Its address on the built site: /<category chain>/<file name>/. */
  const urlOf = (a: Imported) =>
    `/${chainOf(registry, String(a.data.category))
      .map((c) => c.slug)
      .join("/")}/${path.basename(a.file, ".md")}/`;

  it("imports without --profile, writes a report and names the profile it detected", () => {
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(report).not.toBe("");
    expect(report).toMatch(new RegExp(`profile[^\\n]*\\b${expected.profile}\\b`, "i"));
  });

  it("makes one article of every article (a split one included), finds no spam on a clean site, and accounts for every page", () => {
    expect(imported.map((a) => a.data.legacy_id).sort()).toEqual(expected.articles.map((a) => a.id).sort());
    const pages = expected.articles.flatMap((a) => a.addresses).length + expected.lists.length;
    const summary =
      /(\d+) pages → (\d+) new, \d+ updated, \d+ unchanged, \d+ conflict\(s\), (\d+) skipped, (\d+) spam \(quarantined\), (\d+) cleaned/.exec(
        run.stdout,
      );
    expect(summary, run.stdout).not.toBeNull();
    const [, read, written, skipped, spam, cleaned] = summary!.map(Number);
    expect({ read, written, spam, cleaned }).toEqual({
      read: pages,
      written: expected.articles.length,
      spam: 0,
      cleaned: 0,
    });
    expect(written! + skipped! + spam!).toBe(pages);
    for (const list of expected.lists) expect(report, list).toContain(list);
  });

  for (const want of expected.articles) {
    describe(`article ${want.id} (${want.title})`, () => {
      it("has the article's own title, never the site's name or slogan", () => {
        const { data } = find(want.id);
        expect(data.title).toBe(want.title);
        for (const not of expected.notTitles) expect(data.title).not.toContain(not);
      });

      it("has the date as the page printed it, the views from the saved counter answer, the source and the author", () => {
        const { data } = find(want.id);
        expect(String(data.date)).toMatch(new RegExp(`^${escape(want.date)}(:00)?$`));
        // null: the template prints no view count (EmpireCMS: the only ViewClick script is the digg count).
        if (want.views === null) expect(data.views ?? 0).toBe(0);
        else expect(data.views).toBe(want.views);
        expect(data.source).toBe(want.source);
        if (want.summary === null) expect(data.summary).toBeUndefined();
        else expect(data.summary).toBe(want.summary);
        if (want.author === null) expect(data.author).toBeUndefined();
        else expect(data.author).toBe(want.author);
      });

      it("sits in the category chain of the breadcrumb, without the home link", () => {
        const { data } = find(want.id);
        expect(chainOf(registry, String(data.category)).map((c) => c.name)).toEqual(want.chain);
        for (const home of ["主页", "首页"]) expect(registry.map((c) => c.name)).not.toContain(home);
      });

      it("keeps every old address (all pages of a split article), or reports one a static host cannot answer", () => {
        const { data } = find(want.id);
        const aliases = (data.aliases as string[] | undefined) ?? [];
        for (const address of want.addresses) {
          if (address.includes("?")) expect(report, address).toContain(address);
          else expect(aliases, address).toContain(address);
        }
      });

      it("has a clean body: every paragraph once and in order, nothing of the template around it", () => {
        const { body } = find(want.id);
        let from = 0;
        for (const p of want.paragraphs) {
          const at = body.indexOf(p, from);
          expect(at, `paragraph in order: ${p}`).toBeGreaterThanOrEqual(0);
          from = at + p.length;
          // The DedeCMS description block (.intro) repeats the first words outside the body: not twice.
          expect(body.split(p).length - 1, `paragraph once: ${p}`).toBe(1);
        }
        expect(body).not.toMatch(/^\s*\|/m); // a layout table turned into a Markdown table
        expect(body).not.toContain("| --- |");
        for (const word of [...TEMPLATE_WORDS, ...SCRIPT_TRACES, ...expected.notTitles])
          expect(body, word).not.toContain(word);
        // The neighbours' titles come only from the previous/next block and the side lists.
        for (const other of expected.articles)
          if (other.id !== want.id) expect(body, other.title).not.toContain(other.title);
        expect(body).not.toContain(want.title);
      });

      if (want.image) {
        it("copies the image the body shows and points the body at the copy", () => {
          const { body } = find(want.id);
          expect(body).toContain(`](/media${want.image})`);
          expect(existsSync(path.join(content, "media", want.image!))).toBe(true);
        });
      }

      it("is built into a page with its title, date, views, source, breadcrumb and body, and a page at each old address", () => {
        expect(site.code, site.stderr).toBe(0);
        const article = find(want.id);
        const url = urlOf(article);
        const $ = page(site.output, url);
        expect($("main h1").text().trim()).toBe(want.title);
        expect($("p.article-meta time").attr("datetime")).toMatch(new RegExp(`^${escape(isoStart(want.date))}`));
        const meta = $("p.article-meta").text().replace(/\s+/g, " ");
        if (want.views !== null) expect(meta).toContain(new Intl.NumberFormat("zh-Hans").format(want.views));
        expect(meta).toContain(want.source);
        const crumbs = $("nav.breadcrumbs ol li")
          .map((_, li) => $(li).text().trim())
          .get();
        expect(crumbs.slice(1)).toEqual([...want.chain, want.title]);
        const text = $("div.article-body").text();
        for (const p of want.paragraphs) expect(text).toContain(p);
        expect(text).not.toContain("|");
        for (const word of [...TEMPLATE_WORDS, ...expected.notTitles]) expect(text, word).not.toContain(word);
        for (const address of want.addresses.filter((a) => !a.includes("?"))) {
          const redirect = fileFor(site.output, address);
          expect(existsSync(redirect), address).toBe(true);
          expect(readFileSync(redirect, "utf8")).toContain(url);
        }
      });
    });
  }
});
