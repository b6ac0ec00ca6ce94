// Files that are not pages, and pages that are not content: _headers, robots.txt, sitemaps, Atom and
// JSON feeds (site-wide and per category), and the old addresses (aliases) as _redirects rules and
// static redirect pages. Absolute URLs; dates from the articles, never from the clock.
import type { Article } from "../content/article.ts";
import type { Category } from "../content/categories.ts";
import { atomFeed, feedPaths, jsonFeed, type Feed } from "./feeds.ts";
import type { ArchivePage, ArticlePage, ListPage, PageContext, RedirectPage } from "./model.ts";
import { categoryPath } from "../content/permalink.ts";
import { headersFile } from "./security.ts";
import { robotsTxt, sitemapFiles, type SitemapUrl } from "./sitemap.ts";

export interface SiteFilesInput {
  /** Articles oldest first, and their pages in the same order; and newest first. */
  chronological: readonly Article[];
  newestFirst: readonly Article[];
  articlePages: readonly ArticlePage[];
  listPages: readonly ListPage[];
  archivePages: readonly ArchivePage[];
  /** Category slug → its own and descendants' articles, newest first. */
  lists: ReadonlyMap<string, readonly Article[]>;
  categories: readonly Category[];
}

export function buildSiteFiles({ config, link }: PageContext, { chronological, newestFirst, articlePages, listPages, archivePages, lists, categories }: SiteFilesInput): {
  filePages: { path: string; text: string }[];
  redirectPages: RedirectPage[];
} {
  // Old addresses: a static page at each alias, and the same as 301s in _redirects (Netlify, Cloudflare).
  const redirectPages: RedirectPage[] = chronological.flatMap((a, i) =>
    a.aliases.map((alias, j) => ({
      kind: "redirect" as const,
      path: /\.html?$/.test(alias) || alias.endsWith("/") ? alias : `${alias}/`,
      title: a.title,
      target: articlePages[i]!.entry.href,
      canonical: config.url + articlePages[i]!.entry.href,
      file: a.file,
      alias,
      ...(a.aliasAt?.[j] ? { at: a.aliasAt[j] } : {}),
    })),
  );
  const redirects = chronological.flatMap((a, i) => a.aliases.map((alias) => redirectRule(link(alias), articlePages[i]!.entry.href)));

  // Feeds, sitemap and robots.txt: absolute URLs, dates from the articles, never from the clock.
  const pageOf = new Map(chronological.map((a, i) => [a, articlePages[i]!]));
  const lastmod = (page: ArticlePage) => page.updatedIso || page.entry.dateIso;
  const newestDate = newestFirst[0] ? lastmod(pageOf.get(newestFirst[0])!) : "1970-01-01T00:00:00Z";
  const feedFiles = (basePath: string, title: string, list: readonly Article[]) => {
    const feed: Feed = {
      title,
      home: config.url + link(basePath),
      atom: config.url + link(feedPaths(basePath).atom),
      json: config.url + link(feedPaths(basePath).json),
      language: config.locale,
      items: list.slice(0, config.feed.limit).map((a) => {
        const page = pageOf.get(a)!;
        return { title: a.title, url: config.url + page.entry.href, published: page.entry.dateIso, updated: lastmod(page), summary: a.summary, author: a.author };
      }),
      fallbackUpdated: newestDate,
    };
    return [
      { path: feedPaths(basePath).atom, text: atomFeed(feed) },
      { path: feedPaths(basePath).json, text: jsonFeed(feed) },
    ];
  };
  const sitemapUrls: SitemapUrl[] = [
    { loc: config.url + link("/"), lastmod: newestDate },
    // A list page changes when an article is published onto it: its newest entry dates it.
    ...listPages.map((page) => ({ loc: config.url + link(page.path), lastmod: page.items[0]?.dateIso ?? newestDate })),
    ...archivePages.map((page) => ({ loc: config.url + link(page.path), lastmod: page.items[0]?.dateIso ?? newestDate })),
    ...articlePages.map((page) => ({ loc: config.url + page.entry.href, lastmod: lastmod(page) })),
  ];
  const filePages = [
    { path: "/_headers", text: headersFile(config.pathPrefix) },
    { path: "/robots.txt", text: robotsTxt(config.url + link("/sitemap.xml")) },
    { path: "/_redirects", text: redirects.length > 0 ? `${redirects.join("\n")}\n` : "" },
    ...sitemapFiles(sitemapUrls, config.url + link("/")),
    ...feedFiles("/", config.title, newestFirst),
    ...categories.flatMap((c) => feedFiles(categoryPath(c), `${c.name} – ${config.title}`, lists.get(c.slug)!)),
  ];

  return { filePages, redirectPages };
}

/**
 * One `_redirects` line: `from to 301`. Both sides are encoded hrefs, so they hold no whitespace; the
 * checks refuse aliases with `*` (a splat) or a `:name` segment (a placeholder). A rule that would still
 * mean more than one address stops the build rather than being written (defence in depth).
 */
export function redirectRule(from: string, to: string): string {
  for (const side of [from, to]) {
    if (!side.startsWith("/") || /[\s*]/.test(side) || /\/:/.test(side)) throw new Error(`_redirects: ${JSON.stringify(side)} is not a literal site path`);
  }
  return `${from} ${to} 301`;
}
