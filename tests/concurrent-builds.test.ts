// Builds side by side in one process (the library called twice at once, as a test runner or a script
// building several archives does): each writes its whole search index. Pagefind's Node API shares one
// backend per process, and stopping it after one shard must not cut off another index's shard.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/index.ts";
import { createMarkdown } from "../src/render/markdown.ts";
import { writeSearchIndex } from "../src/search/write-index.ts";
import { loadSite } from "../src/site/load-site.ts";
import { pagesOf } from "../src/site/model.ts";
import { PROJECT } from "./helpers/build.ts";
import { fragments } from "./helpers/search-index.ts";

const root = mkdtempSync(path.join(tmpdir(), "wenku-concurrent-"));

describe("search indexes written at once in one process", () => {
  it("each gets every article, in many small shards written side by side", async () => {
    const model = await loadSite({ contentDir: path.join(PROJECT, "content"), drafts: false });
    const pages = pagesOf(model, "article");
    const md = createMarkdown({ pathPrefix: "/" });
    const dirs = [0, 1, 2].map((i) => path.join(root, `index-${i}`));
    const results = await Promise.all(
      dirs.map((dir) => writeSearchIndex(pages, md, "zh", dir, "/pagefind/", { maxShardChars: 2000 })),
    );
    for (const [i, result] of results.entries()) {
      expect(result.shards).toBeGreaterThan(3);
      expect(
        fragments(path.join(dirs[i]!, "pagefind"))
          .map((r) => r.url)
          .sort(),
      ).toEqual(pages.map((p) => p.entry.href).sort());
    }
  }, 120_000);

  it("two build() calls both finish with their search index", async () => {
    const contents = [path.join(PROJECT, "content"), path.join(PROJECT, "tests/fixtures/three-level")];
    const results = await Promise.all(
      contents.map((content, i) => build({ content, output: path.join(root, `site-${i}`) })),
    );
    for (const result of results) {
      const { shards } = JSON.parse(readFileSync(path.join(result.output, "pagefind/shards.json"), "utf8")) as {
        shards: string[];
      };
      expect(shards.length).toBeGreaterThan(0);
      for (const shard of shards)
        expect(existsSync(path.join(result.output, "pagefind", shard, "pagefind-entry.json"))).toBe(true);
    }
  }, 120_000);
});
