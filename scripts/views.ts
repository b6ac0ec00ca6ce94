// npm run views -- <analytics.csv | access.log[.gz] …> [--content DIR] [--path-prefix /archive/] [--as-of YYYY-MM-DD] [--set] [--dry-run]
// Updates articles' `views` from web-server access logs (combined format) or an analytics export
// (URL, count): only the `views:` and `views_as_of:` lines of each article change, every other byte
// stays. See src/import/views.ts for what counts as a view and why running it again is safe, and
// src/import/count-views.ts for how the files are read.
import { realpath } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { fail, parseCommand } from "../src/cli/command.ts";
import { userPath } from "../src/cli/command.ts";
import { problemLines, relativeTo } from "../src/cli/report.ts";
import { byPosition } from "../src/content/problems.ts";
import { countViews, writeCounts, type ViewsArticle } from "../src/import/count-views.ts";
import { normalisePathPrefix } from "../src/config/site.ts";
import { loadContent } from "../src/site/load-content.ts";
import { buildSiteModel, pagesOf } from "../src/site/model.ts";

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

const prefix = values["path-prefix"] !== undefined ? normalisePathPrefix(values["path-prefix"]) : content.config.pathPrefix;
const articleByFile = new Map(content.articles.map((a) => [a.file, a]));
const articles: ViewsArticle[] = pagesOf(model, "article").map((page) => {
  const a = articleByFile.get(page.file)!;
  return { file: page.file, title: a.title, views: a.views, viewsAsOf: a.viewsAsOf, path: page.path, aliases: a.aliases };
});
// Each file once (named twice, or by two paths).
const files = [...new Set(await Promise.all(positionals.map((f) => realpath(userPath(f)))))];
const isExport = (f: string) => /\.(csv|tsv)$/i.test(f);
const result = await countViews(articles, {
  logs: files.filter((f) => !isExport(f)),
  exports: files.filter(isExport),
  ...(asOf ? { asOf: DateTime.fromISO(asOf, { zone: content.config.timeZone }) } : {}),
  set: values.set!,
  pathPrefix: prefix,
});

const cwd = process.env.INIT_CWD ?? process.cwd();
if (result.problems.length > 0) {
  for (const line of problemLines(relativeTo(cwd, [...result.problems].sort(byPosition)))) console.error(line);
  fail(`wenku views: ${result.problems.length} error(s); nothing written.`, 1);
}
if (result.late > 0) {
  console.error(`wenku views: warning: ${result.late} log line(s) came more than 10 minutes after newer ones; a copy of such a line or an alias hop across it may be counted twice (give rotated logs as separate files, each in its own time order)`);
}
const dryRun = values["dry-run"]!;
const skipped = dryRun ? [] : await writeCounts(result.changed);
for (const file of skipped) console.error(`wenku views: warning: ${path.relative(cwd, file)} changed while its views were counted; not written — run npm run views again to count it`);
const biggest = [...result.changed].sort((a, b) => Math.abs(b.views - b.article.views) - Math.abs(a.views - a.article.views)).slice(0, 10);
console.log(
  `wenku views: ${result.counted} view(s) counted, ${result.changed.length} article(s) ${dryRun ? "would be " : ""}updated, ` +
    `${result.unknown} request(s) for addresses that are not articles${dryRun ? " (dry run: nothing written)" : ""}`,
);
for (const e of biggest) console.log(`  ${e.article.views} → ${e.views}  ${e.article.title}  (${path.relative(cwd, e.article.file)})`);
