// One service's share of a run: the due URLs in batches of at most the service's limit (and, for Baidu,
// of what its quota has left), each accepted batch recorded before the next is sent. A stop (quota, rate
// limit) or an error ends the service's turn; whatever was not accepted waits for the next run.
import type { Candidate } from "./due.ts";
import type { SubmitRecord } from "./record.ts";
import type { Service } from "./service.ts";

export interface ServiceRun {
  service: Service["name"];
  /** URLs due (new or changed since last sent), newest first. */
  due: string[];
  /** Accepted in this run (and now in the record). */
  sent: string[];
  /** Due but not accepted: the next run sends them. */
  left: string[];
  requests: number;
  /** Why the service's turn ended early without an error (a quota, a rate limit); null when it did not. */
  stopped: string | null;
  /** What went wrong; null when nothing did. */
  error: string | null;
  notes: string[];
}

export interface QuotaBook {
  /** What may still be sent today, when known (a previous answer today said), else null. */
  known: number | null;
  /** Where an answer's count is kept with the accepted URLs: the record's quota for this site and day. */
  entry(remain: number): { site: string; day: string; remain: number };
}

export async function runService(
  service: Service,
  due: readonly Candidate[],
  record: SubmitRecord,
  options: { now: () => Date; quota?: QuotaBook },
): Promise<ServiceRun> {
  const run: ServiceRun = {
    service: service.name,
    due: due.map((c) => c.url),
    sent: [],
    left: [],
    requests: 0,
    stopped: null,
    error: null,
    notes: [],
  };
  let budget = options.quota?.known ?? null;
  let next = 0;
  while (next < due.length) {
    if (budget !== null && budget <= 0) {
      run.stopped ??=
        "the quota for today (Beijing time) is used up, as the last answer today said; the rest waits for the next run";
      break;
    }
    const batch = due.slice(next, next + Math.min(service.limit, budget ?? Infinity));
    next += batch.length;
    const answer = await service.send(batch.map((c) => c.url));
    run.requests++;
    const taken = new Set(answer.accepted);
    const accepted = batch.filter((c) => taken.has(c.url));
    if (accepted.length > 0 || answer.remain !== undefined)
      await record.accept(
        accepted,
        options.now(),
        answer.remain !== undefined ? options.quota?.entry(answer.remain) : undefined,
      );
    run.sent.push(...accepted.map((c) => c.url));
    run.left.push(...batch.filter((c) => !taken.has(c.url)).map((c) => c.url));
    if (answer.note && !run.notes.includes(answer.note)) run.notes.push(answer.note);
    if (answer.remain !== undefined) budget = answer.remain;
    if (answer.error !== undefined) run.error = answer.error;
    else if (answer.stop !== undefined) run.stopped = answer.stop;
    else continue;
    break;
  }
  run.left.push(...due.slice(next).map((c) => c.url));
  return run;
}
