// `npm run views` as a library: given the archive's articles (their addresses and aliases) and the
// files named, the new count of every article, and the problems that stop anything being written.
// scripts/views.ts only reads the options, loads the content and writes the articles.
//
// Exports are read first: their --as-of stamp is the cut-off for logs read in the same run. Logs are
// then merged by time (log-files.ts) and counted as they stream (view-stream.ts): time linear in the
// lines, memory bounded by a window of log time, not by the log.
import { readFile } from "node:fs/promises";
import { fileHash, writeAtomic } from "../files/atomic-write.ts";
import { DateTime, FixedOffsetZone } from "luxon";
import type { Problem } from "../content/problems.ts";
import { readAnalyticsExport } from "./export-layouts.ts";
import { mergeByTime } from "./log-files.ts";
import { ViewStream } from "./view-stream.ts";
import { pageKey, parseLogLine, rewriteViews } from "./views.ts";

export interface ViewsArticle {
  file: string;
  title: string;
  views: number;
  viewsAsOf: DateTime | null;
  /** The article's page address, as a site path. */
  path: string;
  aliases: readonly string[];
}

export interface CountedArticle {
  article: ViewsArticle;
  /** Views added by logs and (without --set) exports. */
  added: number;
  /** With --set: the export's rows for this article, added up. */
  set: number | null;
  /** The newest hit or export stamp counted, as epoch ms and UTC offset minutes; null if none. */
  newest: { time: number; offset: number } | null;
  /** The new count. */
  views: number;
}

export interface CountOptions {
  logs: readonly string[];
  exports: readonly string[];
  /** An export's date: the end of this day (in the site's zone) stamps its counts. */
  asOf?: DateTime;
  set: boolean;
  /** The site's path prefix ("/" or "/archive/"): logs and exports name addresses under it. */
  pathPrefix: string;
}

export interface CountResult {
  /** Articles whose count or views_as_of changes, in the order given. */
  changed: CountedArticle[];
  counted: number;
  unknown: number;
  /** Log lines that arrived more than the stream's window late (see view-stream.ts). */
  late: number;
  /** How each export was read (./export-layouts.ts), in the order given. */
  exports: ExportRead[];
  problems: Problem[];
}

export interface ExportRead {
  file: string;
  /** The layout's name ("goatcounter", "baidu", "generic"…) and what it is, for the report. */
  layout: string;
  label: string;
  /** A caveat about the layout's numbers, or undefined. */
  note?: string;
}

/** views_as_of as written: the hit's own offset, whole seconds. */
export function formatStamp(stamp: { time: number; offset: number }): string {
  return DateTime.fromMillis(stamp.time, { zone: FixedOffsetZone.instance(stamp.offset) }).toISO({
    suppressMilliseconds: true,
    includeOffset: true,
  })!;
}

/** 1-based line of `views:` in an article's front-matter, else of the line that closes it. */
export function viewsLine(text: string): number {
  const lines = text.split("\n");
  for (let i = 1; i < lines.length; i++) {
    if (/^views:/.test(lines[i]!)) return i + 1;
    if (/^---[ \t]*\r?$/.test(lines[i]!)) return i + 1;
  }
  return 1;
}

export async function countViews(articles: readonly ViewsArticle[], options: CountOptions): Promise<CountResult> {
  const entries: CountedArticle[] = articles.map((article) => ({
    article,
    added: 0,
    set: null,
    newest: null,
    views: article.views,
  }));
  const asOfMs = articles.map((a) => a.viewsAsOf?.toMillis() ?? -Infinity);
  const exportedMs = articles.map(() => -Infinity);
  const byAddress = new Map<string, { entry: number; alias: boolean }>();
  articles.forEach((a, entry) => {
    byAddress.set(pageKey(a.path), { entry, alias: false });
    for (const alias of a.aliases) byAddress.set(pageKey(alias), { entry, alias: true });
  });
  const prefix = options.pathPrefix;
  const lookup = (p: string) =>
    byAddress.get(pageKey(prefix !== "/" && p.startsWith(prefix) ? p.slice(prefix.length - 1) : p)) ?? null;
  const problems: Problem[] = [];
  let counted = 0;
  let unknown = 0;
  const exports: ExportRead[] = [];

  if (options.exports.length > 0) {
    if (!options.asOf) throw new Error("an analytics export needs asOf");
    const stamp = options.asOf.endOf("day").startOf("second");
    const stampAt = { time: stamp.toMillis(), offset: stamp.offset };
    for (const file of options.exports) {
      const { rows, problems: found, layout, label, note } = readAnalyticsExport(await readFile(file), file);
      exports.push({ file, layout, label, ...(note ? { note } : {}) });
      problems.push(...found);
      for (const row of rows) {
        const target = lookup(row.path);
        if (!target) {
          unknown++;
          continue;
        }
        const e = entries[target.entry]!;
        // Rows for one article (its aliases, or its address with a query) add up.
        if (options.set) e.set = (e.set ?? 0) + row.count;
        else if (asOfMs[target.entry]! >= stampAt.time)
          continue; // already counted up to this export
        else e.added += row.count;
        e.newest = stampAt;
        exportedMs[target.entry] = stampAt.time;
        counted += row.count;
      }
    }
  }

  const stream = new ViewStream((entry, time, offset) => {
    const e = entries[entry]!;
    e.added++;
    counted++;
    if (!e.newest || time > e.newest.time) e.newest = { time, offset };
  });
  await mergeByTime(options.logs, parseLogLine, (hit, text) => {
    const target = lookup(hit.path);
    // Counted by an earlier run (views_as_of), or by an export read first in this one (its stamp).
    if (target && (hit.time <= asOfMs[target.entry]! || hit.time <= exportedMs[target.entry]!)) return;
    stream.add({ line: text, time: hit.time, offset: hit.offset, client: hit.client }, target);
  });
  stream.end();
  unknown += stream.unknown;

  const changed: CountedArticle[] = [];
  for (const e of entries) {
    if (e.newest === null) continue;
    e.views = e.set !== null ? e.set : e.article.views + e.added;
    if (!(e.added > 0 || (e.set !== null && e.set !== e.article.views))) continue;
    if (!Number.isSafeInteger(e.views)) {
      const text = await readFile(e.article.file, "utf8");
      const found = e.set !== null ? `${e.set} from the export's rows` : `${e.article.views} + ${e.added} counted`;
      problems.push({
        file: e.article.file,
        line: viewsLine(text),
        column: 1,
        field: "views",
        found: `a total of ${found}, more than ${Number.MAX_SAFE_INTEGER}`,
        expected: `a count of at most ${Number.MAX_SAFE_INTEGER} (the largest a views line can hold); nothing is written for this article`,
      });
      continue;
    }
    changed.push(e);
  }
  return { changed, counted, unknown, late: stream.late, exports, problems };
}

const WRITE_CONCURRENCY = 8;

/**
 * Rewrites the `views:` and `views_as_of:` lines of the changed articles, each atomically (writeAtomic:
 * a reader never sees half a file), a few at a time: one at a time, writing thousands of articles took
 * longer than counting a million log lines. An article whose file changed since its count was read (an
 * edit, an import, another views run) is not written: it is returned, so it can be counted again.
 */
export async function writeCounts(changed: readonly CountedArticle[]): Promise<string[]> {
  const skipped: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < changed.length) {
      const e = changed[next++]!;
      const file = e.article.file;
      const bytes = await readFile(file);
      const text = bytes.toString("utf8");
      // The new count is the count read before plus what was counted: only valid on that count.
      if (frontMatterViews(text) !== e.article.views) {
        skipped.push(file);
        continue;
      }
      const outcome = await writeAtomic(file, rewriteViews(text, e.views, formatStamp(e.newest!)), {
        expected: fileHash(bytes),
      });
      if (!outcome.written) skipped.push(file);
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
  return skipped.sort();
}

/** The `views:` of a file's front-matter (0 when it has none, as the content model reads it). */
function frontMatterViews(text: string): number {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  return Number(/^views:[ \t]*(\d+)[ \t]*$/m.exec(front)?.[1] ?? 0);
}
