// `npm run views` on the analytics services' own exports (tests/fixtures/views-services, written for
// these tests in each service's real column layout: see src/import/export-layouts.ts for where each
// header comes from) against a copy of the three-level fixture: which articles' counts change and by
// how much, what is left out (bots, events, pages that are not articles), and how a file in a layout
// Wenku does not know is refused.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { updateViews, ViewsCountError } from "../src/index.ts";
import { fixture } from "./helpers/build.ts";
import { npmRun } from "./helpers/npm.ts";

const FIXTURE = fixture("views-services");
const file = (name: string) => path.join(FIXTURE, name);
const FILES = {
  first: "articles/im/first.md",
  fourth: "articles/im/fourth.md",
  newest: "articles/im/newest.md",
};
const BEFORE = { first: 1234567, fourth: 0, newest: 8290 };
const AS_OF = "2024-02-29";

/** The three-level fixture with one more alias for the first article: a Chinese old address. */
const copy = () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-views-services-")), "content");
  cpSync(fixture("three-level"), dir, { recursive: true });
  const first = path.join(dir, FILES.first);
  writeFileSync(first, readFileSync(first, "utf8").replace('"/old/first"]', '"/old/first", "/舊文/第一篇"]'));
  return dir;
};
const viewsOf = (dir: string) =>
  Object.fromEntries(
    Object.entries(FILES).map(([k, f]) => [
      k,
      Number(/^views: (\d+)$/m.exec(readFileSync(path.join(dir, f), "utf8"))![1]),
    ]),
  );
/** What an export added to each article. */
const added = (dir: string) => {
  const now = viewsOf(dir);
  return Object.fromEntries(Object.entries(BEFORE).map(([k, v]) => [k, now[k]! - v]));
};

describe("npm run views on each service's page-views export", () => {
  it("Baidu Tongji's 受访页面 export (GBK, lines before the header): 浏览量(PV) summed over absolute URLs, queries and a percent-encoded alias", async () => {
    const bytes = readFileSync(file("baidu-受访页面.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const dir = copy();
    const r = await npmRun(["views", "--", file("baidu-受访页面.csv"), "--content", dir, "--as-of", AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("read as Baidu Tongji's 受访页面 export");
    // first: 1,200 at its address, 30 with a query, 4 at its Chinese alias; /news/ is a list, not an article.
    expect(r.stdout).toContain(
      "1309 view(s) counted, 2 article(s) updated, 1 request(s) for addresses that are not articles",
    );
    expect(added(dir)).toEqual({ first: 1234, fourth: 75, newest: 0 });
  });

  it("GoatCounter's CSV export: one view per row, an alias's rows to its article, bots and events left out", async () => {
    const dir = copy();
    const r = await npmRun(["views", "--", file("goatcounter-export.csv"), "--content", dir, "--as-of", AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("read as GoatCounter's CSV export");
    expect(added(dir)).toEqual({ first: 4, fourth: 0, newest: 2 });
  });

  it("Umami's website_event.csv: page views (event_type 1) counted, custom events not, the old .html address to its article", async () => {
    const dir = copy();
    const r = await updateViews([file("website_event.csv")], { content: dir, asOf: AS_OF });
    expect(r.exports.map((e) => e.layout)).toEqual(["umami-events"]);
    expect(r.warnings).toEqual([]);
    expect(added(dir)).toEqual({ first: 3, fourth: 0, newest: 1 });
  });

  it("Umami's pages.csv: read, with a warning that its numbers are visitors, not views", async () => {
    const dir = copy();
    const r = await npmRun(["views", "--", file("umami-pages.csv"), "--content", dir, "--as-of", AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*umami-pages\.csv: Umami's pages\.csv counts visitors/);
    expect(added(dir)).toEqual({ first: 12, fourth: 3, newest: 0 });
  });

  it("Plausible's imported_pages CSV: pageviews summed over the days; the home page is not an article", async () => {
    const dir = copy();
    const r = await updateViews([file("imported_pages_20240201_20240229.csv")], { content: dir, asOf: AS_OF });
    expect(r.exports.map((e) => e.layout)).toEqual(["plausible-imported"]);
    expect([r.counted, r.unknown]).toEqual([32, 1]);
    expect(added(dir)).toEqual({ first: 25, fourth: 7, newest: 0 });
  });

  it("Plausible's dashboard pages.csv of a site under a path prefix", async () => {
    const dir = copy();
    await updateViews([file("plausible-pages.csv")], { content: dir, asOf: AS_OF, pathPrefix: "/archive/" });
    expect(added(dir)).toEqual({ first: 9, fourth: 0, newest: 0 });
  });

  it("reads several services' exports in one run, each in its own layout, and adds them up", async () => {
    const dir = copy();
    const r = await updateViews([file("goatcounter-export.csv"), file("website_event.csv")], {
      content: dir,
      asOf: AS_OF,
    });
    expect(r.exports.map((e) => e.layout)).toEqual(["goatcounter", "umami-events"]);
    expect(added(dir)).toEqual({ first: 7, fourth: 0, newest: 3 });
  });

  it("refuses a file in a layout it does not know, naming the file, its header and the layouts it reads, and writes nothing", async () => {
    const dir = copy();
    const before = viewsOf(dir);
    const r = await npmRun([
      "views",
      "--",
      file("mystery.csv"),
      file("goatcounter-export.csv"),
      "--content",
      dir,
      "--as-of",
      AS_OF,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /mystery\.csv:1:1 {2}header {2}the header "when,who,where" — one of: Baidu Tongji's 受访页面 export .*GoatCounter's CSV export .*Umami's data export.*Plausible's export.*a generic export/,
    );
    expect(viewsOf(dir)).toEqual(before);
  });

  it("refuses a GoatCounter export of a format version it does not know", async () => {
    const error = await updateViews([file("goatcounter-v3.csv")], { content: copy(), asOf: AS_OF }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ViewsCountError);
    expect((error as ViewsCountError).problems).toMatchObject([
      { line: 1, field: "header", expected: expect.stringContaining("format version 3") },
    ]);
  });
});
