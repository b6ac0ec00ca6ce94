// Import items written by hand for the import core's own tests (tests/import-safety, -concurrency):
// the same ImportItem a source adapter makes, from a plain description, so a test (or a child process
// it kills) can run applyImport on exactly the items it needs.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  applyImport,
  emptyReport,
  hash,
  type ApplyOptions,
  type ImportItem,
  type ImportReport,
} from "../../src/import/apply.ts";

export interface ItemSpec {
  key: string;
  title: string;
  /** Category names from the top. */
  trail: string[];
  date?: string;
  views?: number | null;
  /** Body text; a change is a change at the source. */
  text: string;
  /** Keys of other items this one links to. */
  links?: string[];
  /** Files below the source folder shown as images ("uploads/a.png"), published at /media/uploads/a.png. */
  images?: string[];
}

export function makeItem(spec: ItemSpec, sourceDir: string): ImportItem {
  const body = `<p>${spec.text}</p>${(spec.links ?? []).map((k) => `<p><a href="${k}">link</a></p>`).join("")}${(spec.images ?? []).map((i) => `<p><img src="/${i}" alt="${i}"></p>`).join("")}`;
  return {
    key: spec.key,
    sourceHash: hash(JSON.stringify(spec)),
    title: spec.title,
    date: spec.date ?? "2013-12-27 10:30:07",
    views: spec.views === undefined ? 10 : spec.views,
    author: "",
    source: "",
    trail: spec.trail.map((name) => ({ name, slug: "" })),
    slug: path.posix.basename(spec.key).replace(/\.html$/, ""),
    bodyHtml: body,
    target: (href) => {
      if ((spec.links ?? []).includes(href)) return { kind: "article", key: href };
      const rel = href.replace(/^\//, "");
      if ((spec.images ?? []).includes(rel))
        return { kind: "file", from: path.join(sourceDir, rel), sitePath: `/${rel}` };
      return { kind: "keep", href };
    },
    signs: [],
  };
}

/** Runs the import core on `specs` as a source adapter would (one page per item). */
export function importSpecs(
  specs: ItemSpec[],
  contentDir: string,
  sourceDir: string,
  extra: Partial<ApplyOptions> = {},
): Promise<ImportReport> {
  const report = emptyReport();
  report.pages = specs.length;
  return applyImport(
    specs.map((s) => makeItem(s, sourceDir)),
    { contentDir, source: "test", ...extra },
    report,
  );
}

/** A content folder with a site config, one category and one article of the author's own. */
export function newContent(): { root: string; content: string; source: string } {
  const root = mkdtempSync(path.join(tmpdir(), "wenku-import-core-"));
  const content = path.join(root, "content");
  mkdirSync(path.join(content, "_data"), { recursive: true });
  mkdirSync(path.join(content, "articles/research"), { recursive: true });
  writeFileSync(
    path.join(content, "_data/site.json"),
    '{ "url": "https://archive.example.org", "locale": "zh-Hant" }\n',
  );
  writeFileSync(path.join(content, "_data/categories.json"), '[{ "slug": "research", "name": "研究" }]\n');
  writeFileSync(path.join(content, "articles/research/own.md"), OWN);
  const source = path.join(root, "source");
  mkdirSync(path.join(source, "uploads"), { recursive: true });
  return { root, content, source };
}

/** The author's own article in newContent(). */
export const OWN = "---\ntitle: 作者自己的文章\ncategory: research\ndate: 2020-01-01\n---\n自己寫的。\n";
