// Dates come out the same whatever TZ the build machine has: the site's zone decides.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";

let newYork: BuildResult;
let utc: BuildResult;
let kiritimati: BuildResult;

beforeAll(async () => {
  const zones = ["America/New_York", "UTC", "Pacific/Kiritimati"];
  [newYork, utc, kiritimati] = (await Promise.all(zones.map((TZ) => build(fixture("three-level"), { env: { TZ } })))) as [BuildResult, BuildResult, BuildResult];
  for (const b of [newYork, utc, kiritimati]) if (b.code !== 0) throw new Error(b.stderr);
});

describe("builds under different TZ", () => {
  it("render the same site-zone time for a date written without an offset", () => {
    for (const b of [newYork, utc, kiritimati]) {
      const $ = page(b.output, "/research/marketing/industrial-marketing/newest/");
      expect($("p.article-meta time").attr("datetime")).toBe("2020-05-05T01:15:00+08:00");
      expect($("p.article-meta time").text()).toBe("2020-05-05 01:15:00");
    }
  });

  it("render a date-only value as midnight in the site's zone, on the same calendar day", () => {
    const $ = page(utc.output, "/research/marketing/filed-on-parent/");
    expect($("p.article-meta time").attr("datetime")).toBe("2015-06-01T00:00:00+08:00");
  });

  it("produce byte-identical output", () => {
    const files = listFiles(newYork.output);
    expect(listFiles(utc.output)).toEqual(files);
    expect(listFiles(kiritimati.output)).toEqual(files);
    for (const f of files) {
      const a = readFileSync(path.join(newYork.output, f));
      expect(readFileSync(path.join(utc.output, f)).equals(a), f).toBe(true);
      expect(readFileSync(path.join(kiritimati.output, f)).equals(a), f).toBe(true);
    }
  });
});
