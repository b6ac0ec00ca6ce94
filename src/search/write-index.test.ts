// The search index with real Pagefind, records streamed to it while they are made (write-index.ts):
// the same shards as before streaming, reuse of unchanged shards, and a clean stop on failure or abort.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarkdown } from "../render/markdown.ts";
import { loadSite } from "../site/load-site.ts";
import { pagesOf } from "../site/model.ts";
import type { ArticlePage } from "../site/pages/index.ts";
import { writeSearchIndex, type SearchIndexOptions } from "./write-index.ts";

const PROJECT = path.resolve(import.meta.dirname, "../..");
const md = createMarkdown({ pathPrefix: "/" });
const tmp = mkdtempSync(path.join(tmpdir(), "wenku-write-index-"));
let sample: ArticlePage[];
/** The sample five times over under other addresses: more records than one batch, so several batches stream. */
let many: ArticlePage[];

const index = (pages: readonly ArticlePage[], name: string, options: SearchIndexOptions = {}) =>
  writeSearchIndex(pages, md, "zh", path.join(tmp, name), "/pagefind/", options);
const manifest = (name: string) =>
  JSON.parse(readFileSync(path.join(tmp, name, "pagefind/shards.json"), "utf8")) as {
    shards: string[];
    hashes: string[];
  };

beforeAll(async () => {
  const model = await loadSite({ contentDir: path.join(PROJECT, "content"), drafts: false });
  sample = [...pagesOf(model, "article")];
  many = [0, 1, 2, 3, 4].flatMap((n) =>
    sample.map((page) => ({ ...page, entry: { ...page.entry, href: `${page.entry.href}${n}/` } })),
  );
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("writeSearchIndex", () => {
  // Recorded by running the code before streaming (main at 0abdd70) on these same pages: the shards'
  // boundaries and hashes (so their records) must not change with the order work is done in.
  it("makes the same shards as before streaming", async () => {
    expect((await index(sample, "one")).shards).toBe(1);
    expect(manifest("one").hashes).toEqual(["156515bce91a4538447100b7634b9253"]);
    expect((await index(sample, "small", { maxShardChars: 4000 })).shards).toBe(6);
    expect(manifest("small")).toEqual({
      shards: ["0/", "1/", "2/", "3/", "4/", "5/"],
      hashes: [
        "b15c7fb08f8b4451790c7d1b9a3234e4",
        "e7aa25695ab264760e80ec60d75cc993",
        "ff971160f3e90c650bd6d0863dbdf32b",
        "c0ae96f8baaf00d8bf33970cf688985d",
        "a5560b73383d63e4681e1c512587eba8",
        "02ffefb2396f1443dce59948aae947e0",
      ],
    });
    await index(many, "many", { maxShardChars: 20_000 });
    expect(manifest("many").hashes).toEqual(MANY);
  }, 120_000);

  it("copies unchanged shards and indexes again only the changed one", async () => {
    const pages = [...many];
    pages[pages.length - 1] = { ...pages.at(-1)!, entry: { ...pages.at(-1)!.entry, title: "改過的標題" } };
    const previous = path.join(tmp, "many/pagefind");
    const again = await index(pages, "edited", { maxShardChars: 20_000, previous });
    expect(again.shards).toBe(MANY.length);
    expect(again.reused).toBe(MANY.length - 1);
    expect(manifest("edited").hashes.slice(0, -1)).toEqual(MANY.slice(0, -1));
    expect(manifest("edited").hashes.at(-1)).not.toBe(MANY.at(-1));
  }, 120_000);

  it("fails when a body cannot be read while shards stream, and leaves Pagefind usable", async () => {
    const broken = [...many];
    const at = broken.length - 5; // in a later batch than the first shards'
    broken[at] = { ...broken[at]!, bodyAt: { ...broken[at]!.bodyAt, size: -1 } };
    await expect(index(broken, "broken", { maxShardChars: 20_000 })).rejects.toThrow(/changed while/);
    expect((await index(sample, "after-failure")).shards).toBe(1);
    expect(manifest("after-failure").hashes).toEqual(["156515bce91a4538447100b7634b9253"]);
  }, 120_000);

  it("stops on its signal, and leaves Pagefind usable", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stopped"));
    await expect(index(many, "aborted", { maxShardChars: 20_000, signal: controller.signal })).rejects.toThrow(
      "stopped",
    );
    expect((await index(sample, "after-abort")).shards).toBe(1);
  }, 120_000);
});

// Recorded like the hashes above, with the code before streaming, for `many` at 20,000 characters a shard.
const MANY = [
  "8a844759058b413f0fb87d862097ce2c",
  "ecf42d188769caccb1cfabb63388bec6",
  "7c0ccbbdc4c37e59c2acc0291f498f7a",
  "713315aadcc43e8a13f0ba0055818cda",
  "0798c2bb25c48672ce35195e4e071440",
  "4c9d0b61e4ee391fc122268995326dfb",
  "597c5b8c6beea59eca8391456005b7c4",
  "929a79e708510d782d7f050091afc8c2",
];
