// The site model: every page Wenku writes, as plain view data for the templates. Templates only show
// what is here; every link is already an href (path prefix added, percent-encoded).
import type { Article, BodyLocation } from "../content/article.ts";
import type { Category } from "../content/categories.ts";
import { formatDate, isoWithOffset } from "../content/dates.ts";
import type { LoadedContent } from "./load-content.ts";
import type { Problem } from "../content/problems.ts";
import type { CallToAction, Link, SiteConfig } from "../config/site.ts";
import { fill, type Labels } from "../i18n/labels.ts";
import { buildNavigation, pageCount, pagerItems } from "./navigation.ts";
import { articlePath, categoryPath, href, outputFile } from "../content/permalink.ts";
import { buildArchivePages } from "./archive.ts";
import { feedPaths } from "./feeds.ts";
import { webJson } from "./json.ts";
import { CSP_META } from "./security.ts";
import { buildSiteFiles } from "./site-files.ts";
import { commentCountText, commentViews, type CommentView } from "./past-comments.ts";
import { foldTable } from "../i18n/fold.ts";

/** Where search lives: the page, the Pagefind bundle the build writes, and the fold table. */
export const SEARCH_PATH = "/search/";
export const SEARCH_BUNDLE = "/pagefind/";
const SEARCH_FOLD = "/search/fold.json";
/** Folders the build fills with files of its own (copied, not planned page by page): no alias may point into them. */
export const ASSETS_PATH = "/assets/";
export const MEDIA_PATH = "/media/";

export interface SiteView {
  title: string;
  tagline: string;
  contact: string;
  /** `<html lang>`: the site's locale. */
  lang: string;
  pathPrefix: string;
  homeHref: string;
  stylesheetHref: string;
  nav: (Link & { slug: string })[];
  /** Content-Security-Policy for the `<meta>` in every head. */
  csp: string;
  /** Absolute origin ("https://archive.example.org"), for canonical, Open Graph and JSON-LD URLs. */
  origin: string;
  /** The archive by date. */
  archiveHref: string;
  /** The search page, or null when the site has no search (config `search: false`). */
  searchHref: string | null;
  /** Open Graph locale ("zh_TW"). */
  ogLocale: string;
  /** The whole site's feeds, linked from every page's head. */
  feeds: FeedLinks;
  cta: CallToAction | null;
  footer: { copyright: string; icp: string; icpUrl: string; links: Link[] };
  /** UI labels in the site's locale. */
  t: Labels;
}

export interface FeedLinks {
  title: string;
  atom: string;
  json: string;
}

export interface Crumb {
  text: string;
  /** null for the last crumb: the current page. */
  href: string | null;
}

export interface PageHead {
  /** Full `<title>` text. */
  title: string;
  description: string;
  canonical: string;
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
}

interface PageBase {
  /** Decoded site path, no prefix: the permalink. */
  path: string;
  head: PageHead;
  /** Top-level category slug the page belongs to (main navigation marks it), or null. */
  section: string | null;
  breadcrumbs: Crumb[];
  /** The category's own feeds, when the page belongs to a category. */
  feeds: FeedLinks | null;
}

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
}

export interface PagerLink {
  kind: "page" | "gap";
  number: number;
  href: string;
  current: boolean;
}

export interface ListPage extends PageBase {
  kind: "list";
  slug: string;
  name: string;
  description: string;
  pageNumber: number;
  totalPages: number;
  items: ArticleEntry[];
  children: { text: string; href: string; countText: string }[];
  pager: { items: PagerLink[]; first: string | null; prevPage: string | null; nextPage: string | null; last: string | null; status: string };
}

export interface HomePage extends PageBase {
  kind: "home";
  latest: ArticleEntry[];
  blocks: { name: string; href: string; items: ArticleEntry[] }[];
  mostViewed: ArticleEntry[];
}

/** The archive by date: an index of years and months, and a page per month listing its articles. */
export interface ArchivePage extends PageBase {
  kind: "archive";
  title: string;
  /** On the index: years, newest first, each with its months. */
  years: { year: string; countText: string; months: { text: string; href: string; countText: string }[] }[];
  /** On a month page: its articles, newest first. */
  items: ArticleEntry[];
}

/** A static page at an old address (an article's alias) that sends the reader to the article. */
export interface RedirectPage {
  kind: "redirect";
  path: string;
  title: string;
  /** The article's href (prefixed, encoded). */
  target: string;
  /** The article's absolute URL. */
  canonical: string;
  /** The article's source file, for collision messages. */
  file: string;
  /** The alias as written in front-matter, and where it is written, for problems about it. */
  alias: string;
  at?: { line: number; column: number };
}

/** The search page: a form that works without script, and Pagefind results when script runs. */
export interface SearchPage extends PageBase {
  kind: "search";
  /** Folder of the Pagefind bundle ("/archive/pagefind/"). */
  bundleHref: string;
  /** The Traditional/Simplified fold table the page's script applies to queries (src/i18n/fold.ts). */
  foldHref: string;
  scriptHref: string;
}

export interface NotFoundPage extends PageBase {
  kind: "not-found";
  /** Every category, in registry order, with its depth for indentation. */
  categories: { text: string; href: string; depth: number }[];
}

export interface SiteModel {
  site: SiteView;
  /** The home page, as a one-item list so every template paginates alike (and a partition can omit it). */
  homePages: HomePage[];
  /** The 404 page, likewise. */
  notFoundPages: NotFoundPage[];
  /** The search page, likewise; empty when search is off. */
  searchPages: SearchPage[];
  /** Files that are not pages: _headers, robots.txt, sitemaps, feeds. */
  filePages: { path: string; text: string }[];
  articlePages: ArticlePage[];
  listPages: ListPage[];
  archivePages: ArchivePage[];
  redirectPages: RedirectPage[];
  /** URL collisions; the site is only buildable when this is empty. */
  problems: Problem[];
}

/** What every page builder needs: the config, labels, and helpers for links and heads. */
export interface PageContext {
  config: SiteConfig;
  t: Labels;
  /** Site path → href (prefix added, percent-encoded). */
  link(path: string, fragment?: string): string;
  head(title: string, description: string, path: string): PageHead;
  /** "Title – Site name". */
  withSite(title: string): string;
  numberFormat: Intl.NumberFormat;
}

/**
 * Per-article data that depends only on the article and a few settings (its URL, dates, views text),
 * kept across builds: the dev server rebuilds the model on every edit from mostly unchanged articles.
 */
const derivedCache = new WeakMap<Article, { key: string; path: string; entry: ArticleEntry }>();

export function buildSiteModel(content: Pick<LoadedContent, "config" | "registry" | "articles">, registryFile = "categories.json"): SiteModel {
  const { config, registry, articles } = content;
  const t = config.labels;
  const prefix = config.pathPrefix;
  const link = (path: string, fragment?: string) => href(prefix, path, fragment);
  const numberFormat = new Intl.NumberFormat(config.locale);
  const withSite = (title: string) => `${title} – ${config.title}`;
  const head = (title: string, description: string, path: string): PageHead => ({
    title,
    description,
    canonical: config.url + link(path),
  });
  const ctx: PageContext = { config, t, link, head, withSite, numberFormat };

  const categoryPaths = new Map([...registry.bySlug].map(([slug, c]) => [slug, c.path]));
  const nav = buildNavigation(articles, categoryPaths, config.pageSize);

  // Each category's trail is built once; pages copy it and add their own last crumb.
  const trails = new Map<string, Crumb[]>();
  const crumbsFor = (category: Category): Crumb[] => {
    let trail = trails.get(category.slug);
    if (!trail) {
      trail = [{ text: t.home, href: link("/") }, ...category.path.map((slug) => ({ text: registry.bySlug.get(slug)!.name, href: link(categoryPath(registry.bySlug.get(slug)!)) }))];
      trails.set(category.slug, trail);
    }
    return [...trail];
  };

  const entryKey = [config.articleUrl, prefix, config.dateFormat, config.listDateFormat, config.locale].join("\n");
  const feedLinks = (basePath: string, title: string): FeedLinks => {
    const paths = feedPaths(basePath);
    return { title, atom: link(paths.atom), json: link(paths.json) };
  };
  const categoryFeeds = new Map(registry.all.map((c) => [c.slug, feedLinks(categoryPath(c), `${c.name} – ${config.title}`)]));

  const entries = new Map<Article, ArticleEntry>();
  const paths = new Map<Article, string>();
  for (const a of articles) {
    const category = registry.bySlug.get(a.category)!;
    const key = `${entryKey}\n${category.path.join("/")}`;
    let derived = derivedCache.get(a);
    if (derived?.key !== key) {
      const path = articlePath(config.articleUrl, { category, slug: a.slug, date: a.date });
      derived = {
        key,
        path,
        entry: {
          title: a.title,
          href: link(path),
          anchor: `entry-${path.replace(/^\/|\/$/g, "").replace(/\.html$/, "").split("/").join("--")}`,
          dateIso: isoWithOffset(a.date),
          dateText: formatDate(a.date, config.dateFormat, config.locale),
          listDateText: formatDate(a.date, config.listDateFormat, config.locale),
          views: a.views,
          viewsText: numberFormat.format(a.views),
          summary: a.summary,
          lang: a.lang,
        },
      };
      derivedCache.set(a, derived);
    }
    paths.set(a, derived.path);
    entries.set(a, derived.entry);
  }
  const entry = (a: Article) => entries.get(a)!;

  const articlePages: ArticlePage[] = nav.chronological.map((a) => {
    const category = registry.bySlug.get(a.category)!;
    const e = entry(a);
    const { prev, next } = nav.neighbours.get(a)!;
    const crumbs = crumbsFor(category);
    crumbs.push({ text: a.title, href: null });
    return {
      kind: "article",
      path: paths.get(a)!,
      head: head(withSite(a.title), a.summary, paths.get(a)!),
      section: category.path[0]!,
      breadcrumbs: crumbs,
      feeds: categoryFeeds.get(category.slug)!,
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
    };
  });

  const listPages: ListPage[] = [];
  for (const category of registry.all) {
    const list = nav.lists.get(category.slug)!;
    const total = pageCount(list.length, config.pageSize);
    const pageHref = (n: number) => link(categoryPath(category, n));
    const children = category.children.map((slug) => {
      const child = registry.bySlug.get(slug)!;
      return { text: child.name, href: link(categoryPath(child)), countText: fill(t.articleCount, { n: numberFormat.format(nav.lists.get(slug)!.length) }) };
    });
    for (let n = 1; n <= total; n++) {
      const crumbs = crumbsFor(category);
      crumbs[crumbs.length - 1] = { text: category.name, href: null };
      const path = categoryPath(category, n);
      const title = n === 1 ? category.name : `${category.name} · ${fill(t.pageN, { n })}`;
      listPages.push({
        kind: "list",
        path,
        head: head(withSite(title), category.description || config.tagline, path),
        section: category.path[0]!,
        breadcrumbs: crumbs,
        feeds: categoryFeeds.get(category.slug)!,
        slug: category.slug,
        name: category.name,
        description: category.description,
        pageNumber: n,
        totalPages: total,
        items: list.slice((n - 1) * config.pageSize, n * config.pageSize).map(entry),
        children,
        pager: {
          items: pagerItems(n, total).map((p) =>
            p.kind === "gap" ? { kind: "gap", number: 0, href: "", current: false } : { kind: "page", number: p.number, href: pageHref(p.number), current: p.current },
          ),
          first: n > 1 ? pageHref(1) : null,
          prevPage: n > 1 ? pageHref(n - 1) : null,
          nextPage: n < total ? pageHref(n + 1) : null,
          last: n < total ? pageHref(total) : null,
          status: fill(t.pageOfTotal, { n, total }),
        },
      });
    }
  }

  const newestFirst = [...nav.chronological].reverse();
  const mostViewed = [...newestFirst].sort((a, b) => b.views - a.views).slice(0, config.home.mostViewed);
  const home: HomePage = {
    kind: "home",
    path: "/",
    head: head(config.tagline ? `${config.title} – ${config.tagline}` : config.title, config.tagline, "/"),
    section: null,
    breadcrumbs: [],
    feeds: null,
    latest: newestFirst.slice(0, config.home.latest).map(entry),
    blocks: registry.top.map((c) => ({
      name: c.name,
      href: link(categoryPath(c)),
      items: nav.lists.get(c.slug)!.slice(0, config.home.perCategory).map(entry),
    })),
    mostViewed: mostViewed.map(entry),
  };

  const navCategories = config.nav ? config.nav.map((slug) => registry.bySlug.get(slug)).filter((c): c is Category => !!c) : registry.top;
  const site: SiteView = {
    title: config.title,
    tagline: config.tagline,
    contact: config.contact,
    lang: config.locale,
    pathPrefix: prefix,
    homeHref: link("/"),
    stylesheetHref: link("/assets/site.css"),
    nav: navCategories.map((c) => ({ slug: c.slug, text: c.name, href: link(categoryPath(c)) })),
    csp: CSP_META,
    origin: config.url,
    ogLocale: { "zh-Hant": "zh_TW", "zh-Hans": "zh_CN", en: "en_US" }[config.locale],
    feeds: feedLinks("/", config.title),
    cta: config.cta ? { ...config.cta, href: siteHref(prefix, config.cta.href) } : null,
    footer: { ...config.footer, links: config.footer.links.map((l) => ({ text: l.text, href: siteHref(prefix, l.href) })) },
    archiveHref: link("/archive/"),
    searchHref: config.search ? link(SEARCH_PATH) : null,
    t,
  };

  const archivePages = buildArchivePages(ctx, newestFirst, entry);

  const notFound: NotFoundPage = {
    kind: "not-found",
    path: "/404.html",
    head: head(withSite(t.notFound), config.tagline, "/404.html"),
    section: null,
    breadcrumbs: [],
    feeds: null,
    categories: registry.all.map((c) => ({ text: c.name, href: link(categoryPath(c)), depth: c.path.length - 1 })),
  };

  const searchPages: SearchPage[] = config.search
    ? [
        {
          kind: "search",
          path: SEARCH_PATH,
          head: head(withSite(t.searchTitle), config.tagline, SEARCH_PATH),
          section: null,
          breadcrumbs: [
            { text: t.home, href: link("/") },
            { text: t.searchTitle, href: null },
          ],
          feeds: null,
          bundleHref: link(SEARCH_BUNDLE),
          foldHref: link(SEARCH_FOLD),
          scriptHref: link("/assets/search.js"),
        },
      ]
    : [];

  const { filePages, redirectPages } = buildSiteFiles(ctx, { chronological: nav.chronological, newestFirst, articlePages, listPages, archivePages, lists: nav.lists, categories: registry.all });

  return {
    site,
    homePages: [home],
    notFoundPages: [notFound],
    searchPages,
    filePages: config.search ? [...filePages, { path: SEARCH_FOLD, text: webJson(foldTable()) }] : filePages,
    articlePages,
    listPages,
    archivePages,
    redirectPages,
    problems: findCollisions(articlePages, [...listPages, ...archivePages], redirectPages, filePages, registryFile, config.search),
  };
}

/** What each page kind's pages look like; `pagesOf(model, kind)` gives them. */
export interface PagesByKind {
  article: ArticlePage;
  list: ListPage;
  archive: ArchivePage;
  redirect: RedirectPage;
  home: HomePage;
  "not-found": NotFoundPage;
  search: SearchPage;
  file: { path: string; text: string };
}

/** The pages of one kind, in model order (callers outside src/site/ use this, never the model's fields). */
export function pagesOf<K extends keyof PagesByKind>(model: SiteModel, kind: K): readonly PagesByKind[K][] {
  const lists = {
    article: model.articlePages,
    list: model.listPages,
    archive: model.archivePages,
    redirect: model.redirectPages,
    home: model.homePages,
    "not-found": model.notFoundPages,
    search: model.searchPages,
    file: model.filePages,
  } satisfies { [P in keyof PagesByKind]: readonly PagesByKind[P][] };
  return lists[kind] as unknown as readonly PagesByKind[K][];
}

/** HTML pages in a model (files such as feeds not counted). */
export function htmlPageCount(model: Pick<SiteModel, "articlePages" | "listPages" | "archivePages" | "redirectPages" | "homePages" | "notFoundPages" | "searchPages">): number {
  return (
    model.articlePages.length +
    model.listPages.length +
    model.archivePages.length +
    model.redirectPages.length +
    model.homePages.length +
    model.notFoundPages.length +
    model.searchPages.length
  );
}

/** Owner-written links: site paths ("/about/") get the prefix; anything else (https:, mailto:) is kept. */
export function siteHref(prefix: string, target: string): string {
  return target.startsWith("/") && !target.startsWith("//") ? href(prefix, target) : target;
}

/**
 * Two pages on one output file is an error naming both, also when the paths differ only in case or
 * Unicode normalisation (case-insensitive file systems and hosts would merge them). So is a page whose
 * file would have to be a folder for another ("/feed.xml" as an alias needs feed.xml/index.html, where the
 * feed is a file), which would crash the build. An alias is an old address: its problems name the
 * article, the `aliases` field and the alias, and it may not point into the folders the build fills
 * itself (assets, media, the search page and index).
 */
function findCollisions(
  articlePages: readonly ArticlePage[],
  listPages: readonly (ListPage | ArchivePage)[],
  redirectPages: readonly RedirectPage[],
  files: readonly { path: string }[],
  registryFile: string,
  search: boolean,
): Problem[] {
  type Owner = { what: string; file?: string };
  /** Output file (folded) → who writes it; output folder (folded) → who first needed it. */
  const owners = new Map<string, Owner>();
  const folders = new Map<string, Owner>();
  const problems: Problem[] = [];
  const keyOf = (path: string) => outputFile(path).normalize("NFC").toLowerCase();
  const ownFolders = [ASSETS_PATH, MEDIA_PATH, ...(search ? [SEARCH_PATH, SEARCH_BUNDLE] : [])];

  /** What stands in the way of writing `key`, or undefined when nothing does. */
  const conflict = (key: string): { owner: Owner; how: string } | undefined => {
    const file = owners.get(key);
    if (file) return { owner: file, how: "is also written by" };
    const folder = folders.get(key);
    if (folder) return { owner: folder, how: "would be a file where a folder is needed by" };
    for (let i = key.indexOf("/"); i !== -1; i = key.indexOf("/", i + 1)) {
      const above = owners.get(key.slice(0, i));
      if (above) return { owner: above, how: `would need a folder where a file (/${key.slice(0, i)}) is written by` };
    }
    return undefined;
  };
  const take = (key: string, owner: Owner) => {
    owners.set(key, owner);
    for (let i = key.indexOf("/"); i !== -1; i = key.indexOf("/", i + 1)) if (!folders.has(key.slice(0, i))) folders.set(key.slice(0, i), owner);
  };

  const claim = (path: string, what: string, file?: string) => {
    const key = keyOf(path);
    // The build writes the Pagefind bundle into /pagefind/ after the pages: nothing else may live there.
    if (search && key.startsWith(SEARCH_BUNDLE.slice(1)) && path !== SEARCH_BUNDLE) {
      problems.push({ file: file ?? registryFile, line: 0, column: 0, field: "slug", found: `the page ${path} is inside ${SEARCH_BUNDLE}, the search index's folder`, expected: "a URL outside /pagefind/ (or search: false in site config)" });
      return;
    }
    const found = conflict(key);
    if (found === undefined) take(key, { what, file });
    else
      problems.push({
        file: file ?? registryFile,
        line: 0,
        column: 0,
        field: "slug",
        found: `the page ${path} ${found.how} ${found.owner.what}`,
        ...(found.owner.file ? { also: found.owner.file } : {}),
        expected: "a URL of its own: change slug: (or the articleUrl pattern)",
      });
  };

  const claimAlias = (page: RedirectPage) => {
    const report = (found: string, expected: string, also?: string) =>
      problems.push({ file: page.file, line: page.at?.line ?? 0, column: page.at?.column ?? 0, field: "aliases", found, ...(also ? { also } : {}), expected });
    const key = keyOf(page.path);
    const inside = ownFolders.find((folder) => key.startsWith(folder.slice(1)));
    if (inside) {
      return void report(`the alias ${page.alias} is inside ${inside}, which the site fills with its own files`, `an old address outside ${ownFolders.join(", ")}: remove it from aliases`);
    }
    // An alias that names one of the site's files as written ("/feed.xml") is that file; otherwise the
    // page that serves it ("/old/x" → /old/x/index.html) must be free.
    const same = owners.get(keyOf(page.alias));
    const found = same ? { owner: same, how: "is also written by" } : conflict(key);
    if (found) return void report(`the alias ${page.alias} ${found.how} ${found.owner.what}`, "an old address that no page or file of the site has: remove it from aliases", found.owner.file);
    take(key, { what: `an alias (${page.alias}) of the article`, file: page.file });
  };

  claim("/", "the home page");
  claim("/404.html", "the 404 page");
  claim("/assets/site.css", "the stylesheet");
  if (search) {
    claim(SEARCH_PATH, "the search page");
    claim("/assets/search.js", "the search script");
    claim(SEARCH_FOLD, "the search fold table");
    // The build writes the Pagefind bundle into this folder after the pages.
    claim(SEARCH_BUNDLE, "the search index");
  }
  for (const file of files) claim(file.path, `the site file ${file.path}`);
  for (const page of listPages) page.kind === "list" ? claim(page.path, `the list page of category "${page.slug}" in`, registryFile) : claim(page.path, "the date archive");
  for (const page of articlePages) claim(page.path, "the article", page.file);
  for (const page of redirectPages) claimAlias(page);
  return problems;
}
