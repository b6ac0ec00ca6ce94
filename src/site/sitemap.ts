// sitemap.xml, and robots.txt pointing to it. Past 50,000 URLs (the protocol's limit per file) the
// sitemap becomes an index of shards: /sitemap-1.xml, /sitemap-2.xml, …
import { xml } from "./xml.ts";

export const SITEMAP_LIMIT = 50_000;

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** ISO date-time with offset. */
  lastmod: string;
}

/** Site path → file text, for every sitemap file; `origin` + `prefix` make the shards' absolute URLs. */
export function sitemapFiles(
  urls: readonly SitemapUrl[],
  base: string,
  limit = SITEMAP_LIMIT,
): { path: string; text: string }[] {
  const urlset = (list: readonly SitemapUrl[]) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list
      .map((u) => `  <url><loc>${xml(u.loc)}</loc><lastmod>${xml(u.lastmod)}</lastmod></url>`)
      .join("\n")}\n</urlset>\n`;
  if (urls.length <= limit) return [{ path: "/sitemap.xml", text: urlset(urls) }];
  const shards: { path: string; text: string; lastmod: string }[] = [];
  for (let i = 0; i < urls.length; i += limit) {
    const list = urls.slice(i, i + limit);
    const lastmod = list.reduce((newest, u) => (u.lastmod > newest ? u.lastmod : newest), list[0]!.lastmod);
    shards.push({ path: `/sitemap-${shards.length + 1}.xml`, text: urlset(list), lastmod });
  }
  const index = `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${shards
    .map((s) => `  <sitemap><loc>${xml(base + s.path.slice(1))}</loc><lastmod>${xml(s.lastmod)}</lastmod></sitemap>`)
    .join("\n")}\n</sitemapindex>\n`;
  return [{ path: "/sitemap.xml", text: index }, ...shards.map(({ path, text }) => ({ path, text }))];
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
