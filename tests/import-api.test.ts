// importSite() and updateViews() called as a library, on the repository's own material: the legacy
// mirror fixture, the WordPress Theme Unit Test export (unmodified) and the access log and analytics
// exports of tests/fixtures/views. Results are typed data; failures typed errors.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, importSite, updateViews, ViewsCountError, WenkuError } from "../src/index.ts";
import { fixture, listFiles, PROJECT } from "./helpers/build.ts";

const LEGACY = fixture("legacy-mirror");
const WPTT = fixture("wptt");
const VIEWS = fixture("views");
const FIRST = "articles/im/first.md";

/** A fresh copy of a fixture's content folder, at <tmp>/content. */
const contentFrom = (from: string) => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-api-")), "content");
  cpSync(from, dir, { recursive: true });
  return dir;
};
const mirrorCopy = () => {
  const mirror = path.join(mkdtempSync(path.join(tmpdir(), "wenku-api-mirror-")), "site");
  cpSync(path.join(LEGACY, "site"), mirror, { recursive: true });
  return mirror;
};
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
/** The error a call rejects with (the test fails if it resolves). */
const failure = async (call: Promise<unknown>): Promise<unknown> =>
  call.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );

describe("importSite", () => {
  it("imports a legacy mirror, paths relative to cwd, and returns the report it wrote", async () => {
    const content = contentFrom(path.join(LEGACY, "content"));
    const result = await importSite(
      { kind: "legacy-html", mirror: "site" },
      { content: path.relative(LEGACY, content), cwd: LEGACY },
    );
    expect(result.content).toBe(content);
    expect(result.pages).toBe(7);
    expect(result.written.map((w) => w.status)).toEqual(["new", "new", "new", "new"]);
    expect(result.skipped.map((s) => s.url).sort()).toEqual(["/about.html", "/xsyj/gyyx/index.html"]);
    expect(result.spam.map((s) => s.url)).toEqual(["/plus/view-999.html"]);
    expect(result.cleaned).toHaveLength(1);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    for (const w of result.written) expect(read(content, w.file)).toMatch(/^---\ntitle: /);
    expect(result.reportFile).toBe(path.join(content, "_import", "report.md"));
    expect(readFileSync(result.reportFile, "utf8")).toContain("/about.html: no publish date");
  }, 60_000);

  it("takes a built-in profile by name and says so in the overview", async () => {
    const result = await importSite(
      { kind: "legacy-html", mirror: path.join(LEGACY, "site"), profile: "dedecms" },
      { content: contentFrom(path.join(LEGACY, "content")) },
    );
    expect(result.overview).toContain("Profile: dedecms (given with --profile)");
  }, 60_000);

  it("imports the WordPress Theme Unit Test export without its comments when told, and again changes nothing", async () => {
    const content = contentFrom(path.join(WPTT, "content"));
    const source = {
      kind: "wordpress",
      file: path.join(WPTT, "themeunittestdata.wordpress.xml"),
      comments: false,
    } as const;
    const result = await importSite(source, { content });
    expect(result.written.length).toBeGreaterThan(20);
    expect(result.spam).toEqual([]);
    expect(result.skipped.some((s) => /a WordPress page, not a post/.test(s.reason))).toBe(true);
    expect(result.overview.some((line) => /approved comment\(s\) left out/.test(line))).toBe(true);
    for (const w of result.written) expect(read(content, w.file)).not.toMatch(/^comments:/m);
    const again = await importSite(source, { content });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(result.written.length);
  }, 120_000);

  it("throws a ContentError with the problems, as Problem objects, when the archive would not pass the checks, writing only the report", async () => {
    const content = contentFrom(path.join(LEGACY, "content"));
    const mirror = mirrorCopy();
    // An article page at /research/index.html: its alias would overwrite the list page of "research".
    mkdirSync(path.join(mirror, "research"), { recursive: true });
    cpSync(path.join(mirror, "news/2014/0105/88.html"), path.join(mirror, "research/index.html"));
    const error = await failure(importSite({ kind: "legacy-html", mirror }, { content }));
    expect(error).toBeInstanceOf(ContentError);
    const problem = (error as ContentError).problems.find((p) => p.field === "aliases")!;
    expect(problem.file).toBe("articles/news/index.md");
    expect(problem.found).toMatch(
      /the alias \/research\/index\.html is also written by the list page of category "research"/,
    );
    expect(listFiles(content)).toEqual([...listFiles(path.join(LEGACY, "content")), "_import/report.md"].sort());
    expect(read(content, "_import/report.md")).toContain("## Problems (nothing was written)");
  }, 60_000);

  it("refuses a content folder that is the project, or a file, with WenkuError code refused, writing nothing", async () => {
    const mirror = path.join(LEGACY, "site");
    const project = await failure(importSite({ kind: "legacy-html", mirror }, { content: PROJECT }));
    expect(project).toBeInstanceOf(WenkuError);
    expect((project as WenkuError).code).toBe("refused");
    expect((project as WenkuError).message).toMatch(/^refusing to write: the content folder .* is the project folder/);
    expect(existsSync(path.join(PROJECT, "_import"))).toBe(false);

    const file = path.join(mkdtempSync(path.join(tmpdir(), "wenku-api-file-")), "content");
    writeFileSync(file, "not a folder\n");
    const notFolder = await failure(importSite({ kind: "legacy-html", mirror }, { content: file }));
    expect((notFolder as WenkuError).code).toBe("refused");
    expect((notFolder as WenkuError).message).toContain("exists and is not a folder");
    expect(readFileSync(file, "utf8")).toBe("not a folder\n");
  });

  it("names a profile file's mistake with WenkuError code profile", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wenku-api-profile-"));
    writeFileSync(path.join(dir, "mine.yaml"), "extends: dedecms\ntitel: [h1]\n");
    const error = await failure(
      importSite(
        { kind: "legacy-html", mirror: path.join(LEGACY, "site"), profile: "mine.yaml" },
        { content: contentFrom(path.join(LEGACY, "content")), cwd: dir },
      ),
    );
    expect(error).toBeInstanceOf(WenkuError);
    expect((error as WenkuError).code).toBe("profile");
    expect((error as WenkuError).message).toContain(
      `${path.join(dir, "mine.yaml")}:2  titel  unknown key — did you mean "title"?`,
    );
  });

  it("says a source that cannot be read is one, with WenkuError code failed", async () => {
    const error = await failure(
      importSite(
        { kind: "wordpress", file: "no-such-export.xml" },
        { content: contentFrom(path.join(WPTT, "content")), cwd: tmpdir() },
      ),
    );
    expect((error as WenkuError).code).toBe("failed");
    expect((error as WenkuError).message).toContain("no-such-export.xml");
  });
});

describe("updateViews", () => {
  it("counts an access log into the articles and returns what changed", async () => {
    const content = contentFrom(fixture("three-level"));
    const before = read(content, FIRST);
    const result = await updateViews([path.join(VIEWS, "access.log")], { content });
    expect(result).toMatchObject({ counted: 5, unknown: 1, late: 0, skipped: [], dryRun: false, warnings: [] });
    expect(result.changed).toContainEqual({
      file: path.join(content, FIRST),
      title: "First article",
      before: 1234567,
      after: 1234571,
    });
    expect(result.changed).toHaveLength(2);
    expect(read(content, FIRST)).toBe(
      before
        .replace("views: 1234567\n", "views: 1234571\n")
        .replace("\n---\n", "\nviews_as_of: 2024-03-02T14:00:01+08:00\n---\n"),
    );
    const again = await updateViews([path.join(VIEWS, "access.log")], { content });
    expect(again.counted).toBe(0);
    expect(again.changed).toEqual([]);
  });

  it("writes nothing in a dry run, and reads an export named relative to cwd once", async () => {
    const content = contentFrom(fixture("three-level"));
    const result = await updateViews(["analytics.csv", path.join(VIEWS, "analytics.csv")], {
      content,
      cwd: VIEWS,
      asOf: "2024-02-29",
      dryRun: true,
    });
    expect(result.dryRun).toBe(true);
    expect(result.counted).toBe(1620);
    expect(result.changed.find((c) => c.file.endsWith(FIRST))?.after).toBe(1234687);
    expect(read(content, FIRST)).toBe(read(fixture("three-level"), FIRST));
  });

  it("throws ViewsCountError naming the file, line and column of each bad count, writing nothing", async () => {
    const content = contentFrom(fixture("three-level"));
    const error = await failure(updateViews([path.join(VIEWS, "bad-counts.csv")], { content, asOf: "2024-02-29" }));
    expect(error).toBeInstanceOf(ViewsCountError);
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ViewsCountError).problems;
    expect(problems.map((p) => [path.basename(p.file), p.line, p.field, p.found])).toEqual([
      ["bad-counts.csv", 3, '"Views" (column 3)', '"100000000000000000000"'],
      ["bad-counts.csv", 4, '"Views" (column 3)', '"3,5"'],
    ]);
    expect(read(content, FIRST)).toBe(read(fixture("three-level"), FIRST));
  });

  it("throws ContentError for a content folder with problems, and WenkuError as-of-needed for an export without a date", async () => {
    const content = contentFrom(fixture("three-level"));
    writeFileSync(path.join(content, "articles/im/broken.md"), "---\ntitle: [unclosed\n---\nText.\n");
    const broken = await failure(updateViews([path.join(VIEWS, "access.log")], { content }));
    expect(broken).toBeInstanceOf(ContentError);
    expect(broken).not.toBeInstanceOf(ViewsCountError);
    expect((broken as ContentError).problems.map((p) => path.basename(p.file))).toContain("broken.md");

    const undated = await failure(
      updateViews([path.join(VIEWS, "analytics.csv")], { content: contentFrom(fixture("three-level")) }),
    );
    expect((undated as WenkuError).code).toBe("as-of-needed");
    expect((undated as WenkuError).message).toContain("say up to when it counts with --as-of YYYY-MM-DD");
  });
});
