import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadContent } from "../site/load-content.ts";
import { checkSite } from "../site/load-site.ts";
import { nearKey } from "../site/tag-duplicates.ts";
import { tagSlug } from "../site/tag-slug.ts";
import { BENCH_CATEGORIES, BENCH_LEAVES, BENCH_TAGS, fnv1a, generateArchive, mulberry32 } from "./generate.ts";

const articlesOf = (files: Map<string, string>) => [...files].filter(([file]) => file.startsWith("articles/"));

function frontMatter(text: string): Map<string, string> {
  const end = text.indexOf("\n---\n", 4);
  const out = new Map<string, string>();
  for (const line of text.slice(4, end).split("\n")) {
    const colon = line.indexOf(": ");
    out.set(line.slice(0, colon), line.slice(colon + 2));
  }
  return out;
}

describe("seeded randomness", () => {
  it("is a pure function of the seed", () => {
    const a = mulberry32(fnv1a("x:1"));
    const b = mulberry32(fnv1a("x:1"));
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(fnv1a("")).toBe(0x811c9dc5);
  });
});

describe("generateArchive", () => {
  const archive = generateArchive(1000, "1");
  const articles = articlesOf(archive.files);

  it("gives byte-identical files for the same count and seed", () => {
    const again = generateArchive(1000, "1");
    expect([...again.files.keys()]).toEqual([...archive.files.keys()]);
    for (const [file, text] of archive.files) expect(again.files.get(file)).toBe(text);
  });

  it("gives different articles for a different seed", () => {
    const other = articlesOf(generateArchive(1000, "2").files);
    expect(other.map(([, text]) => text)).not.toEqual(articles.map(([, text]) => text));
    const same = other.filter(([file, text], i) => articles[i]![0] === file && articles[i]![1] === text).length;
    expect(same).toBe(0);
  });

  it("makes article i independent of n", () => {
    const small = generateArchive(300, "bench");
    const large = generateArchive(3000, "bench");
    expect(articlesOf(small.files)).toHaveLength(300);
    for (const [file, text] of small.files) expect(large.files.get(file)).toBe(text);
  });

  it("names files articles/<leaf>/<6-digit id>.md, one per index", () => {
    expect(articles).toHaveLength(1000);
    const leaves = new Set(BENCH_LEAVES.map((l) => l.slug));
    const ids = articles.map(([file]) => {
      const m = /^articles\/([a-z0-9-]+)\/(\d{6})\.md$/.exec(file);
      expect(m, file).not.toBeNull();
      expect(leaves.has(m![1]!)).toBe(true);
      return Number(m![2]);
    });
    expect(ids).toEqual([...Array(1000).keys()]);
  });

  it("writes every required front-matter key, quoted where text may be hostile", () => {
    const dates: string[] = [];
    for (const [file, text] of articles) {
      const fm = frontMatter(text);
      expect([...fm.keys()].slice(0, 5), file).toEqual(["title", "category", "date", "views", "author"]);
      for (const key of fm.keys())
        expect(["title", "category", "date", "views", "author", "source", "summary", "tags"]).toContain(key);
      expect(typeof JSON.parse(fm.get("title")!)).toBe("string");
      expect(typeof JSON.parse(fm.get("author")!)).toBe("string");
      expect(file.split("/")[1]).toBe(fm.get("category"));
      expect(fm.get("date")).toMatch(/^20(0[5-9]|1\d|2[0-5])-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const views = Number(fm.get("views"));
      expect(Number.isInteger(views) && views >= 0 && views <= 60000).toBe(true);
      dates.push(fm.get("date")!);
    }
    const withSource = articles.filter(([, t]) => frontMatter(t).has("source")).length;
    const withSummary = articles.filter(([, t]) => frontMatter(t).has("summary")).length;
    expect(withSource).toBeGreaterThan(400);
    expect(withSource).toBeLessThan(600);
    expect(withSummary).toBeGreaterThan(120);
    expect(withSummary).toBeLessThan(280);
    const hostile = articles.filter(([, t]) => /[&<>"']/.test(JSON.parse(frontMatter(t).get("title")!))).length;
    expect(hostile).toBeGreaterThan(10);
  });

  it("gives articles 0 to 5 tags from the pool, each once, a few tags on many articles and most on few", () => {
    const uses = new Map<string, number>();
    const perArticle = articles.map(([, text]) => {
      const raw = frontMatter(text).get("tags");
      const tags: string[] = raw === undefined ? [] : JSON.parse(raw);
      expect(new Set(tags).size).toBe(tags.length);
      for (const tag of tags) {
        expect(BENCH_TAGS).toContain(tag);
        uses.set(tag, (uses.get(tag) ?? 0) + 1);
      }
      return tags.length;
    });
    expect(Math.min(...perArticle)).toBe(0);
    expect(Math.max(...perArticle)).toBe(5);
    expect(perArticle.filter((n) => n === 0).length).toBeGreaterThan(100);
    expect(perArticle.filter((n) => n === 0).length).toBeLessThan(250);
    const counts = [...uses.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(100);
    expect(counts.filter((n) => n <= 5).length).toBeGreaterThan(30);
    expect(uses.size).toBeGreaterThan(150);
    expect(articles.some(([, text]) => /^tags: .*[\u4e00-\u9fff]/m.test(text))).toBe(true);
    expect(articles.some(([, text]) => /^tags: .*"[a-z]/m.test(text))).toBe(true);
  });

  it("draws from a pool of 200 tags that are no near-duplicates of each other and have slugs of their own", () => {
    expect(BENCH_TAGS).toHaveLength(200);
    expect(new Set(BENCH_TAGS.map(nearKey)).size).toBe(200);
    expect(new Set(BENCH_TAGS.map(tagSlug)).size).toBe(200);
    expect(BENCH_TAGS.every((tag) => tagSlug(tag) !== "")).toBe(true);
  });

  it("makes category sizes uneven", () => {
    const counts = new Map<string, number>();
    for (const [file] of articles) counts.set(file.split("/")[1]!, (counts.get(file.split("/")[1]!) ?? 0) + 1);
    expect(counts.size).toBe(12);
    const sizes = [...counts.values()];
    expect(Math.max(...sizes)).toBeGreaterThan(3 * Math.min(...sizes));
  });

  it("has a three-level category tree with 3 top-level categories and 12 leaves", () => {
    expect(BENCH_CATEGORIES.filter((c) => !c.parent)).toHaveLength(3);
    expect(BENCH_LEAVES).toHaveLength(12);
    expect(Math.max(...BENCH_LEAVES.map((l) => l.path.length))).toBe(3);
  });

  it("gives some articles in one category the same timestamp", () => {
    const seen = new Set<string>();
    let shared = 0;
    for (const [file, text] of articles) {
      const key = `${file.split("/")[1]} ${frontMatter(text).get("date")}`;
      if (seen.has(key)) shared++;
      seen.add(key);
    }
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(40);
  });

  it("links only to earlier generated articles, at their URLs", () => {
    const urls = new Map<string, number>();
    articles.forEach(([file], i) => {
      const [, leaf, name] = file.split("/");
      const leafPath = BENCH_LEAVES.find((l) => l.slug === leaf)!.path;
      urls.set(`/${leafPath.join("/")}/${name!.slice(0, 6)}/`, i);
    });
    let internal = 0;
    articles.forEach(([, text], i) => {
      for (const m of text.matchAll(/\]\((\/[^)]*)\)/g)) {
        internal++;
        expect(urls.get(m[1]!), m[1]).toBeLessThan(i);
      }
    });
    expect(internal).toBeGreaterThan(100);
  });

  it("writes bodies of realistic length", () => {
    const lengths = articles.map(([, t]) => t.length - t.indexOf("\n---\n", 4) - 5).sort((a, b) => a - b);
    const median = lengths[lengths.length >> 1]!;
    expect(median).toBeGreaterThan(700);
    expect(median).toBeLessThan(1400);
  });

  it("writes a site config and registry Wenku expects", () => {
    const site = JSON.parse(archive.files.get("_data/site.json")!);
    expect(site).toMatchObject({
      url: "https://bench.example",
      locale: "zh-Hant",
      timeZone: "Asia/Shanghai",
      pageSize: 20,
    });
    const registry = JSON.parse(archive.files.get("_data/categories.json")!) as { slug: string }[];
    expect(registry.map((c) => c.slug)).toEqual(BENCH_CATEGORIES.map((c) => c.slug));
  });
});

describe("a generated archive on disk", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("loads without a single problem", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "wenku-bench-"));
    const { files } = generateArchive(200, "valid");
    for (const [file, text] of files) {
      const full = path.join(dir, file);
      await fs.mkdir(path.dirname(full), { recursive: true });
      await fs.writeFile(full, text);
    }
    const { problems, articles, registry, config } = await loadContent({ contentDir: dir, drafts: false });
    expect(problems).toEqual([]);
    // The site-wide checks too: no near-duplicate tags, no clashing tag pages.
    const site = await checkSite({ contentDir: dir, drafts: false });
    expect(site.problems).toEqual([]);
    expect(site.model.pages.some((p) => p.kind === "tag")).toBe(true);
    expect(articles).toHaveLength(200);
    expect(registry.all).toHaveLength(BENCH_CATEGORIES.length);
    expect(config.pageSize).toBe(20);
    // Titles survive the YAML round trip exactly.
    const byFile = new Map(articles.map((a) => [path.relative(dir!, a.file).split(path.sep).join("/"), a]));
    for (const [file, text] of files) {
      if (!file.startsWith("articles/")) continue;
      expect(byFile.get(file)?.title).toBe(JSON.parse(frontMatter(text).get("title")!));
    }
  });
});
