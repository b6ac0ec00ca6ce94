// Every page of every category list: its own and all descendants' articles, newest first, with links to
// its child categories and a pager.
import type { Category } from "../../content/categories.ts";
import { categoryPath } from "../../content/permalink.ts";
import { fill } from "../../i18n/labels.ts";
import { pageCount, pagerItems } from "../navigation.ts";
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
  items: ArticleEntry[];
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
  const list = nav.lists.get(category.slug)!;
  const total = pageCount(list.length, config.pageSize);
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
      items: list.slice((n - 1) * config.pageSize, n * config.pageSize).map(entry),
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
