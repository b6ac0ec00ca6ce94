// updateViews() on a copy of the three-level fixture, with an access log and an analytics export
// written for these tests (tests/fixtures/views): counts, what is left out, safe repeats, dry runs; and
// `npm run views` itself, what it prints and its exit codes.
import { execFile } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { updateViews, ViewsCountError, type UpdateViewsOptions } from "../src/index.ts";
import { loadContent } from "../src/site/load-content.ts";
import { fixture, PROJECT } from "./helpers/build.ts";
import { npmRun } from "./helpers/npm.ts";

const LOG = path.join(fixture("views"), "access.log");
const CSV = path.join(fixture("views"), "analytics.csv");
const FIRST = "articles/im/first.md";
const copy = () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-views-")), "content");
  cpSync(fixture("three-level"), dir, { recursive: true });
  return dir;
};
const views = (args: string[]) => npmRun(["views", "--", ...args]);
const count = (dir: string, inputs: string[], options: Omit<UpdateViewsOptions, "content"> = {}) =>
  updateViews(inputs, { content: dir, ...options });
/** "views counted, articles changed, requests for no article", as the command line's summary counts them. */
const totals = (r: Awaited<ReturnType<typeof updateViews>>) => [r.counted, r.changed.length, r.unknown];
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

describe("updateViews, and npm run views where what it prints is tested", () => {
  it("counts readers' successful GETs of an article and its aliases, leaving out bots, HEADs, redirects and errors", async () => {
    const dir = copy();
    const before = read(dir, FIRST);
    const r = await views([LOG, "--content", dir]);
    expect(r.code, r.stderr).toBe(0);
    // The stylesheet is not an article; the 404 is not a successful request at all.
    // first: two direct reads, one through an alias, and one alias → article hop counted once.
    expect(r.stdout).toContain(
      "5 view(s) counted, 2 article(s) updated, 1 request(s) for addresses that are not articles",
    );
    expect(r.stdout).toContain("1234567 → 1234571  First article");
    // Only the views line changes, and views_as_of (the newest hit counted) is added.
    expect(read(dir, FIRST)).toBe(
      before
        .replace("views: 1234567\n", "views: 1234571\n")
        .replace("\n---\n", "\nviews_as_of: 2024-03-02T14:00:01+08:00\n---\n"),
    );
    expect(read(dir, "articles/im/newest.md")).toContain("views: 8291\n");
    expect((await loadContent({ contentDir: dir, drafts: true })).problems).toEqual([]);
  });

  it("counts a log given twice in one run once", async () => {
    expect(totals(await count(copy(), [LOG, LOG]))).toEqual([5, 2, 1]);
  });

  it("counts nothing twice when the same log is read again", async () => {
    const dir = copy();
    await count(dir, [LOG]);
    const once = read(dir, FIRST);
    expect(totals(await count(dir, [LOG]))).toEqual([0, 0, 1]);
    expect(read(dir, FIRST)).toBe(once);
  });

  it("changes nothing with --dry-run", async () => {
    const dir = copy();
    const r = await views([LOG, "--content", dir, "--dry-run"]);
    expect(r.stdout).toContain("2 article(s) would be updated");
    expect(r.stdout).toContain("dry run: nothing written");
    expect(read(dir, FIRST)).toBe(read(fixture("three-level"), FIRST));
  });

  it("adds an analytics export's counts once, stamped with its date", async () => {
    const dir = copy();
    expect(totals(await count(dir, [CSV], { asOf: "2024-02-29" }))).toEqual([1620, 2, 1]);
    expect(read(dir, FIRST)).toContain("views: 1234687\n");
    expect(read(dir, FIRST)).toContain("views_as_of: 2024-02-29T23:59:59+08:00\n");
    expect(read(dir, "articles/im/fourth.md")).toContain("views: 1500\n");
    expect(totals(await count(dir, [CSV], { asOf: "2024-02-29" }))).toEqual([0, 0, 1]);
  });

  it("reads an export named twice once, and adds up the rows of one article (its aliases) with --set", async () => {
    const dir = copy();
    const csv = path.join(mkdtempSync(path.join(tmpdir(), "wenku-csv-")), "pages.csv");
    writeFileSync(csv, "Page,Views\n/research/marketing/industrial-marketing/first/,100\n/old/first,30\n");
    expect(totals(await count(dir, [csv, csv], { asOf: "2024-02-29", set: true }))).toEqual([130, 1, 0]);
    expect(read(dir, FIRST)).toContain("views: 130\n");
  });

  it("finds articles in the logs of a site served under a path prefix", async () => {
    const dir = copy();
    const log = path.join(mkdtempSync(path.join(tmpdir(), "wenku-log-")), "access.log");
    writeFileSync(
      log,
      '203.0.113.7 - - [02/Mar/2024:09:15:02 +0800] "GET /archive/research/marketing/industrial-marketing/first/ HTTP/1.1" 200 10 "-" "Mozilla/5.0 Firefox/123.0"\n',
    );
    expect(totals(await count(dir, [log], { pathPrefix: "/archive/" }))).toEqual([1, 1, 0]);
  });

  it("replaces the counts with --set, and asks for --as-of when an export has no dates", async () => {
    const dir = copy();
    expect((await views([CSV, "--content", dir, "--as-of", "2024-02-29", "--set"])).code).toBe(0);
    expect(read(dir, FIRST)).toContain("views: 120\n");
    const missing = await views([CSV, "--content", dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("say up to when it counts with --as-of YYYY-MM-DD");
  });

  it("reads a TSV export by its delimiter: quoted newlines, 1,234 and 1 000 as counts", async () => {
    const dir = copy();
    expect(totals(await count(dir, [path.join(fixture("views"), "pages.tsv")], { asOf: "2024-02-29" }))).toEqual([
      2241, 2, 0,
    ]);
    expect(read(dir, FIRST)).toContain(`views: ${1234567 + 1234 + 1000}\n`);
  });

  it("refuses a count above MAX_SAFE_INTEGER or with a wrong separator, naming file, line and column, and writes nothing", async () => {
    const dir = copy();
    const r = await views([path.join(fixture("views"), "bad-counts.csv"), "--content", dir, "--as-of", "2024-02-29"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /bad-counts\.csv:3:1 {2}"Views" \(column 3\) {2}"100000000000000000000" — a count of at most 9007199254740991/,
    );
    expect(r.stderr).toMatch(/bad-counts\.csv:4:1 {2}"Views" \(column 3\) {2}"3,5" — a whole number/);
    expect(r.stderr).toContain("2 error(s); nothing written.");
    expect(read(dir, FIRST)).toBe(read(fixture("three-level"), FIRST));
  });

  it("refuses a total above MAX_SAFE_INTEGER, naming the article's views line, and writes nothing", async () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, FIRST),
      read(dir, FIRST).replace("views: 1234567", `views: ${Number.MAX_SAFE_INTEGER - 2}`),
    );
    const before = read(dir, FIRST);
    const error = await count(dir, [LOG]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ViewsCountError);
    expect((error as ViewsCountError).problems).toMatchObject([
      {
        file: path.join(dir, FIRST),
        line: 5,
        field: "views",
        found: "a total of 9007199254740989 + 4 counted, more than 9007199254740991",
      },
    ]);
    expect(read(dir, FIRST)).toBe(before);
    expect(read(dir, "articles/im/newest.md")).toBe(read(fixture("three-level"), "articles/im/newest.md"));
  });
});

describe("updateViews on a generated log", () => {
  /** A 20,000-line log for the fixture's articles and what a correct count finds in it. */
  const generated = async (dir: string) => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), "wenku-genlog-")), "access.log");
    const { stdout } = await promisify(execFile)(
      "node",
      ["--import", "tsx", "scripts/generate-log.ts", "--content", dir, "--lines", "20000", "--out", log],
      { cwd: PROJECT },
    );
    return {
      log,
      truth: JSON.parse(stdout) as { lines: number; views: number; unknown: number; byPath: Record<string, number> },
    };
  };
  const viewsOf = (dir: string, file: string) => Number(/^views: (\d+)$/m.exec(read(dir, file))![1]);
  const FILES: Record<string, string> = {
    "/research/marketing/industrial-marketing/first/": FIRST,
    "/research/marketing/industrial-marketing/newest/": "articles/im/newest.md",
  };

  it("counts exactly what the generator knows it wrote: hops once, copies once, bots and errors never", async () => {
    const dir = copy();
    const { log, truth } = await generated(dir);
    expect(truth.lines).toBe(20000);
    const before = Object.fromEntries(Object.values(FILES).map((f) => [f, viewsOf(dir, f)]));
    const r = await count(dir, [log]);
    expect(r.counted).toBe(truth.views);
    expect(r.unknown).toBe(truth.unknown);
    for (const [page, file] of Object.entries(FILES))
      expect(viewsOf(dir, file), page).toBe(before[file]! + truth.byPath[page]!);
  });

  it("counts the same when the log is also given as a gzipped copy, or split into rotations named newest first", async () => {
    const dir = copy();
    const { log, truth } = await generated(dir);
    const twice = await count(dir, [log], { dryRun: true });
    const gz = path.join(path.dirname(log), "copy.log.gz");
    writeFileSync(gz, gzipSync(readFileSync(log)));
    const withCopy = await count(dir, [log, gz], { dryRun: true });
    expect(withCopy).toEqual(twice);
    expect(withCopy.counted).toBe(truth.views);
    // access.log holds the newer half, access.log.1 the older: `access.log*` order.
    const lines = readFileSync(log, "utf8").split("\n");
    const rotated = mkdtempSync(path.join(tmpdir(), "wenku-rotated-"));
    writeFileSync(path.join(rotated, "access.log"), lines.slice(10000).join("\n"));
    writeFileSync(path.join(rotated, "access.log.1"), lines.slice(0, 10000).join("\n") + "\n");
    copyFileSync(path.join(rotated, "access.log.1"), path.join(rotated, "access.log.1.bak"));
    const split = await count(
      dir,
      [path.join(rotated, "access.log"), path.join(rotated, "access.log.1"), path.join(rotated, "access.log.1.bak")],
      { dryRun: true },
    );
    expect(split).toEqual(twice);
  });
});
