import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isInside, normaliseRelative, realPathOf, resolveInside, resolveInsideSync } from "./confine.ts";

describe("isInside", () => {
  it("takes the folder itself and what lies below it, not a sibling sharing its prefix", () => {
    expect(isInside("/a/b", "/a/b")).toBe(true);
    expect(isInside("/a/b/c", "/a/b")).toBe(true);
    expect(isInside("/a/bc", "/a/b")).toBe(false);
    expect(isInside("/a", "/a/b")).toBe(false);
  });
});

describe("normaliseRelative", () => {
  it("resolves dots and backslashes, and refuses a climb out, a NUL or nothing", () => {
    expect(normaliseRelative("/x/./y//z.png")).toBe("x/y/z.png");
    expect(normaliseRelative("x\\..\\y.png")).toBe("y.png");
    expect(normaliseRelative("../../wp-config.php")).toBeNull();
    expect(normaliseRelative("/x/../../victim.txt")).toBeNull();
    expect(normaliseRelative("a\0b")).toBeNull();
    expect(normaliseRelative("/")).toBeNull();
  });
});

describe("resolveInside and realPathOf", () => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "wenku-confine-")));
  const folder = path.join(root, "uploads");
  mkdirSync(path.join(folder, "2019"), { recursive: true });
  writeFileSync(path.join(folder, "2019", "a.png"), "png");
  writeFileSync(path.join(root, "secret.txt"), "password");
  symlinkSync(path.join(root, "secret.txt"), path.join(folder, "2019", "out.png"));
  symlinkSync("a.png", path.join(folder, "2019", "in.png"));
  symlinkSync(folder, path.join(root, "link"));

  it("finds a file inside, and follows a link whose target stays inside", async () => {
    expect(await resolveInside(folder, "2019/a.png")).toBe(path.join(folder, "2019", "a.png"));
    expect(await resolveInside(folder, "2019/in.png")).toBe(path.join(folder, "2019", "a.png"));
    expect(resolveInsideSync(folder, "2019/in.png")).toBe(path.join(folder, "2019", "a.png"));
  });

  it("refuses a link leading out, a climb out and a missing file", async () => {
    expect(await resolveInside(folder, "2019/out.png")).toBeNull();
    expect(resolveInsideSync(folder, "2019/out.png")).toBeNull();
    expect(await resolveInside(folder, "2019/../../secret.txt")).toBeNull();
    expect(await resolveInside(folder, "2019/none.png")).toBeNull();
  });

  it("sees a folder that does not exist yet through its symlinked ancestor", () => {
    expect(realPathOf(path.join(root, "link", "new", "site"))).toBe(path.join(folder, "new", "site"));
    expect(realPathOf(path.join(root, "link"))).toBe(folder);
  });
});
