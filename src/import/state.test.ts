import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readState, settle, stateText, type ImportState } from "./state.ts";

const file = (text: string) => {
  const f = path.join(mkdtempSync(path.join(tmpdir(), "wenku-state-")), "s.json");
  writeFileSync(f, text);
  return f;
};

describe("readState", () => {
  it("reads none as empty, and the first version (the articles record alone) as articles without media", async () => {
    expect(await readState(path.join(tmpdir(), "wenku-no-such-state.json"))).toEqual({ articles: {}, media: {} });
    const v1 = { "/a.html": { file: "articles/x/a.md", source: "s", written: "h" } };
    expect(await readState(file(JSON.stringify(v1)))).toEqual({ articles: v1, media: {} });
  });

  it("names the file and what it found when the state cannot be read", async () => {
    const bad = file("{ nope");
    await expect(readState(bad)).rejects.toThrow(`${bad}: not valid JSON`);
    const newer = file('{ "version": 3 }');
    await expect(readState(newer)).rejects.toThrow(`${newer}: version 3 — version 2`);
  });

  it("writes keys sorted, so an unchanged state is written byte for byte the same", async () => {
    const a: ImportState = {
      articles: { "/b": { file: "b", source: "1", written: "x" }, "/a": { file: "a", source: "1", written: "y" } },
      media: {},
    };
    const b: ImportState = { articles: { "/a": a.articles["/a"]!, "/b": a.articles["/b"]! }, media: {} };
    expect(stateText(a)).toBe(stateText(b));
    expect(await readState(file(stateText(a)))).toEqual(a);
  });
});

describe("settle", () => {
  it("keeps what a killed run wrote, forgets new files it never wrote, and keeps the old hash of files it did not get to", async () => {
    const state: ImportState = {
      articles: {
        "/written": { file: "w.md", source: "old", written: "h0", intended: { hash: "h1", source: "new" } },
        "/new-written": { file: "n.md", source: "", written: null, intended: { hash: "h2", source: "new" } },
        "/new-never": { file: "never.md", source: "", written: null, intended: { hash: "h3", source: "new" } },
        "/not-reached": { file: "r.md", source: "old", written: "h4", intended: { hash: "h5", source: "new" } },
        "/quiet": { file: "q.md", source: "old", written: "h6" },
      },
      media: {
        "/a.png": { written: null, intended: "m1" },
        "/b.png": { written: "m2", intended: "m3" },
        "/c.png": { written: null, intended: "m4" },
      },
    };
    const onDisk: Record<string, string> = {
      "w.md": "h1",
      "n.md": "h2",
      "r.md": "h4",
      "q.md": "h6",
      "/a.png": "m1",
      "/b.png": "m2",
    };
    const found = await settle(
      state,
      async (f) => onDisk[f] ?? null,
      async (p) => onDisk[p] ?? null,
    );
    expect(found).toBe(7);
    expect(state).toEqual({
      articles: {
        "/written": { file: "w.md", source: "new", written: "h1" },
        "/new-written": { file: "n.md", source: "new", written: "h2" },
        "/not-reached": { file: "r.md", source: "old", written: "h4" },
        "/quiet": { file: "q.md", source: "old", written: "h6" },
      },
      media: { "/a.png": { written: "m1" }, "/b.png": { written: "m2" } },
    });
  });
});
