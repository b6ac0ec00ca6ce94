// Splitting a build: the pages are dealt into partitions, each rendered by its own Eleventy run, and
// the partitions are shared among worker processes (one per core). More cores → more speed; smaller
// partitions → bounded memory, because Eleventy keeps every page of a run in memory until it ends.

/**
 * Pages per partition at most: keeps one Eleventy run's memory bounded whatever the archive size.
 * Eleventy holds every page of a run until it ends; at 10,000 articles, partitions of 1,000 pages
 * brought the build's peak RSS from ~710 to ~520 MiB for no measurable CPU cost (each run's start-up
 * is small next to rendering 1,000 pages).
 */
export const MAX_PARTITION_PAGES = 1000;
/** Below this many pages, one process does it all: starting a worker costs more than it saves. */
export const MIN_PAGES_FOR_WORKERS = 2000;

/**
 * How many workers and partitions for `pages` pages: one worker per core for large sites (exactly
 * `forceWorkers` if given), and partitions that divide evenly among the workers.
 */
export function plan(
  pages: number,
  cores: number,
  forceWorkers?: number,
  maxPages = MAX_PARTITION_PAGES,
): { workers: number; partitions: number } {
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
