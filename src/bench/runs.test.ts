import { describe, expect, it } from "vitest";
import { alternate, alternation, ratioOf, round, seconds, summariseKind, type Run } from "./runs.ts";

const run = (kind: string, n: number, wallMs: number, peakRssMiB = 100, files = 10, bytes = 1000): Run => ({
  kind,
  run: n,
  wallMs,
  peakRssBytes: peakRssMiB * 1024 * 1024,
  peakRssMiB,
  rssSamples: 5,
  files,
  bytes,
});

describe("alternation", () => {
  it("makes run 1 of every kind before run 2 of any, so drift hits both kinds", () => {
    expect(alternation(["floor", "build"], 3)).toEqual([
      { kind: "floor", run: 1 },
      { kind: "build", run: 1 },
      { kind: "floor", run: 2 },
      { kind: "build", run: 2 },
      { kind: "floor", run: 3 },
      { kind: "build", run: 3 },
    ]);
  });

  it("one run is one of each kind, in the order given", () => {
    expect(alternation(["hugo", "wenku"], 1)).toEqual([
      { kind: "hugo", run: 1 },
      { kind: "wenku", run: 1 },
    ]);
  });
});

describe("alternate", () => {
  it("makes the runs one at a time in alternation and files each under its kind", async () => {
    const calls: string[] = [];
    let active = 0;
    const list = await alternate(["search", "nosearch"] as const, 2, async (kind, n) => {
      active++;
      expect(active).toBe(1); // never two at once: they would compete for the cores
      calls.push(`${kind}${n}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      active--;
      return run(kind, n, n * 100);
    });
    expect(calls).toEqual(["search1", "nosearch1", "search2", "nosearch2"]);
    expect(list.search.map((r) => r.run)).toEqual([1, 2]);
    expect(list.nosearch.map((r) => r.kind)).toEqual(["nosearch", "nosearch"]);
  });
});

describe("ratioOf", () => {
  it("divides each pair's walls, not the medians, and keeps every pair", () => {
    const builds = [run("build", 1, 300), run("build", 2, 900), run("build", 3, 400)];
    const floors = [run("floor", 1, 100), run("floor", 2, 200), run("floor", 3, 300)];
    expect(ratioOf(builds, floors)).toEqual({ median: 3, min: 1.333, max: 4.5, pairs: [3, 4.5, 1.333] });
  });
});

describe("summariseKind", () => {
  it("takes medians and ranges of wall and peak RSS, the median of files and bytes, and ms per article", () => {
    const list = [
      run("build", 1, 2000, 300, 367, 5000),
      run("build", 2, 1000, 200, 367, 5000),
      run("build", 3, 4000, 250, 369, 6000),
    ];
    expect(summariseKind(list, 100)).toEqual({
      wallMs: { median: 2000, min: 1000, max: 4000 },
      msPerArticle: 20,
      peakRssMiB: { median: 250, min: 200, max: 300 },
      files: 367,
      bytes: 5000,
    });
  });

  it("rounds ms per article to three decimals", () => {
    expect(summariseKind([run("floor", 1, 1000)], 3).msPerArticle).toBe(333.333);
  });
});

describe("seconds and round", () => {
  it("shows milliseconds below a second and seconds with two decimals from one", () => {
    expect(seconds(999.4)).toBe("999 ms");
    expect(seconds(1000)).toBe("1.00 s");
    expect(seconds(12_345)).toBe("12.35 s");
  });

  it("rounds to the digits asked", () => {
    expect(round(1.23456, 1)).toBe(1.2);
    expect(round(1.25, 3)).toBe(1.25);
  });
});
