// One page per article: the meta line, the body (read just before rendering), the copyright or reprint
// notice, tags (linked to their pages), past comments, previous | back to list | next within its own
// category, and related articles.
import type { BodyLocation } from "../../content/article.ts";
import { formatDate, isoWithOffset } from "../../content/dates.ts";
import { categoryPath } from "../../content/permalink.ts";
import { readingMinutes } from "../../content/reading-length.ts";
import { fill } from "../../i18n/labels.ts";
import { commentCountText, commentViews, type CommentView } from "../past-comments.ts";
import { articleRights, type CopyrightNotice } from "../copyright.ts";
import type { ImageSize } from "../../files/image-size.ts";
import type { ArticleEntry, PageBase, PageHead } from "./context.ts";
import { articleShareImage, type ShareImage } from "../share-image.ts";
import { ogLocale } from "../og-locale.ts";
import { siteHref } from "../site-view.ts";
import type { PageKind } from "./kind.ts";

export interface ArticlePage extends PageBase {
  kind: "article";
  /** An article always has its address: `npm run submit` sends it. */
  head: PageHead & { canonical: string };
  entry: ArticleEntry;
  author: string;
  /** The author's page (site config `authors`), prefixed when a site path; "" for none. */
  authorHref: string;
  source: string;
  /** The meta line's link on the source: a reprint's `source_url`, or "". */
  sourceHref: string;
  /** The copyright or reprint notice after the body (src/site/copyright.ts), or null. */
  notice: CopyrightNotice | null;
  /** For JSON-LD: the site's license URL when the notice shows it, and a reprint's original; "" for none. */
  license: string;
  basedOn: string;
  updatedIso: string;
  updatedText: string;
  /** Where the Markdown body is: read again just before the page is rendered (src/site/bodies.ts). */
  bodyAt: BodyLocation;
  file: string;
  /** Older neighbour in the article's own category ("previous"). */
  older: { title: string; href: string } | null;
  /** Newer neighbour in the article's own category ("next"). */
  newer: { title: string; href: string } | null;
  backToList: string;
  /** The article's tags, as written, each with the href of its tag page. */
  tags: { name: string; href: string }[];
  /** Related articles, best first (src/site/related.ts); empty when related.count is 0. */
  related: ArticleEntry[];
  /** Past comments, read-only, in the order written (src/site/past-comments.ts). */
  comments: CommentView[];
  /** "3 則評論"; "" when there are none. */
  commentCountText: string;
  /** "全文約 2,400 字 · 約 6 分鐘". */
  lengthText: string;
  /** Width and height of the body's images under /media/, by src (given to the renderer: src/render/markdown.ts). */
  imageSizes: Readonly<Record<string, ImageSize>>;
  /** The table of contents is shown from this many listed headings (src/render/toc.ts); null: never. */
  tocMinHeadings: number | null;
  /** The picture a shared link shows (src/site/share-image.ts), or null for none. */
  share: ShareImage | null;
  /** og:locale: the article's own language. */
  ogLocale: string;
}

/**
 * The least number of listed headings that shows an article's table of contents: front-matter
 * `toc: true` shows it for any (1), `toc: false` never (null); otherwise the site's `toc.minHeadings`,
 * where 0 (and site config `toc: false`) is off.
 */
export function tocThreshold(articleToc: boolean | null, siteMinHeadings: number): number | null {
  if (articleToc === true) return 1;
  if (articleToc === false || siteMinHeadings === 0) return null;
  return siteMinHeadings;
}

const NO_SIZES: Readonly<Record<string, ImageSize>> = Object.freeze({});

export const articleKind: PageKind<ArticlePage> = {
  kind: "article",
  html: true,
  siteWide: false,
  claimRank: 6,
  owner: (page) => ({ what: "the article", file: page.file }),
  /** Oldest first, like the navigation pass. */
  build: (ctx) => {
    const { config, registry, t, numberFormat, nav, link, head, withSite, entry, pathOf, crumbsFor, imageSizes } = ctx;
    return nav.chronological.map((a) => {
      const category = registry.bySlug.get(a.category)!;
      const e = entry(a);
      const { prev, next } = nav.neighbours.get(a)!;
      const crumbs = crumbsFor(category);
      crumbs.push({ text: a.title, href: null });
      const pageHead = head(withSite(a.title), a.summary, pathOf(a));
      const { notice, license, basedOn, sourceHref } = articleRights(a, config, pageHead.canonical, e.href);
      return {
        kind: "article",
        path: pathOf(a),
        head: pageHead,
        section: category.path[0]!,
        breadcrumbs: crumbs,
        feeds: ctx.categoryFeeds(category),
        entry: e,
        author: a.author,
        authorHref:
          a.author && config.authors[a.author] ? siteHref(config.pathPrefix, config.authors[a.author]!.url) : "",
        source: a.source,
        sourceHref,
        notice,
        license,
        basedOn,
        updatedIso: a.updated ? isoWithOffset(a.updated) : "",
        updatedText: a.updated ? formatDate(a.updated, config.dateFormat, config.locale) : "",
        bodyAt: a.bodyAt,
        file: a.file,
        older: prev ? { title: prev.title, href: entry(prev).href } : null,
        newer: next ? { title: next.title, href: entry(next).href } : null,
        backToList: link(categoryPath(category, nav.listPage.get(a)!), e.anchor),
        tags: a.tags.map((name) => ({ name, href: ctx.tagHref(name) })),
        related: (nav.related.get(a) ?? []).map(entry),
        comments: commentViews(a.comments, config),
        commentCountText: a.comments.length > 0 ? commentCountText(a.comments.length, t, numberFormat) : "",
        lengthText: fill(t.readingLength, {
          n: numberFormat.format(a.length.cjk + a.length.words),
          m: numberFormat.format(readingMinutes(a.length, config.readingSpeed)),
        }),
        tocMinHeadings: tocThreshold(a.toc, config.toc.minHeadings),
        imageSizes: imageSizes.get(a.file) ?? NO_SIZES,
        share: articleShareImage(
          a.image,
          ctx.images.get(a.file) ?? [],
          imageSizes.get(a.file) ?? NO_SIZES,
          ctx.siteImage,
          {
            origin: config.url,
            link,
          },
        ),
        ogLocale: ogLocale(a.lang || config.locale),
      };
    });
  },
};
