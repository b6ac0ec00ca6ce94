// The build cache (src/build/cache.ts): a build into a fresh output folder, as on CI, reuses the search
// shards a build into another folder left in the same --cache; a damaged cache only means indexing again.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../src/bench/generate.ts";
import { build, listFiles, type BuildResult } from "./helpers/build.ts";

const tmp = mkdtempSync(path.join(tmpdir(), "wenku-build-cache-"));
const content = path.join(tmp, "content");
const cache = path.join(tmp, "cache");
let first: BuildResult;
let second: BuildResult;

/** Every file of a bundle folder with its bytes. */
const bundle = (dir: string) =>
  listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString("hex")]);

beforeAll(async () => {
  for (const [file, text] of generateArchive(120, "cache").files) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  first = await build(content, { output: path.join(tmp, "one/site"), args: ["--cache", cache] });
  if (first.code !== 0) throw new Error(first.stderr);
  second = await build(content, { output: path.join(tmp, "two/site"), args: ["--cache", cache] });
  if (second.code !== 0) throw new Error(second.stderr);
}, 300_000);

describe("a build cache shared by builds into different output folders", () => {
  it("keeps the first build's search bundle", () => {
    expect(first.result!.search).toMatchObject({ reused: 0, from: null });
    expect(first.stdout).not.toMatch(/from the cache/);
    expect(bundle(path.join(cache, "pagefind"))).toEqual(bundle(path.join(first.output, "pagefind")));
  });

  it("lets the second build reuse every shard from it and write the same bundle", () => {
    const search = second.result!.search!;
    expect(search.shards).toBeGreaterThan(0);
    expect(search).toMatchObject({ reused: search.shards, from: "cache" });
    expect(second.stdout).toContain(`(${search.shards} shard(s), ${search.shards} unchanged from the cache)`);
    expect(bundle(path.join(second.output, "pagefind"))).toEqual(bundle(path.join(first.output, "pagefind")));
  });

  it("indexes again, and mends the cache, when a shard folder or shards.json is missing", async () => {
    rmSync(path.join(cache, "pagefind/0"), { recursive: true });
    const missingShard = await build(content, { output: path.join(tmp, "three/site"), args: ["--cache", cache] });
    expect(missingShard.code).toBe(0);
    expect(missingShard.result!.search!.reused).toBeLessThan(missingShard.result!.search!.shards);
    expect(listFiles(path.join(cache, "pagefind"))).toEqual(listFiles(path.join(missingShard.output, "pagefind")));

    writeFileSync(path.join(cache, "pagefind/shards.json"), '{"shards": [');
    const brokenManifest = await build(content, { output: path.join(tmp, "four/site"), args: ["--cache", cache] });
    expect(brokenManifest.code).toBe(0);
    expect(brokenManifest.result!.search).toMatchObject({ reused: 0, from: null });
    expect(readFileSync(path.join(cache, "pagefind/shards.json"), "utf8")).toBe(
      readFileSync(path.join(brokenManifest.output, "pagefind/shards.json"), "utf8"),
    );
  }, 300_000);

  it("refuses a cache folder inside the output or the content folder", async () => {
    const output = path.join(tmp, "five/site");
    const inOutput = await build(content, { output, args: ["--cache", path.join(output, ".cache")] });
    expect(inOutput.code).toBe(1);
    expect(inOutput.stderr).toMatch(/refusing to build: the cache folder .* is the output folder or inside it/);
    const inContent = await build(content, { output, args: ["--cache", path.join(content, "cache")] });
    expect(inContent.code).toBe(1);
    expect(inContent.stderr).toMatch(/the cache folder .* is the content folder or inside it/);
  });
});
