import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkOverlay, displayPath, stage } from "./overlay-check.ts";
import { pagesOf } from "../site/model.ts";

const article = (title: string, slug?: string) =>
  `---\ntitle: ${title}\ncategory: research\ndate: 2020-01-01\n${slug ? `slug: ${slug}\n` : ""}---\n正文。\n`;

function content() {
  const root = mkdtempSync(path.join(tmpdir(), "wenku-overlay-"));
  const dir = path.join(root, "content");
  mkdirSync(path.join(dir, "_data"), { recursive: true });
  mkdirSync(path.join(dir, "articles/research"), { recursive: true });
  writeFileSync(path.join(dir, "_data/site.json"), '{ "locale": "en" }\n');
  writeFileSync(path.join(dir, "_data/categories.json"), '[{ "slug": "research", "name": "Research" }]\n');
  writeFileSync(path.join(dir, "articles/research/old.md"), article("Old"));
  writeFileSync(path.join(dir, "articles/research/kept.md"), article("Kept"));
  const staging = path.join(root, "staging");
  mkdirSync(staging);
  return { dir, staging };
}

describe("checkOverlay", () => {
  it("sees the content folder with the staged articles and data files in place of its own, and writes nothing into it", async () => {
    const { dir, staging } = content();
    const overlay = {
      contentDir: dir,
      staging,
      data: new Map([
        ["categories.json", '[{ "slug": "research", "name": "Research" }, { "slug": "news", "name": "News" }]\n'],
      ]),
      articles: new Map([
        ["articles/research/old.md", article("Old, changed")],
        ["articles/news/new.md", article("New").replace("category: research", "category: news")],
      ]),
    };
    await stage(overlay);
    const check = await checkOverlay(overlay);
    expect(check.problems).toEqual([]);
    const pages = pagesOf(check.model, "article")
      .map((p) => [displayPath(overlay, p.file), p.entry.title])
      .sort();
    expect(pages).toEqual([
      ["articles/news/new.md", "New"],
      ["articles/research/kept.md", "Kept"],
      ["articles/research/old.md", "Old, changed"],
    ]);
    expect(readFileSync(path.join(dir, "articles/research/old.md"), "utf8")).toBe(article("Old"));
    expect(readFileSync(path.join(dir, "_data/categories.json"), "utf8")).not.toContain("news");
    expect(existsSync(path.join(dir, "articles/news"))).toBe(false);
    // Only the data files are staged; the articles are read from memory.
    expect(readdirSync(staging)).toEqual(["_data"]);
  });

  it("finds a collision between a staged article and one of the content folder's", async () => {
    const { dir, staging } = content();
    const overlay = {
      contentDir: dir,
      staging,
      data: new Map(),
      articles: new Map([["articles/research/other.md", article("Other", "kept")]]),
    };
    await stage(overlay);
    const check = await checkOverlay(overlay);
    expect(check.problems.map((p) => `${displayPath(overlay, p.file)} ${p.field}`)).toEqual([
      "articles/research/other.md slug",
    ]);
  });
});
