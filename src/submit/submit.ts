// `npm run submit` as one call: tells IndexNow and Baidu's push API about the articles that are new or
// changed since they were last told. It reads the content folder itself, through the build's own checked
// model (drafts left out, the same canonical URLs the pages carry), rather than a built sitemap: a sitemap
// holds no fingerprint of an article, and the model cannot be stale. What it sends must be live, so run
// it after deploying the build; IndexNow also fetches the key file that build wrote.
import path from "node:path";
import { DateTime } from "luxon";
import type { SiteConfig } from "../config/site.ts";
import { endpointProblem } from "../config/submit.ts";
import { ContentError, WenkuError } from "../content/problems.ts";
import { indexNowKeyFile } from "../site/indexnow-key.ts";
import { checkSite } from "../site/load-site.ts";
import { baiduService } from "./baidu.ts";
import { candidates, dueFor, type Candidate } from "./due.ts";
import { indexNowService } from "./indexnow.ts";
import { SubmitRecord } from "./record.ts";
import { runService, type QuotaBook, type ServiceRun } from "./run.ts";
import type { Service } from "./service.ts";

export interface SubmitOptions {
  /** The content folder; absolute or relative to `cwd`. */
  content: string;
  /** Where the records of what was sent are kept (one JSON file per service); default `.wenku/submit`. */
  record?: string;
  /** List what is due, per service; send and write nothing. */
  dryRun?: boolean;
  /** Overrides the config's pathPrefix, as for the build (the URLs must be the deployed ones). */
  pathPrefix?: string;
  /** Overrides site config `submit.indexnow.endpoint`. */
  indexnowEndpoint?: string;
  /** Baidu's push site and token: the command line reads them from BAIDU_PUSH_SITE and BAIDU_PUSH_TOKEN. */
  baidu?: { site: string; token: string; endpoint?: string };
  /** Each request's time limit; default 30 s. */
  timeoutMs?: number;
  cwd?: string;
  /** The clock (tests freeze it): when URLs were sent, and which day Baidu's quota is of. */
  now?: () => Date;
}

export interface SubmitResult {
  dryRun: boolean;
  /** Published articles considered. */
  articles: number;
  /** One per service configured, IndexNow first. */
  services: ServiceRun[];
  /** Services left out, with why ("baidu: BAIDU_PUSH_SITE and BAIDU_PUSH_TOKEN are not set"). */
  skipped: string[];
}

/**
 * Sends what is due to every configured service. Throws ContentError (the content has problems: nothing
 * sent) or WenkuError: `not-configured` (no service), `usage` (a bad endpoint), `record` (a record file
 * that is not one), `record-changed` (another run wrote it meanwhile). A service's refusal is not thrown:
 * it is that service's `error`, and the other service still gets its turn.
 */
export async function submitSite(options: SubmitOptions): Promise<SubmitResult> {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? (() => new Date());
  // The build's own check: drafts left out as it leaves them, nothing sent for content it would refuse.
  const { model, config, problems, fileCount } = await checkSite({
    contentDir: path.resolve(cwd, options.content),
    drafts: false,
    ...(options.pathPrefix !== undefined ? { pathPrefix: options.pathPrefix } : {}),
  });
  if (problems.length > 0) throw new ContentError(problems, fileCount);
  const setups = services(options, config, path.resolve(cwd, options.record ?? ".wenku/submit"));
  if (setups.services.length === 0)
    throw new WenkuError("not-configured", `nothing to submit to: ${setups.skipped.join("; ")}`);
  const list = await candidates(model);
  const runs: ServiceRun[] = [];
  for (const { service, recordFile, quota } of setups.services) {
    const record = await SubmitRecord.read(recordFile);
    const due = dueFor(list, record);
    const book = quota?.(record, now());
    if (options.dryRun) runs.push(dryRun(service, due, book));
    else runs.push(await runService(service, due, record, { now, ...(book ? { quota: book } : {}) }));
  }
  return { dryRun: options.dryRun ?? false, articles: list.length, services: runs, skipped: setups.skipped };
}

interface Setup {
  service: Service;
  recordFile: string;
  quota?: (record: SubmitRecord, now: Date) => QuotaBook;
}

function services(
  options: SubmitOptions,
  config: SiteConfig,
  recordDir: string,
): { services: Setup[]; skipped: string[] } {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const checked = (name: string, url: string) => {
    const problem = endpointProblem(url);
    if (problem) throw new WenkuError("usage", `${name}: ${JSON.stringify(url)} is ${problem}`);
    return url;
  };
  const list: Setup[] = [];
  const skipped: string[] = [];
  const keyFile = indexNowKeyFile(config);
  if (keyFile) {
    const endpoint = checked("the IndexNow endpoint", options.indexnowEndpoint ?? config.submit.indexnow.endpoint);
    const host = new URL(config.url).host;
    list.push({
      service: indexNowService({ endpoint, host, key: keyFile.text, keyLocation: keyFile.url, timeoutMs }),
      recordFile: path.join(recordDir, "indexnow.json"),
    });
  } else skipped.push("indexnow: no submit.indexnow.key in site config");
  if (options.baidu) {
    const { site, token } = options.baidu;
    const endpoint = checked("the Baidu endpoint", options.baidu.endpoint ?? config.submit.baidu.endpoint);
    list.push({
      service: baiduService({ endpoint, site, token, timeoutMs }),
      recordFile: path.join(recordDir, "baidu.json"),
      quota: (record, now) => {
        // Baidu's quota is a day's, and its day is Beijing's.
        const day = DateTime.fromJSDate(now, { zone: "Asia/Shanghai" }).toISODate()!;
        return { known: record.remainOn(site, day), entry: (remain) => ({ site, day, remain }) };
      },
    });
  } else skipped.push("baidu: BAIDU_PUSH_SITE and BAIDU_PUSH_TOKEN are not set");
  return { services: list, skipped };
}

/** A dry run: what would be sent, in order, as far as a known quota for today allows. */
function dryRun(service: Service, due: readonly Candidate[], quota: QuotaBook | undefined): ServiceRun {
  const room = Math.max(0, quota?.known ?? Infinity);
  const urls = due.map((c) => c.url);
  return {
    service: service.name,
    due: urls,
    sent: [],
    left: urls,
    requests: 0,
    stopped:
      room < urls.length
        ? `today's quota (Beijing time) leaves room for ${room}, as the last answer today said; the rest would wait for the next run`
        : null,
    error: null,
    notes: [],
  };
}
