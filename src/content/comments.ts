// `comments:` in front-matter: an article's past comments, kept read-only as part of the archive
// (importers write them; authors may too). Each is a mapping checked key by key, strictly: an unknown
// key is an error with a "did you mean". The text is Markdown, rendered on the page like the body.
import type { DateTime } from "luxon";
import { closest } from "./closest.ts";
import { ACCEPTED_DATE_FORMS, parseDate } from "./dates.ts";
import { exactText, type FieldReader } from "./field-reader.ts";
import { describeValue } from "./problems.ts";

export interface PastComment {
  /** `id:`, unique within the article, or null when none was given. */
  id: number | null;
  /** The commenter's name. */
  author: string;
  /** The commenter's own site (`http:` or `https:`, normalised by the URL parser), or "". */
  url: string;
  /** When it was written, in the site's zone. */
  date: DateTime;
  /** The `id` of the earlier comment in the list that this one answers, or null. */
  replyTo: number | null;
  /** Markdown, as written (line breaks at the end dropped). */
  text: string;
}

/** Every key a comment may have. */
export const COMMENT_KEYS = ["id", "author", "url", "date", "reply_to", "text"] as const;

export const COMMENTS_EXPECTED =
  "a list of comments, each a mapping with author, date and text (and optionally id, url, reply_to)";
const ID_EXPECTED = "a whole number ≥ 0, unique within the article";
const URL_EXPECTED = "an http:// or https:// address (the commenter's site)";

/** Reads `comments:` (absent or null: none). Problems go through `reader`; only a list without any problem is returned whole. */
export function readComments(value: unknown, reader: FieldReader): PastComment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    reader.report(["comments"], "comments", describeValue(value), COMMENTS_EXPECTED);
    return [];
  }
  const comments: PastComment[] = [];
  /** id → line of the comment that has it, for "again" messages and reply_to checks. */
  const ids = new Map<number, number>();
  value.forEach((item: unknown, i) => {
    const at = ["comments", i] as const;
    // Fields are named by position from 1, as an author counts them: comments[2].author.
    const field = (key?: string) => `comments[${i + 1}]${key ? `.${key}` : ""}`;
    const report = (key: string | undefined, found: string, expected: string) =>
      reader.report(key ? [...at, key] : at, field(key), found, expected);
    if (typeof item !== "object" || item === null || Array.isArray(item))
      return void report(undefined, describeValue(item), "a mapping with author, date and text");
    const c = item as Record<string, unknown>;
    for (const key of Object.keys(c)) {
      if ((COMMENT_KEYS as readonly string[]).includes(key)) continue;
      const guess = closest(key, COMMENT_KEYS);
      report(key, `unknown key "${key}"`, guess ? `did you mean "${guess}"?` : `one of ${COMMENT_KEYS.join(", ")}`);
    }
    let ok = true;
    const fail = (key: string | undefined, found: string, expected: string) => {
      ok = false;
      report(key, found, expected);
    };
    const wholeNumber = (key: string): number | null => {
      const v = c[key];
      if (v === undefined || v === null) return null;
      if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
      fail(key, describeValue(v), key === "id" ? ID_EXPECTED : "the id of an earlier comment in this list");
      return null;
    };
    const requiredText = (key: string, expected: string): string => {
      const v = c[key];
      const text = exactText(v, [...at, key], reader.source);
      if (text === undefined) fail(key, v === undefined ? `no ${key}` : describeValue(v), expected);
      else if (text.trim() === "") fail(key, `an empty ${key}`, expected);
      return text ?? "";
    };

    const id = wholeNumber("id");
    if (id !== null && ids.has(id)) fail("id", `${id} again (first on line ${ids.get(id)})`, ID_EXPECTED);

    const author = requiredText("author", "the commenter's name, as text").trim();
    const text = requiredText("text", "the comment itself, as Markdown text").replace(/\s+$/, "");

    let url = "";
    if (c.url !== undefined && c.url !== null && c.url !== "") {
      const parsed = typeof c.url === "string" && !/\s/.test(c.url.trim()) ? parseUrl(c.url.trim()) : null;
      if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "")
        url = parsed.href;
      else fail("url", describeValue(c.url), URL_EXPECTED);
    }

    let date: DateTime | null = null;
    if (c.date === undefined || c.date === null || c.date === "")
      fail("date", c.date === undefined ? "no date" : "an empty date", ACCEPTED_DATE_FORMS);
    else if (typeof c.date !== "string") fail("date", describeValue(c.date), ACCEPTED_DATE_FORMS);
    else {
      const parsed = parseDate(c.date, reader.timeZone);
      if (parsed.ok) date = parsed.value;
      else fail("date", `"${c.date}" (${parsed.reason})`, ACCEPTED_DATE_FORMS);
    }

    const replyTo = wholeNumber("reply_to");
    if (replyTo !== null && !ids.has(replyTo)) {
      fail(
        "reply_to",
        `${replyTo}, which no earlier comment has as its id`,
        "the id of an earlier comment in this list",
      );
    }

    if (id !== null && !ids.has(id)) ids.set(id, reader.source.locate(at).line);
    if (ok && date) comments.push({ id, author, url, date, replyTo, text });
  });
  return comments;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
