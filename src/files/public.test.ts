import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyPublic, PublicSync, selectPublic } from "./public.ts";

function contentWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wenku-public-unit-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("selectPublic", () => {
  it("takes every file of any type, and leaves hidden ones out but .well-known/", async () => {
    const dir = contentWith({
      "public/index.php": "<?php",
      "public/a/b.html": "b",
      "public/.well-known/security.txt": "Contact: x",
      "public/.git/config": "secret",
      "public/.env": "TOKEN=1",
    });
    const selection = await selectPublic(dir);
    expect(selection.files.map((f) => f.name)).toEqual([".well-known/security.txt", "a/b.html", "index.php"]);
    expect(selection.leftOut.map((l) => path.relative(dir, l.file)).sort()).toEqual(["public/.env", "public/.git"]);
  });

  it("publishes nothing without a public folder, and refuses a public folder linked from outside", async () => {
    const dir = contentWith({ "media/x.png": "x" });
    expect(await selectPublic(dir)).toEqual({ files: [], leftOut: [] });
    const elsewhere = contentWith({ "favicon.ico": "i" });
    symlinkSync(elsewhere, path.join(dir, "public"));
    const linked = await selectPublic(dir);
    expect(linked.files).toEqual([]);
    expect(linked.leftOut[0]?.reason).toMatch(/outside the content folder/);
  });
});

describe("PublicSync", () => {
  it("copies new and changed files, skips unchanged ones, and removes gone ones", async () => {
    const dir = contentWith({ "public/a.txt": "one", "public/b/c.txt": "two" });
    const output = mkdtempSync(path.join(tmpdir(), "wenku-public-out-"));
    const sync = new PublicSync(output);
    let selection = await selectPublic(dir);
    expect(await sync.copy(selection)).toHaveLength(2);
    expect(await sync.copy(selection)).toEqual([]);
    writeFileSync(path.join(dir, "public/a.txt"), "one, longer");
    rmSync(path.join(dir, "public/b/c.txt"));
    selection = await selectPublic(dir);
    expect(await sync.removeGone(selection)).toEqual([path.join(output, "b/c.txt")]);
    expect(existsSync(path.join(output, "b/c.txt"))).toBe(false);
    expect(await sync.copy(selection)).toEqual([path.join(output, "a.txt")]);
    expect(readFileSync(path.join(output, "a.txt"), "utf8")).toBe("one, longer");
  });

  it("copies a file again when its copy went missing", async () => {
    const dir = contentWith({ "public/a.txt": "one" });
    const output = mkdtempSync(path.join(tmpdir(), "wenku-public-out-"));
    const sync = new PublicSync(output);
    const selection = await selectPublic(dir);
    await sync.copy(selection);
    rmSync(path.join(output, "a.txt"));
    expect(await sync.copy(selection)).toEqual([path.join(output, "a.txt")]);
    await copyPublic(selection, output);
    expect(readFileSync(path.join(output, "a.txt"), "utf8")).toBe("one");
  });
});
