// An article's table of contents, from the headings its one render collected (markdown.ts): h2s, each
// with the h3s under it. h4s have ids to link to but are left out here, so the list stays a short
// outline a reader takes in at a glance. An h3 before the first h2 stands on its own at the top level.
import type { Heading } from "./markdown.ts";

export interface TocEntry {
  text: string;
  /** "#id", percent-encoded as markdown-it writes an author's own "#…" links. */
  href: string;
  children: TocEntry[];
}

/** The levels the table lists. */
const TOC_LEVELS = new Set([2, 3]);

/**
 * The entries for `headings`, or null when there is no table: `minHeadings` null (turned off), or fewer
 * listed headings (h2 and h3) than it asks for. An article with none never gets an empty table.
 */
export function tableOfContents(headings: readonly Heading[], minHeadings: number | null): TocEntry[] | null {
  const listed = headings.filter((h) => TOC_LEVELS.has(h.level));
  if (minHeadings === null || listed.length === 0 || listed.length < minHeadings) return null;
  const entries: TocEntry[] = [];
  let parent: TocEntry | null = null;
  for (const heading of listed) {
    const entry: TocEntry = { text: heading.text, href: `#${encodeURIComponent(heading.id)}`, children: [] };
    if (heading.level === 3 && parent) parent.children.push(entry);
    else {
      entries.push(entry);
      if (heading.level === 2) parent = entry;
    }
  }
  return entries;
}
