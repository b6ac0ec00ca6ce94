// Writes the Pagefind search index for the article pages into `<site>/pagefind/`. The records come
// from the model and the Markdown bodies (records.ts), not from re-reading the built HTML: no page is
// parsed twice, and only article text is indexed (not menus, footers or list pages).
import MarkdownIt from "markdown-it";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { readBodies } from "../content/body.ts";
import type { ArticlePage } from "../site/model.ts";
import { plainText } from "./plain-text.ts";
import { searchRecord } from "./records.ts";

export interface SearchIndexResult {
  /** Articles indexed. */
  pages: number;
  /** Files the bundle holds, relative to the site folder. */
  files: string[];
  /** Their total size. */
  bytes: number;
}

/** Bodies are read in batches: only one batch of Markdown is in memory at a time. */
const BATCH = 256;
/**
 * At most this many fragment files (one per article otherwise); larger archives share them. Keeps
 * the file count within static hosts' limits (Cloudflare Pages: 20,000) at a small cost per result.
 */
const MAX_FRAGMENTS = 4000;
/** Pagefind writes its own UI bundles too; the search page uses only pagefind.js and its worker. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

export async function writeSearchIndex(pages: readonly ArticlePage[], md: MarkdownIt, language: string, siteDir: string, bundlePath: string): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language, maxFragments: MAX_FRAGMENTS });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    for (let start = 0; start < pages.length; start += BATCH) {
      const batch = pages.slice(start, start + BATCH);
      const bodies = await readBodies(batch.map((page) => page.bodyAt));
      const added = await Promise.all(batch.map((page, i) => index.addCustomRecord(searchRecord(page, plainText(md, bodies[i]!), language))));
      const failed = added.flatMap((r, i) => r.errors.map((e) => `${batch[i]!.file}: ${e}`));
      if (failed.length > 0) throw new Error(`Pagefind refused ${failed.length} article(s): ${failed.slice(0, 3).join("; ")}`);
    }
    const outputPath = path.join(siteDir, ...bundlePath.split("/").filter(Boolean));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    const kept: string[] = [];
    let bytes = 0;
    for (const entry of await readdir(outputPath, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (UNUSED.test(entry.name)) await rm(file, { force: true });
      else {
        kept.push(path.relative(siteDir, file).split(path.sep).join("/"));
        bytes += (await stat(file)).size;
      }
    }
    return { pages: pages.length, files: kept.sort(), bytes };
  } finally {
    await pagefind.close();
  }
}
