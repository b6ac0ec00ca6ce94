// Content that old archives really contain: other encodings, odd line endings, colliding URLs, links
// that leave the folder, editor leftovers. Each is reported precisely or handled safely.
import { cpSync, mkdtempSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBody } from "../src/content/body.ts";
import { loadContent } from "../src/site/load-content.ts";
import { checkSite } from "../src/site/load-site.ts";
import { fixture } from "./helpers/build.ts";

const copyOf = (name: string) => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-safety-")), "content");
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
};
const rel = (dir: string, file: string) => path.relative(dir, file);

describe("encodings and line endings", async () => {
  const dir = fixture("encodings");
  const { articles, problems } = await loadContent({ contentDir: dir, drafts: false });

  it("reads a file with a BOM and CRLF line endings as if it had neither, also when its body is read again", async () => {
    const a = articles.find((x) => x.slug === "bom-crlf")!;
    expect(a.title).toBe("BOM and CRLF");
    expect(await readBody(a.bodyAt)).toBe("第一行\n第二行\n");
  });

  it("reads old Mac CR-only line endings", () => {
    expect(articles.find((x) => x.slug === "cr-only")!.title).toBe("Old Mac line endings");
  });

  it("reports a GBK file with its first bad line and an iconv hint", () => {
    const p = problems.find((x) => rel(dir, x.file) === "articles/gbk.md")!;
    expect(p.line).toBe(7);
    expect(p.found).toContain("not UTF-8");
    expect(p.expected).toContain("iconv -f GBK -t UTF-8");
  });

  it("reports a UTF-16 file on line 1", () => {
    const p = problems.find((x) => rel(dir, x.file) === "articles/utf16.md")!;
    expect(p.line).toBe(1);
    expect(p.found).toContain("not UTF-8");
  });

  it("reports only the two undecodable files", () => {
    expect(problems.map((p) => rel(dir, p.file)).sort()).toEqual(["articles/gbk.md", "articles/utf16.md"]);
  });
});

describe("URL collisions", async () => {
  const dir = fixture("collisions");
  const { problems } = await checkSite({ contentDir: dir, drafts: false });
  const about = (file: string) => problems.find((p) => rel(dir, p.file) === file);

  it("reports two articles whose slugs differ only in case, naming both files", () => {
    expect(about("articles/two/report.md")).toMatchObject({
      field: "slug",
      also: path.join(dir, "articles/one/Report.md"),
    });
    expect(about("articles/two/report.md")!.found).toContain("/news/report/");
  });

  it("reports two articles whose slugs differ only in Unicode normalisation (NFC and NFD é)", () => {
    expect(about("articles/two/cafe\u0301.md")).toMatchObject({
      field: "slug",
      also: path.join(dir, "articles/one/caf\u00e9.md"),
    });
  });

  it("reports an article that would overwrite a category list page", () => {
    expect(about("articles/one/marketing.md")!.found).toContain('the list page of category "marketing"');
  });

  it("reports a page inside /pagefind/, where the build writes the search index", () => {
    expect(about("articles/two/old-search.md")).toMatchObject({
      field: "aliases",
      line: 5,
      found: "the alias /pagefind/0/old.html is inside /pagefind/, which the site fills with its own files",
    });
  });

  it("reports nothing else", () => {
    expect(problems).toHaveLength(4);
  });
});

describe("files that are not articles", () => {
  it("ignores dotfiles and editor leftovers", async () => {
    const dir = copyOf("pagination");
    const junk = [".draft.md", ".#lock.md", "one-1.md~", "#one-1.md#", "one-1.md.swp", ".hidden/x.md"];
    mkdirSync(path.join(dir, "articles/.hidden"));
    for (const name of junk) writeFileSync(path.join(dir, "articles", name), "not front-matter at all");
    const { problems, articles } = await loadContent({ contentDir: dir, drafts: false });
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(8);
  });

  it("never follows a symbolic link out of the content folder, and says so", async () => {
    const dir = copyOf("pagination");
    const outside = mkdtempSync(path.join(tmpdir(), "wenku-outside-"));
    writeFileSync(
      path.join(outside, "secret.md"),
      "---\ntitle: Secret\ncategory: one\ndate: 2020-01-01\n---\nsecret\n",
    );
    symlinkSync(outside, path.join(dir, "articles/elsewhere"));
    symlinkSync(path.join(outside, "secret.md"), path.join(dir, "articles/secret.md"));
    const { problems, articles } = await loadContent({ contentDir: dir, drafts: false });
    expect(articles.some((a) => a.title === "Secret")).toBe(false);
    expect(problems.map((p) => path.basename(p.file)).sort()).toEqual(["elsewhere", "secret.md"]);
    expect(problems[0]!.found).toContain("outside the content folder");
  });

  it("follows a link inside the content folder once and survives a link loop", async () => {
    const dir = copyOf("pagination");
    symlinkSync(path.join(dir, "articles"), path.join(dir, "articles/loop"));
    mkdirSync(path.join(dir, "shared"));
    writeFileSync(
      path.join(dir, "shared/linked.md"),
      "---\ntitle: Linked\ncategory: one\ndate: 2020-02-01\n---\nvia a link\n",
    );
    symlinkSync(path.join(dir, "shared"), path.join(dir, "articles/shared"));
    const { problems, articles } = await loadContent({ contentDir: dir, drafts: false });
    expect(problems).toEqual([]);
    expect(articles.filter((a) => a.title === "Linked")).toHaveLength(1);
    expect(articles).toHaveLength(9);
  });
});
