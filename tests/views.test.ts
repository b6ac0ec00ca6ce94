// `npm run views` on a copy of the three-level fixture, with an access log and an analytics export
// written for these tests (tests/fixtures/views): counts, what is left out, safe repeats, dry runs.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../src/content/load.ts";
import { fixture } from "./helpers/build.ts";
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
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

describe("npm run views", () => {
  it("counts readers' successful GETs of an article and its aliases, leaving out bots, HEADs, redirects and errors", async () => {
    const dir = copy();
    const before = read(dir, FIRST);
    const r = await views([LOG, "--content", dir]);
    expect(r.code, r.stderr).toBe(0);
    // The stylesheet is not an article; the 404 is not a successful request at all.
    // first: two direct reads, one through an alias, and one alias → article hop counted once.
    expect(r.stdout).toContain("5 view(s) counted, 2 article(s) updated, 1 request(s) for addresses that are not articles");
    expect(r.stdout).toContain("1234567 → 1234571  First article");
    // Only the views line changes, and views_as_of (the newest hit counted) is added.
    expect(read(dir, FIRST)).toBe(before.replace("views: 1234567\n", "views: 1234571\n").replace("\n---\n", "\nviews_as_of: 2024-03-02T14:00:01+08:00\n---\n"));
    expect(read(dir, "articles/im/newest.md")).toContain("views: 8291\n");
    expect((await loadContent({ contentDir: dir, drafts: true })).problems).toEqual([]);
  });

  it("counts a log given twice in one run once", async () => {
    const dir = copy();
    const r = await views([LOG, LOG, "--content", dir]);
    expect(r.stdout).toContain("5 view(s) counted, 2 article(s) updated");
  });

  it("counts nothing twice when the same log is read again", async () => {
    const dir = copy();
    await views([LOG, "--content", dir]);
    const once = read(dir, FIRST);
    const r = await views([LOG, "--content", dir]);
    expect(r.stdout).toContain("0 view(s) counted, 0 article(s) updated");
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
    const r = await views([CSV, "--content", dir, "--as-of", "2024-02-29"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("1620 view(s) counted, 2 article(s) updated, 1 request(s) for addresses that are not articles");
    expect(read(dir, FIRST)).toContain("views: 1234687\n");
    expect(read(dir, FIRST)).toContain("views_as_of: 2024-02-29T23:59:59+08:00\n");
    expect(read(dir, "articles/im/fourth.md")).toContain("views: 1500\n");
    const again = await views([CSV, "--content", dir, "--as-of", "2024-02-29"]);
    expect(again.stdout).toContain("0 view(s) counted, 0 article(s) updated");
  });

  it("reads an export named twice once, and adds up the rows of one article (its aliases) with --set", async () => {
    const dir = copy();
    const csv = path.join(mkdtempSync(path.join(tmpdir(), "wenku-csv-")), "pages.csv");
    writeFileSync(csv, "Page,Views\n/research/marketing/industrial-marketing/first/,100\n/old/first,30\n");
    const r = await views([csv, csv, "--content", dir, "--as-of", "2024-02-29", "--set"]);
    expect(r.stdout).toContain("130 view(s) counted, 1 article(s) updated");
    expect(read(dir, FIRST)).toContain("views: 130\n");
  });

  it("finds articles in the logs of a site served under a path prefix", async () => {
    const dir = copy();
    const log = path.join(mkdtempSync(path.join(tmpdir(), "wenku-log-")), "access.log");
    writeFileSync(log, '203.0.113.7 - - [02/Mar/2024:09:15:02 +0800] "GET /archive/research/marketing/industrial-marketing/first/ HTTP/1.1" 200 10 "-" "Mozilla/5.0 Firefox/123.0"\n');
    const r = await views([log, "--content", dir, "--path-prefix", "/archive/"]);
    expect(r.stdout).toContain("1 view(s) counted, 1 article(s) updated, 0 request(s)");
  });

  it("replaces the counts with --set, and asks for --as-of when an export has no dates", async () => {
    const dir = copy();
    expect((await views([CSV, "--content", dir, "--as-of", "2024-02-29", "--set"])).code).toBe(0);
    expect(read(dir, FIRST)).toContain("views: 120\n");
    const missing = await views([CSV, "--content", dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("say up to when it counts with --as-of YYYY-MM-DD");
  });
});
