import { describe, expect, it } from "vitest";
import type { SiteModel } from "../site/model.ts";
import { heapLimits, partitionsOf, plan } from "./partition.ts";
import { parsePartition, partitionModel, shareOf } from "../site/partition.ts";

const model = {
  site: {},
  articlePages: ["a0", "a1", "a2", "a3", "a4"],
  listPages: ["l0", "l1", "l2"],
  archivePages: ["y0", "y1"],
  redirectPages: [],
  homePages: ["home"],
  notFoundPages: ["404"],
  searchPages: ["search"],
  filePages: ["headers", "feed"],
  problems: [],
} as unknown as SiteModel;

describe("plan", () => {
  it("keeps a small site in one process", () => {
    expect(plan(500, 8)).toEqual({ workers: 1, partitions: 1 });
  });
  it("uses one worker per core for a large site, partitions dividing evenly", () => {
    expect(plan(11_000, 2)).toEqual({ workers: 2, partitions: 12 });
  });
  it("adds rounds of partitions so none holds more than the maximum", () => {
    expect(plan(110_000, 2)).toEqual({ workers: 2, partitions: 110 });
    expect(plan(3_000, 2, undefined, 6000)).toEqual({ workers: 2, partitions: 2 });
  });
  it("honours a forced worker count even for a small site", () => {
    expect(plan(40, 8, 2)).toEqual({ workers: 2, partitions: 2 });
  });
});

describe("partitionsOf", () => {
  it("deals partitions round the workers", () => {
    expect(partitionsOf(0, 2, 6)).toEqual([0, 2, 4]);
    expect(partitionsOf(1, 2, 6)).toEqual([1, 3, 5]);
  });
});

describe("parsePartition", () => {
  it("reads i/n and refuses nonsense", () => {
    expect(parsePartition("1/3")).toEqual({ index: 1, count: 3 });
    expect(parsePartition("3/3")).toBeNull();
    expect(parsePartition(undefined)).toBeNull();
  });
});

describe("partitionModel", () => {
  it("deals every page to exactly one partition; site-wide pages go to partition 0", () => {
    const parts = [0, 1].map((index) => partitionModel(model, { index, count: 2 }));
    expect(parts.map((p) => p.articlePages)).toEqual([["a0", "a2", "a4"], ["a1", "a3"]]);
    expect(parts.map((p) => p.listPages)).toEqual([["l0", "l2"], ["l1"]]);
    expect(parts.map((p) => p.homePages.length)).toEqual([1, 0]);
    expect(parts.map((p) => p.filePages.length)).toEqual([2, 0]);
    expect(parts.map((p) => p.notFoundPages.length)).toEqual([1, 0]);
    expect(parts.map((p) => p.searchPages.length)).toEqual([1, 0]);
  });
  it("returns the whole model for a single partition", () => {
    expect(partitionModel(model, { index: 0, count: 1 })).toBe(model);
  });
});

describe("shareOf", () => {
  it("blanks other partitions' pages but keeps positions, so a worker deals out the same pages", () => {
    const share = shareOf(model, [1], 2);
    expect(share.articlePages).toEqual([null, "a1", null, "a3", null]);
    expect(partitionModel(share, { index: 1, count: 2 }).articlePages).toEqual(partitionModel(model, { index: 1, count: 2 }).articlePages);
    expect(share.homePages).toEqual([]);
  });
});

describe("heapLimits", () => {
  it("gives small and medium archives the 1 GiB main heap the npm script starts with", () => {
    expect(heapLimits(30, 1).main).toBe(1024);
    expect(heapLimits(100_000, 2).main).toBe(1024);
  });
  it("grows with the archive beyond that", () => {
    expect(heapLimits(300_000, 2).main).toBe(384 + 1920);
  });
  it("sizes a worker's heap by its share of the articles", () => {
    expect(heapLimits(100_000, 2).worker).toBe(640);
    expect(heapLimits(100_000, 4).worker).toBe(512);
  });
});
