// Tag page addresses: /tags/ lists every tag, /tags/{slug}/ (then …/page/n/) lists one tag's articles.
// A tag's slug keeps the letters, marks and digits of every script (工業營銷 → 工業營銷, linked
// percent-encoded like Chinese article URLs); "Key Accounts" → key-accounts. Eleventy's slugify is never
// used: it deletes Chinese. Two tags whose slugs are equal, or a tag with no letter or digit at all,
// would have no page of their own: both are errors, named at the tag in the article that uses it.
import type { Problem } from "../content/problems.ts";
import { slugify } from "../content/slug.ts";

export const TAGS_PATH = "/tags/";

/** One use of a tag: an article's file and where the tag is written in it. */
export interface TagUse {
  name: string;
  file: string;
  line: number;
  column: number;
}

export const TAG_SLUG_EXPECTED =
  "a tag name with a letter or digit, differing from other tags in more than punctuation";

/** NFKC, lower case, every run of characters that are neither letters nor digits one hyphen. */
export function tagSlug(name: string): string {
  return slugify(name);
}

/** The site path of page `pageNumber` of the tag with this slug. */
export function tagPath(slug: string, pageNumber = 1): string {
  const base = `${TAGS_PATH}${slug}/`;
  return pageNumber <= 1 ? base : `${base}page/${pageNumber}/`;
}

/**
 * Every tag's slug, and a problem for each use of a tag whose slug is empty or taken by another tag.
 * `uses` in file order: the tag used first keeps the slug, later ones are reported.
 */
export function tagSlugs(uses: readonly TagUse[]): { slugs: Map<string, string>; problems: Problem[] } {
  const slugs = new Map<string, string>();
  const owners = new Map<string, TagUse>();
  const problems: Problem[] = [];
  const report = (use: TagUse, found: string, also?: string) =>
    problems.push({
      file: use.file,
      line: use.line,
      column: use.column,
      field: "tags",
      found,
      ...(also ? { also } : {}),
      expected: TAG_SLUG_EXPECTED,
    });
  for (const use of uses) {
    let slug = slugs.get(use.name);
    if (slug === undefined) slugs.set(use.name, (slug = tagSlug(use.name)));
    if (slug === "") {
      report(use, `"${use.name}" (no letter or digit, so no address for its tag page)`);
      continue;
    }
    const owner = owners.get(slug);
    if (!owner) owners.set(slug, use);
    else if (owner.name !== use.name)
      report(
        use,
        `"${use.name}" would have the tag page ${tagPath(slug)} of the tag "${owner.name}", used in`,
        owner.file,
      );
  }
  return { slugs, problems };
}
