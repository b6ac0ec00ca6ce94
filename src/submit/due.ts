// The articles a run may send, as (canonical URL, fingerprint, lastmod), and which of them a service is
// due: never sent, or sent for another fingerprint. Only article pages count: the model leaves drafts out
// as the build does, and aliases are redirect pages, never articles, so neither can reach a request.
//
// The fingerprint is of what a reader sees as the article: title, author, summary, body and its dates.
// Not the built page (a new neighbour's title, a related list or a template change would resend the
// whole archive, against quotas of a few thousand a day) and not the source file (`npm run views`
// rewrites `views:` in every file it counts, which says nothing new to a search engine).
import { createHash } from "node:crypto";
import { readBodies } from "../content/body.ts";
import { pagesOf, type SiteModel } from "../site/model.ts";
import type { SubmitRecord } from "./record.ts";

export interface Candidate {
  /** The article's canonical URL (its <link rel="canonical">), as a WHATWG URL serialises it. */
  url: string;
  fingerprint: string;
  /** Updated, else published (ISO with offset): newest are sent first when a quota cuts a run short. */
  lastmod: string;
}

export async function candidates(model: SiteModel): Promise<Candidate[]> {
  const pages = pagesOf(model, "article");
  const bodies = await readBodies(pages.map((page) => page.bodyAt));
  const list = pages.map((page, i) => ({
    // The IDNA form of the host, as the `host` sent to IndexNow has it.
    url: new URL(page.head.canonical).href,
    fingerprint: fingerprint([
      page.entry.title,
      page.author,
      page.entry.summary,
      page.entry.dateIso,
      page.updatedIso,
      bodies[i]!,
    ]),
    lastmod: page.updatedIso || page.entry.dateIso,
  }));
  return newestFirst(list);
}

export function fingerprint(parts: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/** Newest first by the instant (not the text: offsets differ), then by URL, so every run orders alike. */
export function newestFirst(list: readonly Candidate[]): Candidate[] {
  const time = new Map(list.map((c) => [c, Date.parse(c.lastmod)]));
  return [...list].sort((a, b) => time.get(b)! - time.get(a)! || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** What `record` has not seen with its current fingerprint, in the candidates' order. */
export function dueFor(list: readonly Candidate[], record: SubmitRecord): Candidate[] {
  return list.filter((c) => !record.has(c.url, c.fingerprint));
}
