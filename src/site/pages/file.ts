// Files that are not pages: _headers, robots.txt, _redirects (the articles' old addresses as 301s),
// sitemaps, the IndexNow key file, the search page's fold table (the feeds are ./feed.ts). Absolute URLs;
// dates from the articles, never from the clock.
import { REDIRECT_STATUS, type Host } from "../../config/host.ts";
import { foldTable } from "../../i18n/fold.ts";
import { indexNowKeyFile } from "../indexnow-key.ts";
import { webJson } from "../json.ts";
import { SEARCH_FOLD } from "../paths.ts";
import { headersFile } from "../security.ts";
import { analyticsSources } from "../analytics.ts";
import { robotsTxt, sitemapFiles, type SitemapUrl } from "../sitemap.ts";
import type { ArticlePage } from "./article.ts";
import type { PageContext } from "./context.ts";
import type { Page } from "./index.ts";
import { ofKind, type PageKind } from "./kind.ts";

/** A file that is not a page: its text is final (escaped for its own format here). */
export interface FilePage {
  kind: "file";
  path: string;
  text: string;
}

export const fileKind: PageKind<FilePage> = {
  kind: "file",
  html: false,
  siteWide: true,
  claimRank: 3,
  owner: (page) => ({ what: `the site file ${page.path}` }),
  /** From the article, list, archive and tag pages, built before (src/site/pages/index.ts). */
  build: (ctx, earlier) => siteFiles(ctx, earlier),
};

function siteFiles(ctx: PageContext, earlier: readonly Page[]): FilePage[] {
  const { config, link, nav, newestFirst, entry } = ctx;
  const articlePages = ofKind(earlier, "article");
  const chronological = nav.chronological;
  // Old addresses as 301s in _redirects, in the flavour of the host (src/config/host.ts): forced on Netlify,
  // plain for Cloudflare Pages. The redirect pages serve hosts without rules.
  const redirects = chronological.flatMap((a) =>
    a.aliases.flatMap((alias) => redirectRules(link(alias), entry(a).href, config.redirectsFor.name)),
  );

  // Sitemap and robots.txt: absolute URLs, dates from the articles, never from the clock.
  const pageOf = new Map(chronological.map((a, i) => [a, articlePages[i]!]));
  const lastmod = (page: ArticlePage) => page.updatedIso || page.entry.dateIso;
  const newestDate = newestFirst[0] ? lastmod(pageOf.get(newestFirst[0])!) : "1970-01-01T00:00:00Z";
  const sitemapUrls: SitemapUrl[] = [
    { loc: config.url + link("/"), lastmod: newestDate },
    // A list page changes when an article is published onto it: its newest entry dates it. So does a tag's
    // page; the tag index changes with any tagged article, so it takes the site's newest date.
    ...[...ofKind(earlier, "list"), ...ofKind(earlier, "archive"), ...ofKind(earlier, "tag")].map((page) => ({
      loc: config.url + link(page.path),
      lastmod: page.items[0]?.dateIso ?? newestDate,
    })),
    ...articlePages.map((page) => ({ loc: config.url + page.entry.href, lastmod: lastmod(page) })),
  ];
  const text = (path: string, text: string): FilePage => ({ kind: "file", path, text });
  const keyFile = indexNowKeyFile(config);
  return [
    text("/_headers", headersFile(config.pathPrefix, analyticsSources(config.analytics))),
    text("/robots.txt", robotsTxt(config.url + link("/sitemap.xml"))),
    text("/_redirects", redirects.length > 0 ? `${redirects.join("\n")}\n` : ""),
    ...sitemapFiles(sitemapUrls, config.url + link("/")).map((f) => text(f.path, f.text)),
    ...(config.search ? [text(SEARCH_FOLD, webJson(foldTable()))] : []),
    ...(keyFile ? [text(keyFile.path, keyFile.text)] : []),
  ];
}

/**
 * An alias's `_redirects` lines for `host`. Netlify's docs ask for percent-encoded paths, but its matcher
 * compares the *decoded* request path (netlify-cli's rules-proxy.js: `decodeURIComponent(reqUrl.pathname)`;
 * netlify/cli#3107, and netlify/cli#8508 on production doing the same), so an encoded rule for a Unicode
 * alias never matches and its redirect page answers 200: Netlify also gets the decoded form, which is the
 * alias as written (encodePath encodes "%" too). Cloudflare Pages matches the encoded path: one line.
 */
export function redirectRules(from: string, to: string, host: Host["name"]): string[] {
  const status = REDIRECT_STATUS[host];
  const rules = [redirectRule(from, to, status)];
  const decoded = decodeURIComponent(from);
  if (host === "netlify" && decoded !== from) rules.push(redirectRule(decoded, to, status));
  return rules;
}

/**
 * One `_redirects` line: `from to 301` (`301!` for Netlify). Both sides are encoded hrefs, so they hold no whitespace; the
 * checks refuse aliases with `*` (a splat) or a `:name` segment (a placeholder). A rule that would still
 * mean more than one address stops the build rather than being written (defence in depth).
 */
export function redirectRule(from: string, to: string, status = "301"): string {
  for (const side of [from, to]) {
    if (!side.startsWith("/") || /[\s*]/.test(side) || /\/:/.test(side))
      throw new Error(`_redirects: ${JSON.stringify(side)} is not a literal site path`);
  }
  return `${from} ${to} ${status}`;
}
