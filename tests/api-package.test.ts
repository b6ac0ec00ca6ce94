// `import { build } from "wenku"` from another project that depends on this one: plain node, no tsx of
// its own, no working folder of Wenku's. The dependency is installed the way npm installs a local
// package (file: → a link), offline.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT } from "./helpers/build.ts";

const run = promisify(execFile);

/** The sample archive's articles that are published: its Markdown files without `draft: true`. */
function publishedSampleArticles(): number {
  const folder = path.join(PROJECT, "content/articles");
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .filter((name) => !/^draft:\s*true\s*$/m.test(readFileSync(path.join(folder, name), "utf8").split("\n---")[0]!))
    .length;
}
let host: string;

beforeAll(async () => {
  host = mkdtempSync(path.join(tmpdir(), "wenku-host-"));
  writeFileSync(
    path.join(host, "package.json"),
    JSON.stringify({ name: "host", private: true, type: "module", dependencies: { wenku: `file:${PROJECT}` } }),
  );
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: host });
});

describe("wenku as a dependency", () => {
  it("builds a site from the project that depends on it and prints the summary build() returns", async () => {
    const script =
      'import("wenku").then(async ({ build }) => console.log(JSON.stringify(await build({ content: process.argv[1], output: "site" }))))';
    const { stdout } = await run(process.execPath, ["-e", script, path.join(PROJECT, "content")], { cwd: host });
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      output: path.join(host, "site"),
      articles: publishedSampleArticles(),
      redirects: 3,
      workers: 1,
    });
    expect(summary.pages).toBeGreaterThan(summary.articles);
    expect(existsSync(path.join(host, "site/index.html"))).toBe(true);
    expect(existsSync(path.join(host, "site/pagefind/shards.json"))).toBe(true);
  });

  it("exports every value the library's src/index.ts exports", async () => {
    const script = 'import("wenku").then((m) => console.log(JSON.stringify(Object.keys(m).sort())))';
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: host });
    const library = Object.keys(await import("../src/index.ts")).sort();
    expect(library).toContain("importSite");
    expect(JSON.parse(stdout)).toEqual(library);
  });

  it("reports content problems as a ContentError with every problem", async () => {
    const script =
      'import("wenku").then(async ({ build, ContentError }) => { try { await build({ content: process.argv[1], output: "bad-site" }) } catch (e) { console.log(JSON.stringify({ content: e instanceof ContentError, fields: e.problems.map((p) => p.field) })) } })';
    const { stdout } = await run(process.execPath, ["-e", script, path.join(PROJECT, "tests/fixtures/bad-content")], {
      cwd: host,
    });
    const failure = JSON.parse(stdout);
    expect(failure.content).toBe(true);
    expect(failure.fields.length).toBeGreaterThan(3);
    expect(existsSync(path.join(host, "bad-site"))).toBe(false);
  });
});
