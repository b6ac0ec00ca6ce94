// A generated archive large enough to be split over two build workers: every article has its page,
// and prev/next and breadcrumbs on a sample agree with an independent recomputation from the sources.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { BENCH_CATEGORIES, generateArchive } from "../src/bench/generate.ts";
import { build, fileFor, page, type BuildResult } from "./helpers/build.ts";

const N = 2500;
const archive = generateArchive(N, "ci");
const content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-generated-")), "content");
let site: BuildResult;

interface Source {
  id: string;
  title: string;
  category: string;
  time: number;
}

// Straight from the files: front-matter read by the yaml package, dates as Beijing wall time.
const sources: Source[] = [...archive.files]
  .filter(([file]) => file.startsWith("articles/"))
  .map(([file, text]) => {
    const data = parse(text.split("\n---\n")[0]!.replace(/^---\n/, ""), { schema: "core" }) as Record<string, string>;
    const [date, time] = String(data.date).split(" ");
    return {
      id: path.basename(file, ".md"),
      title: data.title!,
      category: data.category!,
      time: Date.parse(`${date}T${time ?? "00:00:00"}+08:00`),
    };
  });
const parentOf = new Map(BENCH_CATEGORIES.map((c) => [c.slug, c.parent ?? null]));
const trail = (slug: string): string[] =>
  slug ? [...(parentOf.get(slug) ? trail(parentOf.get(slug)!) : []), slug] : [];
const url = (s: Source) => `/${trail(s.category).join("/")}/${s.id}/`;

beforeAll(async () => {
  for (const [file, text] of archive.files) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  site = await build(content, { args: ["--workers", "2"] });
  if (site.code !== 0) throw new Error(site.stderr);
}, 300_000);

describe(`a generated archive of ${N} articles, built by two workers`, () => {
  it("says it used two workers", () => {
    expect(site.stdout).toContain("(2 workers)");
  });

  it("has a page for every article, showing its title", () => {
    const missing = sources.filter((s) => !readFileSync(fileFor(site.output, url(s)), "utf8").includes("<h1>"));
    expect(missing).toEqual([]);
    for (const s of sources.slice(0, 300)) expect(page(site.output, url(s))("h1").text()).toBe(s.title);
  });

  it("links previous/next within the category by date then id, on a sample of 150 articles", () => {
    const byCategory = new Map<string, Source[]>();
    for (const s of sources) (byCategory.get(s.category) ?? byCategory.set(s.category, []).get(s.category)!).push(s);
    for (const list of byCategory.values()) list.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
    for (const s of sources.filter((_, i) => i % 17 === 0).slice(0, 150)) {
      const list = byCategory.get(s.category)!;
      const i = list.indexOf(s);
      const $ = page(site.output, url(s));
      expect($("a[rel=prev]").attr("href") ?? null, s.id).toBe(i > 0 ? encodeURI(url(list[i - 1]!)) : null);
      expect($("a[rel=next]").attr("href") ?? null, s.id).toBe(
        i < list.length - 1 ? encodeURI(url(list[i + 1]!)) : null,
      );
    }
  });

  it("shows breadcrumbs down the category tree, on a sample", () => {
    for (const s of sources.filter((_, i) => i % 97 === 0)) {
      const $ = page(site.output, url(s));
      const hrefs = $("nav.breadcrumbs a")
        .map((_, a) => $(a).attr("href"))
        .get();
      const chain = trail(s.category);
      expect(hrefs).toEqual(["/", ...chain.map((_, k) => `/${chain.slice(0, k + 1).join("/")}/`)]);
    }
  });
});
