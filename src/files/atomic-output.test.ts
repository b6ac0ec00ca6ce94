import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freeze } from "../../tests/helpers/read-only.ts";
import { discard, isAlive, prepareStaging, recoverOutput, swapIn, SwapError } from "./atomic-output.ts";

const fresh = () => mkdtempSync(path.join(tmpdir(), "wenku-atomic-"));
function site(dir: string, text: string): string {
  mkdirSync(path.join(dir, "assets"), { recursive: true });
  writeFileSync(path.join(dir, "index.html"), text);
  writeFileSync(path.join(dir, "assets/site.css"), text);
  return dir;
}
const read = (dir: string) => readFileSync(path.join(dir, "index.html"), "utf8");
/** A process id that ran and has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;
const quiet = () => {};

describe("swapIn", () => {
  it("puts the new site in place and leaves nothing beside it, with or without a previous one", async () => {
    const parent = fresh();
    const output = path.join(parent, "site");
    const first = site(await prepareStaging(output, quiet), "one");
    expect(await swapIn(first, output)).toEqual({ warning: null });
    expect(read(output)).toBe("one");
    const second = site(await prepareStaging(output, quiet), "two");
    await swapIn(second, output);
    expect(read(output)).toBe("two");
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("when the new site cannot be moved in, puts the old one back and says it is unchanged", async () => {
    const parent = fresh();
    const output = site(path.join(parent, "site"), "old");
    const staging = path.join(parent, ".site.wenku-new-1"); // never made: the rename fails
    const failed = await swapIn(staging, output).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SwapError);
    expect((failed as SwapError).unchanged).toBe(true);
    expect((failed as SwapError).message).toMatch(/put back, unchanged/);
    expect(read(output)).toBe("old");
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("when the previous site cannot be removed after the swap, says so: the new site is in, the old one kept", async () => {
    const parent = fresh();
    const output = site(path.join(parent, "site"), "old");
    const thaw = freeze(path.join(output, "assets")); // its files cannot be deleted
    const old = path.join(parent, `.site.wenku-old-${process.pid}`);
    try {
      const staging = site(await prepareStaging(output, quiet), "new");
      const { warning } = await swapIn(staging, output);
      expect(read(output)).toBe("new");
      expect(warning).toBe(
        `the new site is in ${output}; the previous one could not be removed completely, what is left of it is in ${old} (${warning!.split(" (").pop()}`,
      );
      expect(readFileSync(path.join(old, "assets/site.css"), "utf8")).toBe("old");
    } finally {
      thaw(path.join(old, "assets"));
    }
  });
});

describe("recoverOutput", () => {
  it("does nothing without a journal, or while the process that wrote it runs", async () => {
    const parent = fresh();
    const output = site(path.join(parent, "site"), "old");
    expect(await recoverOutput(output)).toEqual([]);
    site(path.join(parent, ".site.wenku-new-9"), "new");
    writeFileSync(
      path.join(parent, ".site.wenku-journal"),
      JSON.stringify({ pid: process.ppid, staging: ".site.wenku-new-9", old: ".site.wenku-old-9" }),
    );
    expect(isAlive(process.ppid)).toBe(true);
    expect(await recoverOutput(output)).toEqual([]);
    expect(read(output)).toBe("old");
  });

  it("refuses a journal it cannot read, touching nothing", async () => {
    const parent = fresh();
    const output = site(path.join(parent, "site"), "old");
    writeFileSync(path.join(parent, ".site.wenku-journal"), "{ half");
    await expect(recoverOutput(output)).rejects.toThrow(
      /\.site\.wenku-journal: not a swap journal Wenku wrote .*nothing was touched/,
    );
    expect(readdirSync(parent).sort()).toEqual([".site.wenku-journal", "site"]);
  });
});

describe("prepareStaging", () => {
  it("removes what dead builds left, keeps what live ones use, and puts back a saved copy when the output is gone", async () => {
    const parent = fresh();
    const output = path.join(parent, "site");
    const dead = deadPid();
    site(path.join(parent, `.site.wenku-old-${dead}`), "saved");
    site(path.join(parent, `.site.wenku-new-${dead}`), "half");
    site(path.join(parent, `.site.wenku-new-${process.ppid}`), "live");
    const warnings: string[] = [];
    const staging = await prepareStaging(output, (m) => warnings.push(m));
    expect(read(output)).toBe("saved");
    expect(warnings.join("\n")).toMatch(/restored the previous copy/);
    expect(existsSync(path.join(parent, `.site.wenku-new-${dead}`))).toBe(false);
    expect(existsSync(path.join(parent, `.site.wenku-new-${process.ppid}`))).toBe(true);
    expect(staging).toBe(path.join(parent, `.site.wenku-new-${process.pid}`));

    // With the output in place, a dead build's saved copy is only a leftover.
    site(path.join(parent, `.site.wenku-old-${dead}`), "saved again");
    await prepareStaging(output, quiet);
    expect(existsSync(path.join(parent, `.site.wenku-old-${dead}`))).toBe(false);
    expect(read(output)).toBe("saved");
  });
});

describe("discard", () => {
  it("keeps a staging folder a journal names (the copy a half-done swap needs), removes any other", async () => {
    const parent = fresh();
    const named = site(path.join(parent, ".site.wenku-new-7"), "new");
    const other = site(path.join(parent, ".site.wenku-new-8"), "other");
    writeFileSync(
      path.join(parent, ".site.wenku-journal"),
      JSON.stringify({ pid: 7, staging: ".site.wenku-new-7", old: ".site.wenku-old-7" }),
    );
    await discard(named);
    await discard(other);
    expect(existsSync(named)).toBe(true);
    expect(existsSync(other)).toBe(false);
  });
});
