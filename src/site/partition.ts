// Dealing a site model's pages into partitions (src/build/partition.ts plans how many): each partition
// is rendered by its own Eleventy run, and workers get only the pages of their partitions.
import type { SiteModel } from "./model.ts";

export interface Partition {
  /** 0-based; partition 0 also writes the site-wide pages (home, 404, feeds, sitemaps…) and assets. */
  index: number;
  count: number;
}

export function parsePartition(text: string | undefined): Partition | null {
  const match = /^(\d+)\/(\d+)$/.exec(text ?? "");
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count > 0 && index < count ? { index, count } : null;
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

