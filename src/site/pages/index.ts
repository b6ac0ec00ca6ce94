// Every page kind, in the order the model lists (and builds) them: a kind is one module here and one
// template, templates/_includes/pages/<kind>.njk. The site files come last: they describe the pages.
import { archiveKind, type ArchivePage } from "./archive.ts";
import { articleKind, type ArticlePage } from "./article.ts";
import { feedKind, type FeedPage } from "./feed.ts";
import { fileKind, type FilePage } from "./file.ts";
import { homeKind, type HomePage } from "./home.ts";
import type { PageKind } from "./kind.ts";
import { listKind, type ListPage } from "./list.ts";
import { notFoundKind, type NotFoundPage } from "./not-found.ts";
import { redirectKind, type RedirectPage } from "./redirect.ts";
import { searchKind, type SearchPage } from "./search.ts";
import { tagKind, type TagPage } from "./tag.ts";

export type Page =
  | ArticlePage
  | ListPage
  | ArchivePage
  | TagPage
  | RedirectPage
  | HomePage
  | NotFoundPage
  | SearchPage
  | FilePage
  | FeedPage;
export type PageKindName = Page["kind"];
export type PageOf<K extends PageKindName> = Extract<Page, { kind: K }>;

export const PAGE_KINDS: readonly PageKind<Page>[] = [
  articleKind,
  listKind,
  archiveKind,
  tagKind,
  redirectKind,
  homeKind,
  notFoundKind,
  searchKind,
  feedKind,
  fileKind,
] as PageKind<Page>[];

const byName = new Map(PAGE_KINDS.map((k) => [k.kind, k]));
export function pageKind(name: PageKindName): PageKind<Page> {
  return byName.get(name)!;
}

export type {
  ArchivePage,
  ArticlePage,
  FeedPage,
  FilePage,
  HomePage,
  ListPage,
  NotFoundPage,
  RedirectPage,
  SearchPage,
  TagPage,
};
export type { ArticleEntry, Crumb, FeedLinks, PageBase, PageContext, PageHead } from "./context.ts";
export type { PagerLink } from "./list.ts";
