import path from "node:path";
import { describe, expect, it } from "vitest";
import { WenkuError } from "../content/problems.ts";
import { resolveBenchOptions, shownPath } from "./options.ts";

describe("resolveBenchOptions", () => {
  it("fills in the defaults, with paths against cwd", () => {
    expect(resolveBenchOptions({ cwd: "/home/me/site" })).toEqual({
      sizes: [1000, 10_000],
      runs: 3,
      seed: "1",
      dir: "/home/me/site/.wenku/bench",
      devServer: false,
      search: true,
      searchCost: false,
      hugo: false,
      peers: "/home/me/shared/bench-peers",
      baseline: "",
      cwd: "/home/me/site",
    });
  });

  it("measures sizes smallest first, each once", () => {
    expect(resolveBenchOptions({ sizes: [10_000, 30, 1000, 30] }).sizes).toEqual([30, 1000, 10_000]);
  });

  it("keeps absolute paths and resolves relative ones against cwd, not the process's folder", () => {
    const o = resolveBenchOptions({ cwd: "/srv/a", dir: "/tmp/bench", peers: "peers" });
    expect(o.dir).toBe("/tmp/bench");
    expect(o.peers).toBe("/srv/a/peers");
    expect(resolveBenchOptions({}).cwd).toBe(process.cwd());
    expect(resolveBenchOptions({}).dir).toBe(path.join(process.cwd(), ".wenku/bench"));
  });

  it.each([[[]], [[0]], [[1.5]], [[1_000_000]], [[100, -1]]])("refuses sizes %j as a usage error", (sizes) => {
    expect(() => resolveBenchOptions({ sizes })).toThrow(WenkuError);
    expect(() => resolveBenchOptions({ sizes })).toThrow(/^sizes: expected article counts from 1 to 999999/);
  });

  it("refuses runs that are not a whole number from 1", () => {
    for (const runs of [0, -2, 1.5, Number.NaN]) {
      let error: unknown;
      try {
        resolveBenchOptions({ runs });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WenkuError);
      expect((error as WenkuError).code).toBe("usage");
    }
  });

  it("takes search: false and the optional measurements as given", () => {
    const o = resolveBenchOptions({ search: false, devServer: true, searchCost: true, hugo: true, seed: "x" });
    expect([o.search, o.devServer, o.searchCost, o.hugo, o.seed]).toEqual([false, true, true, true, "x"]);
  });
});

describe("shownPath", () => {
  it("shows paths inside cwd relative, others absolute", () => {
    expect(shownPath("/a/b", "/a/b/.wenku/bench/n30")).toBe(".wenku/bench/n30");
    expect(shownPath("/a/b", "/a/b")).toBe(".");
    expect(shownPath("/a/b", "/a/c/x")).toBe("/a/c/x");
    expect(shownPath("/a/b", "/a/b..c")).toBe("/a/b..c");
  });
});
