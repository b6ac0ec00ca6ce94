// The shape of `_data/site.json`/yaml, declared once: a strict object at every depth, so an unknown key
// anywhere (`footer.copyrite`, `home.latests`, `cta.txt`) is an error. Values are checked in site.ts,
// whose messages name Wenku's own rules (hrefs, zones, URL patterns).
import { z } from "zod";

const text = z.string().nullable().optional();
const count = z.number().optional();

const link = z.strictObject({ text: z.string(), href: z.string() });

export const SITE_SCHEMA = z.strictObject({
  title: text,
  tagline: text,
  url: text,
  pathPrefix: text,
  locale: text,
  timeZone: text,
  dateFormat: text,
  listDateFormat: text,
  pageSize: count,
  articleUrl: text,
  contact: text,
  nav: z.array(z.string()).nullable().optional(),
  cta: z.union([z.literal(false), z.null(), z.strictObject({ text, label: text, href: text })]).optional(),
  footer: z
    .strictObject({
      copyright: text,
      icp: text,
      icpUrl: text,
      links: z.array(link).optional(),
      // Values checked in beian.ts.
      gongan: z.strictObject({ text, code: text, icon: text, url: text }).nullable().optional(),
    })
    .nullable()
    .optional(),
  home: z.strictObject({ latest: count, mostViewed: count, perCategory: count }).nullable().optional(),
  feed: z.strictObject({ limit: count, content: text }).nullable().optional(),
  category: z.strictObject({ mostViewed: count }).nullable().optional(),
  search: z.boolean().optional(),
  readingSpeed: z.strictObject({ cjk: count, latin: count }).nullable().optional(),
  // The notice after an article (not footer.copyright, the footer's line): values checked in copyright.ts.
  copyright: z
    .union([
      z.boolean(),
      z.null(),
      z.strictObject({
        text,
        license: z.union([z.string(), z.strictObject({ name: text, url: text }), z.null()]).optional(),
        ownSources: z.array(z.string()).nullable().optional(),
      }),
    ])
    .optional(),
  toc: z.union([z.boolean(), z.null(), z.strictObject({ minHeadings: count })]).optional(),
  related: z.strictObject({ count }).nullable().optional(),
  // `npm run submit` (src/config/submit.ts): baidu's site and token are listed only to be refused by name.
  submit: z
    .strictObject({
      indexnow: z.strictObject({ key: text, endpoint: text }).nullable().optional(),
      baidu: z.strictObject({ endpoint: text, site: z.unknown(), token: z.unknown() }).nullable().optional(),
    })
    .nullable()
    .optional(),
  // Ids and URLs are checked in analytics.ts.
  analytics: z
    .union([
      z.literal(false),
      z.null(),
      z.strictObject({
        baidu: z.strictObject({ id: text }).nullable().optional(),
        umami: z.strictObject({ id: text, script: text, hostUrl: text }).nullable().optional(),
        goatcounter: z.strictObject({ code: text, endpoint: text, script: text }).nullable().optional(),
        plausible: z.strictObject({ domain: text, script: text }).nullable().optional(),
      }),
    ])
    .optional(),
  // Where the old site was, for Baidu's move files (src/site/seo-move.ts); checked in site.ts.
  move: z.strictObject({ from: text }).nullable().optional(),
  // Search engines' ownership codes (beian.ts).
  verification: z.strictObject({ baidu: text, bing: text, google: text, so: text, sogou: text }).nullable().optional(),
  // Label names are checked against the locale's labels in site.ts (the list depends on the locale).
  labels: z.record(z.string(), z.string()).optional(),
  // One of HOST_SETTINGS (./host.ts), checked in site.ts.
  host: text,
  // A text or { src, alt }, checked (unknown keys too) by src/content/share-image.ts, as front-matter's is.
  image: z.unknown().optional(),
  authors: z
    .record(z.string(), z.strictObject({ url: z.unknown() }))
    .nullable()
    .optional(),
});
