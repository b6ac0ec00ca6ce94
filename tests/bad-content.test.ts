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
  writeFileSync(path.join(output, ".wenku-site"), ""); // a previous Wenku site, so only the content's mistakes can stop this build
  result = await build(fixture("bad-content"), { output });
});

describe("a build of content with mistakes", () => {
  it("fails with exit code 1", () => {
    expect(result.code).toBe(1);
  });

  it("reports every mistake in one run, as path:line:column  field  found — expected", () => {
    const lines = result.stderr.trim().split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^tests\/fixtures\/bad-content\/articles\/typos\.md:3:\d+  category  "reserch", which is not in the registry — did you mean "research"\?$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^tests\/fixtures\/bad-content\/articles\/typos\.md:4:\d+  date  "2013-02-30" .* — a date like 2013-12-27/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^tests\/fixtures\/bad-content\/articles\/typos\.md:5:\d+  views  number -4 — a whole number from 0/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^tests\/fixtures\/bad-content\/articles\/empty-title\.md:2:\d+  title  an empty title — a non-empty title$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^tests\/fixtures\/bad-content\/articles\/empty-title\.md:5:\d+  tagz  unknown key "tagz" — did you mean "tags"\?/,
      ),
    );
    expect(lines.at(-1)).toBe("wenku: 5 errors in 2 of 5 files; nothing was written.");
  });

  it("leaves the previous output untouched and writes nothing beside it", () => {
    expect(listFiles(output)).toEqual([".wenku-site", "index.html"]);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("previous site");
    expect(listFiles(path.dirname(output))).toEqual(["site/.wenku-site", "site/index.html"]);
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
    writeFileSync(path.join(out, ".wenku-site"), ""); // a previous Wenku site (a folder of other files needs --force)
    const r = await build(fixture("pagination"), { output: out });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(out, "old-article"))).toBe(false);
    expect(existsSync(path.join(out, "over/page/2/index.html"))).toBe(true);
    expect(listFiles(path.dirname(out)).every((f) => f.startsWith("site/"))).toBe(true);
  });
});

describe("npm run check", () => {
  const check = (args: string[]) =>
    promisify(execFile)(path.join(PROJECT, "node_modules/.bin/tsx"), ["scripts/check.ts", ...args], {
      cwd: PROJECT,
      env: { ...process.env, INIT_CWD: PROJECT },
    }).then(
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

describe("strict content checks (tests/fixtures/strict-checks)", () => {
  const check = (args: string[]) =>
    promisify(execFile)(path.join(PROJECT, "node_modules/.bin/tsx"), ["scripts/check.ts", ...args], {
      cwd: PROJECT,
      env: { ...process.env, INIT_CWD: PROJECT },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
  type Json = { file: string; line: number; column: number; field: string; found: string; expected: string };
  let errors: Json[];
  const at = (file: string) =>
    errors.filter((e) => e.file === `tests/fixtures/strict-checks/${file}`).map((e) => [e.line, e.field, e.found]);

  beforeAll(async () => {
    const r = await check(["--content", fixture("strict-checks"), "--format", "json"]);
    expect(r.code).toBe(1);
    errors = JSON.parse(r.stdout).errors;
  });

  it("refuses characters XML cannot carry in article fields, site config and the registry, by file, line and field", () => {
    expect(at("articles/control-title.md")).toEqual([
      [2, "title", '"Bad\\u0007title", which holds U+0007 at character 4'],
      [5, "author", '"\\uffff", which holds U+FFFF at character 1'],
    ]);
    expect(at("_data/site.json")).toContainEqual([
      3,
      "tagline",
      '"Bell \\u0007 in the tagline", which holds U+0007 at character 6',
    ]);
    expect(at("_data/categories.json")).toEqual([
      [3, "research.name", '"Re\\u0001search", which holds U+0001 at character 3'],
    ]);
  });

  it("refuses a path prefix that would inject _headers rules", () => {
    expect(at("_data/site.json")).toContainEqual([5, "pathPrefix", '"/archive/\\n/*\\n  X-Frame-Options: ALLOWALL"']);
  });

  it("refuses links in site config that are not http(s), mailto, tel or site paths, naming field and value", () => {
    const links = at("_data/site.json").filter(([, field]) => String(field).endsWith("href"));
    expect(links).toEqual([
      [6, "cta.href", '"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" (a data: link)'],
      [10, "footer.links.1.href", '"javascript:alert(document.domain)" (a javascript: link)'],
      [
        11,
        "footer.links.2.href",
        '"java\\tscript:alert(1)" (a link with whitespace, a control character or a backslash in it)',
      ],
      [12, "footer.links.3.href", '"//evil.example/" (a protocol-relative link, to another host)'],
    ]);
  });

  it("refuses aliases onto the site's own files, each with its line", () => {
    expect(at("articles/site-file-aliases.md")).toEqual([
      [6, "aliases", "the alias /feed.xml is also written by the site file /feed.xml"],
      [7, "aliases", "the alias /news/feed.json is also written by the site file /news/feed.json"],
      [8, "aliases", "the alias /_headers is also written by the site file /_headers"],
      [9, "aliases", "the alias /robots.txt is also written by the site file /robots.txt"],
      [10, "aliases", "the alias /assets/site.css is inside /assets/, which the site fills with its own files"],
    ]);
  });

  it("refuses aliases that _redirects would read as a splat, a placeholder or two fields", () => {
    expect(at("articles/redirect-syntax.md").map(([line, field, found]) => [line, field, found])).toEqual([
      [5, "aliases", '"/*"'],
      [5, "aliases", '"/news/:id/"'],
      [5, "aliases", '"/a b.html"'],
    ]);
  });

  it("reports a YAML alias bomb in front-matter with its file and line, and a duplicate key by name", () => {
    expect(at("articles/alias-bomb.md")).toEqual([[4, "-", "aliases that expand past 100 nodes (an alias bomb?)"]]);
    expect(at("articles/duplicate-key.md")).toEqual([[5, "title", 'the key "title" again (first on line 2)']]);
  });

  it("accepts the valid article, Unicode alias included, and reports nothing else", () => {
    expect(at("articles/fine.md")).toEqual([]);
    expect(errors).toHaveLength(19);
  });
});

describe("data files that cannot be read (tests/fixtures/bad-data-files)", () => {
  let r: BuildResult;
  let out: string;
  beforeAll(async () => {
    out = path.join(mkdtempSync(path.join(tmpdir(), "wenku-bad-data-")), "site");
    r = await build(fixture("bad-data-files"), { output: out });
  });

  it("reads categories.json as JSON: a trailing comma is an error with its line and column", () => {
    expect(r.stderr).toContain(
      'tests/fixtures/bad-data-files/_data/categories.json:3:45  -  a comma before "]" — no comma after the last item (JSON allows no trailing comma)',
    );
  });

  it("reports an alias bomb in site.yaml as a problem naming the file and line, not a stack trace", () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "tests/fixtures/bad-data-files/_data/site.yaml:4:8  -  aliases that expand past 100 nodes (an alias bomb?)",
    );
    expect(r.stderr).not.toMatch(/ReferenceError|\n\s+at /);
    expect(r.stderr.trim().split("\n").at(-1)).toBe("wenku: 3 errors in 3 of 3 files; nothing was written.");
    expect(existsSync(out)).toBe(false);
  });
});

describe("--path-prefix", () => {
  it("must be a plain path: one that would inject _headers rules fails the build, naming the option", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "wenku-prefix-")), "site");
    const r = await build(fixture("three-level"), {
      output: out,
      args: ["--path-prefix", "/a/\n/*\n  X-Frame-Options: ALLOWALL"],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '--path-prefix  pathPrefix  "/a/\\n/*\\n  X-Frame-Options: ALLOWALL" — a plain path such as "/archive/"',
    );
    expect(existsSync(out)).toBe(false);
  });

  it("still builds under a plain prefix", async () => {
    const r = await build(fixture("three-level"), { args: ["--path-prefix", "archive"] });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(r.output, "_headers"), "utf8").split("\n")[0]).toBe("/archive/*");
  });
});
