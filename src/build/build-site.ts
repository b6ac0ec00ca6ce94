// A production build as one call: check the whole content folder (nothing is written if anything is
// wrong), render into a staging folder — split over one worker per core for large archives — while
// Pagefind indexes, then swap the staging folder in, so the previous site survives any failure.
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { listArticleFiles } from "../content/read-files.ts";
import { ContentError, describeError, WenkuError, type Problem } from "../content/problems.ts";
import { selectPublic } from "../files/public.ts";
import { discard, prepareStaging, recoverOutput, swapIn, SwapError } from "../files/atomic-output.ts";
import { indexSite, type SearchIndexResult } from "../search/write-index.ts";
import { outputFile } from "../content/permalink.ts";
import { htmlPageCount, pagesOf, type SiteModel } from "../site/model.ts";
import { dealPages } from "../site/partition.ts";
import { SEARCH_BUNDLE } from "../site/paths.ts";
import type { Host } from "../config/host.ts";
import { hostWarnings } from "./host-limits.ts";
import { heapLimits, partitionsOf, plan } from "./partition.ts";
import { markSite, refuseOutput } from "./paths.ts";
import { renderPartitions, type Rendered } from "./render.ts";
import { previousBundle, refuseCacheDir, saveBundle } from "./cache.ts";
import { readDeadLinkRecords, refuseSeoDir, seoFilesOf, writeSeoFiles, type SeoSummary } from "./seo-files.ts";
import { SiteBuild } from "./site-build.ts";
import type { SeoFile } from "../site/seo-move.ts";
import { startWorker, type Worker } from "./worker-pool.ts";

/** Said whenever there are 网站改版 pairs: Baidu's check follows each old address and wants a 301. */
export const MOVE_NEEDS_301 =
  "Baidu's 网站改版 check requests each old address of baidu-move-*.txt and fails unless it answers 301: Netlify and Cloudflare Pages send 301s from _redirects; GitHub Pages (and any host that ignores _redirects) serves the refresh pages with 200, and the check fails there";

/** The project itself: the build refuses to write into it (src/build/paths.ts). */
const PROJECT = path.resolve(import.meta.dirname, "../..");

export interface BuildOptions {
  /** The content folder (site config, registry, articles); absolute or relative to `cwd`. */
  content: string;
  /** The output folder; replaced whole by the new site. */
  output: string;
  /** Replace an output folder that holds other files than a site Wenku built (never the content, the project, home or system folders). */
  force?: boolean;
  /** Overrides the config's pathPrefix ("/archive/"). */
  pathPrefix?: string;
  /** false builds without search, whatever the config says. */
  search?: boolean;
  /** Exactly this many render processes; default one per core for archives of 2,000+ pages, else one. */
  workers?: number;
  /** The environment the build runs in, for `host: auto` (NETLIFY=true, CF_PAGES=1); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths are resolved against and messages' paths are relative to; default process.cwd(). */
  cwd?: string;
  /** Told what the build is doing, as it goes. */
  onProgress?: (progress: BuildProgress) => void;
  /** Told at once what became of a swap an earlier, killed build left half done (also in the result). */
  onRecovered?: (line: string) => void;
  /**
   * The folder for Baidu's move files (./seo-files.ts), outside the output and the content folder;
   * none are written without it. The command line gives .wenku/seo in the project.
   */
  seo?: string;
  /**
   * The build cache (./cache.ts), outside the output and the content folder: the search bundle is kept
   * there, so a build into a fresh output folder reuses its unchanged shards. The command line gives
   * .wenku/cache in the project (--no-cache: none).
   */
  cache?: string;
}

export interface BuildProgress {
  stage: "checking" | "rendering" | "indexing";
  articles: number;
  pagesWritten: number;
}

export interface BuildResult {
  /** The output folder, absolute. */
  output: string;
  articles: number;
  /** HTML pages (redirect pages included). */
  pages: number;
  /** Every file of the site, pages, search index, assets and media included. */
  files: number;
  bytes: number;
  redirects: number;
  /** The host whose rules `_redirects` holds, and why (src/config/host.ts). */
  host: Host;
  sitemaps: number;
  /** `from`: where the reused shards were copied from (the output's previous site or the cache). */
  search: { files: number; bytes: number; shards: number; reused: number; from: "output" | "cache" | null } | null;
  workers: number;
  /** What the owner should know (host limits, a swap that left a copy, media left out), one line each. */
  warnings: string[];
  /** What a swap an earlier, killed build left half done became, one line each. */
  recovered: string[];
  /** Baidu's move files written (when `seo` was given). */
  seo: SeoSummary | null;
}

/**
 * Builds the content folder into the output folder. Throws ContentError (every problem, nothing
 * written) or WenkuError: `refused` (an output folder that must not be replaced), `recovery` (an
 * earlier build's half-done swap could not be finished), `failed` (the output is unchanged, or the
 * message says where each copy is).
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const contentDir = path.resolve(cwd, options.content);
  const outputDir = path.resolve(cwd, options.output);
  const seoDir = options.seo === undefined ? null : path.resolve(cwd, options.seo);
  const cacheDir = options.cache === undefined ? null : path.resolve(cwd, options.cache);
  const refusal =
    refuseOutput(outputDir, contentDir, PROJECT, { force: options.force ?? false }) ??
    (seoDir ? refuseSeoDir(seoDir, outputDir, contentDir) : null) ??
    (cacheDir ? refuseCacheDir(cacheDir, outputDir, contentDir) : null);
  if (refusal) throw new WenkuError("refused", `refusing to build: ${refusal}.`);
  const recovered = await recover(outputDir);
  recovered.forEach((line) => options.onRecovered?.(line));

  // Large archives are rendered by one worker per core; the others start now, while this process reads.
  const listing = { files: [] as string[], problems: [] as Problem[] };
  listing.files = await listArticleFiles(path.join(contentDir, "articles"), contentDir, listing.problems);
  const { workers } = plan(listing.files.length, availableParallelism(), options.workers);
  const heap = heapLimits(listing.files.length, workers);
  const progress = { stage: "checking" as BuildProgress["stage"], articles: 0, pagesWritten: 0 };
  const tell = (change: Partial<BuildProgress>) => options.onProgress?.(Object.assign(progress, change));
  const pool = Array.from({ length: workers - 1 }, () =>
    startWorker(heap.worker, (files) => tell({ pagesWritten: progress.pagesWritten + files })),
  );
  tell({});

  const site = {
    contentDir,
    drafts: false,
    env: options.env ?? process.env,
    ...(options.pathPrefix !== undefined ? { pathPrefix: options.pathPrefix } : {}),
    ...(options.search === false ? { search: false } : {}),
  };
  const stopPool = (error: unknown): never => {
    pool.forEach((worker) => worker.stop());
    throw error;
  };
  const step = await new SiteBuild(site, { steps: "one" }).step(listing).catch(stopPool);
  const records = seoDir ? await readDeadLinkRecords(contentDir).catch(stopPool) : { paths: [], problems: [] };
  if (!step.ok || records.problems.length > 0)
    return stopPool(new ContentError([...(step.ok ? [] : step.problems), ...records.problems], step.fileCount));
  const { model, changes } = step; // a first step: every page changed
  // Made before anything is written: a line no file can hold stops the build here.
  const seo = seoDir
    ? await Promise.resolve()
        .then(() => seoFilesOf(model, step.config, records.paths))
        .catch(stopPool)
    : null;
  tell({ stage: "rendering", articles: pagesOf(model, "article").length });
  const written = await writeSite(
    changes.write,
    { contentDir, outputDir, cwd, workers, pool, force: options.force ?? false, cacheDir },
    tell,
  );
  if (cacheDir && written.search) written.warnings.push(...(await saveCache(outputDir, cacheDir, written.search)));
  const seoSummary = seoDir && seo ? await writeSeo(seoDir, seo, outputDir) : null;
  return summarise(model, written, { outputDir, workers, recovered, seo: seoSummary });
}

/** Baidu's files, once the site is in place: a failure here says the site was built. */
async function writeSeo(dir: string, files: readonly SeoFile[], outputDir: string): Promise<SeoSummary> {
  try {
    return await writeSeoFiles(dir, files);
  } catch (error) {
    throw new WenkuError(
      "failed",
      `the site was built into ${outputDir}, but Baidu's move files could not be written into ${dir}.\n${describeError(error)}`,
      { cause: error },
    );
  }
}

/** The site's search bundle into the cache; a failure only costs the next build its reuse, so it is a warning. */
async function saveCache(outputDir: string, cacheDir: string, search: SearchIndexResult): Promise<string[]> {
  const bundle = path.join(outputDir, ...SEARCH_BUNDLE.split("/").filter(Boolean));
  try {
    await mkdir(cacheDir, { recursive: true });
    await saveBundle(bundle, cacheDir, { fresh: search.reused < search.shards });
    return [];
  } catch (error) {
    return [
      `the search index could not be kept in the cache ${cacheDir} (the site is built).\n${describeError(error)}`,
    ];
  }
}

/** A swap a killed build left half done is finished first, so the output is whole even if this build fails. */
async function recover(outputDir: string): Promise<string[]> {
  try {
    return await recoverOutput(outputDir);
  } catch (error) {
    throw new WenkuError(
      "recovery",
      `could not finish the swap an earlier build left half done; nothing was written.\n${describeError(error)}`,
      { cause: error },
    );
  }
}

interface Written {
  rendered: Rendered;
  search: SearchIndexResult | null;
  /** Where the search index's reused shards came from. */
  searchFrom: "output" | "cache" | null;
  published: { files: number; bytes: number };
  /** Leftovers that could not be removed, a swap that kept a copy. */
  warnings: string[];
}

interface WriteContext {
  contentDir: string;
  outputDir: string;
  cwd: string;
  workers: number;
  pool: Worker[];
  force: boolean;
  cacheDir: string | null;
}

/** Renders into staging (workers and this process), indexes search alongside, checks, swaps in. */
async function writeSite(
  model: SiteModel,
  ctx: WriteContext,
  tell: (change: Partial<BuildProgress>) => void,
): Promise<Written> {
  const { partitions } = plan(htmlPageCount(model), ctx.workers, ctx.workers);
  const stagingWarnings: string[] = [];
  const staging = await prepareStaging(ctx.outputDir, (line) => stagingWarnings.push(line));
  const stopSearch = new AbortController();
  let searching: Promise<SearchIndexResult> | null = null;
  try {
    // Each process renders its partitions (every `workers`-th one); workers get only their pages.
    const dealt = dealPages(model.pages, partitions);
    const job = (worker: number) => ({
      site: model.site,
      parts: partitionsOf(worker, ctx.workers, partitions).map((index) => ({ index, pages: dealt[index]! })),
      contentDir: ctx.contentDir,
      staging,
      cwd: ctx.cwd,
    });
    await Promise.all(ctx.pool.map((worker, i) => worker.start(job(i + 1))));
    // Search is indexed while the pages render: Pagefind runs in its own process, on the core Eleventy
    // leaves idle while it writes files.
    const previous = previousBundle(
      path.join(ctx.outputDir, ...SEARCH_BUNDLE.split("/").filter(Boolean)),
      ctx.cacheDir,
    );
    searching =
      pagesOf(model, "search").length > 0
        ? indexSite(model, staging, { signal: stopSearch.signal, ...(previous ? { previous: previous.dir } : {}) })
        : null;
    searching?.catch(() => {}); // awaited below; a render failure must not leave it unhandled
    let pagesWritten = 0;
    const own = renderPartitions(job(0), (_, r) => tell({ pagesWritten: (pagesWritten += r.files.length) }));
    const results = await Promise.all([own, ...ctx.pool.map((worker) => worker.finished)]);
    const rendered = {
      files: results.flatMap((r) => r.files),
      bytes: results.reduce((sum, r) => sum + r.bytes, 0),
      warnings: results.flatMap((r) => r.warnings),
    };
    requireEveryArticle(model, rendered);
    tell({ stage: "indexing" });
    const search = searching ? await searching : null;
    // Copied files count toward hosts' limits too: the assets, the media and content/public/'s files.
    const publicFiles = (await selectPublic(ctx.contentDir)).files;
    const published = ["assets", "media"]
      .map((d) => folderSize(path.join(staging, d)))
      .concat({ files: publicFiles.length, bytes: publicFiles.reduce((n, f) => n + f.size, 0) })
      .reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }));
    markSite(staging);
    // Checked again: the output may have been replaced (by a link, say) while the pages rendered.
    const late = refuseOutput(ctx.outputDir, ctx.contentDir, PROJECT, { force: ctx.force });
    if (late) throw new Error(`refusing to replace it now: ${late}`);
    const swapped = await swapIn(staging, ctx.outputDir);
    return {
      rendered,
      search,
      searchFrom: search && search.reused > 0 ? (previous?.from ?? null) : null,
      published,
      warnings: [...stagingWarnings, ...(swapped.warning ? [swapped.warning] : [])],
    };
  } catch (error) {
    ctx.pool.forEach((worker) => worker.stop());
    stopSearch.abort();
    await searching?.catch(() => {}); // wait until Pagefind has stopped, so nothing is written after this
    await discard(staging); // kept when a half-done swap still needs it
    // The message says what became of the output: a swap that failed half-way says where each copy is.
    const state = error instanceof SwapError ? error.message : `${ctx.outputDir} is unchanged`;
    throw new WenkuError(
      "failed",
      `build failed, ${state}.\n${error instanceof SwapError ? "" : describeError(error)}`.trimEnd(),
      { cause: error },
    );
  }
}

/** No silent drop: every article in the model must have been written. */
function requireEveryArticle(model: SiteModel, rendered: Rendered): void {
  const files = new Set(rendered.files);
  const missing = pagesOf(model, "article").filter((page) => !files.has(outputFile(page.path)));
  if (missing.length > 0)
    throw new Error(
      `${missing.length} article(s) have no page, e.g. ${missing
        .slice(0, 3)
        .map((p) => p.file)
        .join(", ")}`,
    );
}

function summarise(
  model: SiteModel,
  written: Written,
  at: { outputDir: string; workers: number; recovered: string[]; seo: SeoSummary | null },
): BuildResult {
  const { rendered, search, published } = written;
  const redirects = pagesOf(model, "redirect").length;
  const files = rendered.files.length + (search?.files.length ?? 0) + published.files;
  const bytes = rendered.bytes + (search?.bytes ?? 0) + published.bytes;
  return {
    output: at.outputDir,
    articles: pagesOf(model, "article").length,
    pages: htmlPageCount(model),
    files,
    bytes,
    redirects,
    host: model.site.redirectsFor,
    sitemaps: pagesOf(model, "file").filter((f) => /^\/sitemap(-\d+)?\.xml$/.test(f.path)).length,
    search: search
      ? {
          files: search.files.length,
          bytes: search.bytes,
          shards: search.shards,
          reused: search.reused,
          from: written.searchFrom,
        }
      : null,
    workers: at.workers,
    warnings: [
      ...written.warnings,
      ...rendered.warnings,
      ...hostWarnings({ files, bytes, redirects, rulesFor: model.site.redirectsFor.name }),
      ...(at.seo && at.seo.pairs > 0 ? [MOVE_NEEDS_301] : []),
    ],
    recovered: at.recovered,
    seo: at.seo,
  };
}

function folderSize(dir: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return {
    files: entries.length,
    bytes: entries.reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0),
  };
}

/**
 * The V8 heap (MiB) the main process of a build of this content folder needs (src/build/partition.ts
 * heapLimits): the command line restarts itself with it when its own is smaller.
 */
export async function mainHeapFor(
  content: string,
  options: Pick<BuildOptions, "workers" | "cwd"> = {},
): Promise<number> {
  const contentDir = path.resolve(options.cwd ?? process.cwd(), content);
  const files = await listArticleFiles(path.join(contentDir, "articles"), contentDir, []);
  return heapLimits(files.length, plan(files.length, availableParallelism(), options.workers).workers).main;
}
