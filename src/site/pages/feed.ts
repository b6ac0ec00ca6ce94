// The Atom and JSON feeds, site-wide and per category: the newest `feed.limit` articles each. A full feed
// (`feed.content: "full"`, the default) carries each article's body, which is read and rendered with the
// feed in the render run with the site-wide files (src/eleventy/plugin.ts, src/render/feed-content.ts):
// only the articles in some feed, each once, never the whole archive again.
import type { Article, BodyLocation } from "../../content/article.ts";
import { categoryPath } from "../../content/permalink.ts";
import type { ImageSize } from "../../files/image-size.ts";
import { feedPaths, type Feed } from "../feeds.ts";
import { faviconOf } from "../public-files.ts";
import type { ArticlePage } from "./article.ts";
import type { PageContext } from "./context.ts";
import type { Page } from "./index.ts";
import { ofKind, type PageKind } from "./kind.ts";

export interface FeedPage {
  kind: "feed";
  path: string;
  format: "atom" | "json";
  /** Its items without their bodies. */
  feed: Feed;
  /** In a full feed, where each item's body is (in item order), with its images' sizes; empty in a summary feed. */
  bodies: readonly FeedBody[];
}

export interface FeedBody {
  at: BodyLocation;
  imageSizes: Readonly<Record<string, ImageSize>>;
}

export const feedKind: PageKind<FeedPage> = {
  kind: "feed",
  html: false,
  siteWide: true,
  claimRank: 3,
  owner: (page) => ({ what: `the site file ${page.path}` }),
  /** From the article pages, built before (src/site/pages/index.ts). */
  build: (ctx, earlier) => feedPages(ctx, earlier),
};

function feedPages(ctx: PageContext, earlier: readonly Page[]): FeedPage[] {
  const { config, link, nav, newestFirst, registry } = ctx;
  const articlePages = ofKind(earlier, "article");
  const pageOf = new Map(nav.chronological.map((a, i) => [a, articlePages[i]!]));
  const lastmod = (page: ArticlePage) => page.updatedIso || page.entry.dateIso;
  const newestDate = newestFirst[0] ? lastmod(pageOf.get(newestFirst[0])!) : "1970-01-01T00:00:00Z";
  const full = config.feed.content === "full";
  const favicon = faviconOf(ctx.publicFiles.map((f) => f.path));
  const icon = favicon ? config.url + link(favicon.path) : "";
  const feedFiles = (basePath: string, title: string, list: readonly Article[]): FeedPage[] => {
    const newest = list.slice(0, config.feed.limit);
    const feed: Feed = {
      title,
      subtitle: config.tagline,
      home: config.url + link(basePath),
      atom: config.url + link(feedPaths(basePath).atom),
      json: config.url + link(feedPaths(basePath).json),
      language: config.locale,
      icon,
      items: newest.map((a) => {
        const page = pageOf.get(a)!;
        return {
          title: a.title,
          url: config.url + page.entry.href,
          published: page.entry.dateIso,
          updated: lastmod(page),
          summary: a.summary,
          author: a.author,
          language: a.lang || config.locale,
          // JSON Feed's item image is the item's own: the site's picture would be the same on every item.
          image: page.share && page.share !== ctx.siteImage ? page.share.url : "",
        };
      }),
      fallbackUpdated: newestDate,
    };
    const bodies = full ? newest.map((a) => ({ at: a.bodyAt, imageSizes: pageOf.get(a)!.imageSizes })) : [];
    return [
      { kind: "feed", path: feedPaths(basePath).atom, format: "atom", feed, bodies },
      { kind: "feed", path: feedPaths(basePath).json, format: "json", feed, bodies },
    ];
  };
  return [
    ...feedFiles("/", config.title, newestFirst),
    ...registry.all.flatMap((c) => feedFiles(categoryPath(c), `${c.name} – ${config.title}`, nav.lists.get(c.slug)!)),
  ];
}
