// A build killed half-way leaves the previous site byte-identical; the next build removes the
// half-written temporary folder and replaces the site.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAlive } from "../src/files/atomic-output.ts";
import { build, fixture, listFiles, PROJECT } from "./helpers/build.ts";

/** The pagination fixture plus `n` small articles: big enough that a build takes a few seconds. */
function bigContent(n: number): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-big-")), "content");
  cpSync(fixture("pagination"), dir, { recursive: true });
  mkdirSync(path.join(dir, "articles/bulk"));
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    writeFileSync(
      path.join(dir, "articles/bulk", `${i}.md`),
      `---\ntitle: "第 ${i} 篇"\ncategory: over\ndate: 2019-02-${day} 08:00:00\n---\n正文 ${i}。\n`,
    );
  }
  return dir;
}

const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

describe("a killed build", () => {
  it("leaves the previous site whole, and the next build cleans up after it", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "wenku-kill-"));
    const output = path.join(parent, "site");
    const first = await build(fixture("pagination"), { output });
    expect(first.code).toBe(0);
    const before = snapshot(output);

    const tsx = path.join(PROJECT, "node_modules/.bin/tsx");
    const child = spawn(tsx, ["scripts/build.ts", "--content", bigContent(3000), "--output", output], {
      cwd: PROJECT,
      detached: true,
      stdio: "ignore",
    });
    const staging = () => readdirSync(parent).filter((n) => n.startsWith(".site.wenku-new-"));
    // Kill it once it has started writing pages into its temporary folder.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
      const [dir] = staging();
      if (dir && existsSync(path.join(parent, dir)) && listFiles(path.join(parent, dir)).length > 50) break;
    }
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));

    expect(staging()).toHaveLength(1); // the half-written folder is still there…
    expect(snapshot(output)).toEqual(before); // …and the previous site is untouched.

    // The folder is named after the build process (tsx's child); the next build starts once it is gone.
    const pid = Number(/(\d+)$/.exec(staging()[0]!)![1]);
    for (const deadline = Date.now() + 10_000; isAlive(pid) && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 20));

    const next = await build(fixture("three-level"), { output });
    expect(next.code).toBe(0);
    expect(readdirSync(parent)).toEqual(["site"]);
    expect(existsSync(path.join(output, "research/marketing/industrial-marketing/index.html"))).toBe(true);
  });
});
