// What a dev-server rebuild must write: the pages whose view data changed since the last build, and
// the pages that no longer exist. Editing one article rewrites its page, its neighbours' pages and the
// list pages that show it — not the whole archive.
import { htmlPageCount, type SiteModel } from "../site/model.ts";

export interface PageChanges {
  /** A model holding only the pages to write (site-wide data unchanged). */
  write: SiteModel;
  /** Site paths of pages that are gone. */
  removed: string[];
  /** How many pages are written. */
  count: number;
}

/** Pages of `after` that differ from `before` (all of them when `before` is null or the site data changed). */
export function pageChanges(before: SiteModel | null, after: SiteModel): PageChanges {
  const everything = before === null || !samePage(before.site, after.site);
  const pick = <T extends { path: string }>(old: readonly T[] | undefined, now: readonly T[]) => {
    if (everything || !old) return [...now];
    const previous = new Map(old.map((page) => [page.path, page]));
    return now.filter((page) => {
      const was = previous.get(page.path);
      return !was || !samePage(was, page);
    });
  };
  const write: SiteModel = {
    ...after,
    articlePages: pick(before?.articlePages, after.articlePages),
    listPages: pick(before?.listPages, after.listPages),
    archivePages: pick(before?.archivePages, after.archivePages),
    redirectPages: pick(before?.redirectPages, after.redirectPages),
    homePages: pick(before?.homePages, after.homePages),
    notFoundPages: pick(before?.notFoundPages, after.notFoundPages),
    searchPages: pick(before?.searchPages, after.searchPages),
    filePages: pick(before?.filePages, after.filePages),
  };
  const all = (m: SiteModel) => [...m.articlePages, ...m.listPages, ...m.archivePages, ...m.redirectPages, ...m.filePages].map((p) => p.path);
  const nowPaths = new Set(all(after));
  const removed = before ? all(before).filter((p) => !nowPaths.has(p)) : [];
  return {
    write,
    removed,
    count: htmlPageCount(write) + write.filePages.length,
  };
}

/**
 * Structural equality that stops at shared objects: unchanged articles keep their list entries and
 * body strings across rebuilds (src/site/model.ts caches them), so most comparisons end at once.
 */
export function samePage(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePage(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (Array.isArray(b) || keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!samePage((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}
