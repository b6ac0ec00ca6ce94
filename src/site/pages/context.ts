// What every page kind's builder shares: the config and labels, links and heads, each article's list
// entry and URL (made once per article and kept across dev-server rebuilds), the navigation pass, and
// the pieces every page carries (breadcrumbs, feeds). Built once per model by pageContext().
import type { Article } from "../../content/article.ts";
import type { Category, Registry } from "../../content/categories.ts";
import { formatDate, isoWithOffset } from "../../content/dates.ts";
import { articlePath, categoryPath, href } from "../../content/permalink.ts";
import type { SiteConfig } from "../../config/site.ts";
import type { Labels } from "../../i18n/labels.ts";
import { feedPaths } from "../feeds.ts";
import { buildNavigation, type Navigation } from "../navigation.ts";
import { siteTags, type SiteTags } from "../tag-index.ts";
import { TAGS_PATH, tagPath } from "../tag-slug.ts";
import type { ArticleImageSizes } from "../media-images.ts";
import type { ImageSize } from "../../files/image-size.ts";
import type { PublicFile } from "../public-files.ts";
import type { MediaImage } from "../../content/images.ts";
import { shareImage, type ShareImage } from "../share-image.ts";

export interface PageHead {
  /** Full `<title>` text. */
  title: string;
  description: string;
  /** Absolute URL; null on a page that has no address worth indexing (the 404 page: noindex). */
  canonical: string | null;
}

export interface Crumb {
  text: string;
  /** null for the last crumb: the current page. */
  href: string | null;
}

export interface FeedLinks {
  title: string;
  atom: string;
  json: string;
}

/** An article as it appears in lists; one object per article, shared by every list. */
export interface ArticleEntry {
  title: string;
  href: string;
  /** id of its entry on list pages; "back to list" links here. */
  anchor: string;
  dateIso: string;
  dateText: string;
  /** Publish date in the list format. */
  listDateText: string;
  views: number;
  viewsText: string;
  summary: string;
  /** The article's language when it differs from the site's ("en" on a Chinese site), else "". */
  lang: string;
  /** Set only on the copy a list shows pinned at its top (the shared entry never has it). */
  pinned?: true;
}

/** What every HTML page in the base layout has. */
export interface PageBase {
  /** Decoded site path, no prefix: the permalink. */
  path: string;
  head: PageHead;
  /** Top-level category slug the page belongs to (main navigation marks it), or null. */
  section: string | null;
  breadcrumbs: Crumb[];
  /** The category's own feeds, when the page belongs to a category. */
  feeds: FeedLinks | null;
}

export interface PageContext {
  config: SiteConfig;
  registry: Registry;
  t: Labels;
  numberFormat: Intl.NumberFormat;
  /** Articles oldest first, with their neighbours, list pages and per-category lists (src/site/navigation.ts). */
  nav: Navigation<Article>;
  /** Articles newest first. */
  newestFirst: readonly Article[];
  /** The archive's tags: slugs, articles newest first, index order, tag problems (src/site/tag-index.ts). */
  tags: SiteTags<Article>;
  /** The href of a tag's page, by its name as written. */
  tagHref(name: string): string;
  /** Site path → href (prefix added, percent-encoded). */
  link(path: string, fragment?: string): string;
  head(title: string, description: string, path: string): PageHead & { canonical: string };
  /** "Title – Site name". */
  withSite(title: string): string;
  entry(article: Article): ArticleEntry;
  /** The article's site path (its permalink). */
  pathOf(article: Article): string;
  /** Home › … › the category, every crumb a link: a fresh copy the caller may change. */
  crumbsFor(category: Category): Crumb[];
  feedLinks(basePath: string, title: string): FeedLinks;
  /** A category's own feeds. */
  categoryFeeds(category: Category): FeedLinks;
  /** The file of the category registry, named by problems about list pages. */
  registryFile: string;
  /** Per article file, the width and height of its body's media images, by src. */
  imageSizes: ArticleImageSizes;
  /** Site paths of the files copied from content/public/ ("/favicon.ico"), src/site/public-files.ts. */
  publicFiles: readonly PublicFile[];
  /** The size the footer's 公安備案 emblem is shown at, when it has one. */
  gonganIcon: ImageSize | null;
  /** Per article file, its media images: the body's in order, then its front-matter `image` (src/site/load-content.ts). */
  images: ReadonlyMap<string, readonly MediaImage[]>;
  /** Site config's share image, for pages without their own; null for none. */
  siteImage: ShareImage | null;
}

export interface ContextInput {
  config: SiteConfig;
  registry: Registry;
  articles: readonly Article[];
  registryFile: string;
  imageSizes?: ArticleImageSizes;
  publicFiles?: readonly PublicFile[];
  gonganIcon?: ImageSize | null;
  images?: ReadonlyMap<string, readonly MediaImage[]>;
}

/**
 * Per-article data that depends only on the article and a few settings (its URL, dates, views text),
 * kept across builds: the dev server rebuilds the model on every edit from mostly unchanged articles.
 */
const derivedCache = new WeakMap<Article, { key: string; path: string; entry: ArticleEntry }>();

export function pageContext({
  config,
  registry,
  articles,
  registryFile,
  imageSizes = new Map(),
  publicFiles = [],
  gonganIcon = null,
  images = new Map(),
}: ContextInput): PageContext {
  const t = config.labels;
  const prefix = config.pathPrefix;
  const link = (path: string, fragment?: string) => href(prefix, path, fragment);
  const numberFormat = new Intl.NumberFormat(config.locale);
  const categoryPaths = new Map([...registry.bySlug].map(([slug, c]) => [slug, c.path]));
  const nav = buildNavigation(articles, categoryPaths, config.pageSize, {
    mostViewed: config.category.mostViewed,
    related: config.related.count,
  });
  const tags = siteTags(articles, nav.tagLists);
  const tagHrefs = new Map([...tags.byName].map(([name, tag]) => [name, link(tagPath(tag.slug))]));

  const entryKey = [config.articleUrl, prefix, config.dateFormat, config.listDateFormat, config.locale].join("\n");
  const derived = new Map<Article, { path: string; entry: ArticleEntry }>();
  for (const a of articles) {
    const category = registry.bySlug.get(a.category)!;
    const key = `${entryKey}\n${category.path.join("/")}`;
    let kept = derivedCache.get(a);
    if (kept?.key !== key) {
      const path = articlePath(config.articleUrl, { category, slug: a.slug, date: a.date });
      kept = { key, path, entry: articleEntry(a, path, link(path), config, numberFormat) };
      derivedCache.set(a, kept);
    }
    derived.set(a, kept);
  }

  // Each category's trail is built once; pages copy it and add their own last crumb.
  const trails = new Map<string, Crumb[]>();
  const crumbsFor = (category: Category): Crumb[] => {
    let trail = trails.get(category.slug);
    if (!trail) {
      const crumb = (slug: string) => ({
        text: registry.bySlug.get(slug)!.name,
        href: link(categoryPath(registry.bySlug.get(slug)!)),
      });
      trail = [{ text: t.home, href: link("/") }, ...category.path.map(crumb)];
      trails.set(category.slug, trail);
    }
    return [...trail];
  };
  const feedLinks = (basePath: string, title: string): FeedLinks => {
    const paths = feedPaths(basePath);
    return { title, atom: link(paths.atom), json: link(paths.json) };
  };
  const categoryFeeds = new Map(
    registry.all.map((c) => [c.slug, feedLinks(categoryPath(c), `${c.name} – ${config.title}`)]),
  );

  return {
    config,
    registry,
    t,
    numberFormat,
    nav,
    newestFirst: [...nav.chronological].reverse(),
    tags,
    // A tag with no letter or digit has no page (and is reported): its link goes to the tag index.
    tagHref: (name) => tagHrefs.get(name) ?? link(TAGS_PATH),
    link,
    head: (title, description, path) => ({ title, description, canonical: config.url + link(path) }),
    withSite: (title) => `${title} – ${config.title}`,
    entry: (a) => derived.get(a)!.entry,
    pathOf: (a) => derived.get(a)!.path,
    crumbsFor,
    feedLinks,
    categoryFeeds: (c) => categoryFeeds.get(c.slug)!,
    registryFile,
    imageSizes,
    publicFiles,
    gonganIcon,
    images,
    siteImage:
      config.image &&
      shareImage(config.image, imageSizes.get(config.image.file)?.[config.image.src], { origin: config.url, link }),
  };
}

function articleEntry(
  a: Article,
  path: string,
  href: string,
  config: SiteConfig,
  numberFormat: Intl.NumberFormat,
): ArticleEntry {
  return {
    title: a.title,
    href,
    anchor: `entry-${path
      .replace(/^\/|\/$/g, "")
      .replace(/\.html$/, "")
      .split("/")
      .join("--")}`,
    dateIso: isoWithOffset(a.date),
    dateText: formatDate(a.date, config.dateFormat, config.locale),
    listDateText: formatDate(a.date, config.listDateFormat, config.locale),
    views: a.views,
    viewsText: numberFormat.format(a.views),
    summary: a.summary,
    lang: a.lang,
  };
}
