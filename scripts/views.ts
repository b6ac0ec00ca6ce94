// npm run views -- <analytics.csv | access.log[.gz] …> [--content DIR] [--path-prefix /archive/] [--as-of YYYY-MM-DD] [--set] [--dry-run]
// Updates articles' `views` from web-server access logs (combined format) or an analytics export
// (URL, count): only the `views:` and `views_as_of:` lines of each article change, every other byte
// stays. See src/import/views.ts for what counts as a view and why running it again is safe.
import { createReadStream } from "node:fs";
import { readFile, realpath, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { DateTime } from "luxon";
import { fail, parseCommand } from "../src/build/command.ts";
import { userPath } from "../src/build/paths.ts";
import { pageKey, parseAnalyticsCsv, parseLogLine, rewriteViews } from "../src/import/views.ts";
import { normalisePathPrefix } from "../src/config/site.ts";
import { loadContent } from "../src/content/load.ts";
import { buildSiteModel } from "../src/site/model.ts";

const USAGE = "usage: npm run views -- <analytics.csv | access.log[.gz] …> [--content DIR] [--path-prefix /archive/] [--as-of YYYY-MM-DD] [--set] [--dry-run]";
const { values, positionals } = parseCommand("views", USAGE, {
  allowPositionals: true,
  options: {
    content: { type: "string", default: "content" },
    "path-prefix": { type: "string" },
    "as-of": { type: "string" },
    set: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
});
if (positionals.length === 0) fail(`wenku views: name at least one access log or analytics export\n${USAGE}`, 2);
const csvs = positionals.filter((f) => /\.(csv|tsv)$/i.test(f));
const asOf = values["as-of"];
if (csvs.length > 0 && (!asOf || !DateTime.fromISO(asOf).isValid)) {
  fail(`wenku views: ${csvs[0]} is an analytics export, which has no dates: say up to when it counts with --as-of YYYY-MM-DD`, 2);
}

const contentDir = userPath(values.content!);
const content = await loadContent({ contentDir, drafts: true });
const model = buildSiteModel(content);
const problems = [...content.problems, ...model.problems];
if (problems.length > 0) fail(`wenku views: ${contentDir} has ${problems.length} problem(s); run npm run check first.`, 1);

// Every address of every article: its page and its aliases.
interface Entry {
  file: string;
  title: string;
  views: number;
  asOf: DateTime | null;
  added: number;
  newest: DateTime | null;
  set: number | null;
  /** Log hits newer than asOf, each line once. */
  hits: { time: DateTime; client: string; alias: boolean }[];
}
const entries = new Map<string, Entry>();
const byAddress = new Map<string, { entry: Entry; alias: boolean }>();
const articleByFile = new Map(content.articles.map((a) => [a.file, a]));
for (const page of model.articlePages) {
  const a = articleByFile.get(page.file)!;
  const entry: Entry = { file: page.file, title: a.title, views: a.views, asOf: a.viewsAsOf, added: 0, newest: null, set: null, hits: [] };
  entries.set(page.file, entry);
  byAddress.set(pageKey(page.path), { entry, alias: false });
  for (const alias of a.aliases) byAddress.set(pageKey(alias), { entry, alias: true });
}
// Logs and exports name addresses as the host serves them: under the path prefix.
const prefix = values["path-prefix"] !== undefined ? normalisePathPrefix(values["path-prefix"]) : content.config.pathPrefix;
const sitePathOf = (p: string) => (prefix !== "/" && p.startsWith(prefix) ? p.slice(prefix.length - 1) : p);
const lookup = (p: string) => byAddress.get(pageKey(sitePathOf(p)));

let unknown = 0;
let counted = 0;
const seen = new Set<string>();
// Each file once (named twice, or by two paths), exports first: their date is the cut-off for logs.
const files = [...new Set(await Promise.all(positionals.map((f) => realpath(userPath(f)))))].sort((a, b) => Number(!/\.(csv|tsv)$/i.test(a)) - Number(!/\.(csv|tsv)$/i.test(b)));
for (const file of files) {
  if (/\.(csv|tsv)$/i.test(file)) {
    const stamp = DateTime.fromISO(asOf!, { zone: content.config.timeZone }).endOf("day").startOf("second");
    for (const row of parseAnalyticsCsv(await readFile(file, "utf8"))) {
      const entry = lookup(row.path)?.entry;
      if (!entry) {
        unknown++;
        continue;
      }
      // Rows for one article (its aliases, or its address with a query) add up.
      if (values.set) entry.set = (entry.set ?? 0) + row.count;
      else if (entry.asOf && entry.asOf >= stamp) continue; // already counted up to this export
      else entry.added += row.count;
      entry.newest = stamp;
      counted += row.count;
    }
    continue;
  }
  const input = createReadStream(file);
  const lines = createInterface({ input: file.endsWith(".gz") ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  for await (const line of lines) {
    const hit = parseLogLine(line);
    if (!hit) continue;
    const found = lookup(hit.path);
    if (!found) {
      unknown++;
      continue;
    }
    // Counted by an earlier run (views_as_of), or by an export read first in this one (its stamp).
    const { asOf: before, newest: exported } = found.entry;
    if ((before && hit.time <= before) || (exported && hit.time <= exported)) continue;
    if (seen.has(line)) continue; // the same line in two files (a log given twice, or overlapping rotations)
    seen.add(line);
    found.entry.hits.push({ time: hit.time, client: hit.client, alias: found.alias });
  }
}

// Where the host answers an old address with a page that sends the reader on (no _redirects), one read
// is two hits: the alias, then the article from the same client moments later. Count it once.
const FOLLOW_MS = 30_000;
for (const entry of entries.values()) {
  const direct = entry.hits.filter((h) => !h.alias);
  for (const hit of entry.hits) {
    if (hit.alias && direct.some((d) => d.client === hit.client && d.time >= hit.time && d.time.toMillis() - hit.time.toMillis() <= FOLLOW_MS)) continue;
    entry.added++;
    counted++;
    if (!entry.newest || hit.time > entry.newest) entry.newest = hit.time;
  }
}

const changed = [...entries.values()].filter((e) => e.newest !== null && (e.added > 0 || (e.set !== null && e.set !== e.views)));
const finalViews = (e: Entry) => (e.set !== null ? e.set : e.views + e.added);
if (!values["dry-run"]) {
  for (const e of changed) {
    const text = await readFile(e.file, "utf8");
    const asOfText = e.newest!.toISO({ suppressMilliseconds: true, includeOffset: true })!;
    const temp = path.join(path.dirname(e.file), `.${path.basename(e.file)}.views-${process.pid}`);
    await writeFile(temp, rewriteViews(text, finalViews(e), asOfText));
    await rename(temp, e.file);
  }
}
const biggest = [...changed].sort((a, b) => Math.abs(finalViews(b) - b.views) - Math.abs(finalViews(a) - a.views)).slice(0, 10);
const where = (f: string) => path.relative(process.env.INIT_CWD ?? process.cwd(), f);
console.log(
  `wenku views: ${counted} view(s) counted, ${changed.length} article(s) ${values["dry-run"] ? "would be " : ""}updated, ` +
    `${unknown} request(s) for addresses that are not articles${values["dry-run"] ? " (dry run: nothing written)" : ""}`,
);
for (const e of biggest) console.log(`  ${e.views} → ${finalViews(e)}  ${e.title}  (${where(e.file)})`);
