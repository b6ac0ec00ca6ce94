// Atom (RFC 4287) and JSON Feed 1.1 documents for the whole site and for each category: the newest N
// articles, with absolute URLs, each in its own language (Atom's xml:lang on the entry, RFC 4287 §2;
// JSON Feed 1.1's item `language`), with the whole article as HTML (Atom `<content type="html">`, its
// markup escaped as text, §4.1.3; JSON Feed `content_html`) or only its summary. A feed's `updated` is its
// newest article's, never the clock, so builds reproduce.
import { webJson } from "./json.ts";
import { xml } from "./xml.ts";

/** Where a feed lives, below its page's path ("/" or "/research/"). */
export function feedPaths(basePath: string): { atom: string; json: string } {
  return { atom: `${basePath}feed.xml`, json: `${basePath}feed.json` };
}

export interface FeedItem {
  title: string;
  /** Absolute URL. */
  url: string;
  published: string;
  updated: string;
  summary: string;
  author: string;
  /** BCP 47 tag of the article's language ("zh-Hant", "en"). */
  language: string;
  /** The whole article as HTML, absolute URLs only; undefined in a summary feed. */
  contentHtml?: string;
  /** The article's own picture (its share image when not the site's), absolute; "" for none. */
  image: string;
}

export interface Feed {
  title: string;
  /** The site's tagline; "" for none. */
  subtitle: string;
  /** Absolute URL of the HTML page the feed follows (site home or category page). */
  home: string;
  /** Absolute URLs of the Atom and JSON documents. */
  atom: string;
  json: string;
  language: string;
  /** Absolute URL of the site's favicon (content/public/favicon.*); "" for none. */
  icon: string;
  /** Newest first. */
  items: readonly FeedItem[];
  /** When nothing is in the feed: the site's newest date, or the epoch. */
  fallbackUpdated: string;
}

export function atomFeed(feed: Feed): string {
  const updated = feed.items.reduce(
    (newest, i) => (i.updated > newest ? i.updated : newest),
    feed.items[0]?.updated ?? feed.fallbackUpdated,
  );
  const entries = feed.items.map(
    (i) => `  <entry xml:lang="${xml(i.language)}">
    <title>${xml(i.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(i.url)}"/>
    <id>${xml(i.url)}</id>
    <published>${xml(i.published)}</published>
    <updated>${xml(i.updated)}</updated>${i.author ? `\n    <author><name>${xml(i.author)}</name></author>` : ""}
    <summary>${xml(i.summary)}</summary>${i.contentHtml === undefined ? "" : `\n    <content type="html">${xml(i.contentHtml)}</content>`}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">
  <title>${xml(feed.title)}</title>${feed.subtitle ? `\n  <subtitle>${xml(feed.subtitle)}</subtitle>` : ""}
  <link rel="self" type="application/atom+xml" href="${xml(feed.atom)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.home)}"/>
  <id>${xml(feed.home)}</id>${feed.icon ? `\n  <icon>${xml(feed.icon)}</icon>` : ""}
  <updated>${xml(updated)}</updated>
  <author><name>${xml(feed.title)}</name></author>
${entries.join("\n")}
</feed>
`;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written with webJson: no raw <, > or &. */
export function jsonFeed(feed: Feed): string {
  return `${webJson(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: feed.home,
      feed_url: feed.json,
      ...(feed.subtitle ? { description: feed.subtitle } : {}),
      // A favicon is small: JSON Feed's `favicon` (64×64), not its `icon` (512×512, for timelines).
      ...(feed.icon ? { favicon: feed.icon } : {}),
      language: feed.language,
      items: feed.items.map((i) => ({
        id: i.url,
        url: i.url,
        title: i.title,
        summary: i.summary,
        // An item needs content_html or content_text: a summary feed's text is the summary.
        ...(i.contentHtml === undefined ? { content_text: i.summary } : { content_html: i.contentHtml }),
        date_published: i.published,
        date_modified: i.updated,
        ...(i.author ? { authors: [{ name: i.author }] } : {}),
        ...(i.image ? { image: i.image } : {}),
        language: i.language,
      })),
    },
    2,
  )}\n`;
}
