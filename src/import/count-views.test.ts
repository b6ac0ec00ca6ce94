import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeCounts, type CountedArticle } from "./count-views.ts";

const dir = mkdtempSync(path.join(tmpdir(), "wenku-counts-"));

function counted(file: string, readViews: number, views: number): CountedArticle {
  return {
    article: { file, title: "t", views: readViews, viewsAsOf: null, path: "/a/", aliases: [] },
    added: views - readViews,
    set: null,
    newest: { time: Date.UTC(2024, 1, 29, 2, 0, 0), offset: 480 },
    views,
  };
}

describe("writeCounts", () => {
  it("rewrites the views of a file still as it was read, and leaves one changed since", async () => {
    const same = path.join(dir, "same.md");
    const edited = path.join(dir, "edited.md");
    writeFileSync(same, "---\ntitle: t\nviews: 4\n---\nbody\n");
    // Counted from views: 4, but another run (or the author) has made it 9 since.
    writeFileSync(edited, "---\ntitle: t\nviews: 9\n---\nbody\n");

    const skipped = await writeCounts([counted(same, 4, 7), counted(edited, 4, 7)]);

    expect(skipped).toEqual([edited]);
    expect(readFileSync(same, "utf8")).toBe(
      "---\ntitle: t\nviews: 7\nviews_as_of: 2024-02-29T10:00:00+08:00\n---\nbody\n",
    );
    expect(readFileSync(edited, "utf8")).toBe("---\ntitle: t\nviews: 9\n---\nbody\n");
  });

  it("reads the count from the front-matter only, not a body line that starts with views:", async () => {
    const file = path.join(dir, "body.md");
    writeFileSync(file, "---\ntitle: t\n---\nviews: 12\n");
    expect(await writeCounts([counted(file, 0, 2)])).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe(
      "---\ntitle: t\nviews: 2\nviews_as_of: 2024-02-29T10:00:00+08:00\n---\nviews: 12\n",
    );
  });
});
