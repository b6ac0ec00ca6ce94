// A static page at each old address (front-matter `aliases`), for hosts without redirect rules: a
// canonical link and an immediate refresh to the article. Hosts that read _redirects answer 301 first.
import type { PageKind } from "./kind.ts";

export interface RedirectPage {
  kind: "redirect";
  path: string;
  title: string;
  /** The article's href (prefixed, encoded). */
  target: string;
  /** The article's absolute URL. */
  canonical: string;
  /** The article's source file, for collision messages. */
  file: string;
  /** The alias as written in front-matter, and where it is written, for problems about it. */
  alias: string;
  at?: { line: number; column: number };
}

export const redirectKind: PageKind<RedirectPage> = {
  kind: "redirect",
  html: true,
  siteWide: false,
  claimRank: 7,
  owner: (page) => ({ what: `an alias (${page.alias}) of the article`, file: page.file }),
  build: ({ config, nav, entry }) =>
    nav.chronological.flatMap((a) =>
      a.aliases.map((alias, j) => ({
        kind: "redirect" as const,
        path: aliasPath(alias),
        title: a.title,
        target: entry(a).href,
        canonical: config.url + entry(a).href,
        file: a.file,
        alias,
        ...(a.aliasAt?.[j] ? { at: a.aliasAt[j] } : {}),
      })),
    ),
};

/** The page that serves an alias: itself when it names a file or a folder, else its folder ("/old/x" → "/old/x/"). */
export function aliasPath(alias: string): string {
  return /\.html?$/.test(alias) || alias.endsWith("/") ? alias : `${alias}/`;
}
