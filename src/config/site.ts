// Site config: one data file, `content/_data/site.json` (or site.yaml), read and checked here.
// Every option, its default and its meaning live in this module; the README's table mirrors it.
import { LABELS, isLocale, type Labels, type Locale } from "../i18n/labels.ts";
import { DISPLAY, isValidZone } from "../content/dates.ts";
import { describeForbidden, forbiddenCharacter, PRINTABLE_TEXT, stringsIn } from "../content/characters.ts";
import { describeValue, type Problem } from "../content/problems.ts";
import type { YamlSource } from "../content/yaml-source.ts";
import { URL_PLACEHOLDERS } from "../content/permalink.ts";
import { unknownKeyProblems } from "../content/schema-problems.ts";
import { HREF_EXPECTED, hrefProblem } from "./href.ts";
import { SITE_SCHEMA } from "./site-schema.ts";
import { readCopyright, type Copyright } from "./copyright.ts";
import { readSubmit, SUBMIT_DEFAULTS, type SubmitConfig } from "./submit.ts";
import { HOST_SETTINGS, hostFor, type Host, type HostSetting } from "./host.ts";
import { NO_ANALYTICS, readAnalytics, type Analytics } from "./analytics.ts";
import { readGongan, readVerification, type Gongan, type Verification } from "./beian.ts";
import type { ShareImageSource } from "../content/share-image.ts";
import { readAuthors, readFeedContent, readSiteImage, type AuthorPage, type FeedContent } from "./share.ts";

export interface Link {
  text: string;
  href: string;
}

export interface CallToAction {
  text: string;
  label: string;
  href: string;
}

export interface SiteConfig {
  /** Site name, shown in the header and after every page title. */
  title: string;
  /** One line under the site name. */
  tagline: string;
  /** Absolute site URL without the path prefix, e.g. "https://archive.example.org". */
  url: string;
  /** Where the site lives on its host: "/" or "/archive/". */
  pathPrefix: string;
  /** UI language; also `<html lang>`. */
  locale: Locale;
  /** IANA zone in which dates without an offset are read and all dates are shown. */
  timeZone: string;
  /** luxon token format for the publish time on article pages. */
  dateFormat: string;
  /** luxon token format for dates in article lists. */
  listDateFormat: string;
  /** Articles per category list page. */
  pageSize: number;
  /** Article URL pattern; placeholders: see URL_PLACEHOLDERS. */
  articleUrl: string;
  /** Contact line in the header (hotline numbers…); empty for none. */
  contact: string;
  /** Top-level category slugs in the main navigation; null = every top-level category, in registry order. */
  nav: string[] | null;
  /** Block under every article; null turns it off. */
  cta: CallToAction | null;
  /** `gongan`: the public-security filing number beside the ICP one (./beian.ts); null for none. */
  footer: { copyright: string; icp: string; icpUrl: string; links: Link[]; gongan: Gongan | null };
  /** Search engines' ownership codes, as <meta> tags on the home page (./beian.ts). */
  verification: Verification;
  /** How many articles the home page lists as latest and as most viewed, and per top-level category. */
  home: { latest: number; mostViewed: number; perCategory: number };
  /** Articles per feed (site-wide and per category), newest first; whole articles or their summaries. */
  feed: { limit: number; content: FeedContent };
  /** Category list pages: how many most viewed articles of the category (its descendants' included) they show; 0 = none. */
  category: { mostViewed: number };
  /** Site search (Pagefind index, search page, header box); false leaves all three out. */
  search: boolean;
  /** Reading speed for an article's length line: CJK characters and other words per minute. */
  readingSpeed: { cjk: number; latin: number };
  /** The notice after each article's body (./copyright.ts); null turns it off. Not `footer.copyright`. */
  copyright: Copyright | null;
  /** An article's table of contents is shown from this many h2/h3 headings; 0 (or `toc: false`) turns it off. */
  toc: { minHeadings: number };
  /** Related articles under an article (by shared tags and category): how many; 0 shows none. */
  related: { count: number };
  /** `npm run submit`: the IndexNow key (its key file is written into the site) and the endpoints. */
  submit: SubmitConfig;
  /** Page-view counters whose external script every page loads (./analytics.ts); none by default. */
  analytics: Analytics;
  /** Label overrides on top of the locale's shipped labels. */
  labels: Labels;
  /** The host whose `_redirects` rules the site gets (./host.ts); `auto` reads the build's environment. */
  host: HostSetting;
  /** What `host` became for this build: checkSite sets it from the build's environment. */
  redirectsFor: Host;
  /** The old site's address for Baidu's move files (src/site/seo-move.ts); null: the site itself (it keeps its address). */
  move: { from: string | null };
  /** The share image of pages without their own (home, lists, articles without an image); null for none. */
  image: ShareImageSource | null;
  /** Authors' own pages, by the name `author:` gives (./share.ts). */
  authors: Readonly<Record<string, AuthorPage>>;
}

export const DEFAULTS = {
  title: "Wenku",
  tagline: "",
  url: "http://localhost:8080",
  pathPrefix: "/",
  locale: "zh-Hant",
  timeZone: "Asia/Shanghai",
  dateFormat: DISPLAY,
  listDateFormat: "yyyy-MM-dd",
  pageSize: 20,
  articleUrl: "/{category-path}/{slug}/",
  contact: "",
  nav: null,
  cta: null,
  footer: { copyright: "", icp: "", icpUrl: "https://beian.miit.gov.cn/", links: [], gongan: null },
  verification: {},
  home: { latest: 10, mostViewed: 10, perCategory: 5 },
  feed: { limit: 20, content: "full" },
  category: { mostViewed: 0 },
  search: true,
  readingSpeed: { cjk: 400, latin: 200 },
  copyright: null,
  toc: { minHeadings: 3 },
  related: { count: 5 },
  submit: SUBMIT_DEFAULTS,
  host: "auto",
  analytics: NO_ANALYTICS,
  move: { from: null },
  image: null,
  authors: {},
} as const satisfies Omit<SiteConfig, "labels" | "locale" | "redirectsFor"> & { locale: Locale };

const KNOWN_KEYS = new Set([...Object.keys(DEFAULTS), "labels"]);

/** Checks a parsed config file; returns the config with defaults filled in, and every problem. */
export function readSiteConfig(
  source: YamlSource | undefined,
  file: string,
): { config: SiteConfig; problems: Problem[] } {
  const problems: Problem[] = [...(source?.problems ?? [])];
  const raw = source?.value ?? {};
  const at = (path: readonly (string | number)[]) => source?.locate(path) ?? { line: 0, column: 0 };
  /** `described` replaces the description of what was found ("a number, 5"). */
  const problem = (path: (string | number)[], found: unknown, expected: string, described = describeValue(found)) =>
    problems.push({ file, ...at(path), field: path.join("."), found: described, expected });

  const isMapping = typeof raw === "object" && raw !== null && !Array.isArray(raw);
  if (!isMapping) problem([], raw, "a mapping of settings");
  const r = (isMapping ? raw : {}) as Record<string, unknown>;
  for (const key of Object.keys(r))
    if (!KNOWN_KEYS.has(key)) problem([key], key, `one of: ${[...KNOWN_KEYS].join(", ")}`);
  // Below the top level (whose message above tests and docs quote), unknown keys come from the schema.
  if (isMapping) problems.push(...unknownKeyProblems(SITE_SCHEMA, r, file, at, { skipTop: true }));
  // Every text reaches some output (pages, feeds, _headers): a character XML cannot carry is refused here.
  for (const { path, text } of stringsIn(r)) {
    const bad = forbiddenCharacter(text);
    if (bad) problem(path, text, PRINTABLE_TEXT, describeForbidden(text, bad));
  }
  // Links the owner writes become live <a href>s: only kinds that cannot run script or leave unnoticed.
  const checkHref = (path: (string | number)[], href: string) => {
    // A control character in it is reported once, above.
    const reason = forbiddenCharacter(href) ? null : hrefProblem(href);
    if (reason) problem(path, href, HREF_EXPECTED, `${describeValue(href)} (${reason})`);
  };

  const text = textReader(r, problem);
  const count = (path: (string | number)[], value: unknown, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      problem(path, value, `a whole number ≥ ${min}`);
      return fallback;
    }
    return value;
  };

  const reader: Reader = { problem, text, checkHref };

  const locale =
    r.locale === undefined
      ? DEFAULTS.locale
      : isLocale(r.locale)
        ? r.locale
        : (problem(["locale"], r.locale, "one of zh-Hant, zh-Hans, en"), DEFAULTS.locale);

  const timeZone = text("timeZone", DEFAULTS.timeZone);
  if (!isValidZone(timeZone)) problem(["timeZone"], timeZone, "an IANA time zone such as Asia/Shanghai");

  const url = text("url", DEFAULTS.url).replace(/\/+$/, "");
  // Host name characters (any script), an optional port: the origin is written into every canonical link.
  if (!/^https?:\/\/[\p{L}\p{N}.-]+(?::\d{1,5})?$/u.test(url) || !URL.canParse(url))
    problem(["url"], r.url, "an absolute origin such as https://archive.example.org (the subpath goes in pathPrefix)");

  const rawPrefix = text("pathPrefix", DEFAULTS.pathPrefix);
  const checkedPrefix = checkedPathPrefix(rawPrefix);
  if (checkedPrefix === null) problem(["pathPrefix"], rawPrefix, PATH_PREFIX_EXPECTED);
  const pathPrefix = checkedPrefix ?? DEFAULTS.pathPrefix;

  const articleUrl = text("articleUrl", DEFAULTS.articleUrl);
  checkArticleUrl(articleUrl, problem);

  let nav: string[] | null = null;
  if (r.nav !== undefined && r.nav !== null) {
    if (!Array.isArray(r.nav) || r.nav.some((s) => typeof s !== "string"))
      problem(["nav"], r.nav, "a list of top-level category slugs");
    else nav = r.nav as string[];
  }

  const cta = readCta(r.cta, reader);

  const footer = readFooter((r.footer ?? {}) as Record<string, unknown>, reader);

  const { home, feed, category, readingSpeed, related } = readCounts(r, count);
  const toc = readToc(r.toc, count, problem);

  let search: boolean = DEFAULTS.search;
  if (r.search !== undefined) {
    if (typeof r.search !== "boolean") problem(["search"], r.search, "true or false");
    else search = r.search;
  }

  const labels = readLabels((r.labels ?? {}) as Record<string, unknown>, locale, reader);
  const copyright = readCopyright(r.copyright, labels.copyrightNotice, problem);
  return {
    config: {
      title: text("title", DEFAULTS.title),
      tagline: text("tagline", DEFAULTS.tagline),
      url,
      pathPrefix,
      locale,
      timeZone,
      dateFormat: text("dateFormat", DEFAULTS.dateFormat),
      listDateFormat: text("listDateFormat", DEFAULTS.listDateFormat),
      pageSize: count(["pageSize"], r.pageSize, DEFAULTS.pageSize, 1),
      articleUrl,
      contact: text("contact", DEFAULTS.contact),
      nav,
      cta,
      footer,
      home,
      feed: { ...feed, content: readFeedContent(r.feed, problem) },
      category,
      readingSpeed,
      toc,
      related,
      search,
      copyright,
      labels,
      ...readPublishing(r, reader),
      image: readSiteImage(r.image, file, at, problems),
      authors: readAuthors(r.authors, problem),
    },
    problems,
  };
}

/**
 * A path prefix is written raw into every link, into `_headers` (one rule per line) and `_redirects`, so
 * it must be a plain path: segments of URL-safe characters only (RFC 3986 unreserved), no "." or "..".
 */
const PATH_PREFIX = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;
export const PATH_PREFIX_EXPECTED =
  'a plain path such as "/archive/": segments of letters a–z and A–Z, digits, ".", "_", "~" and "-", no . or .. segments';

/** The prefix as the site uses it ("archive" → "/archive/"), or null when it is not a plain path. */
export function checkedPathPrefix(raw: string): string | null {
  const prefix = normalisePathPrefix(raw);
  return PATH_PREFIX.test(prefix) && !prefix.split("/").some((segment) => segment === "." || segment === "..")
    ? prefix
    : null;
}

/** `--path-prefix` on the command line: the same rule as site config, reported as a problem of the option. */
export function pathPrefixOverride(raw: string, problems: Problem[]): string {
  const prefix = checkedPathPrefix(raw);
  if (prefix === null)
    problems.push({
      file: "--path-prefix",
      line: 0,
      column: 0,
      field: "pathPrefix",
      found: describeValue(raw),
      expected: PATH_PREFIX_EXPECTED,
    });
  return prefix ?? DEFAULTS.pathPrefix;
}

/** "archive" → "/archive/", "" → "/", "/a/b" → "/a/b/". */
export function normalisePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * The reader of text settings: a top-level key by name, a nested one by the value passed in (so that
 * `footer.copyright` left out is never read from the top-level `copyright`); null or absent → fallback.
 */
function textReader(r: Record<string, unknown>, problem: Reader["problem"]): Reader["text"] {
  return (key, fallback, path = [key], value = path.length === 1 ? r[key] : undefined) => {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "string") return (problem(path, value, "text"), fallback);
    return value;
  };
}

/** What the section readers below share with readSiteConfig: reporting, text fields, owner-written links. */
interface Reader {
  problem(path: (string | number)[], found: unknown, expected: string, described?: string): void;
  text(key: string, fallback: string, path?: (string | number)[], value?: unknown): string;
  checkHref(path: (string | number)[], href: string): void;
}

/** `cta:` false, or { text, label, href }. */
function readCta(value: unknown, { problem, text, checkHref }: Reader): CallToAction | null {
  let cta: CallToAction | null = null;
  if (value !== undefined && value !== null && value !== false) {
    const c = value as Record<string, unknown>;
    if (typeof c !== "object" || Array.isArray(c))
      problem(["cta"], value, "false, or a mapping with text, label and href");
    else {
      cta = {
        text: text("text", "", ["cta", "text"], c.text),
        label: text("label", "", ["cta", "label"], c.label),
        href: text("href", "", ["cta", "href"], c.href),
      };
      if (typeof c.href === "string" || c.href === undefined || c.href === null) checkHref(["cta", "href"], cta.href);
    }
  }

  return cta;
}

/** `footer:` copyright, ICP number and its link, owner's links, the public-security filing. */
function readFooter(f: Record<string, unknown>, { problem, text, checkHref }: Reader): SiteConfig["footer"] {
  const links: Link[] = [];
  if (f.links !== undefined) {
    if (!Array.isArray(f.links)) problem(["footer", "links"], f.links, "a list of { text, href }");
    else
      f.links.forEach((l: unknown, i) => {
        const link = (l ?? {}) as Record<string, unknown>;
        if (typeof link.text !== "string" || typeof link.href !== "string")
          problem(["footer", "links", i], l, "{ text, href } with both given as text");
        else {
          checkHref(["footer", "links", i, "href"], link.href);
          links.push({ text: link.text, href: link.href });
        }
      });
  }
  const footer: SiteConfig["footer"] = {
    copyright: text("copyright", "", ["footer", "copyright"], f.copyright),
    icp: text("icp", "", ["footer", "icp"], f.icp),
    icpUrl: text("icpUrl", DEFAULTS.footer.icpUrl, ["footer", "icpUrl"], f.icpUrl),
    links,
    gongan: readGongan(f.gongan, problem),
  };
  if (typeof f.icpUrl === "string") checkHref(["footer", "icpUrl"], footer.icpUrl);

  return footer;
}

/** What the site tells hosts, search engines and counters: each key read by its own module. */
function readPublishing(r: Record<string, unknown>, reader: Reader) {
  const { problem } = reader;
  const host = readHost(r.host, problem);
  return {
    verification: readVerification(r.verification, problem),
    submit: readSubmit(r.submit, problem),
    analytics: readAnalytics(r.analytics, problem),
    host,
    redirectsFor: hostFor(host, {}),
    move: readMove(r.move, reader),
  } satisfies Partial<SiteConfig>;
}

/** `host:` whose `_redirects` rules to write (./host.ts). */
function readHost(value: unknown, problem: Reader["problem"]): HostSetting {
  if (value === undefined || value === null) return DEFAULTS.host;
  if ((HOST_SETTINGS as readonly unknown[]).includes(value)) return value as HostSetting;
  problem(["host"], value, `one of ${HOST_SETTINGS.join(", ")}`);
  return DEFAULTS.host;
}

/** `move: { from }`: an absolute http(s) address, a path allowed ("https://www.old.example/bbs"), no query. */
function readMove(value: unknown, { problem, text }: Reader): SiteConfig["move"] {
  if (value !== undefined && value !== null && (typeof value !== "object" || Array.isArray(value))) {
    problem(["move"], value, "a mapping: { from: the old site's address }");
    return { from: null };
  }
  const m = (value ?? {}) as Record<string, unknown>;
  const from = text("from", "", ["move", "from"], m.from).replace(/\/+$/, "");
  if (from === "") return { from: null };
  const parsed = URL.canParse(from) ? new URL(from) : null;
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash || /\s/.test(from)) {
    problem(
      ["move", "from"],
      m.from,
      "the old site's address, such as https://www.old.example (a path may follow; no query)",
    );
    return { from: null };
  }
  return { from: (parsed.origin + parsed.pathname).replace(/\/+$/, "") };
}

/** `labels:` overrides of the locale's UI labels, by name. */
function readLabels(overrides: Record<string, unknown>, locale: Locale, { problem }: Reader): Labels {
  const labels: Labels = { ...LABELS[locale] };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in labels)) problem(["labels", key], key, `a label name: ${Object.keys(labels).join(", ")}`);
    else if (typeof value !== "string") problem(["labels", key], value, "text");
    else labels[key as keyof Labels] = value;
  }

  return labels;
}

/** `articleUrl`: a pattern of site paths that cannot lead outside the output folder. */
function checkArticleUrl(articleUrl: string, problem: Reader["problem"]): void {
  const unknownPlaceholders = [...articleUrl.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1]!)
    .filter((p) => !URL_PLACEHOLDERS.includes(p));
  // No "." or ".." segments and no backslashes: an article can never be written outside the output folder.
  const escapes =
    articleUrl.includes("\\") || articleUrl.split("/").some((segment) => segment === "." || segment === "..");
  if (
    !articleUrl.startsWith("/") ||
    !(articleUrl.endsWith("/") || articleUrl.endsWith(".html")) ||
    !articleUrl.includes("{slug}") ||
    unknownPlaceholders.length > 0 ||
    escapes
  ) {
    problem(
      ["articleUrl"],
      articleUrl,
      `a path starting with "/", ending in "/" or ".html", containing {slug}, without . or .. segments; placeholders: ${URL_PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}`,
    );
  }
}

/** `toc:` false (off), true (the default threshold), or { minHeadings } (0 is off too). */
function readToc(value: unknown, count: Count, problem: Reader["problem"]): SiteConfig["toc"] {
  if (value === undefined || value === null || value === true) return { ...DEFAULTS.toc };
  if (value === false) return { minHeadings: 0 };
  if (typeof value !== "object" || Array.isArray(value)) {
    problem(["toc"], value, "true, false, or { minHeadings: a whole number ≥ 0 }");
    return { ...DEFAULTS.toc };
  }
  const t = value as Record<string, unknown>;
  return { minHeadings: count(["toc", "minHeadings"], t.minHeadings, DEFAULTS.toc.minHeadings, 0) };
}

type Count = (path: (string | number)[], value: unknown, fallback: number, min: number) => number;

/** The settings that are counts: the home page's lists, the feeds' length, category pages' most viewed, the reading speed, related articles. */
function readCounts(
  r: Record<string, unknown>,
  count: Count,
): Pick<SiteConfig, "home" | "feed" | "category" | "readingSpeed" | "related"> {
  const h = (r.home ?? {}) as Record<string, unknown>;
  const home = {
    latest: count(["home", "latest"], h.latest, DEFAULTS.home.latest, 0),
    mostViewed: count(["home", "mostViewed"], h.mostViewed, DEFAULTS.home.mostViewed, 0),
    perCategory: count(["home", "perCategory"], h.perCategory, DEFAULTS.home.perCategory, 0),
  };

  const fd = (r.feed ?? {}) as Record<string, unknown>;
  const feed = { limit: count(["feed", "limit"], fd.limit, DEFAULTS.feed.limit, 1), content: DEFAULTS.feed.content };

  const cat = (r.category ?? {}) as Record<string, unknown>;
  const category = {
    mostViewed: count(["category", "mostViewed"], cat.mostViewed, DEFAULTS.category.mostViewed, 0),
  };

  const rs = (r.readingSpeed ?? {}) as Record<string, unknown>;
  const readingSpeed = {
    cjk: count(["readingSpeed", "cjk"], rs.cjk, DEFAULTS.readingSpeed.cjk, 1),
    latin: count(["readingSpeed", "latin"], rs.latin, DEFAULTS.readingSpeed.latin, 1),
  };
  const rl = (r.related ?? {}) as Record<string, unknown>;
  const related = { count: count(["related", "count"], rl.count, DEFAULTS.related.count, 0) };
  return { home, feed, category, readingSpeed, related };
}
