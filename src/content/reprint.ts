// Whose an article is, as its front-matter says: `source:` names the publisher it came from (another
// publisher makes it a reprint, 轉載), `source_url:` links to the original, and `copyright:` turns the
// notice after the body off or gives the article its own words. Legacy imports fill `source:` with
// what the old page printed after 來源：, which for the site's own articles is a word such as 本站 or
// 原創 rather than a publisher: those words, listed in OWN_SOURCE_WORDS, mean "this site".
import { describeValue } from "./problems.ts";
import type { FieldReader } from "./field-reader.ts";

/**
 * `source:` values that name the site itself (compared trimmed, Latin letters in any case): no source,
 * "this site" and "original" as Chinese CMS templates print them, in both scripts, and in English.
 */
export const OWN_SOURCE_WORDS: readonly string[] = [
  "",
  "本站",
  "本網",
  "本网",
  "本社",
  "原創",
  "原创",
  "本站原創",
  "本站原创",
  "原創文章",
  "原创文章",
  "this site",
  "original",
];

/** How an article's notice reads: the site's (null), none (false), or its own text. */
export type ArticleCopyright = string | false | null;

export const COPYRIGHT_EXPECTED =
  "false (no notice), true (the site's notice) or the notice's own text, e.g. \"經作者授權轉載。\"";
export const SOURCE_URL_EXPECTED =
  "an http:// or https:// address of the original article, e.g. https://example.org/a/1.html";

/**
 * Whether `source` names another publisher: not one of OWN_SOURCE_WORDS nor of `ownNames` (the site's
 * title, …), and containing none of `ownParts` (the publisher's own names, `copyright.ownSources`, so
 * that 衡石通訊 covers 《衡石通訊》第41期).
 */
export function isReprint(source: string, ownNames: readonly string[] = [], ownParts: readonly string[] = []): boolean {
  return reprintTest(ownNames, ownParts)(source);
}

/** isReprint with the own names compared once: for a whole build's articles. */
export function reprintTest(
  ownNames: readonly string[],
  ownParts: readonly string[] = [],
): (source: string) => boolean {
  const own = new Set([...OWN_SOURCE_WORDS, ...ownNames].map(sourceKey));
  const parts = ownParts.map(sourceKey).filter((part) => part !== "");
  return (source) => {
    const key = sourceKey(source);
    return !own.has(key) && !parts.some((part) => key.includes(part));
  };
}

/** The form two source names are compared in: trimmed, inner spaces as one, NFKC (full-width → ASCII), lower case. */
function sourceKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** `copyright:` — absent, null or true: the site's notice; false: none; text: the article's own (trimmed). */
export function readCopyright(value: unknown, reader: FieldReader): ArticleCopyright {
  if (value === undefined || value === null || value === true) return null;
  if (value === false) return false;
  if (typeof value !== "string") {
    reader.report(["copyright"], "copyright", describeValue(value), COPYRIGHT_EXPECTED);
    return null;
  }
  const text = value.trim();
  if (text === "") reader.report(["copyright"], "copyright", "an empty text", COPYRIGHT_EXPECTED);
  return text === "" ? null : text;
}

/**
 * `source_url:` — an http(s) address, normalised by the URL parser (a Unicode path percent-encoded);
 * "" when absent. It links the source's name, so it needs a `source:`.
 */
export function readSourceUrl(value: unknown, source: string, reader: FieldReader): string {
  if (value === undefined || value === null || value === "") return "";
  const report = (found: string, expected = SOURCE_URL_EXPECTED) =>
    void reader.report(["source_url"], "source_url", found, expected);
  const parsed = typeof value === "string" ? webAddress(value.trim()) : null;
  if (!parsed) return (report(describeValue(value)), "");
  if (source === "")
    return (
      report("a link with no source: to put it on", "source: the original publisher's name, with source_url"),
      ""
    );
  return parsed;
}

/** `text` as an absolute http(s) URL with a host, or null (whitespace inside is refused, not encoded). */
function webAddress(text: string): string | null {
  if (/\s/.test(text) || !URL.canParse(text)) return null;
  const url = new URL(text);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url.href : null;
}
