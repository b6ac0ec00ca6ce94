import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPages, countPages } from "./pages.ts";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "wenku-pages-"));
  for (const file of [
    "index.html",
    "404.html",
    "news/index.html",
    "news/page/1/index.html",
    "news/page/2/index.html",
    "news/a/index.html",
    "news/a/page/1/index.html.bak",
    "page/1/index.html",
    "style.css",
    "pagefind/pagefind.js",
  ]) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), "x");
  }
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("countPages", () => {
  it("counts every .html file under the folder, at any depth", async () => {
    expect(await countPages(dir)).toBe(7);
  });

  it("leaves Hugo's page/1/ alias redirects out when asked, and only those", async () => {
    expect(await countPages(dir, true)).toBe(5);
  });

  it("finds none in an absent folder", async () => {
    expect(await countPages(path.join(dir, "absent"))).toBe(0);
  });
});

describe("checkPages", () => {
  it("passes a first run with at least the minimum, and later runs with as many as the first", () => {
    expect(() => checkPages("hugo", 1, 120, { min: 101 })).not.toThrow();
    expect(() => checkPages("hugo", 2, 120, { min: 101, first: 120 })).not.toThrow();
  });

  it("fails a run below the minimum, naming kind, run, found and expected", () => {
    expect(() => checkPages("wenku", 1, 40, { min: 101 })).toThrow(
      expect.objectContaining({
        name: "WenkuError",
        code: "failed",
        message: "wenku bench: wenku run 1 wrote 40 pages, expected at least 101",
      }),
    );
  });

  it("fails a later run that wrote fewer (or more) pages than its kind's first", () => {
    expect(() => checkPages("hugo-pagefind", 3, 119, { min: 101, first: 120 })).toThrow(
      "wenku bench: hugo-pagefind run 3 wrote 119 pages, expected 120, as its first run wrote (at least 101)",
    );
    expect(() => checkPages("hugo", 2, 121, { min: 101, first: 120 })).toThrow(/wrote 121 pages, expected 120/);
  });
});
