// What the search index holds for an article: its title and words, folded to one Chinese script
// (fold.ts), with the original text kept beside them when folding changed anything, so the search page
// can show a passage in the article's own script.
import type { ArticlePage } from "../site/pages/index.ts";
import { fold } from "../i18n/fold.ts";
import { collapse } from "./plain-text.ts";

/** A Pagefind custom record (pagefind's CustomRecord, restated so pure code needs no Pagefind import). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  /** Pagefind filters: `tags` holds the article's tag names as written (absent when it has none). */
  filters?: Record<string, string[]>;
}

/**
 * The language the whole index is built in. Pagefind keeps one index per language and a page searches
 * only its own, so one archive gets one: "zh" whenever any text is Chinese (Pagefind then splits
 * Chinese into words; English still splits at spaces), else the site's language.
 */
export function indexLanguage(siteLocale: string, articleLanguages: Iterable<string>): string {
  if (siteLocale.startsWith("zh")) return "zh";
  for (const lang of articleLanguages) if (lang.startsWith("zh")) return "zh";
  return siteLocale.split("-")[0]!;
}

/** The record for one article page, given its body as plain text (plain-text.ts). */
export function searchRecord(page: ArticlePage, bodyText: string, language: string): SearchRecord {
  const original = collapse(`${page.entry.title} ${bodyText}`);
  const content = fold(original);
  const category = page.breadcrumbs.at(-2);
  const meta: Record<string, string> = { title: page.entry.title, date: page.entry.listDateText };
  if (category && category.href !== null && page.breadcrumbs.length > 2) meta.category = category.text;
  if (page.entry.lang) meta.lang = page.entry.lang;
  if (content !== original) meta.original = original;
  return {
    url: page.entry.href,
    content,
    language,
    meta,
    ...(page.tags.length > 0 ? { filters: { tags: page.tags.map((tag) => tag.name) } } : {}),
  };
}
