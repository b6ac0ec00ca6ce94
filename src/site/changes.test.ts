import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSite } from "./load-site.ts";
import { pagesOf } from "./model.ts";
import { pageChanges } from "./changes.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../tests/fixtures/three-level");
const IM = "/research/marketing/industrial-marketing";

async function modelsAround(edit: (dir: string) => void) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-changes-")), "content");
  cpSync(FIXTURE, dir, { recursive: true });
  const before = (await checkSite({ contentDir: dir, drafts: false })).model;
  edit(dir);
  const after = (await checkSite({ contentDir: dir, drafts: false })).model;
  return { before, after };
}
const paths = (pages: readonly { path: string }[]) => pages.map((p) => p.path).sort();

describe("pageChanges", () => {
  it("writes every page on the first build", async () => {
    const { after } = await modelsAround(() => {});
    const changes = pageChanges(null, after);
    expect(changes.count).toBe(after.pages.length);
    expect(changes.write.pages).toEqual(after.pages);
    expect(pagesOf(after, "article").length).toBeGreaterThan(0);
    expect(changes.removed).toEqual([]);
  });

  it("writes nothing when nothing changed", async () => {
    const { before, after } = await modelsAround(() => {});
    expect(pageChanges(before, after).count).toBe(0);
  });

  it("rewrites an edited article's page, its neighbours, the lists that show it and the home page", async () => {
    const { before, after } = await modelsAround((dir) => {
      const file = path.join(dir, "articles/im/b-same.md");
      writeFileSync(file, readFileSync(file, "utf8").replace("title: B on the same day", "title: B, renamed"));
    });
    const changes = pageChanges(before, after);
    // b-same's own page, a-same / fourth whose prev/next links show its title, and first / newest whose
    // related articles (the same category, no tags) show it; no article of another category.
    expect(paths(pagesOf(changes.write, "article"))).toEqual(
      ["a-same", "b-same", "first", "fourth", "newest"].map((slug) => `${IM}/${slug}/`),
    );
    // It is listed on page 2 of its leaf and on the parents' pages that show it.
    expect(paths(pagesOf(changes.write, "list"))).toEqual(
      [`${IM}/page/2/`, "/research/marketing/page/3/", "/research/page/3/"].sort(),
    );
    expect(pagesOf(changes.write, "home")).toHaveLength(1);
    expect(pagesOf(changes.write, "not-found")).toHaveLength(0);
    expect(changes.removed).toEqual([]);
  });

  it("removes a deleted article's page", async () => {
    const { before, after } = await modelsAround((dir) => rmSync(path.join(dir, "articles/im/first.md")));
    const changes = pageChanges(before, after);
    expect(changes.removed).toContain(`${IM}/first/`);
    expect(changes.removed).toContain(`${IM}/page/3/`); // five articles became four: two pages
  });
});
