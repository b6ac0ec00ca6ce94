import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyAtomic, currentHash, fileHash, removeStaleTemps, writeAtomic } from "./atomic-write.ts";

const folder = () => mkdtempSync(path.join(tmpdir(), "wenku-atomic-"));

describe("writeAtomic", () => {
  it("writes a new file and leaves no temporary file beside it", async () => {
    const dir = folder();
    const file = path.join(dir, "a.md");
    expect(await writeAtomic(file, "new\n", { expected: null })).toEqual({ written: true });
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("replaces a file that still has the bytes that were read, keeping its permissions", async () => {
    const dir = folder();
    const file = path.join(dir, "a.md");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o640);
    const before = statSync(file).ino;
    expect(await writeAtomic(file, "new\n", { expected: fileHash(Buffer.from("old\n")) })).toEqual({ written: true });
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    // A rename: a new inode took the name, so a reader holding the old one read the old file whole.
    expect(statSync(file).ino).not.toBe(before);
  });

  it("refuses to replace a file changed after it was read, and says what it found", async () => {
    const dir = folder();
    const file = path.join(dir, "a.md");
    writeFileSync(file, "old\n");
    const read = await currentHash(file);
    const outcome = await writeAtomic(file, "import\n", {
      expected: read,
      beforeCommit: () => writeFileSync(file, "author\n"),
    });
    expect(outcome).toEqual({ written: false, found: fileHash(Buffer.from("author\n")) });
    expect(readFileSync(file, "utf8")).toBe("author\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("refuses to create a file that appeared after the check that it was absent", async () => {
    const dir = folder();
    const file = path.join(dir, "a.md");
    const outcome = await writeAtomic(file, "import\n", {
      expected: null,
      beforeCommit: () => writeFileSync(file, "author\n"),
    });
    expect(outcome).toEqual({ written: false, found: fileHash(Buffer.from("author\n")) });
    expect(readFileSync(file, "utf8")).toBe("author\n");
  });

  it("reports a file deleted after it was read as found missing", async () => {
    const dir = folder();
    const file = path.join(dir, "a.md");
    writeFileSync(file, "old\n");
    const outcome = await writeAtomic(file, "new\n", {
      expected: fileHash(Buffer.from("old\n")),
      beforeCommit: () => unlinkSync(file),
    });
    expect(outcome).toEqual({ written: false, found: null });
    expect(existsSync(file)).toBe(false);
  });
});

describe("copyAtomic", () => {
  it("copies a file's bytes", async () => {
    const dir = folder();
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    writeFileSync(path.join(dir, "src.png"), bytes);
    expect(await copyAtomic(path.join(dir, "src.png"), path.join(dir, "dst.png"), { expected: null })).toEqual({
      written: true,
    });
    expect(readFileSync(path.join(dir, "dst.png"))).toEqual(bytes);
    expect(readdirSync(dir).sort()).toEqual(["dst.png", "src.png"]);
  });
});

describe("removeStaleTemps", () => {
  it("removes temporary files of processes that are gone and keeps those of live ones", async () => {
    const dir = folder();
    // A real process that has exited: its pid is free (or reused, which only keeps the file longer).
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(path.join(dir, `.wenku-tmp-${dead}-abc123`), "half");
    writeFileSync(path.join(dir, `.wenku-tmp-${process.ppid}-def456`), "running");
    // This process's own: a write in flight beside the cleaning.
    writeFileSync(path.join(dir, `.wenku-tmp-${process.pid}-0a0a0a`), "in flight");
    writeFileSync(path.join(dir, "a.md"), "article");
    expect(await removeStaleTemps(dir)).toEqual([`.wenku-tmp-${dead}-abc123`]);
    expect(readdirSync(dir).sort()).toEqual(
      [`.wenku-tmp-${process.ppid}-def456`, `.wenku-tmp-${process.pid}-0a0a0a`, "a.md"].sort(),
    );
  });
});
