// What a dev-server rebuild must write: the pages whose view data changed since the last build, and
// the pages that no longer exist. Editing one article rewrites its page, its neighbours' pages and the
// list pages that show it — not the whole archive.
import type { SiteModel } from "../site/model.ts";

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
  const everything = before === null || JSON.stringify(before.site) !== JSON.stringify(after.site);
  const pick = <T extends { path: string }>(old: readonly T[] | undefined, now: readonly T[]) => {
    if (everything || !old) return [...now];
    const previous = new Map(old.map((page) => [page.path, JSON.stringify(page)]));
    return now.filter((page) => previous.get(page.path) !== JSON.stringify(page));
  };
  const write: SiteModel = {
    ...after,
    articlePages: pick(before?.articlePages, after.articlePages),
    listPages: pick(before?.listPages, after.listPages),
    homePages: pick(before?.homePages, after.homePages),
    headersPages: pick(before?.headersPages, after.headersPages),
  };
  const nowPaths = new Set([...after.articlePages, ...after.listPages, ...after.homePages].map((p) => p.path));
  const removed = before ? [...before.articlePages, ...before.listPages].map((p) => p.path).filter((p) => !nowPaths.has(p)) : [];
  return {
    write,
    removed,
    count: write.articlePages.length + write.listPages.length + write.homePages.length + write.headersPages.length,
  };
}
