// The home page: the latest articles (those with `pinned: home` first, marked), the most viewed, and a
// block per top-level category (newest first: pins other than `home` belong to the category lists).
import { categoryPath } from "../../content/permalink.ts";
import { pinnedFirst } from "../navigation.ts";
import type { ArticleEntry, PageBase } from "./context.ts";
import type { PageKind } from "./kind.ts";

export interface HomePage extends PageBase {
  kind: "home";
  latest: ArticleEntry[];
  blocks: { name: string; href: string; items: ArticleEntry[] }[];
  mostViewed: ArticleEntry[];
}

export const homeKind: PageKind<HomePage> = {
  kind: "home",
  html: true,
  siteWide: true,
  claimRank: 0,
  owner: () => ({ what: "the home page" }),
  build: ({ config, registry, nav, newestFirst, link, head, entry }) => [
    {
      kind: "home",
      path: "/",
      head: head(config.tagline ? `${config.title} – ${config.tagline}` : config.title, config.tagline, "/"),
      section: null,
      breadcrumbs: [],
      feeds: null,
      latest: pinnedFirst(newestFirst, (a) => a.pinned?.home === true, config.home.latest).map((a) =>
        a.pinned?.home ? { ...entry(a), pinned: true as const } : entry(a),
      ),
      blocks: registry.top.map((c) => ({
        name: c.name,
        href: link(categoryPath(c)),
        items: nav.lists.get(c.slug)!.slice(0, config.home.perCategory).map(entry),
      })),
      // Stable sort: equal counts stay newest first.
      mostViewed: [...newestFirst]
        .sort((a, b) => b.views - a.views)
        .slice(0, config.home.mostViewed)
        .map(entry),
    },
  ],
};
