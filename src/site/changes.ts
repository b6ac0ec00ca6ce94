// What a rebuild must write (src/build/site-build.ts): the pages whose view data changed since the last build, and
// the pages that no longer exist. Editing one article rewrites its page, its neighbours' pages and the
// list pages that show it — not the whole archive.
import { withPages, type SiteModel } from "./model.ts";
import type { Page } from "./pages/index.ts";

export interface PageChanges {
  /** A model holding only the pages to write (site-wide data unchanged). */
  write: SiteModel;
  /** Site paths of pages that are gone. */
  removed: string[];
  /** How many pages and files are written. */
  count: number;
}

/** Pages of `after` that differ from `before` (all of them when `before` is null or the site data changed). */
export function pageChanges(before: SiteModel | null, after: SiteModel): PageChanges {
  const key = (page: Page) => `${page.kind}\n${page.path}`;
  const everything = before === null || !samePage(before.site, after.site);
  const previous = new Map(everything ? [] : before.pages.map((page) => [key(page), page]));
  const write = everything
    ? after.pages
    : after.pages.filter((page) => {
        const was = previous.get(key(page));
        return !was || !samePage(was, page);
      });
  const now = new Set(after.pages.map((page) => page.path));
  const removed = before ? before.pages.map((page) => page.path).filter((path) => !now.has(path)) : [];
  return { write: withPages(after, write), removed, count: write.length };
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
  for (const key of keys)
    if (!samePage((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}
