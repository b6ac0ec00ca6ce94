// What a page kind is to the rest of the build: one module per kind (src/site/pages/<kind>.ts) exports
// one of these, and src/site/pages/index.ts lists them. Its template is templates/_includes/pages/<kind>.njk.
import type { PageContext } from "./context.ts";
import type { Page, PageOf } from "./index.ts";

/** Who writes a page, for URL-collision messages ("the article" in posts/a.md). */
export interface Owner {
  what: string;
  file?: string;
  /** The field a collision of its page is reported on (default "slug"), and what to do about it. */
  field?: string;
  fix?: string;
}

export interface PageKind<P extends Page> {
  kind: P["kind"];
  /** An HTML page (counted as one); false for files such as feeds and sitemaps. */
  html: boolean;
  /** Written once, by the render run with the site-wide files (partition 0), instead of being dealt round the partitions. */
  siteWide: boolean;
  /**
   * When its URLs are claimed in the collision check (lower first): of two pages on one file the later
   * one is reported, so pages the owner can rename (articles, aliases) come after the site's own.
   */
  claimRank: number;
  /** This kind's pages; `earlier` holds the pages of the kinds built before it (src/site/pages/index.ts order). */
  build(ctx: PageContext, earlier: readonly Page[]): P[];
  owner(page: P, ctx: PageContext): Owner;
}

/** The pages of one kind, in order. */
export function ofKind<K extends Page["kind"]>(pages: readonly Page[], kind: K): PageOf<K>[] {
  return pages.filter((page): page is PageOf<K> => page.kind === kind);
}
