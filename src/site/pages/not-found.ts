// The 404 page (Netlify, Cloudflare Pages, GitHub Pages and nginx's error_page serve /404.html): the way
// home, a search, every category. Served at every missing address, it is no page of its own: noindex and
// no canonical link (Cloudflare Pages would answer /404.html itself with a redirect to /404).
import { categoryPath } from "../../content/permalink.ts";
import type { PageBase } from "./context.ts";
import type { PageKind } from "./kind.ts";

export interface NotFoundPage extends PageBase {
  kind: "not-found";
  /** Every category, in registry order, with its depth for indentation. */
  categories: { text: string; href: string; depth: number }[];
}

export const notFoundKind: PageKind<NotFoundPage> = {
  kind: "not-found",
  html: true,
  siteWide: true,
  claimRank: 1,
  owner: () => ({ what: "the 404 page" }),
  build: ({ config, registry, t, link, head, withSite }) => [
    {
      kind: "not-found",
      path: "/404.html",
      head: { ...head(withSite(t.notFound), config.tagline, "/404.html"), canonical: null },
      section: null,
      breadcrumbs: [],
      feeds: null,
      categories: registry.all.map((c) => ({ text: c.name, href: link(categoryPath(c)), depth: c.path.length - 1 })),
    },
  ],
};
