import { describe, expect, it } from "vitest";
import type { Page } from "../site/pages/index.ts";
import { dealPages } from "../site/partition.ts";
import { heapLimits, partitionsOf, plan } from "./partition.ts";

const page = (kind: string, path: string) => ({ kind, path }) as unknown as Page;
const pages = [
  ...["a0", "a1", "a2", "a3", "a4"].map((p) => page("article", p)),
  ...["l0", "l1", "l2"].map((p) => page("list", p)),
  ...["/tags/", "/tags/a/", "/tags/b/"].map((p) => page("tag", p)),
  page("home", "home"),
  page("not-found", "404"),
  page("search", "search"),
  ...["headers", "feed"].map((p) => page("file", p)),
];
const paths = (part: readonly Page[], kind: string) => part.filter((p) => p.kind === kind).map((p) => p.path);

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

describe("dealPages", () => {
  it("deals each kind's pages round the partitions; site-wide pages all go to partition 0", () => {
    const parts = dealPages(pages, 2);
    expect(parts.map((p) => paths(p, "article"))).toEqual([
      ["a0", "a2", "a4"],
      ["a1", "a3"],
    ]);
    expect(parts.map((p) => paths(p, "list"))).toEqual([["l0", "l2"], ["l1"]]);
    expect(parts.map((p) => paths(p, "tag"))).toEqual([["/tags/", "/tags/b/"], ["/tags/a/"]]);
    expect(parts.map((p) => paths(p, "home").length)).toEqual([1, 0]);
    expect(parts.map((p) => paths(p, "file").length)).toEqual([2, 0]);
    expect(parts.map((p) => paths(p, "not-found").length)).toEqual([1, 0]);
    expect(parts.map((p) => paths(p, "search").length)).toEqual([1, 0]);
  });
  it("puts every page in exactly one partition", () => {
    const parts = dealPages(pages, 3);
    expect(
      parts
        .flat()
        .map((p) => p.path)
        .sort(),
    ).toEqual(pages.map((p) => p.path).sort());
    expect(dealPages(pages, 1)).toEqual([pages]);
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
