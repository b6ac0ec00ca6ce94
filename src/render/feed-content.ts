// A feed document with its items' whole articles (src/site/pages/feed.ts): each body rendered by the one
// markdown factory with absolute URLs — the site's address on root-relative targets, the article's own
// URL under every other relative one — since a feed reader shows it away from the site. An article in
// several feeds (the site's, its category's and its ancestors') is rendered once per run.
import type MarkdownIt from "markdown-it";
import { atomFeed, jsonFeed } from "../site/feeds.ts";
import type { FeedWithBodies } from "../site/bodies.ts";
import { renderArticle } from "./markdown.ts";

/** Bodies rendered for feeds in one run, by article URL. */
export type FeedBodyCache = Map<string, string>;

/**
 * The feed's text. `md` is a feed renderer: createMarkdown({ pathPrefix: site URL with prefix, base: true }).
 */
export function feedDocument(page: FeedWithBodies, md: MarkdownIt, cache: FeedBodyCache = new Map()): string {
  const items = page.feed.items.map((item, i) => {
    if (page.bodies.length === 0) return item;
    let html = cache.get(item.url);
    if (html === undefined) {
      html = renderArticle(md, page.texts[i]!, page.bodies[i]!.imageSizes, item.url).html;
      cache.set(item.url, html);
    }
    return { ...item, contentHtml: html };
  });
  const feed = { ...page.feed, items };
  return page.format === "atom" ? atomFeed(feed) : jsonFeed(feed);
}
