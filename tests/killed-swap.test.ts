// A process killed at any step of the swap leaves one complete site recoverable; the next run (or the
// recovery the build calls first) puts a complete site in place and leaves nothing behind. Real child
// processes, really SIGKILLed at each step (tests/helpers/swap-crash.ts), and real builds.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discard, prepareStaging, SWAP_STEPS, type SwapStep } from "../src/files/atomic-output.ts";
import { build, fixture, listFiles, PROJECT } from "./helpers/build.ts";

const FILES = 20; // what tests/helpers/swap-crash.ts writes

/** Runs the crash helper in one Node process (tsx's launcher would stand between it and its signal). */
function child(
  mode: "swap" | "recover",
  output: string,
  label: string,
  stop: SwapStep | "none" | "hold",
): Promise<{ signal: string | null; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = execFile(
      process.execPath,
      ["--import", "tsx", "tests/helpers/swap-crash.ts", mode, output, label, stop],
      { cwd: PROJECT },
      (error, _stdout, stderr) => {
        resolve({ signal: p.signalCode, code: p.exitCode ?? (error ? 1 : 0), stderr });
      },
    );
  });
}

/** The label of a folder when it is one complete site (every file there, all of one build), else null. */
function completeLabel(dir: string): string | null {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  const files = listFiles(dir);
  const labels = new Set(files.map((f) => readFileSync(path.join(dir, f), "utf8")));
  return files.length === FILES && labels.size === 1 ? [...labels][0]! : null;
}

/** Labels of every complete site in `parent`: the output and the copies beside it. */
const completeSites = (parent: string) =>
  readdirSync(parent)
    .map((n) => completeLabel(path.join(parent, n)))
    .filter((l) => l !== null);

/** What the next build does before it writes: recover, clean up, and take a fresh staging folder. */
async function nextRun(output: string): Promise<string[]> {
  const warnings: string[] = [];
  await discard(await prepareStaging(output, (m) => warnings.push(m)));
  return warnings;
}

async function siteWithOld(): Promise<{ parent: string; output: string }> {
  const parent = mkdtempSync(path.join(tmpdir(), "wenku-swap-"));
  const output = path.join(parent, "site");
  const first = await child("swap", output, "old", "none");
  expect(first.code, first.stderr).toBe(0);
  expect(completeLabel(output)).toBe("old");
  return { parent, output };
}

// Steps after which the journal names the finished new site: from then on it is the one kept.
const committed = (step: SwapStep) => SWAP_STEPS.indexOf(step) >= SWAP_STEPS.indexOf("journal-written");

describe("a swap killed at every step", () => {
  for (const step of SWAP_STEPS) {
    it(`after ${step}: a complete site exists throughout, and the next run restores it and cleans up`, async () => {
      const { parent, output } = await siteWithOld();
      const killed = await child("swap", output, "new", step);
      expect(killed.signal).toBe("SIGKILL");

      // At the moment of the kill some complete site exists (the output, the saved copy or the new one)…
      const sites = completeSites(parent);
      expect(sites.length).toBeGreaterThan(0);
      if (committed(step)) expect(sites).toContain("new");
      else expect(sites).toContain("old");

      // …and the next run puts one in place and leaves nothing beside it.
      await nextRun(output);
      expect(completeLabel(output)).toBe(committed(step) ? "new" : "old");
      expect(readdirSync(parent)).toEqual(["site"]);
    });
  }
});

describe("a recovery killed at every step", () => {
  for (const step of ["journal-written", "old-moved", "new-moved"] as const) {
    for (const again of ["old-moved", "new-moved", "journal-removed", "old-removed"] as const) {
      it(`swap killed after ${step}, recovery killed after ${again}: the next run still restores the new site`, async () => {
        const { parent, output } = await siteWithOld();
        expect((await child("swap", output, "new", step)).signal).toBe("SIGKILL");
        const recovery = await child("recover", output, "-", again);
        // A recovery that has no such step to pass (nothing left to move) ends normally.
        expect(recovery.signal === "SIGKILL" || recovery.code === 0, recovery.stderr).toBe(true);
        expect(completeSites(parent)).toContain("new");

        await nextRun(output);
        expect(completeLabel(output)).toBe("new");
        expect(readdirSync(parent)).toEqual(["site"]);
      });
    }
  }
});

describe("concurrent swaps into one output", () => {
  it("take turns: every one succeeds, the output ends complete, nothing is left beside it", async () => {
    const { parent, output } = await siteWithOld();
    const labels = ["a", "b", "c", "d"];
    // The first holds the journal a while, so the others arrive while it swaps and must wait.
    const runs = await Promise.all(labels.map((l, i) => child("swap", output, l, i === 0 ? "hold" : "none")));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(labels).toContain(completeLabel(output));
    expect(readdirSync(parent)).toEqual(["site"]);
  });
});

describe("the next build after a swap killed with no output in place", () => {
  it("restores the site first, even when the build itself then fails on its content", async () => {
    const { parent, output } = await siteWithOld();
    expect((await child("swap", output, "new", "old-moved")).signal).toBe("SIGKILL");
    expect(existsSync(output)).toBe(false); // the moment the old code lost the site

    const failed = await build(fixture("bad-content"), { output });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/finished the swap a killed build left half done/);
    expect(completeLabel(output)).toBe("new");
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("and a good build then replaces it, leaving nothing beside it", async () => {
    const { parent, output } = await siteWithOld();
    expect((await child("swap", output, "new", "old-moved")).signal).toBe("SIGKILL");
    // The helper's sites carry no marker; --force says this folder may be replaced.
    const next = await build(fixture("pagination"), { output, args: ["--force"] });
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(path.join(output, "index.html"))).toBe(true);
    expect(readdirSync(parent)).toEqual(["site"]);
  });
});
