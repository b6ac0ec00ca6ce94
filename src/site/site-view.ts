// What every page shows of the site: its name, navigation, feeds, call to action, footer and labels.
import type { Category } from "../content/categories.ts";
import { categoryPath, href } from "../content/permalink.ts";
import type { CallToAction, Link } from "../config/site.ts";
import type { Labels } from "../i18n/labels.ts";
import type { FeedLinks, PageContext } from "./pages/context.ts";
import { SEARCH_PATH, STYLESHEET_PATH } from "./paths.ts";
import { TAGS_PATH } from "./tag-slug.ts";
import { CSP_META } from "./security.ts";
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
  /** Content-Security-Policy for the `<meta>` in every head. */
  csp: string;
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
  footer: { copyright: string; icp: string; icpUrl: string; links: Link[] };
  /** UI labels in the site's locale. */
  t: Labels;
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
    csp: CSP_META,
    origin: config.url,
    ogLocale: ogLocale(config.locale),
    image: ctx.siteImage,
    feeds: feedLinks("/", config.title),
    cta: config.cta ? { ...config.cta, href: siteHref(prefix, config.cta.href) } : null,
    footer: {
      ...config.footer,
      links: config.footer.links.map((l) => ({ text: l.text, href: siteHref(prefix, l.href) })),
    },
    archiveHref: link("/archive/"),
    tagsHref: tags.all.length > 0 ? link(TAGS_PATH) : null,
    searchHref: config.search ? link(SEARCH_PATH) : null,
    t,
  };
}

/** Owner-written links: site paths ("/about/") get the prefix; anything else (https:, mailto:) is kept. */
export function siteHref(prefix: string, target: string): string {
  return target.startsWith("/") && !target.startsWith("//") ? href(prefix, target) : target;
}
