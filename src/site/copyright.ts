// The copyright or reprint notice after an article's body, and what JSON-LD says of its rights. The
// site's own article shows the site's claim (config `copyright.text`) and license; a reprint — its
// `source:` names another publisher (src/content/reprint.ts) — shows 來源 with a link to the original
// instead, and never the site's license: the site cannot license another publisher's text. An
// article's own `copyright:` text replaces the site's claim and license alike (a guest article, a
// reprint by permission); `copyright: false` hides the notice.
import type { Article } from "../content/article.ts";
import { reprintTest } from "../content/reprint.ts";
import type { License } from "../config/copyright.ts";
import type { SiteConfig } from "../config/site.ts";

export interface CopyrightNotice {
  /** Front-matter `author`, or "". */
  author: string;
  /** The article's canonical address: the link and its readable text. */
  permalink: { href: string; text: string };
  /** The other publisher, for a reprint; `href` is its `source_url` or "". */
  source: { name: string; href: string } | null;
  /** The claim or the article's own words; "" for none. */
  text: string;
  license: License | null;
}

export interface ArticleRights {
  /** null: no notice (the site has none and the article gives no text, or `copyright: false`). */
  notice: CopyrightNotice | null;
  /** The license URL for JSON-LD, when the notice shows the site's license; else "". */
  license: string;
  /** The original's address for JSON-LD `isBasedOn`, for a reprint with a `source_url`; else "". */
  basedOn: string;
  /** The meta line's link on the source's name: a reprint's `source_url`, or "". */
  sourceHref: string;
}

/** `canonical` is the page's absolute address (its <link rel="canonical">), `href` the same as a site link. */
export function articleRights(a: Article, config: SiteConfig, canonical: string, href: string): ArticleRights {
  const site = config.copyright;
  const reprint = reprintTestOf(config)(a.source);
  const sourceHref = reprint ? a.sourceUrl : "";
  const own = typeof a.copyright === "string" ? a.copyright : null;
  const shown = a.copyright !== false && (site !== null || own !== null);
  const license = shown && own === null && !reprint ? (site?.license ?? null) : null;
  const notice: CopyrightNotice | null = shown
    ? {
        author: a.author,
        permalink: permalink(canonical, href, config.url),
        source: reprint ? { name: a.source, href: sourceHref } : null,
        text: own ?? (reprint ? "" : site!.text),
        license,
      }
    : null;
  return { notice, license: license?.url ?? "", basedOn: sourceHref, sourceHref };
}

/** The site's own names (its title, `copyright.ownSources`) compared once per config, not per article. */
const tests = new WeakMap<SiteConfig, (source: string) => boolean>();
function reprintTestOf(config: SiteConfig): (source: string) => boolean {
  let test = tests.get(config);
  if (!test) tests.set(config, (test = reprintTest([config.title], config.copyright?.ownSources ?? [])));
  return test;
}

/**
 * The link as readers copy it: absolute, its path shown decoded (/notes/渠道衝突/, not %E6…). A site
 * left on the default origin (http://localhost:8080, `url` unset) has no public address to give, so
 * the notice shows the site path instead of an address that only works on the author's machine.
 */
function permalink(canonical: string, href: string, origin: string): { href: string; text: string } {
  const local = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/i.test(origin);
  const target = local ? href : canonical;
  return { href: target, text: readable(target) };
}

function readable(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
