// What `npm run submit` prints: per service what was due, sent and left, or for a dry run the list.
import type { ServiceRun } from "../submit/run.ts";
import type { SubmitResult } from "../submit/submit.ts";

const NAMES: Record<ServiceRun["service"], string> = { indexnow: "IndexNow", baidu: "Baidu" };

/** Lines for stdout (what happened) and stderr (what went wrong or was left out). */
export function submitLines(result: SubmitResult): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  for (const line of result.skipped) err.push(`wenku submit: skipped ${line}`);
  if (result.dryRun) {
    out.push(`wenku submit: dry run, nothing sent (${result.articles} published article(s))`);
    for (const run of result.services) {
      out.push(`${NAMES[run.service]}: ${run.due.length} URL(s) due${run.stopped ? `; ${run.stopped}` : ""}`);
      for (const url of run.due) out.push(`  ${url}`);
    }
    return { out, err };
  }
  for (const run of result.services) {
    const unchanged = result.articles - run.due.length;
    out.push(
      `wenku submit: ${NAMES[run.service]}: ${run.sent.length} URL(s) sent in ${run.requests} request(s), ` +
        `${run.left.length} left for the next run, ${unchanged} unchanged since sent`,
    );
    for (const note of run.notes) out.push(`wenku submit: ${NAMES[run.service]}: ${note}`);
    if (run.stopped) err.push(`wenku submit: ${NAMES[run.service]} stopped: ${run.stopped}`);
    if (run.error) err.push(`wenku submit: ${NAMES[run.service]} failed: ${run.error}`);
  }
  return { out, err };
}

/** 1 when a service failed; a quota or rate limit reached is not a failure (the rest is carried). */
export function submitExitCode(result: SubmitResult): number {
  return result.services.some((run) => run.error !== null) ? 1 : 0;
}
