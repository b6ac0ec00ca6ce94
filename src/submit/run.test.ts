import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Candidate } from "./due.ts";
import { SubmitRecord } from "./record.ts";
import { runService, type QuotaBook } from "./run.ts";
import type { BatchAnswer, Service } from "./service.ts";

const NOW = () => new Date("2026-03-01T04:00:00Z");
const record = () => SubmitRecord.read(path.join(mkdtempSync(path.join(tmpdir(), "wenku-run-")), "r.json"));
const due = (n: number): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({ url: `https://a.example/${i}/`, fingerprint: `f${i}`, lastmod: "" }));

/** A service that answers each batch with the next scripted answer (given the batch), remembering batches. */
function scripted(limit: number, answers: ((urls: string[]) => BatchAnswer)[]) {
  const batches: string[][] = [];
  const service: Service = {
    name: "baidu",
    limit,
    send: async (urls) => {
      batches.push([...urls]);
      return answers[batches.length - 1]!([...urls]);
    },
  };
  return { service, batches };
}
const all = (urls: string[]): BatchAnswer => ({ accepted: urls });

describe("runService", () => {
  it("sends 10,001 URLs to a 10,000-a-request service as 10,000 and 1, recording both", async () => {
    const { service, batches } = scripted(10_000, [all, all]);
    const r = await record();
    const run = await runService(service, due(10_001), r, { now: NOW });
    expect(batches.map((b) => b.length)).toEqual([10_000, 1]);
    expect(run).toMatchObject({ requests: 2, left: [], error: null, stopped: null });
    expect(run.sent).toHaveLength(10_001);
    expect((await SubmitRecord.read(r.file)).has("https://a.example/10000/", "f10000")).toBe(true);
  });

  it("keeps an accepted batch when a later one fails, and carries the failed and unsent ones", async () => {
    const { service, batches } = scripted(2, [all, () => ({ accepted: [], error: "refused" })]);
    const r = await record();
    const run = await runService(service, due(5), r, { now: NOW });
    expect(batches).toHaveLength(2);
    expect(run.error).toBe("refused");
    expect(run.sent).toEqual(["https://a.example/0/", "https://a.example/1/"]);
    expect(run.left).toEqual(["https://a.example/2/", "https://a.example/3/", "https://a.example/4/"]);
    const reread = await SubmitRecord.read(r.file);
    expect(Object.keys(reread.data.sent)).toEqual(run.sent);
  });

  it("stops without an error on a rate limit, and sends no batch after it", async () => {
    const { service, batches } = scripted(1, [all, () => ({ accepted: [], stop: "429" }), all]);
    const run = await runService(service, due(3), await record(), { now: NOW });
    expect(batches).toHaveLength(2);
    expect(run).toMatchObject({ stopped: "429", error: null, sent: ["https://a.example/0/"] });
    expect(run.left).toEqual(["https://a.example/1/", "https://a.example/2/"]);
  });

  it("sizes batches by the quota's remain, and sends nothing when today's is known to be used up", async () => {
    const quota = (known: number | null): QuotaBook => ({
      known,
      entry: (remain) => ({ site: "s", day: "2026-03-01", remain }),
    });
    const first = scripted(2_000, [
      (urls) => ({ accepted: urls, remain: 2 }),
      (urls) => ({ accepted: urls, remain: 0 }),
    ]);
    const r = await record();
    const run = await runService(first.service, due(6), r, { now: NOW, quota: quota(3) });
    expect(first.batches.map((b) => b.length)).toEqual([3, 2]);
    expect(run.left).toHaveLength(1);
    expect(run.stopped).toMatch(/quota/);
    expect((await SubmitRecord.read(r.file)).remainOn("s", "2026-03-01")).toBe(0);

    const none = scripted(2_000, []);
    const later = await runService(none.service, due(6), await record(), { now: NOW, quota: quota(0) });
    expect(none.batches).toEqual([]);
    expect(later).toMatchObject({ requests: 0, sent: [], error: null });
    expect(later.left).toHaveLength(6);
  });
});
