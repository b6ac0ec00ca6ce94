// `check`: the build's own validation of a whole content folder, drafts included, without writing anything.
import path from "node:path";
import { byPosition, summary, type Problem } from "../content/problems.ts";
import { checkSite } from "../site/load-site.ts";
import { readDeadLinkRecords } from "./seo-files.ts";

export interface CheckOptions {
  /** The content folder; absolute or relative to `cwd`. */
  content: string;
  /** The folder a relative `content` is resolved against; default process.cwd(). */
  cwd?: string;
}

export interface CheckResult {
  ok: boolean;
  /** Every problem, sorted by file and position; file paths absolute. */
  problems: Problem[];
  /** Files read: articles (drafts included), site config and registry. */
  fileCount: number;
  /** "2 errors in 1 of 12 files" or the all-clear. */
  summary: string;
}

/** Checks everything the build checks; problems are the result here, not an error. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const contentDir = path.resolve(options.cwd ?? process.cwd(), options.content);
  const site = await checkSite({ contentDir, drafts: true });
  // The imports' dead-link records too, which the build reads for Baidu's files (./seo-files.ts).
  const problems = [...site.problems, ...(await readDeadLinkRecords(contentDir)).problems].sort(byPosition);
  const fileCount = site.fileCount;
  return { ok: problems.length === 0, problems, fileCount, summary: summary(problems, fileCount) };
}
