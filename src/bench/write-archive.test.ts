import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WenkuError } from "../content/problems.ts";
import { MARKER, writeArchive } from "./write-archive.ts";

const tmp = mkdtempSync(path.join(tmpdir(), "wenku-write-archive-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("writeArchive", () => {
  it("writes the articles, the site data and the marker, and counts every file and byte", async () => {
    const out = path.join(tmp, "fresh");
    const { files, bytes } = await writeArchive(5, "s", out);
    expect(JSON.parse(readFileSync(path.join(out, MARKER), "utf8"))).toEqual({
      generator: "wenku bench",
      articles: 5,
      seed: "s",
    });
    const all = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files).toBe(all.length);
    expect(bytes).toBe(all.reduce((sum, e) => sum + readFileSync(path.join(e.parentPath, e.name)).length, 0));
    expect(all.filter((e) => e.name.endsWith(".md"))).toHaveLength(5);
  });

  it("replaces a folder holding an earlier generated archive", async () => {
    const out = path.join(tmp, "again");
    await writeArchive(6, "1", out);
    await writeArchive(3, "1", out);
    const md = readdirSync(path.join(out, "articles"), { recursive: true }).filter((f) => String(f).endsWith(".md"));
    expect(md).toHaveLength(3);
  });

  it("refuses a folder without the marker, and one with other files beside an archive", async () => {
    const own = path.join(tmp, "own");
    mkdirSync(own);
    writeFileSync(path.join(own, "notes.txt"), "mine");
    const error = await refusal(writeArchive(3, "1", own));
    expect(error).toBeInstanceOf(WenkuError);
    expect((error as WenkuError).code).toBe("refused");
    expect(readFileSync(path.join(own, "notes.txt"), "utf8")).toBe("mine");

    const mixed = path.join(tmp, "mixed");
    await writeArchive(2, "1", mixed);
    writeFileSync(path.join(mixed, "keep.md"), "mine");
    expect(String(await refusal(writeArchive(2, "1", mixed)))).toMatch(/besides a generated archive it holds keep\.md/);
  });

  it("refuses a path that is a file", async () => {
    const file = path.join(tmp, "a-file");
    writeFileSync(file, "x");
    expect(String(await refusal(writeArchive(1, "1", file)))).toMatch(/exists and is not a folder/);
  });
});
