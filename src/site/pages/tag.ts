// Tag pages: /tags/ lists every tag with its article count (most articles first, then by name), and
// /tags/{slug}/ lists one tag's articles, newest first, paginated like a category list. A site whose
// articles have no tags gets no tag pages at all.
import { fill } from "../../i18n/labels.ts";
import { pageCount } from "../navigation.ts";
import { TAGS_PATH, tagPath } from "../tag-slug.ts";
import type { SiteTag } from "../tag-index.ts";
import type { Article } from "../../content/article.ts";
import type { ArticleEntry, PageBase, PageContext } from "./context.ts";
import type { PageKind } from "./kind.ts";
import { pager, type Pager } from "./list.ts";

export interface TagPage extends PageBase {
  kind: "tag";
  title: string;
  /** The tag's name on its own pages; "" on the index. */
  name: string;
  /** On the index: every tag, with its page and count. */
  tags: { text: string; href: string; countText: string }[];
  /** On a tag's page: its articles on this page, newest first. */
  items: ArticleEntry[];
  pageNumber: number;
  totalPages: number;
  pager: Pager | null;
}

const TAG_INDEX_FIX = "no other page at /tags/, which the tag index takes once an article has a tag";

export const tagKind: PageKind<TagPage> = {
  kind: "tag",
  html: true,
  siteWide: false,
  claimRank: 5,
  owner: (page, ctx) =>
    page.name === ""
      ? { what: "the tag index", fix: TAG_INDEX_FIX }
      : {
          what: `the page of the tag "${page.name}", used in`,
          file: ctx.tags.byName.get(page.name)!.file,
          field: "tags",
          fix: "a tag whose page /tags/…/ no other page or file of the site has: rename the tag, or the other page",
        },
  build: (ctx) => (ctx.tags.all.length === 0 ? [] : [tagIndex(ctx), ...ctx.tags.all.flatMap((t) => tagPages(ctx, t))]),
};

function tagIndex({ config, t, link, head, withSite, numberFormat, tags }: PageContext): TagPage {
  return {
    kind: "tag",
    path: TAGS_PATH,
    head: head(withSite(t.tags), config.tagline, TAGS_PATH),
    section: null,
    breadcrumbs: [
      { text: t.home, href: link("/") },
      { text: t.tags, href: null },
    ],
    feeds: null,
    title: t.tags,
    name: "",
    tags: tags.all.map((tag) => ({
      text: tag.name,
      href: link(tagPath(tag.slug)),
      countText: fill(t.articleCount, { n: numberFormat.format(tag.articles.length) }),
    })),
    items: [],
    pageNumber: 1,
    totalPages: 1,
    pager: null,
  };
}

function tagPages(ctx: PageContext, tag: SiteTag<Article>): TagPage[] {
  const { config, t, link, head, withSite, entry } = ctx;
  const total = pageCount(tag.articles.length, config.pageSize);
  const title = fill(t.tagTitle, { name: tag.name });
  return Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    const path = tagPath(tag.slug, n);
    return {
      kind: "tag",
      path,
      head: head(withSite(n === 1 ? title : `${title} · ${fill(t.pageN, { n })}`), config.tagline, path),
      section: null,
      breadcrumbs: [
        { text: t.home, href: link("/") },
        { text: t.tags, href: link(TAGS_PATH) },
        { text: tag.name, href: null },
      ],
      feeds: null,
      title,
      name: tag.name,
      tags: [],
      items: tag.articles.slice(i * config.pageSize, n * config.pageSize).map(entry),
      pageNumber: n,
      totalPages: total,
      pager: pager(n, total, (page) => link(tagPath(tag.slug, page)), fill(t.pageOfTotal, { n, total })),
    };
  });
}
