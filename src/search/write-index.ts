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
import { createHash, type Hash } from "node:crypto";
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
  // Stops the shards still queued or streaming when making the records fails, as well as on the caller's signal.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const jobs: Promise<void>[] = [];
  let failure: { error: unknown } | undefined; // the first shard that could not be indexed
  const start = (job: Promise<void>) => jobs.push(job.catch((error: unknown) => void (failure ??= { error })));

  // Shards follow the articles' order (oldest first), so adding articles changes only the last shard.
  // Records are made while Pagefind indexes: a shard with no counterpart in the previous site is streamed
  // to Pagefind as its records are made; one that may be reusable (known only once its hash is) is held
  // and, when complete, copied from the previous site or indexed.
  let shard: OpenShard | undefined;
  const finish = (open: OpenShard) => {
    const hash = open.hash.digest("hex").slice(0, 32);
    manifest.shards.push(`${open.index}/`);
    manifest.hashes.push(hash);
    if (open.feed) return open.feed.end();
    const { held, out, before } = open;
    start(
      (async () => {
        if (previous!.manifest.hashes[open.index] === hash && (await copied(before, out))) reused++;
        else {
          await rm(out, { recursive: true, force: true }); // a half-copied shard
          await indexShard(held, language, out, signal);
        }
      })(),
    );
  };
  try {
    for (let at = 0; at < pages.length; at += BATCH) {
      options.signal?.throwIfAborted();
      if (failure) throw failure.error;
      const batch = pages.slice(at, at + BATCH);
      const added = await Promise.all(
        batch.map(async (page) => searchRecord(page, plainText(md, await readBody(page.bodyAt)), language)),
      );
      for (let i = 0; i < added.length; i++) {
        shard ??= openShard(manifest.shards.length, bundleDir, language, previous, signal, start);
        shard.add(added[i]!, batch[i]!);
        if (shard.chars >= maxChars) {
          finish(shard);
          shard = undefined;
        }
      }
    }
    if (shard || manifest.shards.length === 0)
      finish(shard ?? openShard(0, bundleDir, language, previous, signal, start));
  } catch (error) {
    stop.abort(error);
    shard?.feed?.fail(error);
    await Promise.all(jobs);
    throw error;
  }
  await Promise.all(jobs);
  if (failure) throw failure.error;
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

type Item = readonly [SearchRecord, ArticlePage];

/** A shard whose records are being made: streamed to Pagefind (`feed`), or `held` for a possible reuse. */
interface OpenShard {
  index: number;
  /** Everything the shard's bundle depends on: its records, the language, Pagefind's version and settings. */
  hash: Hash;
  chars: number;
  feed?: Feed;
  held: Item[];
  out: string;
  before: string;
  add(record: SearchRecord, page: ArticlePage): void;
}

function openShard(
  index: number,
  bundleDir: string,
  language: string,
  previous: { dir: string; manifest: Manifest } | null,
  signal: AbortSignal,
  start: (job: Promise<void>) => void,
): OpenShard {
  const out = path.join(bundleDir, String(index));
  const before = path.join(previous?.dir ?? "", String(index));
  const mayReuse =
    previous !== null &&
    previous.manifest.hashes[index] !== undefined &&
    previous.manifest.shards[index] === `${index}/` &&
    existsSync(path.join(before, "pagefind-entry.json"));
  const feed = mayReuse ? undefined : new Feed();
  if (feed) start(rm(out, { recursive: true, force: true }).then(() => indexShard(feed, language, out, signal)));
  const shard: OpenShard = {
    index,
    hash: createHash("sha256").update(JSON.stringify([PAGEFIND_VERSION, MAX_FRAGMENTS, language])),
    chars: 0,
    ...(feed ? { feed } : {}),
    held: [],
    out,
    before,
    add(record, page) {
      shard.hash.update(JSON.stringify(record));
      shard.chars += record.content.length;
      if (feed) feed.push([record, page]);
      else shard.held.push([record, page]);
    },
  };
  return shard;
}

/** A copy of the previous site's shard; false when it could not be made. */
const copied = (before: string, out: string) =>
  cp(before, out, { recursive: true }).then(
    () => true,
    () => false,
  );

/** Records handed from the loop that makes them to the Pagefind run that indexes them, as they come. */
class Feed implements AsyncIterable<Item> {
  private items: Item[] = [];
  private ended = false;
  private failed: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  push(item: Item): void {
    this.items.push(item);
    this.notify();
  }
  end(): void {
    this.ended = true;
    this.notify();
  }
  fail(error: unknown): void {
    this.failed = { error };
    this.notify();
  }
  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for (;;) {
      if (this.failed) throw this.failed.error;
      if (this.items.length > 0) {
        const items = this.items;
        this.items = [];
        yield* items;
      } else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/**
 * Pagefind's Node API drives one backend process per Node process, and close() stops it for every
 * caller: so shards are indexed one at a time in a process, even by builds that run side by side
 * (two build() calls of the library, or the dev server's index beside a build).
 */
let pagefindQueue: Promise<unknown> = Promise.resolve();

/** One Pagefind run: the shard's records in (at most BATCH in flight), its bundle out; stopping Pagefind frees its memory. */
function indexShard(
  records: Iterable<Item> | AsyncIterable<Item>,
  language: string,
  outputPath: string,
  signal: AbortSignal,
): Promise<void> {
  const run = pagefindQueue.then(async () => {
    try {
      signal.throwIfAborted();
      const { index, errors } = await pagefind.createIndex({ forceLanguage: language, maxFragments: MAX_FRAGMENTS });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      let sent: { added: ReturnType<typeof index.addCustomRecord>; page: ArticlePage }[] = [];
      const settle = async () => {
        const added = await Promise.all(sent.map((s) => s.added));
        const failed = added.flatMap((r, i) => r.errors.map((e) => `${sent[i]!.page.file}: ${e}`));
        sent = [];
        if (failed.length > 0)
          throw new Error(`Pagefind refused ${failed.length} article(s): ${failed.slice(0, 3).join("; ")}`);
      };
      for await (const [record, page] of records) {
        signal.throwIfAborted();
        const added = index.addCustomRecord(record);
        added.catch(() => {}); // awaited by settle(); not unhandled if the run stops first
        sent.push({ added, page });
        if (sent.length >= BATCH) await settle();
      }
      await settle();
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
