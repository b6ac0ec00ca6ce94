// Site config for sharing (besides `image`, read by src/content/share-image.ts as front-matter's is):
// `authors`, each author's own page (JSON-LD author.url, the meta line's link); `feed.content`, whether
// feeds carry whole articles or their summaries.
import { hrefProblem } from "./href.ts";
import { readShareImage, srcPath, type ShareImageSource } from "../content/share-image.ts";
import { describeValue, type Problem as Found } from "../content/problems.ts";

export interface AuthorPage {
  /** An http(s) URL or a site path ("/about/zhang/"). */
  url: string;
}

export const FEED_CONTENTS = ["full", "summary"] as const;
export type FeedContent = (typeof FEED_CONTENTS)[number];

type Problem = (path: (string | number)[], found: unknown, expected: string, described?: string) => void;

export const AUTHOR_URL_EXPECTED = 'the author\'s page: an http:// or https:// URL, or a site path such as "/about/"';

/** `authors:` { name: { url } }, names as `author:` writes them; each url an http(s) URL or a site path. */
export function readAuthors(value: unknown, problem: Problem): Record<string, AuthorPage> {
  const authors: Record<string, AuthorPage> = {};
  if (value === undefined || value === null) return authors;
  if (typeof value !== "object" || Array.isArray(value))
    return (problem(["authors"], value, 'a mapping of author names to { "url": "…" }'), authors);
  for (const [name, page] of Object.entries(value)) {
    const url = (page as Record<string, unknown> | null)?.url;
    const reason = typeof url === "string" ? authorUrlProblem(url) : "not a text";
    const described = typeof url === "string" ? `${JSON.stringify(url)} (${reason})` : describeValue(url);
    if (reason) problem(["authors", name, "url"], url, AUTHOR_URL_EXPECTED, described);
    else authors[name.trim()] = { url: url as string };
  }
  return authors;
}

function authorUrlProblem(url: string): string | null {
  const reason = hrefProblem(url);
  if (reason) return reason;
  return /^(mailto|tel):/i.test(url) ? "not a web page" : null;
}

/** Site config `image:`, a text or { src, alt }, with where it is written; null when absent or wrong (reported). */
export function readSiteImage(
  value: unknown,
  file: string,
  at: (path: (string | number)[]) => { line: number; column: number },
  problems: Found[],
): ShareImageSource | null {
  const image = readShareImage(value, (path, found, expected) =>
    problems.push({ file, ...at(["image", ...path]), field: ["image", ...path].join("."), found, expected }),
  );
  return image && { ...image, file, ...at(srcPath(value)) };
}

/** `feed.content` of the `feed:` mapping: "full" (the default) or "summary". */
export function readFeedContent(feed: unknown, problem: Problem): FeedContent {
  const value = (feed as Record<string, unknown> | null | undefined)?.content;
  if (value === undefined || value === null) return "full";
  if (typeof value === "string" && (FEED_CONTENTS as readonly string[]).includes(value)) return value as FeedContent;
  problem(["feed", "content"], value, '"full" (whole articles) or "summary" (their summaries)');
  return "full";
}
