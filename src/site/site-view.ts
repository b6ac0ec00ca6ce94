// What every page shows of the site: its name, navigation, feeds, call to action, footer and labels.
import type { Category } from "../content/categories.ts";
import { categoryPath, href } from "../content/permalink.ts";
import type { CallToAction, Link } from "../config/site.ts";
import type { Host } from "../config/host.ts";
import type { Labels } from "../i18n/labels.ts";
import type { FeedLinks, PageContext } from "./pages/context.ts";
import { SEARCH_PATH, STYLESHEET_PATH } from "./paths.ts";
import { TAGS_PATH } from "./tag-slug.ts";
import { cspMeta } from "./security.ts";
import { analyticsScripts, analyticsSources, type AnalyticsScript } from "./analytics.ts";
import { verificationMeta } from "../config/beian.ts";
import { faviconsOf, safeDecode } from "./public-files.ts";

/** The footer's 公安備案 line: its text, the registry link, the emblem at its displayed size. */
export interface GonganView {
  text: string;
  href: string;
  icon: { src: string; width: number; height: number } | null;
}
import { ogLocale } from "./og-locale.ts";
import type { ShareImage } from "./share-image.ts";

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
  /** Content-Security-Policy for the `<meta>` in every head (with the analytics' hosts). */
  csp: string;
  /** The analytics' script tags (partials/analytics.njk); empty when analytics is off. */
  analytics: AnalyticsScript[];
  /** Absolute origin ("https://archive.example.org"), for canonical, Open Graph and JSON-LD URLs. */
  origin: string;
  /** The archive by date. */
  archiveHref: string;
  /** The tag index (/tags/), or null when no article has tags. */
  tagsHref: string | null;
  /** The search page, or null when the site has no search (config `search: false`). */
  searchHref: string | null;
  /** Open Graph locale ("zh_TW"). */
  ogLocale: string;
  /** The share image of pages without their own (site config `image`), or null. */
  image: ShareImage | null;
  /** The whole site's feeds, linked from every page's head. */
  feeds: FeedLinks;
  cta: CallToAction | null;
  footer: { copyright: string; icp: string; icpUrl: string; links: Link[]; gongan: GonganView | null };
  /** `<link rel="icon">`s for content/public/favicon.{ico,png,svg}; empty when there is none. */
  favicons: { href: string; type: string }[];
  /** Search engines' ownership <meta> tags, written on the home page (where each engine looks). */
  verification: { name: string; content: string }[];
  /** UI labels in the site's locale. */
  t: Labels;
  /** The host whose rules `_redirects` holds (src/config/host.ts), for the build summary. */
  redirectsFor: Host;
}

export function siteView(ctx: PageContext): SiteView {
  const { config, registry, t, link, feedLinks, tags } = ctx;
  const prefix = config.pathPrefix;
  const navCategories = config.nav
    ? config.nav.map((slug) => registry.bySlug.get(slug)).filter((c): c is Category => !!c)
    : registry.top;
  return {
    title: config.title,
    tagline: config.tagline,
    contact: config.contact,
    lang: config.locale,
    pathPrefix: prefix,
    homeHref: link("/"),
    stylesheetHref: link(STYLESHEET_PATH),
    nav: navCategories.map((c) => ({ slug: c.slug, text: c.name, href: link(categoryPath(c)) })),
    csp: cspMeta(analyticsSources(config.analytics)),
    analytics: analyticsScripts(config.analytics),
    origin: config.url,
    ogLocale: ogLocale(config.locale),
    image: ctx.siteImage,
    feeds: feedLinks("/", config.title),
    cta: config.cta ? { ...config.cta, href: siteHref(prefix, config.cta.href) } : null,
    footer: {
      ...config.footer,
      links: config.footer.links.map((l) => ({ text: l.text, href: siteHref(prefix, l.href) })),
      gongan: gonganView(ctx),
    },
    favicons: faviconsOf(ctx.publicFiles.map((f) => f.path)).map((f) => ({ href: link(f.path), type: f.type })),
    verification: verificationMeta(config.verification),
    archiveHref: link("/archive/"),
    tagsHref: tags.all.length > 0 ? link(TAGS_PATH) : null,
    searchHref: config.search ? link(SEARCH_PATH) : null,
    t,
    redirectsFor: config.redirectsFor,
  };
}

function gonganView({ config, link, gonganIcon }: PageContext): GonganView | null {
  const gongan = config.footer.gongan;
  if (!gongan) return null;
  const icon = gongan.icon && gonganIcon ? { src: link(safeDecode(gongan.icon)), ...gonganIcon } : null;
  return { text: gongan.text, href: siteHref(config.pathPrefix, gongan.href), icon };
}

/** Owner-written links: site paths ("/about/") get the prefix; anything else (https:, mailto:) is kept. */
export function siteHref(prefix: string, target: string): string {
  return target.startsWith("/") && !target.startsWith("//") ? href(prefix, target) : target;
}
