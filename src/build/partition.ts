// Splitting a build: the pages are dealt into partitions, each rendered by its own Eleventy run, and
// the partitions are shared among worker processes (one per core). More cores → more speed; smaller
// partitions → bounded memory, because Eleventy keeps every page of a run in memory until it ends.
import type { SiteModel } from "../site/model.ts";

export interface Partition {
  /** 0-based; partition 0 also writes the site-wide pages (home, 404, feeds, sitemaps…) and assets. */
  index: number;
  count: number;
}

/**
 * Pages per partition at most: keeps one Eleventy run's memory bounded whatever the archive size.
 * Eleventy holds every page of a run until it ends; at 10,000 articles, partitions of 1,000 pages
 * brought the build's peak RSS from ~710 to ~520 MiB for no measurable CPU cost (each run's start-up
 * is small next to rendering 1,000 pages).
 */
export const MAX_PARTITION_PAGES = 1000;
/** Below this many pages, one process does it all: starting a worker costs more than it saves. */
export const MIN_PAGES_FOR_WORKERS = 2000;

export function parsePartition(text: string | undefined): Partition | null {
  const match = /^(\d+)\/(\d+)$/.exec(text ?? "");
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count > 0 && index < count ? { index, count } : null;
}

/**
 * How many workers and partitions for `pages` pages: one worker per core for large sites (exactly
 * `forceWorkers` if given), and partitions that divide evenly among the workers.
 */
export function plan(pages: number, cores: number, forceWorkers?: number, maxPages = MAX_PARTITION_PAGES): { workers: number; partitions: number } {
  const workers = forceWorkers ?? (pages < MIN_PAGES_FOR_WORKERS ? 1 : Math.max(1, cores));
  const rounds = Math.max(1, Math.ceil(pages / (workers * maxPages)));
  return { workers, partitions: workers * rounds };
}

/** The partitions worker `worker` renders, in order: every `workers`-th one. */
export function partitionsOf(worker: number, workers: number, partitions: number): number[] {
  const mine: number[] = [];
  for (let p = worker; p < partitions; p += workers) mine.push(p);
  return mine;
}

/**
 * The part of the model one partition renders: every `count`-th article and list page (dealt round
 * the partitions so each gets a similar mix), and the site-wide pages only in partition 0.
 */
export function partitionModel(model: SiteModel, { index, count }: Partition): SiteModel {
  if (count === 1) return model;
  const mine = <T>(_: T, i: number) => i % count === index;
  return Object.freeze({
    ...model,
    articlePages: model.articlePages.filter(mine),
    listPages: model.listPages.filter(mine),
    archivePages: model.archivePages.filter(mine),
    redirectPages: model.redirectPages.filter(mine),
    homePages: index === 0 ? model.homePages : [],
    notFoundPages: index === 0 ? model.notFoundPages : [],
    searchPages: index === 0 ? model.searchPages : [],
    filePages: index === 0 ? model.filePages : [],
  });
}

/**
 * What a worker needs of the model for its partitions: pages of other partitions are blanked (null)
 * but keep their positions, so partitionModel() deals out the same pages in the worker as here.
 */
export function shareOf(model: SiteModel, partitions: readonly number[], count: number): SiteModel {
  const mine = new Set(partitions);
  const keep = <T>(pages: readonly T[]) => pages.map((page, i) => (mine.has(i % count) ? page : null)) as T[];
  return {
    ...model,
    articlePages: keep(model.articlePages),
    listPages: keep(model.listPages),
    archivePages: keep(model.archivePages),
    redirectPages: keep(model.redirectPages),
    homePages: mine.has(0) ? model.homePages : [],
    notFoundPages: mine.has(0) ? model.notFoundPages : [],
    searchPages: mine.has(0) ? model.searchPages : [],
    filePages: mine.has(0) ? model.filePages : [],
  };
}

/**
 * V8 heap limits (MiB) for the build's main process and each worker. Without limits V8 lets a heap grow
 * far past its live data before collecting, and two processes of a 100,000-article build would pass
 * 3 GiB; with them the whole build stays under 2 GiB. Measured live data is ~2.5 KB per article in the
 * main process (the model) and ~3 KB per page a worker renders, plus ~250 MiB for one Eleventy run.
 */
export function heapLimits(articles: number, workers: number): { main: number; worker: number } {
  return {
    main: Math.max(1024, 384 + Math.ceil(articles * 0.0064)),
    worker: Math.max(512, 320 + Math.ceil((articles / Math.max(1, workers)) * 0.0064)),
  };
}
