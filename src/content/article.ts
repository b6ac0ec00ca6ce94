// The article model, declared once: its front-matter keys, their checks, and the parsed type
// every other module and template uses.
import type { DateTime } from "luxon";
import type { Registry } from "./categories.ts";
import { ACCEPTED_DATE_FORMS, parseDate } from "./dates.ts";
import { excerpt } from "./excerpt.ts";
import { lengthOf, type Length } from "./reading-length.ts";
import { articleLanguage } from "./language.ts";
import { closest } from "./closest.ts";
import { readComments, type PastComment } from "./comments.ts";
import { readPinned, type Pin } from "./pinned.ts";
import type { FieldReader } from "./field-reader.ts";
import { readTags } from "./tags.ts";
import { readCopyright, readSourceUrl, type ArticleCopyright } from "./reprint.ts";
import { describeForbidden, forbiddenCharacter, PRINTABLE_TEXT, stringsIn } from "./characters.ts";
import { describeValue, type Problem } from "./problems.ts";
import { slugify } from "./slug.ts";
import { readShareImage, srcPath, type ShareImageSource } from "./share-image.ts";
import type { YamlSource } from "./yaml-source.ts";

/** Where an article's body lives, to read it again when its page is rendered (src/content/body.ts). */
export interface BodyLocation {
  file: string;
  /** Offset of the body in the file's normalised text. */
  bodyStart: number;
  /** Size and mtime when the file was checked: a body read later must come from the same file. */
  size: number;
  mtimeMs: number;
}

export interface Article {
  /** Source file as given to the loader (for messages), e.g. "content/articles/a/b.md". */
  file: string;
  title: string;
  /** Slug of the category named in front-matter. */
  category: string;
  slug: string;
  /** Publish time, in the site's zone. */
  date: DateTime;
  /** Milliseconds since the epoch of `date`: the sort key. */
  time: number;
  updated: DateTime | null;
  views: number;
  author: string;
  /** `source:`, the publisher it came from; another publisher's name makes it a reprint (reprint.ts). */
  source: string;
  /** `source_url:`, the original's http(s) address, or "". */
  sourceUrl: string;
  /** `copyright:`: null for the site's notice, false for none, or the article's own text. */
  copyright: ArticleCopyright;
  /** `summary:` or an excerpt of the body. */
  summary: string;
  /** The body's language when it differs from the site's ("en" on a Chinese site), else "". */
  lang: string;
  /** Where the Markdown body is; it is read only for the excerpt and language here, and again for the page. */
  bodyAt: BodyLocation;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  draft: boolean;
  /** Old addresses (site paths) that should lead here: legacy CMS URLs kept alive by redirects. */
  aliases: string[];
  /** Where each alias is written in the file (line and column), for problems the site model finds later. */
  aliasAt?: readonly { line: number; column: number }[];
  /** The old CMS's numeric id (`legacy_id:`, written by the importer), kept for reference; null if none. */
  legacyId: number | null;
  /** When `views` was last brought up to date from logs or analytics (`npm run views`); null if never. */
  viewsAsOf: DateTime | null;
  /** `tags:`, trimmed, each once (compared by tagKey in tags.ts), in the order written. */
  tags: string[];
  /** Where each tag is written (line and column), for the site-wide tag checks (src/site/tag-duplicates.ts). */
  tagAt?: readonly { line: number; column: number }[];
  /** `comments:`: past comments, read-only, in the order written (see comments.ts). */
  comments: PastComment[];
  /** The body's reading length: CJK characters and other words (reading-length.ts). */
  length: Length;
  /** `pinned:`: first on page 1 of its category's lists (and, for `home`, the home page); null if not pinned. */
  pinned: Pin | null;
  /** `toc:` true or false shows or hides the table of contents whatever the site's rule; null: the site's rule. */
  toc: boolean | null;
  /** `image:`, the picture a shared link of the article shows (share-image.ts); null: the site decides. */
  image: ShareImageSource | null;
}

/** Every front-matter key an article may use. */
export const FRONT_MATTER_KEYS = [
  "title",
  "category",
  "date",
  "views",
  "author",
  "source",
  "summary",
  "slug",
  "updated",
  "draft",
  "aliases",
  "legacy_id",
  "views_as_of",
  "tags",
  "comments",
  "pinned",
  "source_url",
  "copyright",
  "toc",
  "image",
] as const;

/**
 * An alias: a site path with no "." or ".." segment, query, fragment, backslash or whitespace — and
 * nothing `_redirects` reads as syntax: `*` (a splat) anywhere, `:` at the start of a segment (a
 * placeholder). Other characters, Unicode included, are percent-encoded in the rule, so they stay literal.
 */
const ALIAS = /^\/(?!\/)[^?#\s\\*]*$/;
const ALIAS_PLACEHOLDER = /(?:^|\/):/;
export const ALIAS_EXPECTED =
  'site paths such as "/a/xueshu/2013/1227/123.html" (one leading /, no . or .. segments, no ? or #, no * or a segment starting with :)';

/** Whether `alias` is a path an old address may have (see ALIAS). */
export function isAlias(alias: string): boolean {
  return (
    ALIAS.test(alias) && !ALIAS_PLACEHOLDER.test(alias) && !alias.split("/").some((seg) => seg === "." || seg === "..")
  );
}

const SUMMARY_LENGTH = 120;

export interface ArticleContext {
  file: string;
  /** File name without extension: the slug when `slug:` is absent. */
  baseName: string;
  timeZone: string;
  registry: Registry;
  /** Where the body is; defaults to the file itself with no offset (for text that is not on disk yet). */
  bodyAt?: BodyLocation;
  /** The site's locale, to tell an article in another language (see language.ts). */
  locale?: string;
}

/** Checks one article's front-matter; returns the article only when it has no problem. */
export function readArticle(
  frontMatter: YamlSource,
  body: string,
  bodyLine: number,
  ctx: ArticleContext,
): { article?: Article; problems: Problem[] } {
  const problems: Problem[] = [...frontMatter.problems];
  if (problems.length > 0) return { problems };
  const { file } = ctx;
  const report = (field: string, found: string, expected: string) =>
    problems.push({ file, ...frontMatter.locate([field]), field, found, expected });

  const data = frontMatterMapping(frontMatter, file, problems, report);
  if (!data) return { problems };
  const { text, date } = scalarFields(data, frontMatter, ctx.timeZone, report);

  const title = text("title");
  if (title === undefined || title === "")
    report("title", title === undefined ? "no title" : "an empty title", "a non-empty title");

  const category = readCategory(text("category"), ctx.registry, report);

  const published = date("date", true);
  const updated = date("updated", false);
  if (published && updated && updated < published)
    report("updated", `${updated.toISO()} (before date ${published.toISO()})`, "a date on or after the publish date");

  const views =
    wholeNumber(
      data.views,
      "views",
      report,
      `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, without separators`,
    ) ?? 0;

  const draft = readBoolean(data, "draft", report, "true or false") ?? false;
  const toc = readBoolean(data, "toc", report, TOC_EXPECTED);

  const slug = readSlug(text("slug"), ctx.baseName, report);

  const author = text("author") ?? "";
  const source = text("source") ?? "";
  const summary = text("summary");

  const { aliases, aliasAt } = readAliases(data.aliases, frontMatter, file, problems);

  const legacyId = wholeNumber(data.legacy_id, "legacy_id", report, "a whole number ≥ 0 (the old CMS's article id)");

  const viewsAsOf = date("views_as_of", false);

  const nested: FieldReader = {
    source: frontMatter,
    timeZone: ctx.timeZone,
    report: (path, field, found, expected) =>
      problems.push({ file, ...frontMatter.locate(path), field, found, expected }),
  };
  const tags = readTags(data.tags, nested);
  const comments = readComments(data.comments, nested);
  const pinned = readPinned(data.pinned, nested);
  const sourceUrl = readSourceUrl(data.source_url, source, nested);
  const copyright = readCopyright(data.copyright, nested);
  const image = readShareImage(data.image, (path, found, expected) =>
    nested.report(["image", ...path], ["image", ...path].join("."), found, expected),
  );

  if (problems.length > 0 || !published || !title || !category) return { problems };
  return {
    article: {
      file,
      title,
      category,
      slug,
      date: published,
      time: published.toMillis(),
      updated,
      views,
      author,
      source,
      sourceUrl,
      copyright,
      summary: summary || excerpt(body, SUMMARY_LENGTH),
      length: lengthOf(body),
      lang: ctx.locale ? (articleLanguage(title, body, ctx.locale) ?? "") : "",
      bodyAt: ctx.bodyAt ?? { file, bodyStart: 0, size: 0, mtimeMs: 0 },
      bodyLine,
      draft,
      aliases,
      aliasAt,
      legacyId,
      viewsAsOf,
      tags,
      tagAt: tags.map((_, i) => frontMatter.locate(["tags", i])),
      comments,
      pinned,
      toc,
      image: image && { ...image, file, ...frontMatter.locate(srcPath(data.image)) },
    },
    problems,
  };
}

type Report = (field: string, found: string, expected: string) => void;

/** Readers of one-value fields: text (kept as written) and dates (in the site's zone). */
function scalarFields(data: Record<string, unknown>, frontMatter: YamlSource, timeZone: string, report: Report) {
  // Text fields keep their exact source text: `title: 1.1` is the title "1.1", never the number 1.1.
  // null means "given, but not text" (already reported), so a missing-field check does not repeat it.
  const text = (key: string): string | undefined | null => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value.trim();
    const exact = frontMatter.sourceText([key]);
    if (exact !== undefined && (typeof value === "number" || typeof value === "boolean")) return exact.trim();
    report(key, describeValue(value), "text");
    return null;
  };
  const date = (key: string, required: boolean): DateTime | null => {
    const value = data[key];
    if (value === undefined || value === null || value === "") {
      if (required) report(key, value === undefined ? "no date" : "an empty date", ACCEPTED_DATE_FORMS);
      return null;
    }
    if (typeof value !== "string") {
      report(key, describeValue(value), ACCEPTED_DATE_FORMS);
      return null;
    }
    const parsed = parseDate(value, timeZone);
    if (!parsed.ok) {
      report(key, `"${value}" (${parsed.reason})`, ACCEPTED_DATE_FORMS);
      return null;
    }
    return parsed.value;
  };
  return { text, date };
}

/** `aliases:`, one path or a list; each bad one is a problem at its own line. */
function readAliases(
  value: unknown,
  frontMatter: YamlSource,
  file: string,
  problems: Problem[],
): { aliases: string[]; aliasAt: { line: number; column: number }[] } {
  const aliases: string[] = [];
  const aliasAt: { line: number; column: number }[] = [];
  if (value !== undefined && value !== null) {
    const list = Array.isArray(value) ? value : [value];
    list.forEach((alias: unknown, i) => {
      const at = frontMatter.locate(Array.isArray(value) ? ["aliases", i] : ["aliases"]);
      if (typeof alias === "string" && isAlias(alias)) {
        aliases.push(alias);
        aliasAt.push(at);
      } else if (typeof alias !== "string" || !forbiddenCharacter(alias)) {
        problems.push({ file, ...at, field: "aliases", found: describeValue(alias), expected: ALIAS_EXPECTED });
      }
    });
  }
  return { aliases, aliasAt };
}

/** The front-matter as a mapping with known keys only, every text printable; null when it is no mapping. */
function frontMatterMapping(
  frontMatter: YamlSource,
  file: string,
  problems: Problem[],
  report: Report,
): Record<string, unknown> | null {
  const raw = frontMatter.value ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({
      file,
      line: 2,
      column: 1,
      field: "front-matter",
      found: describeValue(raw),
      expected: "a YAML mapping of key: value lines",
    });
    return null;
  }
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, FRONT_MATTER_KEYS);
      report(
        key,
        `unknown key "${key}"`,
        guess ? `did you mean "${guess}"?` : `one of ${FRONT_MATTER_KEYS.join(", ")}`,
      );
    }
  }
  // Every text reaches pages, feeds or _redirects: a character XML cannot carry is refused, by field.
  for (const { path, text } of stringsIn(data)) {
    const bad = forbiddenCharacter(text);
    if (bad)
      problems.push({
        file,
        ...frontMatter.locate(path),
        field: String(path[0]),
        found: describeForbidden(text, bad),
        expected: PRINTABLE_TEXT,
      });
  }
  return data;
}

/** `category:`, a slug of the registry (with a guess when it is near one); undefined or null when missing or wrong. */
function readCategory(
  category: string | undefined | null,
  registry: Registry,
  report: Report,
): string | undefined | null {
  if (category === undefined || category === "")
    report(
      "category",
      category === undefined ? "no category" : "an empty category",
      "a category slug from the registry",
    );
  else if (category !== null && !registry.bySlug.has(category)) {
    const guess = closest(category, [...registry.bySlug.keys()]);
    report(
      "category",
      `"${category}", which is not in the registry`,
      guess ? `did you mean "${guess}"?` : "a category slug from the registry",
    );
  }

  return category !== null && category !== undefined && registry.bySlug.has(category) ? category : undefined;
}

export const TOC_EXPECTED =
  "true (always show the table of contents) or false (never); leave it out to follow the site's toc.minHeadings";

/** A true/false field (draft, toc): its value, or null when absent or wrong (wrong is reported). */
function readBoolean(data: Record<string, unknown>, field: string, report: Report, expected: string): boolean | null {
  const value = data[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "boolean") return (report(field, describeValue(value), expected), null);
  return value;
}

/** A whole number ≥ 0 (views, legacy_id), or null when absent or wrong (wrong is reported). */
function wholeNumber(value: unknown, field: string, report: Report, expected: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    report(field, describeValue(value), expected);
    return null;
  }
  return value;
}

/** `slug:`, or the file name, made a URL segment; an empty result is a problem. */
function readSlug(explicitSlug: string | undefined | null, baseName: string, report: Report): string {
  const slug = slugify(explicitSlug ?? baseName);
  if (slug === "" && explicitSlug !== null) {
    report(
      explicitSlug === undefined ? "-" : "slug",
      explicitSlug === undefined
        ? `file name "${baseName}" gives an empty slug`
        : `slug "${explicitSlug}" gives an empty slug`,
      "set slug: to letters or digits, e.g. slug: annual-report-2013",
    );
  }

  return slug;
}
