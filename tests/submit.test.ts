// submit() and `npm run submit` against local stand-ins for IndexNow and Baidu's push API on 127.0.0.1
// (tests/helpers/submit-servers.ts speaks each protocol as documented), on copies of the three-level
// fixture with an IndexNow key, built for real once so the stand-in engine fetches the key file from the
// built site: what is sent (every published article's canonical URL, never a draft or an alias), the
// record (nothing resent, a changed article resent), each documented answer, quotas and dry runs.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { submit, type SubmitOptions } from "../src/index.ts";
import { indexNowService } from "../src/submit/indexnow.ts";
import { SubmitRecord } from "../src/submit/record.ts";
import { runService } from "../src/submit/run.ts";
import { build, fileFor, fixture, page, PROJECT } from "./helpers/build.ts";
import { baiduServer, indexNowServer, type LocalService } from "./helpers/submit-servers.ts";

const KEY = "wenku-test-key-2026";
const ORIGIN = "https://fixture.example";
/** The fixture's published articles (its draft left out), by their permalinks; newest first. */
const PUBLISHED = [
  "/research/marketing/industrial-marketing/newest/",
  "/research/marketing/filed-on-parent/",
  "/research/marketing/consumer-insight/consumer/",
  "/research/marketing/industrial-marketing/a-same/",
  "/research/marketing/industrial-marketing/b-same/",
  "/research/marketing/industrial-marketing/fourth/",
  "/research/marketing/industrial-marketing/first/",
].map((p) => ORIGIN + p);
const ALIASES = ["/a/yanjiu/2012/0101/7.html", "/old/first"].map((p) => ORIGIN + p);
const DAY_1 = () => new Date("2026-03-01T04:00:00Z"); // noon in Beijing
const DAY_2 = () => new Date("2026-03-02T04:00:00Z");

let built: string;
let source: string;
/** What the engine finds at a keyLocation on the deployed site: the built file, or nothing (null). */
let deployed = true;
const keyFileAt = (url: string) => {
  const file = fileFor(built, new URL(url).pathname);
  return deployed && existsSync(file) ? readFileSync(file, "utf8") : null;
};

beforeAll(async () => {
  source = path.join(mkdtempSync(path.join(tmpdir(), "wenku-submit-")), "content");
  cpSync(fixture("three-level"), source, { recursive: true });
  const siteFile = path.join(source, "_data/site.json");
  writeFileSync(
    siteFile,
    JSON.stringify({ ...JSON.parse(readFileSync(siteFile, "utf8")), submit: { indexnow: { key: KEY } } }),
  );
  const r = await build(source);
  expect(r.code, r.stderr).toBe(0);
  built = r.output;
}, 120_000);

const servers: LocalService[] = [];
afterEach(async () => {
  deployed = true;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function started(service: Promise<LocalService>): Promise<LocalService> {
  servers.push(await service);
  return servers.at(-1)!;
}
/** A fresh copy of the content and an empty record folder. */
function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), "wenku-submit-run-"));
  const content = path.join(dir, "content");
  cpSync(source, content, { recursive: true });
  return { content, record: path.join(dir, "record") };
}
const edit = (content: string, file: string, change: (text: string) => string) => {
  const full = path.join(content, "articles", file);
  writeFileSync(full, change(readFileSync(full, "utf8")));
};
const urlsOf = (s: LocalService, i: number) => JSON.parse(s.requests[i]!.body).urlList as string[];

describe("the key file", () => {
  it("is written by the build at the site's root, holding the key and nothing else", () => {
    expect(readFileSync(path.join(built, `${KEY}.txt`), "utf8")).toBe(KEY);
  });

  it("each URL sent is the canonical link of a page the build wrote", () => {
    for (const url of PUBLISHED)
      expect(page(built, new URL(url).pathname)('link[rel="canonical"]').attr("href")).toBe(url);
  });
});

describe("IndexNow", () => {
  const engine = (mode: "ok" | "pending" | "busy" | "silent" = "ok", host = "fixture.example") =>
    started(indexNowServer({ host, mode, fetchKeyFile: keyFileAt }));
  const run = (w: ReturnType<typeof workspace>, endpoint: string, more: Partial<SubmitOptions> = {}) =>
    submit({ content: w.content, record: w.record, indexnowEndpoint: endpoint, now: DAY_1, ...more });

  it("POSTs every published article's canonical URL as the protocol's JSON, and nothing again on the next run", async () => {
    const w = workspace();
    const s = await engine();
    const first = await run(w, s.endpoint);
    expect(s.requests).toHaveLength(1);
    const [r] = s.requests;
    expect([r!.method, r!.path, r!.contentType]).toEqual(["POST", "/indexnow", "application/json; charset=utf-8"]);
    const body = JSON.parse(r!.body);
    expect(Object.keys(body).sort()).toEqual(["host", "key", "keyLocation", "urlList"]);
    expect(body).toMatchObject({ host: "fixture.example", key: KEY, keyLocation: `${ORIGIN}/${KEY}.txt` });
    expect(body.urlList).toEqual(PUBLISHED);
    for (const alias of ALIASES) expect(body.urlList).not.toContain(alias);
    expect(first.services).toMatchObject([{ service: "indexnow", error: null, stopped: null, left: [] }]);
    expect(first.services[0]!.sent).toEqual(PUBLISHED);
    expect(first.skipped).toEqual(["baidu: BAIDU_PUSH_SITE and BAIDU_PUSH_TOKEN are not set"]);

    const second = await run(w, s.endpoint);
    expect(s.requests).toHaveLength(1);
    expect(second.services[0]).toMatchObject({ due: [], sent: [], requests: 0 });
  });

  it("sends a changed article again, alone; a new view count is no change", async () => {
    const w = workspace();
    const s = await engine();
    await run(w, s.endpoint);
    edit(w.content, "im/first.md", (t) => t.replace("views: 1234567", "views: 1234999"));
    await run(w, s.endpoint);
    expect(s.requests).toHaveLength(1);
    edit(w.content, "im/fourth.md", (t) => `${t}\nA paragraph added later.\n`);
    await run(w, s.endpoint);
    expect(s.requests).toHaveLength(2);
    expect(urlsOf(s, 1)).toEqual([`${ORIGIN}/research/marketing/industrial-marketing/fourth/`]);
  });

  it("never sends a draft, even once it is the newest article", async () => {
    const w = workspace();
    edit(w.content, "other/draft.md", (t) => t.replace("date: 2016-01-01", "date: 2026-02-28"));
    const s = await engine();
    await run(w, s.endpoint);
    expect(urlsOf(s, 0)).toEqual(PUBLISHED);
    expect(urlsOf(s, 0).some((u) => u.includes("draft"))).toBe(false);
  });

  it("takes 202 (key validation pending) as received, and says so", async () => {
    const w = workspace();
    const s = await engine("pending");
    const r = await run(w, s.endpoint);
    expect(r.services[0]).toMatchObject({ error: null, sent: PUBLISHED });
    expect(r.services[0]!.notes.join()).toMatch(/202/);
    await run(w, s.endpoint);
    expect(s.requests).toHaveLength(1);
  });

  it("reports 403 when the key file is not live, records nothing, and sends everything once it is", async () => {
    const w = workspace();
    const s = await engine();
    deployed = false;
    const refused = await run(w, s.endpoint);
    expect(refused.services[0]!.error).toContain(`403 Forbidden: the key is not valid — ${ORIGIN}/${KEY}.txt`);
    expect(refused.services[0]!.left).toEqual(PUBLISHED);
    deployed = true;
    const accepted = await run(w, s.endpoint);
    expect(accepted.services[0]!.sent).toEqual(PUBLISHED);
    expect(s.requests).toHaveLength(2);
  });

  it("reports 422 when the engine says the URLs are not the host's", async () => {
    const w = workspace();
    const s = await engine("ok", "www.fixture.example");
    const r = await run(w, s.endpoint);
    expect(r.services[0]!.error).toMatch(/^422 Unprocessable Entity: the URLs do not belong to fixture\.example/);
    expect(r.services[0]!.sent).toEqual([]);
  });

  it("stops at 429 without calling it a failure, and the next run sends what waited", async () => {
    const w = workspace();
    const busy = await engine("busy");
    const r = await run(w, busy.endpoint);
    expect(r.services[0]).toMatchObject({ error: null, sent: [], left: PUBLISHED });
    expect(r.services[0]!.stopped).toMatch(/^429 Too Many Requests/);
    const s = await engine();
    expect((await run(w, s.endpoint)).services[0]!.sent).toEqual(PUBLISHED);
  });

  it("gives up on an engine that does not answer within the time limit", async () => {
    const w = workspace();
    const s = await engine("silent");
    const r = await run(w, s.endpoint, { timeoutMs: 300 });
    expect(r.services[0]!.error).toBe(`could not reach ${s.endpoint} (no answer within 0.3 s)`);
  });

  it("splits 10,001 URLs into requests of 10,000 and 1, the protocol's most a request", async () => {
    const s = await started(indexNowServer({ host: "a.example", mode: "ok", fetchKeyFile: () => KEY }));
    const service = indexNowService({
      endpoint: s.endpoint,
      host: "a.example",
      key: KEY,
      keyLocation: `https://a.example/${KEY}.txt`,
      timeoutMs: 30_000,
    });
    const due = Array.from({ length: 10_001 }, (_, i) => ({
      url: `https://a.example/${i}/`,
      fingerprint: "f",
      lastmod: "",
    }));
    const record = await SubmitRecord.read(path.join(mkdtempSync(path.join(tmpdir(), "wenku-submit-")), "r.json"));
    const run10k = await runService(service, due, record, { now: DAY_1 });
    expect(s.requests.map((_, i) => urlsOf(s, i).length)).toEqual([10_000, 1]);
    expect(run10k).toMatchObject({ error: null, left: [] });
  });
});

describe("Baidu's push API", () => {
  const SITE = ORIGIN;
  const TOKEN = "pyf4x6ajKhx6x6Di";
  const push = (quota: number, token = TOKEN) => started(baiduServer({ site: SITE, token, quota }));
  // IndexNow off: only Baidu is under test here.
  const baiduOnly = (w: ReturnType<typeof workspace>) => {
    const siteFile = path.join(w.content, "_data/site.json");
    const { submit: _, ...config } = JSON.parse(readFileSync(siteFile, "utf8"));
    writeFileSync(siteFile, JSON.stringify(config));
    return w;
  };
  const run = (w: ReturnType<typeof workspace>, s: LocalService, now = DAY_1, token = TOKEN) =>
    submit({ content: w.content, record: w.record, baidu: { site: SITE, token, endpoint: s.endpoint }, now });
  const linesOf = (s: LocalService, i: number) => s.requests[i]!.body.split("\n");

  it("POSTs the URLs as text/plain, one a line, with site and token in the query", async () => {
    const w = baiduOnly(workspace());
    const s = await push(100);
    const r = await run(w, s);
    expect(s.requests).toHaveLength(1);
    const [q] = s.requests;
    expect([q!.method, q!.path, q!.contentType]).toEqual(["POST", "/urls", "text/plain"]);
    expect(Object.fromEntries(q!.query)).toEqual({ site: SITE, token: TOKEN });
    expect(linesOf(s, 0)).toEqual(PUBLISHED);
    expect(r.services).toMatchObject([{ service: "baidu", sent: PUBLISHED, error: null, stopped: null }]);
    expect(r.skipped).toEqual(["indexnow: no submit.indexnow.key in site config"]);
    await run(w, s);
    expect(s.requests).toHaveLength(1);
  });

  it("sends no more than the day's remain, waits for the next day, and then sends the rest", async () => {
    const w = baiduOnly(workspace());
    const s = await push(9);
    await run(w, s); // 7 taken, remain 2
    for (const file of ["im/newest.md", "im/fourth.md", "im/first.md", "other/consumer.md"])
      edit(w.content, file, (t) => `${t}\nRevised.\n`);
    const capped = await run(w, s);
    expect(s.requests).toHaveLength(2);
    // Newest first: of the four changed, the two most recent go today.
    expect(linesOf(s, 1)).toEqual([PUBLISHED[0], PUBLISHED[2]]);
    expect(capped.services[0]).toMatchObject({ error: null, sent: [PUBLISHED[0], PUBLISHED[2]] });
    expect(capped.services[0]!.left).toEqual([PUBLISHED[5], PUBLISHED[6]]);
    expect(capped.services[0]!.stopped).toMatch(/quota for today/);

    const sameDay = await run(w, s);
    expect(s.requests).toHaveLength(2); // the record knows today's remain is 0: not even a request
    expect(sameDay.services[0]).toMatchObject({ requests: 0, error: null, left: [PUBLISHED[5], PUBLISHED[6]] });

    const reopened = await push(100);
    const nextDay = await run(w, reopened, DAY_2);
    expect(linesOf(reopened, 0)).toEqual([PUBLISHED[5], PUBLISHED[6]]);
    expect(nextDay.services[0]).toMatchObject({ left: [], error: null });
    await run(w, reopened, DAY_2);
    expect(reopened.requests).toHaveLength(1);
  });

  it("takes over quota as today's end, not a failure, and asks no more that day", async () => {
    const w = baiduOnly(workspace());
    const s = await push(0);
    const r = await run(w, s);
    expect(r.services[0]).toMatchObject({ error: null, sent: [], left: PUBLISHED });
    expect(r.services[0]!.stopped).toMatch(/over quota/);
    await run(w, s);
    expect(s.requests).toHaveLength(1);
  });

  it("reports a token Baidu does not know (401) without repeating it, and records nothing", async () => {
    const w = baiduOnly(workspace());
    const s = await push(100);
    const r = await run(w, s, DAY_1, "wrongToken123456");
    expect(r.services[0]!.error).toBe(
      "Baidu answered 401 token is not valid: BAIDU_PUSH_TOKEN is not the push token of this site (ziyuan.baidu.com → 普通收录 → API提交)",
    );
    expect(JSON.stringify(r)).not.toContain("wrongToken123456");
    expect(existsSync(path.join(w.record, "baidu.json"))).toBe(false);
  });

  it("reports URLs Baidu says are not the push site's, and does not count them sent", async () => {
    const w = baiduOnly(workspace());
    const s = await started(baiduServer({ site: "https://www.fixture.example", token: TOKEN, quota: 100 }));
    const r = await submit({
      content: w.content,
      record: w.record,
      baidu: { site: "https://www.fixture.example", token: TOKEN, endpoint: s.endpoint },
      now: DAY_1,
    });
    expect(r.services[0]!.sent).toEqual([]);
    expect(r.services[0]!.error).toMatch(/^7 URL\(s\) are not on the push site https:\/\/www\.fixture\.example/);
  });
});

describe("a dry run", () => {
  it("lists what each service is due and sends and writes nothing", async () => {
    const w = workspace();
    const engine = await started(indexNowServer({ host: "fixture.example", mode: "ok", fetchKeyFile: keyFileAt }));
    const baidu = await started(baiduServer({ site: ORIGIN, token: "t0ken", quota: 100 }));
    const r = await submit({
      content: w.content,
      record: w.record,
      dryRun: true,
      indexnowEndpoint: engine.endpoint,
      baidu: { site: ORIGIN, token: "t0ken", endpoint: baidu.endpoint },
    });
    expect(r.dryRun).toBe(true);
    expect(r.services.map((s) => [s.service, s.due])).toEqual([
      ["indexnow", PUBLISHED],
      ["baidu", PUBLISHED],
    ]);
    expect([engine.requests, baidu.requests]).toEqual([[], []]);
    expect(existsSync(w.record)).toBe(false);
  });
});

describe("npm run submit", () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    promisify(execFile)("npm", ["run", "--silent", "submit", "--", ...args], {
      cwd: PROJECT,
      env: { ...process.env, BAIDU_PUSH_SITE: "", BAIDU_PUSH_TOKEN: "", ...env },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("--dry-run prints each service's count and URLs, with Baidu's site and token from the environment", async () => {
    const w = workspace();
    const r = await cli(["--content", w.content, "--record", w.record, "--dry-run"], {
      BAIDU_PUSH_SITE: ORIGIN,
      BAIDU_PUSH_TOKEN: "t0ken",
    });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("wenku submit: dry run, nothing sent (7 published article(s))");
    expect(lines[1]).toBe("IndexNow: 7 URL(s) due");
    expect(lines.slice(2, 9)).toEqual(PUBLISHED.map((u) => `  ${u}`));
    expect(lines[9]).toBe("Baidu: 7 URL(s) due");
    expect(existsSync(w.record)).toBe(false);
  });

  it("sends to both, exits 1 when one refuses, and names the other's result", async () => {
    const w = workspace();
    const engine = await started(indexNowServer({ host: "fixture.example", mode: "ok", fetchKeyFile: keyFileAt }));
    const baidu = await started(baiduServer({ site: ORIGIN, token: "right", quota: 100 }));
    const args = ["--content", w.content, "--record", w.record, "--indexnow-endpoint", engine.endpoint];
    const r = await cli([...args, "--baidu-endpoint", baidu.endpoint], {
      BAIDU_PUSH_SITE: ORIGIN,
      BAIDU_PUSH_TOKEN: "wrongOne",
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "wenku submit: IndexNow: 7 URL(s) sent in 1 request(s), 0 left for the next run, 0 unchanged since sent",
    );
    expect(r.stdout).toContain("wenku submit: Baidu: 0 URL(s) sent in 1 request(s), 7 left for the next run");
    expect(r.stderr).toContain("wenku submit: Baidu failed: Baidu answered 401 token is not valid");
    expect(r.stdout + r.stderr).not.toContain("wrongOne");
  });

  it("refuses Baidu's token in site config, naming the field and the environment variable", async () => {
    const w = workspace();
    const siteFile = path.join(w.content, "_data/site.json");
    const config = JSON.parse(readFileSync(siteFile, "utf8"));
    writeFileSync(
      siteFile,
      JSON.stringify({ ...config, submit: { ...config.submit, baidu: { token: "leaked" } } }, null, 1),
    );
    const r = await cli(["--content", w.content, "--record", w.record, "--dry-run"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/site\.json:\d+:\d+ +submit\.baidu\.token/);
    expect(r.stderr).toContain("BAIDU_PUSH_TOKEN");
    expect(r.stderr).not.toContain("leaked");
  });

  it("asks for both of Baidu's variables or neither (exit 2)", async () => {
    const w = workspace();
    const r = await cli(["--content", w.content, "--dry-run"], { BAIDU_PUSH_SITE: ORIGIN });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("set both BAIDU_PUSH_SITE and BAIDU_PUSH_TOKEN");
  });
});
