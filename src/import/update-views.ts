// `views` as one call: articles' view counts brought up to date from web-server access logs (combined
// format) or analytics exports (URL, count). Only the `views:` and `views_as_of:` lines of an article
// change (./count-views.ts); what counts as a view, and why running it again is safe, is in ./views.ts.
// Paths are absolute or relative to `cwd`; nothing is printed.
import { realpath } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { normalisePathPrefix } from "../config/site.ts";
import { ContentError, WenkuError, type Problem } from "../content/problems.ts";
import { loadContent } from "../site/load-content.ts";
import { buildSiteModel, pagesOf } from "../site/model.ts";
import { countViews, writeCounts, type ExportRead, type ViewsArticle } from "./count-views.ts";

export interface UpdateViewsOptions {
  /** The content folder; absolute or relative to `cwd`. */
  content: string;
  /** Overrides the config's pathPrefix: the logs name addresses under it ("/archive/"). */
  pathPrefix?: string;
  /** Up to when an analytics export counts (YYYY-MM-DD, the end of that day in the site's zone); required with an export, which has no dates. */
  asOf?: string;
  /** An export's counts replace the articles' counts instead of adding to them. */
  set?: boolean;
  /** Counts and reports, writes nothing. */
  dryRun?: boolean;
  /** The folder relative paths are resolved against; default process.cwd(). */
  cwd?: string;
}

export interface ViewsChange {
  /** The article's file, absolute. */
  file: string;
  title: string;
  before: number;
  after: number;
}

export interface UpdateViewsResult {
  /** Views counted in this run. */
  counted: number;
  /** Requests for addresses that are not articles. */
  unknown: number;
  /** Log lines that came more than 10 minutes after newer ones (see ./view-stream.ts). */
  late: number;
  /** Articles whose count changes (or would, in a dry run), in the model's order. */
  changed: ViewsChange[];
  /** Articles that changed while their views were counted and were not written (absolute paths): counted again next time. */
  skipped: string[];
  dryRun: boolean;
  /** How each analytics export was read: the layout its header named (paths absolute). */
  exports: ExportRead[];
  /** What the owner should know (late lines, skipped files), one line each. */
  warnings: string[];
}

/** The counts cannot be written: a log or export line that is not a count, or a total past the largest count. Nothing was written. */
export class ViewsCountError extends ContentError {
  constructor(problems: readonly Problem[], fileCount: number) {
    super(problems, fileCount);
    this.name = "ViewsCountError";
  }
}

const isExport = (file: string) => /\.(csv|tsv)$/i.test(file);

/**
 * Counts the views in `inputs` (access logs, plain or gzipped, and .csv/.tsv exports; each file once)
 * and writes them into the articles. Throws ContentError when the content folder has problems,
 * ViewsCountError (a ContentError) when the inputs do, or WenkuError: `no-input`, `as-of-needed` (an
 * export without a valid `asOf`), `unreadable` (an input that cannot be opened).
 */
export async function updateViews(inputs: readonly string[], options: UpdateViewsOptions): Promise<UpdateViewsResult> {
  const cwd = options.cwd ?? process.cwd();
  if (inputs.length === 0) throw new WenkuError("no-input", "name at least one access log or analytics export");
  const firstExport = inputs.find(isExport);
  const asOf = options.asOf;
  if (firstExport !== undefined && (!asOf || !DateTime.fromISO(asOf).isValid)) {
    throw new WenkuError(
      "as-of-needed",
      `${firstExport} is an analytics export, which has no dates: say up to when it counts with --as-of YYYY-MM-DD`,
    );
  }

  const contentDir = path.resolve(cwd, options.content);
  const content = await loadContent({ contentDir, drafts: true });
  const model = buildSiteModel(content);
  const problems = [...content.problems, ...model.problems];
  if (problems.length > 0) throw new ContentError(problems, content.fileCount);

  const articleByFile = new Map(content.articles.map((a) => [a.file, a]));
  const articles: ViewsArticle[] = pagesOf(model, "article").map((page) => {
    const a = articleByFile.get(page.file)!;
    return {
      file: page.file,
      title: a.title,
      views: a.views,
      viewsAsOf: a.viewsAsOf,
      path: page.path,
      aliases: a.aliases,
    };
  });
  // Each file once (named twice, or by two paths).
  const files = [
    ...new Set(
      await Promise.all(
        inputs.map((f) =>
          realpath(path.resolve(cwd, f)).catch((error: Error) =>
            Promise.reject(new WenkuError("unreadable", error.message, { cause: error })),
          ),
        ),
      ),
    ),
  ];
  const counted = await countViews(articles, {
    logs: files.filter((f) => !isExport(f)),
    exports: files.filter(isExport),
    ...(asOf ? { asOf: DateTime.fromISO(asOf, { zone: content.config.timeZone }) } : {}),
    set: options.set ?? false,
    pathPrefix: options.pathPrefix !== undefined ? normalisePathPrefix(options.pathPrefix) : content.config.pathPrefix,
  });
  if (counted.problems.length > 0) throw new ViewsCountError(counted.problems, files.length);

  const dryRun = options.dryRun ?? false;
  const skipped = dryRun ? [] : await writeCounts(counted.changed);
  const warnings = [
    ...(counted.late > 0
      ? [
          `${counted.late} log line(s) came more than 10 minutes after newer ones; a copy of such a line or an alias hop across it may be counted twice (give rotated logs as separate files, each in its own time order)`,
        ]
      : []),
    ...counted.exports.flatMap((e) => (e.note ? [`${path.relative(cwd, e.file)}: ${e.note}`] : [])),
    ...skipped.map(
      (file) =>
        `${path.relative(cwd, file)} changed while its views were counted; not written — run npm run views again to count it`,
    ),
  ];
  return {
    counted: counted.counted,
    unknown: counted.unknown,
    late: counted.late,
    changed: counted.changed.map((e) => ({
      file: e.article.file,
      title: e.article.title,
      before: e.article.views,
      after: e.views,
    })),
    skipped,
    dryRun,
    exports: counted.exports,
    warnings,
  };
}
