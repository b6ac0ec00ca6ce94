// Writes the Pagefind search index for the article pages into `<site>/pagefind/`. The records come
// from the model and the Markdown bodies (records.ts), not from re-reading the built HTML: no page is
// parsed twice, and only article text is indexed (not menus, footers or list pages).
//
// Pagefind holds a whole index in memory while it writes it, about 250 bytes per character of Chinese
// text (measured: 10,000 articles of ~1,000 characters peaked at 2.5 GB). So a large archive is indexed
// in shards of bounded text, one Pagefind process at a time, each written to its own bundle
// (`pagefind/0/`, `pagefind/1/`, …); `pagefind/shards.json` lists them and the search page merges them
// (Pagefind's mergeIndex). Most archives fit in one shard. Shards whose records are unchanged since
// the previous build are copied from the previous site instead of being indexed again.
import MarkdownIt from "markdown-it";
import { createHash } from "node:crypto";
import { cp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as pagefind from "pagefind";
import { readBody } from "../content/body.ts";
import { createMarkdown } from "../render/markdown.ts";
import { pagesOf, type SiteModel } from "../site/model.ts";
import type { ArticlePage } from "../site/pages/index.ts";
import { SEARCH_BUNDLE } from "../site/paths.ts";
import { webJson } from "../site/json.ts";
import { plainText } from "./plain-text.ts";
import { indexLanguage, searchRecord, type SearchRecord } from "./records.ts";

export interface SearchIndexOptions {
  /** Characters of indexed text per shard (bounds Pagefind's memory: ~750 MB at the default). */
  maxShardChars?: number;
  /** The bundle folder of the site being replaced: shards built from the same records are copied from it. */
  previous?: string;
  /** Stops between batches (the build aborts it when rendering fails); Pagefind is shut down either way. */
  signal?: AbortSignal;
}

export interface SearchIndexResult {
  /** Articles indexed. */
  pages: number;
  /** Bundles written (one per shard). */
  shards: number;
  /** Of those, copied unchanged from the previous site. */
  reused: number;
  /** Files written, relative to the site folder. */
  files: string[];
  /** Their total size. */
  bytes: number;
}

export const SHARDS_FILE = "shards.json";
// pagefind's package.json is not among its exports; it sits one folder above its entry module.
const PAGEFIND_VERSION = (
  JSON.parse(
    readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "../package.json"), "utf8"),
  ) as { version: string }
).version;
const MAX_SHARD_CHARS = 3_000_000;
/** Records in flight to Pagefind at once. */
const BATCH = 128;
/**
 * At most this many fragment files per shard (one per article otherwise); larger shards share them.
 * Keeps the file count within static hosts' limits (Cloudflare Pages: 20,000) at a small cost per result.
 */
const MAX_FRAGMENTS = 500;
/** Pagefind writes its own UI bundles too; the search page uses only pagefind.js and its worker. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** The index of every article of a site model, into `<siteDir>/pagefind/` (build and dev server). */
export function indexSite(
  model: SiteModel,
  siteDir: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  const language = indexLanguage(
    model.site.lang,
    pagesOf(model, "article").map((page) => page.entry.lang),
  );
  return writeSearchIndex(
    pagesOf(model, "article"),
    createMarkdown({ pathPrefix: model.site.pathPrefix }),
    language,
    siteDir,
    SEARCH_BUNDLE,
    options,
  );
}

export async function writeSearchIndex(
  pages: readonly ArticlePage[],
  md: MarkdownIt,
  language: string,
  siteDir: string,
  bundlePath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  const maxChars = options.maxShardChars ?? MAX_SHARD_CHARS;
  const bundleDir = path.join(siteDir, ...bundlePath.split("/").filter(Boolean));
  const previous = options.previous ? await readManifest(options.previous) : null;
  const manifest: Manifest = { shards: [], hashes: [] };
  let reused = 0;

  // Shards follow the articles' order (oldest first), so adding articles changes only the last shard.
  let records: SearchRecord[] = [];
  let shardPages: ArticlePage[] = [];
  let chars = 0;
  const flush = async () => {
    const i = manifest.shards.length;
    const dir = `${i}/`;
    const hash = shardHash(records, language);
    const out = path.join(bundleDir, String(i));
    const before = path.join(previous?.dir ?? "", String(i));
    const reusable =
      previous &&
      previous.manifest.hashes[i] === hash &&
      previous.manifest.shards[i] === dir &&
      existsSync(path.join(before, "pagefind-entry.json"));
    if (
      reusable &&
      (await cp(before, out, { recursive: true }).then(
        () => true,
        () => false,
      ))
    )
      reused++;
    else {
      await rm(out, { recursive: true, force: true }); // a half-copied shard
      await indexShard(records, shardPages, language, out, options.signal);
    }
    manifest.shards.push(dir);
    manifest.hashes.push(hash);
    records = [];
    shardPages = [];
    chars = 0;
  };
  for (let start = 0; start < pages.length; start += BATCH) {
    options.signal?.throwIfAborted();
    const batch = pages.slice(start, start + BATCH);
    const added = await Promise.all(
      batch.map(async (page) => searchRecord(page, plainText(md, await readBody(page.bodyAt)), language)),
    );
    for (let i = 0; i < added.length; i++) {
      records.push(added[i]!);
      shardPages.push(batch[i]!);
      chars += added[i]!.content.length;
      if (chars >= maxChars) await flush();
    }
  }
  if (records.length > 0 || manifest.shards.length === 0) await flush();
  await writeFile(path.join(bundleDir, SHARDS_FILE), `${webJson(manifest)}\n`);

  const files: string[] = [];
  let bytes = 0;
  for (const entry of await readdir(bundleDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (UNUSED.test(entry.name)) {
      await rm(file, { force: true });
      continue;
    }
    files.push(path.relative(siteDir, file).split(path.sep).join("/"));
    bytes += (await stat(file)).size;
  }
  return { pages: pages.length, shards: manifest.shards.length, reused, files: files.sort(), bytes };
}

/** `shards.json`: the bundles, for the search page, and what each was built from, for the next build. */
interface Manifest {
  shards: string[];
  hashes: string[];
}

async function readManifest(dir: string): Promise<{ dir: string; manifest: Manifest } | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, SHARDS_FILE), "utf8")) as Manifest;
    return Array.isArray(manifest.shards) && Array.isArray(manifest.hashes) ? { dir, manifest } : null;
  } catch {
    return null; // no previous site, or not one written by this version: index everything
  }
}

/** Everything a shard's bundle depends on: its records, the language, Pagefind's version and settings. */
function shardHash(records: readonly SearchRecord[], language: string): string {
  const hash = createHash("sha256").update(JSON.stringify([PAGEFIND_VERSION, MAX_FRAGMENTS, language]));
  for (const record of records) hash.update(JSON.stringify(record));
  return hash.digest("hex").slice(0, 32);
}

/**
 * Pagefind's Node API drives one backend process per Node process, and close() stops it for every
 * caller: so shards are indexed one at a time in a process, even by builds that run side by side
 * (two build() calls of the library, or the dev server's index beside a build).
 */
let pagefindQueue: Promise<unknown> = Promise.resolve();

/** One Pagefind run: the shard's records in, its bundle out; stopping Pagefind frees its memory. */
function indexShard(
  records: readonly SearchRecord[],
  pages: readonly ArticlePage[],
  language: string,
  outputPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const run = pagefindQueue.then(async () => {
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: language, maxFragments: MAX_FRAGMENTS });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      for (let start = 0; start < records.length; start += BATCH) {
        signal?.throwIfAborted();
        const batch = records.slice(start, start + BATCH);
        const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
        const failed = added.flatMap((r, i) => r.errors.map((e) => `${pages[start + i]!.file}: ${e}`));
        if (failed.length > 0)
          throw new Error(`Pagefind refused ${failed.length} article(s): ${failed.slice(0, 3).join("; ")}`);
      }
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0)
        throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    } finally {
      await pagefind.close();
    }
  });
  pagefindQueue = run.catch(() => {});
  return run;
}
