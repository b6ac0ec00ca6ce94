// What `npm run build` prints for a result or a failure; shared by the script and the tests that call
// build() in-process, so both see the same lines.
import path from "node:path";
import { ContentError, describeError, summary, WenkuError } from "../content/problems.ts";
import type { BuildResult } from "../build/build-site.ts";
import { formatBytes, seconds } from "./progress.ts";
import { problemLines, relativeTo } from "./report.ts";

/** The one-line summary of a build that took `ms` milliseconds, paths relative to `cwd`. */
export function summaryLine(result: BuildResult, cwd: string, ms: number): string {
  const search = result.search;
  return (
    `wenku: ${result.articles} articles, ${result.pages} pages, ${result.files} files, ${formatBytes(result.bytes)}, ` +
    `${result.redirects} redirects, ${result.sitemaps} sitemap file(s), ` +
    (search
      ? `search index ${search.files} files ${formatBytes(search.bytes)} (${search.shards} shard(s), ${search.reused} unchanged${search.from === "cache" ? " from the cache" : ""})`
      : "no search") +
    ` → ${path.relative(cwd, result.output) || "."} in ${seconds(ms)}` +
    (result.workers > 1 ? ` (${result.workers} workers)` : "")
  );
}

/** Which host's rules `_redirects` holds and why (src/config/host.ts); null when the site has no old addresses. */
export function redirectsLine({ redirects, host }: Pick<BuildResult, "redirects" | "host">): string | null {
  if (redirects === 0) return null;
  const flavour = host.name === "netlify" ? `forced 301s ("301!") for Netlify` : "plain 301s for Cloudflare Pages";
  return `wenku: _redirects: ${redirects} old address(es) as ${flavour}; ${host.why}`;
}

/** Where Baidu's move files are and how many lines each has; nothing when the build wrote none. */
export function seoLines(result: BuildResult, cwd: string): string[] {
  const seo = result.seo;
  if (!seo) return [];
  const dir = path.relative(cwd, seo.dir) || ".";
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const removed = seo.removed.length > 0 ? ` (${plural(seo.removed.length, "older file")} removed)` : "";
  if (seo.files.length === 0)
    return [`wenku: Baidu move files: none (no aliases, no recorded dead links) in ${dir}${removed}`];
  const files = seo.files.map((f) => `${f.name} ${plural(f.lines, "line")}`).join(", ");
  return [`wenku: Baidu move files in ${dir}: ${files}${removed}`];
}

export function warningLines(result: BuildResult): string[] {
  return result.warnings.map((warning) => `wenku: warning: ${warning}`);
}

/** The lines a failed build prints (stderr), problems' paths relative to `cwd`. */
export function failureLines(error: unknown, cwd: string): string[] {
  if (error instanceof ContentError)
    return [
      ...problemLines(relativeTo(cwd, error.problems)),
      `wenku: ${summary(error.problems, error.fileCount)}; nothing was written.`,
    ];
  if (error instanceof WenkuError) return [`wenku: ${error.message}`];
  return [`wenku: build failed.\n${describeError(error)}`];
}
