// Every page of every category list: its own and all descendants' articles, pinned ones first on page 1
// (marked), the rest newest first, with links to its child categories, a pager, and — when
// category.mostViewed is set — the category's most viewed articles on every page.
import type { Article } from "../../content/article.ts";
import type { Category } from "../../content/categories.ts";
import { categoryPath } from "../../content/permalink.ts";
import { fill } from "../../i18n/labels.ts";
import { listPageCount, listPageRange, pagerItems } from "../navigation.ts";
import type { ArticleEntry, PageBase, PageContext } from "./context.ts";
import type { PageKind } from "./kind.ts";

export interface PagerLink {
  kind: "page" | "gap";
  number: number;
  href: string;
  current: boolean;
}

export interface Pager {
  items: PagerLink[];
  first: string | null;
  prevPage: string | null;
  nextPage: string | null;
  last: string | null;
  status: string;
}

export interface ListPage extends PageBase {
  kind: "list";
  slug: string;
  name: string;
  description: string;
  pageNumber: number;
  totalPages: number;
  /** The page's articles; the pinned ones first, each a copy of its entry with `pinned`. */
  items: ArticleEntry[];
  /** The category's most viewed articles, its descendants' included; empty when category.mostViewed is 0. */
  mostViewed: ArticleEntry[];
  children: { text: string; href: string; countText: string }[];
  pager: Pager;
}

export const listKind: PageKind<ListPage> = {
  kind: "list",
  html: true,
  siteWide: false,
  claimRank: 4,
  owner: (page, ctx) => ({ what: `the list page of category "${page.slug}" in`, file: ctx.registryFile }),
  build: (ctx) => ctx.registry.all.flatMap((category) => categoryPages(ctx, category)),
};

function categoryPages(ctx: PageContext, category: Category): ListPage[] {
  const { config, registry, t, numberFormat, nav, link, head, withSite, entry, crumbsFor, categoryFeeds } = ctx;
  const shown = nav.shown.get(category.slug)!;
  const total = listPageCount(shown.items.length, shown.pinned, config.pageSize);
  const mostViewed = nav.mostViewed.get(category.slug)!.map(entry);
  const shownEntry = (a: Article, index: number): ArticleEntry =>
    index < shown.pinned ? { ...entry(a), pinned: true } : entry(a);
  const children = category.children.map((slug) => {
    const child = registry.bySlug.get(slug)!;
    return {
      text: child.name,
      href: link(categoryPath(child)),
      countText: fill(t.articleCount, { n: numberFormat.format(nav.lists.get(slug)!.length) }),
    };
  });
  return Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    const [start, end] = listPageRange(n, shown.pinned, config.pageSize);
    const crumbs = crumbsFor(category);
    crumbs[crumbs.length - 1] = { text: category.name, href: null };
    const path = categoryPath(category, n);
    const title = n === 1 ? category.name : `${category.name} · ${fill(t.pageN, { n })}`;
    return {
      kind: "list",
      path,
      head: head(withSite(title), category.description || config.tagline, path),
      section: category.path[0]!,
      breadcrumbs: crumbs,
      feeds: categoryFeeds(category),
      slug: category.slug,
      name: category.name,
      description: category.description,
      pageNumber: n,
      totalPages: total,
      items: shown.items.slice(start, end).map((a, i) => shownEntry(a, start + i)),
      mostViewed,
      children,
      pager: pager(n, total, (page) => link(categoryPath(category, page)), fill(t.pageOfTotal, { n, total })),
    };
  });
}

/** The pager of page `n` of `total` (category lists, tag pages). */
export function pager(n: number, total: number, pageHref: (n: number) => string, status: string): Pager {
  return {
    items: pagerItems(n, total).map((p) =>
      p.kind === "gap"
        ? { kind: "gap", number: 0, href: "", current: false }
        : { kind: "page", number: p.number, href: pageHref(p.number), current: p.current },
    ),
    first: n > 1 ? pageHref(1) : null,
    prevPage: n > 1 ? pageHref(n - 1) : null,
    nextPage: n < total ? pageHref(n + 1) : null,
    last: n < total ? pageHref(total) : null,
    status,
  };
}
