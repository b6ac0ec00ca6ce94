// npm run build [-- --content DIR] [--output DIR] [--force] [--path-prefix /archive/] [--no-search] [--workers N] [--quiet]
// Validates the whole content folder first and writes nothing if anything is wrong; otherwise renders
// into a staging folder — split over one worker per core for large archives — and swaps it in, so the
// previous site survives any failure. The output folder is checked first (src/build/paths.ts): never
// the content, the project, home or system folders, nor a folder of other files unless --force.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { getHeapStatistics } from "node:v8";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { discard, prepareStaging, recoverOutput, swapIn, SwapError, type SwapResult } from "../src/files/atomic-output.ts";
import { hostWarnings } from "../src/build/host-limits.ts";
import { heapLimits, partitionsOf, plan } from "../src/build/partition.ts";
import { shareOf } from "../src/site/partition.ts";
import { markSite, refuseOutput, userPath } from "../src/build/paths.ts";
import { formatBytes, progress, seconds } from "../src/cli/progress.ts";
import { renderPartitions, setSiteEnvironment, type Rendered } from "../src/build/render.ts";
import { startWorker } from "../src/build/worker-pool.ts";
import { listArticleFiles } from "../src/content/read-files.ts";
import { describeError, problemLines, relativeTo } from "../src/cli/report.ts";
import { ContentError, summary, type Problem } from "../src/content/problems.ts";
import { loadSite, type SiteOptions } from "../src/site/load-site.ts";
import { htmlPageCount, SEARCH_BUNDLE, type SiteModel } from "../src/site/model.ts";
import { indexSite, type SearchIndexResult } from "../src/search/write-index.ts";
import { outputFile } from "../src/content/permalink.ts";
import { fail, parseCommand } from "../src/cli/command.ts";

const PROJECT = path.resolve(import.meta.dirname, "..");
const started = performance.now();

const USAGE =
  "usage: npm run build [-- --content DIR] [--output DIR] [--force] [--path-prefix /archive/] [--no-search] [--workers N] [--quiet]\n" +
  "  --force  replace an output folder that holds other files than a site Wenku built (never the content, the project, home or system folders)";
const { values } = parseCommand("build", USAGE, {
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    force: { type: "boolean", default: false },
    "path-prefix": { type: "string" },
    "no-search": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    workers: { type: "string" },
  },
});
const contentDir = userPath(values.content!);
const outputDir = userPath(values.output!);
const show = progress(process.stderr, started, () => performance.now());
let written = 0;
let search: SearchIndexResult | null = null;
let searching: Promise<SearchIndexResult> | null = null;
let indexing = false;
const stopSearch = new AbortController();

const refusal = refuseOutput(outputDir, contentDir, PROJECT, { force: values.force });
if (refusal) fail(`wenku: refusing to build: ${refusal}.`);
// A swap a killed build left half done is finished now, so the output is whole even if this build fails.
try {
  for (const message of await recoverOutput(outputDir)) console.error(`wenku: ${message}`);
} catch (error) {
  fail(`wenku: could not finish the swap an earlier build left half done; nothing was written.\n${describeError(error)}`);
}

// .eleventy.ts reads these, in this process and in the workers; the model is reused, never re-read.
const siteOptions: SiteOptions = { contentDir, drafts: false, pathPrefix: values["path-prefix"], ...(values["no-search"] ? { search: false } : {}) };
setSiteEnvironment(siteOptions);

// Large archives are rendered by one worker per core; the others start now, while this one reads.
const forced = values.workers ? Math.max(1, Math.floor(Number(values.workers)) || 1) : undefined;
const listing = { files: [] as string[], problems: [] as Problem[] };
listing.files = await listArticleFiles(path.join(contentDir, "articles"), contentDir, listing.problems);
const articleFiles = listing.files.length;
const { workers } = plan(articleFiles, availableParallelism(), forced);
const heap = heapLimits(articleFiles, workers);
// package.json starts this process with a 1 GiB heap; an archive that needs more gets a restart with it.
if (getHeapStatistics().heap_size_limit < heap.main * 1024 * 1024 * 0.95) {
  console.error(`wenku: ${articleFiles} articles need a ${heap.main} MiB heap; restarting with it`);
  const restarted = spawnSync(process.execPath, [`--max-old-space-size=${heap.main}`, ...process.execArgv.filter((a) => !a.startsWith("--max-old-space-size")), ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(restarted.status ?? 1);
}
const pool = Array.from({ length: workers - 1 }, () => startWorker(PROJECT, heap.worker, (files) => report(files)));

show.step("reading and checking content");
let model: SiteModel | undefined;
try {
  // The listing is reused, not walked again; the workers get the model, never the listing.
  model = await loadSite({ ...siteOptions, listing });
} catch (error) {
  show.done();
  pool.forEach((worker) => worker.stop());
  if (!(error instanceof ContentError)) throw error;
  for (const line of problemLines(relativeTo(process.env.INIT_CWD ?? process.cwd(), error.problems))) console.error(line);
  fail(`wenku: ${summary(error.problems, error.fileCount)}; nothing was written.`);
}

process.chdir(PROJECT);
const pages = htmlPageCount(model);
const { partitions } = plan(pages, workers, workers);
report(0);

const staging = await prepareStaging(outputDir);
let rendered: Rendered;
let swapped: SwapResult;
let published = { files: 0, bytes: 0 };
try {
  // Workers get only the pages of their partitions.
  await Promise.all(
    pool.map((worker, i) => {
      const mine = partitionsOf(i + 1, workers, partitions);
      return worker.start({ site: siteOptions, model: shareOf(model, mine, partitions), staging, partitions: mine, count: partitions });
    }),
  );
  // Search is indexed while the pages render: Pagefind runs in its own process, on the core Eleventy
  // leaves idle while it writes files.
  const previous = path.join(outputDir, ...SEARCH_BUNDLE.split("/").filter(Boolean));
  searching = model.searchPages.length > 0 ? indexSite(model, staging, { signal: stopSearch.signal, previous }) : null;
  searching?.catch(() => {}); // awaited below; a render failure must not leave it unhandled
  const own = renderPartitions({ staging, partitions: partitionsOf(0, workers, partitions), count: partitions }, (_, r) => report(r.files.length));
  const results = await Promise.all([own, ...pool.map((worker) => worker.finished)]);
  rendered = { files: results.flatMap((r) => r.files), bytes: results.reduce((sum, r) => sum + r.bytes, 0) };

  // No silent drop: every article in the model must have been written.
  const files = new Set(rendered.files);
  const missing = model.articlePages.filter((page) => !files.has(outputFile(page.path)));
  if (missing.length > 0) throw new Error(`${missing.length} article(s) have no page, e.g. ${missing.slice(0, 3).map((p) => p.file).join(", ")}`);

  if (searching) {
    indexing = true;
    report(0);
    search = await searching;
  }
  // Copied files count toward hosts' limits too: the assets, and the media that were published.
  published = ["assets", "media"].map((d) => folderSize(path.join(staging, d))).reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }));
  markSite(staging);
  // Checked again: the output may have been replaced (by a link, say) while the pages rendered.
  const late = refuseOutput(outputDir, contentDir, PROJECT, { force: values.force });
  if (late) throw new Error(`refusing to replace it now: ${late}`);
  swapped = await swapIn(staging, outputDir);
} catch (error) {
  show.done();
  pool.forEach((worker) => worker.stop());
  stopSearch.abort();
  await searching?.catch(() => {}); // wait until Pagefind has stopped, so nothing is written after this
  await discard(staging); // kept when a half-done swap still needs it
  // The message says what became of the output: a swap that failed half-way says where each copy is.
  const state = error instanceof SwapError ? error.message : `${outputDir} is unchanged`;
  fail(`wenku: build failed, ${state}.\n${error instanceof SwapError ? "" : describeError(error)}`.trimEnd());
}
show.done();
if (swapped.warning) console.error(`wenku: warning: ${swapped.warning}`);

const redirects = model.redirectPages.length;
const sitemaps = model.filePages.filter((f) => /^\/sitemap(-\d+)?\.xml$/.test(f.path)).length;
const files = rendered.files.length + (search?.files.length ?? 0) + published.files;
const bytes = rendered.bytes + (search?.bytes ?? 0) + published.bytes;
if (!values.quiet) {
  const where = path.relative(process.env.INIT_CWD ?? PROJECT, outputDir) || ".";
  console.log(
    `wenku: ${model.articlePages.length} articles, ${pages} pages, ${files} files, ${formatBytes(bytes)}, ` +
      `${redirects} redirects, ${sitemaps} sitemap file(s), ` +
      (search ? `search index ${search.files.length} files ${formatBytes(search.bytes)} (${search.shards} shard(s), ${search.reused} unchanged)` : "no search") +
      ` → ${where} in ${seconds(performance.now() - started)}` +
      (workers > 1 ? ` (${workers} workers)` : ""),
  );
}
for (const warning of hostWarnings({ files, bytes, redirects })) console.error(`wenku: warning: ${warning}`);

/** Progress: pages written so far, by this process and the workers. */
function report(files: number) {
  written += files;
  const pagesDone = `${model?.articlePages.length} articles checked · ${written} pages written`;
  show.step(!model ? "reading and checking content" : indexing ? `${pagesDone} · finishing the search index` : pagesDone);
}

function folderSize(dir: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return { files: entries.length, bytes: entries.reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0) };
}

