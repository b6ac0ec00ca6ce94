// `tags:` in front-matter: a list of names in any script, each once. Two names are the same tag when
// they differ only in case, width or Unicode normalisation ("KAM", "kam", "ＫＡＭ"). Traditional and
// Simplified spellings (工業營銷 / 工业营销) are not compared here: the fold that knows them lives in
// src/i18n/fold.ts, and the content model sits below the search layer and imports nothing from it.
import { describeValue } from "./problems.ts";
import { exactText, type FieldReader } from "./field-reader.ts";

/** Longest tag name, in characters (code points). */
export const MAX_TAG_LENGTH = 100;

export const TAGS_EXPECTED = "a list of tag names, e.g. tags: [工業營銷, key accounts]";
const TAG_EXPECTED = `a tag name: text on one line, 1 to ${MAX_TAG_LENGTH} characters`;

/** The form two tag names are compared in: NFKC (full-width → ASCII, compatibility forms), lower case. */
export function tagKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

/** Reads `tags:` (absent or null: no tags). Every problem is reported through `reader`; only good names are returned. */
export function readTags(value: unknown, reader: FieldReader): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const hint = typeof value === "string" && /[,，、]/.test(value) ? " (one text with commas, not a list)" : "";
    reader.report(["tags"], "tags", describeValue(value) + hint, TAGS_EXPECTED);
    return [];
  }
  const tags: string[] = [];
  const seen = new Map<string, { name: string; index: number }>();
  value.forEach((item: unknown, i) => {
    const path = ["tags", i];
    const raw = exactText(item, path, reader.source);
    if (raw === undefined) return void reader.report(path, "tags", describeValue(item), TAG_EXPECTED);
    const name = raw.trim();
    if (name === "") return void reader.report(path, "tags", "an empty tag", TAG_EXPECTED);
    if (/[\n\r\t\u2028\u2029]/.test(name))
      return void reader.report(path, "tags", `${describeValue(name)} (a line break or tab inside)`, TAG_EXPECTED);
    const length = [...name].length;
    if (length > MAX_TAG_LENGTH)
      return void reader.report(path, "tags", `${describeValue(name)} (${length} characters)`, TAG_EXPECTED);
    const key = tagKey(name);
    const first = seen.get(key);
    if (first)
      return void reader.report(
        path,
        "tags",
        `"${name}" again (the same tag as "${first.name}", number ${first.index + 1} in the list)`,
        "each tag once",
      );
    seen.set(key, { name, index: i });
    tags.push(name);
  });
  return tags;
}
