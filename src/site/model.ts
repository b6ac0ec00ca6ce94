// The site model: every page Wenku writes, as plain view data for the templates, in one list told apart
// by `kind` (each kind built by its module in src/site/pages/). Templates only show what is here; every
// link is already an href (path prefix added, percent-encoded).
import type { LoadedContent } from "./load-content.ts";
import type { Problem } from "../content/problems.ts";
import { findCollisions } from "./collisions.ts";
import { pageContext, type PageContext } from "./pages/context.ts";
import { PAGE_KINDS, pageKind, type Page, type PageKindName, type PageOf } from "./pages/index.ts";
import { ofKind } from "./pages/kind.ts";
import { siteView, type SiteView } from "./site-view.ts";

export interface SiteModel {
  site: SiteView;
  /** Every page and file, kind by kind in src/site/pages/index.ts order. */
  pages: readonly Page[];
  /** URL collisions and site-wide tag problems; the site is only buildable when this is empty. */
  problems: Problem[];
}

export function buildSiteModel(
  content: Pick<LoadedContent, "config" | "registry" | "articles"> &
    Partial<Pick<PageContext, "imageSizes" | "publicFiles" | "gonganIcon" | "images">>,
  registryFile = "categories.json",
): SiteModel {
  const ctx = pageContext({ ...content, registryFile });
  const pages: Page[] = [];
  for (const kind of PAGE_KINDS) for (const page of kind.build(ctx, pages)) pages.push(page);
  return { site: siteView(ctx), pages, problems: [...ctx.tags.problems, ...findCollisions(pages, ctx)] };
}

/** The model with other pages: a partition's share, a dev-server rebuild's changes. */
export function withPages(model: SiteModel, pages: readonly Page[]): SiteModel {
  return { site: model.site, pages, problems: model.problems };
}

const byKind = new WeakMap<readonly Page[], Map<PageKindName, readonly Page[]>>();

/** The pages of one kind, in model order (an index made once per list of pages). */
export function pagesOf<K extends PageKindName>(model: Pick<SiteModel, "pages">, kind: K): readonly PageOf<K>[] {
  let index = byKind.get(model.pages);
  if (!index) {
    index = new Map(PAGE_KINDS.map((k) => [k.kind, ofKind(model.pages, k.kind)]));
    byKind.set(model.pages, index);
  }
  return index.get(kind) as readonly PageOf<K>[];
}

/** HTML pages in a model (files such as feeds not counted). */
export function htmlPageCount(model: Pick<SiteModel, "pages">): number {
  let count = 0;
  for (const page of model.pages) if (pageKind(page.kind).html) count++;
  return count;
}
