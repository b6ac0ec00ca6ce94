// One page per article: the meta line, the body (read just before rendering), tags, past comments, and
// previous | back to list | next within its own category.
import type { BodyLocation } from "../../content/article.ts";
import { formatDate, isoWithOffset } from "../../content/dates.ts";
import { categoryPath } from "../../content/permalink.ts";
import { readingMinutes } from "../../content/reading-length.ts";
import { fill } from "../../i18n/labels.ts";
import { commentCountText, commentViews, type CommentView } from "../past-comments.ts";
import type { ImageSize } from "../../files/image-size.ts";
import type { ArticleEntry, PageBase } from "./context.ts";
import type { PageKind } from "./kind.ts";

export interface ArticlePage extends PageBase {
  kind: "article";
  entry: ArticleEntry;
  author: string;
  source: string;
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
  /** The article's tags, as written (plain labels for now: there are no tag pages yet). */
  tags: string[];
  /** Past comments, read-only, in the order written (src/site/past-comments.ts). */
  comments: CommentView[];
  /** "3 則評論"; "" when there are none. */
  commentCountText: string;
  /** "全文約 2,400 字 · 約 6 分鐘". */
  lengthText: string;
  /** Width and height of the body's images under /media/, by src (given to the renderer: src/render/markdown.ts). */
  imageSizes: Readonly<Record<string, ImageSize>>;
}

const NO_SIZES: Readonly<Record<string, ImageSize>> = Object.freeze({});

export const articleKind: PageKind<ArticlePage> = {
  kind: "article",
  html: true,
  siteWide: false,
  claimRank: 6,
  owner: (page) => ({ what: "the article", file: page.file }),
  /** Oldest first, like the navigation pass. */
  build: ({
    config,
    registry,
    t,
    numberFormat,
    nav,
    link,
    head,
    withSite,
    entry,
    pathOf,
    crumbsFor,
    categoryFeeds,
    imageSizes,
  }) =>
    nav.chronological.map((a) => {
      const category = registry.bySlug.get(a.category)!;
      const e = entry(a);
      const { prev, next } = nav.neighbours.get(a)!;
      const crumbs = crumbsFor(category);
      crumbs.push({ text: a.title, href: null });
      return {
        kind: "article",
        path: pathOf(a),
        head: head(withSite(a.title), a.summary, pathOf(a)),
        section: category.path[0]!,
        breadcrumbs: crumbs,
        feeds: categoryFeeds(category),
        entry: e,
        author: a.author,
        source: a.source,
        updatedIso: a.updated ? isoWithOffset(a.updated) : "",
        updatedText: a.updated ? formatDate(a.updated, config.dateFormat, config.locale) : "",
        bodyAt: a.bodyAt,
        file: a.file,
        older: prev ? { title: prev.title, href: entry(prev).href } : null,
        newer: next ? { title: next.title, href: entry(next).href } : null,
        backToList: link(categoryPath(category, nav.listPage.get(a)!), e.anchor),
        tags: a.tags,
        comments: commentViews(a.comments, config),
        commentCountText: a.comments.length > 0 ? commentCountText(a.comments.length, t, numberFormat) : "",
        lengthText: fill(t.readingLength, {
          n: numberFormat.format(a.length.cjk + a.length.words),
          m: numberFormat.format(readingMinutes(a.length, config.readingSpeed)),
        }),
        imageSizes: imageSizes.get(a.file) ?? NO_SIZES,
      };
    }),
};
