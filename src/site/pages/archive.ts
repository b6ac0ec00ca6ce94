// The archive by date: /archive/ lists years and months with article counts, /archive/yyyy/MM/ lists a
// month's articles. Months are taken in the site's zone (article dates carry its offset).
import type { Article } from "../../content/article.ts";
import { fill } from "../../i18n/labels.ts";
import type { ArticleEntry, PageBase, PageContext } from "./context.ts";
import type { PageKind } from "./kind.ts";

export interface ArchivePage extends PageBase {
  kind: "archive";
  title: string;
  /** On the index: years, newest first, each with its months. */
  years: { year: string; countText: string; months: { text: string; href: string; countText: string }[] }[];
  /** On a month page: its articles, newest first. */
  items: ArticleEntry[];
}

export const archiveKind: PageKind<ArchivePage> = {
  kind: "archive",
  html: true,
  siteWide: false,
  claimRank: 5,
  owner: () => ({ what: "the date archive" }),
  build: (ctx) => archivePages(ctx),
};

function archivePages({
  config,
  t,
  link,
  head,
  withSite,
  numberFormat,
  newestFirst,
  entry,
}: PageContext): ArchivePage[] {
  const months = new Map<string, Article[]>();
  for (const a of newestFirst) {
    const key = a.date.toFormat("yyyy/MM");
    (months.get(key) ?? months.set(key, []).get(key)!).push(a);
  }
  const archiveCrumb = { text: t.archive, href: link("/archive/") };
  const monthNames = new Intl.DateTimeFormat(config.locale, { month: "long", timeZone: "UTC" });
  const monthTitle = (key: string) => {
    const [yyyy, MM] = key.split("/") as [string, string];
    return fill(t.monthTitle, {
      yyyy,
      MM,
      M: Number(MM),
      MMMM: monthNames.format(Date.UTC(Number(yyyy), Number(MM) - 1, 1)),
    });
  };
  const archivePages: ArchivePage[] = [...months].map(([key, list]) => ({
    kind: "archive",
    path: `/archive/${key}/`,
    head: head(withSite(`${monthTitle(key)} · ${t.archive}`), config.tagline, `/archive/${key}/`),
    section: null,
    breadcrumbs: [{ text: t.home, href: link("/") }, archiveCrumb, { text: monthTitle(key), href: null }],
    feeds: null,
    title: monthTitle(key),
    years: [],
    items: list.map(entry),
  }));
  const years = new Map<string, { count: number; months: ArchivePage["years"][number]["months"] }>();
  for (const [key, list] of months) {
    const year =
      years.get(key.slice(0, 4)) ?? years.set(key.slice(0, 4), { count: 0, months: [] }).get(key.slice(0, 4))!;
    year.count += list.length;
    year.months.push({
      text: monthTitle(key),
      href: link(`/archive/${key}/`),
      countText: fill(t.articleCount, { n: numberFormat.format(list.length) }),
    });
  }
  archivePages.unshift({
    kind: "archive",
    path: "/archive/",
    head: head(withSite(t.archive), config.tagline, "/archive/"),
    section: null,
    breadcrumbs: [
      { text: t.home, href: link("/") },
      { text: t.archive, href: null },
    ],
    feeds: null,
    title: t.archive,
    years: [...years].map(([year, y]) => ({
      year,
      countText: fill(t.articleCount, { n: numberFormat.format(y.count) }),
      months: y.months,
    })),
    items: [],
  });

  return archivePages;
}
