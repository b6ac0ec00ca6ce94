// The search page: a form that works without script, and Pagefind results when script runs. None when
// search is off (site config `search: false`, or --no-search).
import { SEARCH_BUNDLE, SEARCH_FOLD, SEARCH_PATH, SEARCH_SCRIPT } from "../paths.ts";
import type { PageBase } from "./context.ts";
import type { PageKind } from "./kind.ts";

export interface SearchPage extends PageBase {
  kind: "search";
  /** Folder of the Pagefind bundle ("/archive/pagefind/"). */
  bundleHref: string;
  /** The Traditional/Simplified fold table the page's script applies to queries (src/i18n/fold.ts). */
  foldHref: string;
  scriptHref: string;
}

export const searchKind: PageKind<SearchPage> = {
  kind: "search",
  html: true,
  siteWide: true,
  claimRank: 2,
  owner: () => ({ what: "the search page" }),
  build: ({ config, t, link, head, withSite }) =>
    config.search
      ? [
          {
            kind: "search",
            path: SEARCH_PATH,
            head: head(withSite(t.searchTitle), config.tagline, SEARCH_PATH),
            section: null,
            breadcrumbs: [
              { text: t.home, href: link("/") },
              { text: t.searchTitle, href: null },
            ],
            feeds: null,
            bundleHref: link(SEARCH_BUNDLE),
            foldHref: link(SEARCH_FOLD),
            scriptHref: link(SEARCH_SCRIPT),
          },
        ]
      : [],
};
