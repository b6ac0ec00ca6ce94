// A content folder with mistakes: every one is reported at once with file, line and field, and the build
// writes nothing — the previous site stays as it was.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { build, fixture, listFiles, PROJECT, type BuildResult } from "./helpers/build.ts";

let result: BuildResult;
let output: string;

beforeAll(async () => {
  output = path.join(mkdtempSync(path.join(tmpdir(), "wenku-bad-")), "site");
  mkdirSync(output);
  writeFileSync(path.join(output, "index.html"), "previous site");
  result = await build(fixture("bad-content"), { output });
});

describe("a build of content with mistakes", () => {
  it("fails with exit code 1", () => {
    expect(result.code).toBe(1);
  });

  it("reports every mistake in one run, as path:line:column  field  found — expected", () => {
    const lines = result.stderr.trim().split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/bad-content\/articles\/typos\.md:3:\d+  category  "reserch", which is not in the registry — did you mean "research"\?$/));
    expect(lines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/bad-content\/articles\/typos\.md:4:\d+  date  "2013-02-30" .* — a date like 2013-12-27/));
    expect(lines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/bad-content\/articles\/typos\.md:5:\d+  views  number -4 — a whole number from 0/));
    expect(lines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/bad-content\/articles\/empty-title\.md:2:\d+  title  an empty title — a non-empty title$/));
    expect(lines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/bad-content\/articles\/empty-title\.md:5:\d+  tags  unknown key "tags"/));
    expect(lines.at(-1)).toBe("wenku: 5 errors in 2 of 5 files; nothing was written.");
  });

  it("leaves the previous output untouched and writes nothing beside it", () => {
    expect(listFiles(output)).toEqual(["index.html"]);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("previous site");
    expect(listFiles(path.dirname(output))).toEqual(["site/index.html"]);
  });
});

describe("a build's own listing of the articles", () => {
  it("reports a symbolic link out of the content folder, like the checker", async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-link-")), "content");
    cpSync(fixture("pagination"), content, { recursive: true });
    symlinkSync(mkdtempSync(path.join(tmpdir(), "wenku-outside-")), path.join(content, "articles/out"));
    const r = await build(content);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/articles\/out  -  a symbolic link to .*, outside the content folder/);
  });
});

describe("output folder safety", () => {
  it("refuses an output folder inside the content folder", async () => {
    const content = fixture("three-level");
    const r = await build(content, { output: path.join(content, "_site") });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to build: the output folder .* is the content folder or inside it/);
    expect(existsSync(path.join(content, "_site"))).toBe(false);
  });

  it("replaces a previous site completely: deleted articles do not survive", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "wenku-replace-")), "site");
    mkdirSync(path.join(out, "old-article"), { recursive: true });
    writeFileSync(path.join(out, "old-article/index.html"), "stale");
    const r = await build(fixture("pagination"), { output: out });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(out, "old-article"))).toBe(false);
    expect(existsSync(path.join(out, "over/page/2/index.html"))).toBe(true);
    expect(listFiles(path.dirname(out)).every((f) => f.startsWith("site/"))).toBe(true);
  });
});

describe("npm run check", () => {
  const check = (args: string[]) =>
    promisify(execFile)(path.join(PROJECT, "node_modules/.bin/tsx"), ["scripts/check.ts", ...args], { cwd: PROJECT, env: { ...process.env, INIT_CWD: PROJECT } }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  it("reports the same problems as the build, with a summary line, and exits 1", async () => {
    const r = await check(["--content", fixture("bad-content")]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines.at(-1)).toBe("wenku check: 5 errors in 2 of 5 files.");
    expect(lines.slice(0, -1)).toEqual(result.stderr.trim().split("\n").slice(0, -1));
  });

  it("gives the same as JSON for tools", async () => {
    const r = await check(["--content", fixture("bad-content"), "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.summary).toMatchObject({ errors: 5, filesWithErrors: 2, filesChecked: 5 });
    expect(json.errors[2]).toEqual({
      file: "tests/fixtures/bad-content/articles/typos.md",
      line: 3,
      column: 11,
      field: "category",
      found: '"reserch", which is not in the registry',
      expected: 'did you mean "research"?',
    });
  });

  it("exits 0 on clean content", async () => {
    const r = await check(["--content", fixture("three-level")]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("wenku check: no errors in 10 files.");
  });
});
