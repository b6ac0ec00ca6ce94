// bench() as a library call on a tiny generated archive, from a cwd other than the project's: the
// result holds every run, in alternation, with sane numbers. Timings are only checked to be positive.
// The dev server is left out: it writes the project's .wenku/serve, which other test files use.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bench, type BenchPart, type Run } from "../src/index.ts";

const tmp = mkdtempSync(path.join(tmpdir(), "wenku-bench-api-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("bench()", () => {
  it(
    "measures floor and build, the cost of search, and records Hugo as not measured",
    { timeout: 240_000 },
    async () => {
      const lines: string[] = [];
      const parts: BenchPart["part"][] = [];
      const result = await bench({
        sizes: [30],
        runs: 1,
        dir: "b",
        cwd: tmp,
        searchCost: true,
        hugo: true,
        peers: "no-peers-here",
        onLine: (line) => lines.push(line),
        onPart: (part) => parts.push(part.part),
      });

      expect(parts).toEqual(["start", "sizes", "searchCost", "hugo"]);
      expect(result.options).toEqual({
        sizes: [30],
        runs: 1,
        seed: "1",
        dir: path.join(tmp, "b"),
        samplingMs: 20,
        search: true,
      });
      expect(result.machine.cores).toBeGreaterThan(0);
      expect(result.machine.node).toBe(process.version);

      expect(result.sizes).toHaveLength(1);
      const size = result.sizes[0]!;
      expect(size.articles).toBe(30);
      expect(size.content).toBe(path.join(tmp, "b/n30"));
      expect(size.reused).toBe(false);
      const sane = (run: Run, kind: string) => {
        expect(run.kind).toBe(kind);
        expect(run.run).toBe(1);
        expect(run.wallMs).toBeGreaterThan(0);
        expect(run.peakRssBytes).toBeGreaterThan(0);
        expect(run.rssSamples).toBeGreaterThan(0);
        expect(run.bytes).toBeGreaterThan(0);
      };
      expect(size.runs.floor).toHaveLength(1);
      expect(size.runs.build).toHaveLength(1);
      sane(size.runs.floor[0]!, "floor");
      sane(size.runs.build[0]!, "build");
      expect(size.runs.floor[0]!.files).toBe(30); // one page per article
      expect(size.runs.build[0]!.files).toBeGreaterThan(30);
      expect(size.summary.build.wallMs.median).toBe(size.runs.build[0]!.wallMs);
      expect(size.summary.floor.msPerArticle).toBeGreaterThan(0);
      expect(size.summary.ratio.pairs).toHaveLength(1);
      expect(size.summary.ratio.median).toBeCloseTo(size.runs.build[0]!.wallMs / size.runs.floor[0]!.wallMs, 2);

      expect(result.searchCost).toHaveLength(1);
      const cost = result.searchCost![0]!;
      expect(cost.articles).toBe(30);
      expect(cost.on.files).toBeGreaterThan(cost.off.files); // the Pagefind bundle
      expect(cost.on.files).toBe(size.runs.build[0]!.files); // the bench's builds write the index by default
      expect(cost.ratio.median).toBeGreaterThan(0);

      expect(result.hugo).toEqual({ error: expect.any(String) });
      expect(result.devServer).toBeUndefined();

      // Progress lines show paths relative to cwd, and the run outputs are gone.
      expect(lines[0]).toBe('generating 30 articles (seed "1") into b/n30 …');
      expect(lines.filter((l) => /^ {2}n=30 (floor|build|search|nosearch) 1\/1: /.test(l))).toHaveLength(4);
      expect(readdirSync(path.join(tmp, "b/out"))).toEqual([]);
      expect(JSON.parse(readFileSync(path.join(tmp, "b/n30/.wenku-generated"), "utf8"))).toMatchObject({
        articles: 30,
        seed: "1",
      });

      // A second bench reuses the archive.
      const again = await bench({ sizes: [30], runs: 1, dir: path.join(tmp, "b"), search: false });
      expect(again.sizes[0]!.reused).toBe(true);
      expect(again.options.search).toBe(false);
      expect(again.sizes[0]!.runs.build[0]!.files).toBe(cost.off.files);
    },
  );
});
