// `scripts/bench.ts` and `scripts/bench-floor.ts` on a tiny generated archive: they run, exit 0 and
// report numbers of the right shape. Timings are only ever checked to be positive.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT } from "./helpers/build.ts";

const run = (args: string[]) =>
  promisify(execFile)("npx", ["tsx", ...args], { cwd: PROJECT, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

const tmp = mkdtempSync(path.join(tmpdir(), "wenku-bench-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function files(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full, name));
    else if (entry.name === name) out.push(full);
  }
  return out;
}

interface RunJson {
  wallMs: number;
  peakRssBytes: number;
  files: number;
  bytes: number;
}

describe("npm run bench", () => {
  it("measures floor and build on a tiny archive and writes the results as JSON", { timeout: 300_000 }, async () => {
    const json = path.join(tmp, "r.json");
    const r = await run(["scripts/bench.ts", "--sizes", "30", "--runs", "1", "--dir", tmp, "--json", json]);
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| *30 \| floor/);
    expect(r.stdout).toMatch(/\| *30 \| build/);

    const result = JSON.parse(readFileSync(json, "utf8")) as {
      machine: { cores: number; node: string; date: string };
      sizes: {
        articles: number;
        runs: { floor: RunJson[]; build: RunJson[] };
        summary: { ratio: { median: number; min: number; max: number; pairs: number[] } };
      }[];
    };
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.node).toBe(process.version);
    expect(result.sizes).toHaveLength(1);
    const size = result.sizes[0]!;
    expect(size.articles).toBe(30);
    for (const kind of ["floor", "build"] as const) {
      expect(size.runs[kind]).toHaveLength(1);
      for (const one of size.runs[kind]) {
        expect(one.wallMs).toBeGreaterThan(0);
        expect(one.peakRssBytes).toBeGreaterThan(0);
        expect(one.files).toBeGreaterThan(0);
        expect(one.bytes).toBeGreaterThan(0);
      }
    }
    expect(size.runs.floor[0]!.files).toBe(30);
    expect(size.summary.ratio.pairs).toHaveLength(1);
    expect(size.summary.ratio.median).toBeGreaterThan(0);
    expect(size.summary.ratio.min).toBeLessThanOrEqual(size.summary.ratio.max);
    // Output folders are deleted after each run.
    expect(readdirSync(path.join(tmp, "out"))).toEqual([]);
  });

  it("the floor writes one index.html per article, one folder each", { timeout: 120_000 }, async () => {
    // Reuses the archive generated above (or generates it when this test runs alone).
    const content = path.join(tmp, "n30");
    const gen = await run(["scripts/generate-archive.ts", "30", "--seed", "1", "--out", content]);
    expect(gen.code).toBe(0);
    const output = path.join(tmp, "floor-out");
    const r = await run(["scripts/bench-floor.ts", "--content", content, "--output", output]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("30 articles");

    const articles = mdFiles(path.join(content, "articles"));
    expect(articles).toHaveLength(30);
    const pages = files(output, "index.html");
    expect(pages).toHaveLength(30);
    const expected = articles
      .map((file) =>
        path.join(output, path.relative(path.join(content, "articles"), file).replace(/\.md$/, ""), "index.html"),
      )
      .sort();
    expect(pages.sort()).toEqual(expected);
    for (const page of pages) expect(statSync(page).size).toBeGreaterThan(0);
    const html = readFileSync(pages[0]!, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain("<p>");
  });
});

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...mdFiles(full));
    else if (entry.name.endsWith(".md")) out.push(full);
  }
  return out;
}
