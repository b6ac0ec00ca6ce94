import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { previousBundle, refuseCacheDir, saveBundle } from "./cache.ts";

const tmp = () => realpathSync(mkdtempSync(path.join(os.tmpdir(), "wenku-cache-")));

/** A bundle folder with a shards.json and one shard file. */
function bundle(dir: string, shards: string, shard = "index") {
  mkdirSync(path.join(dir, "0"), { recursive: true });
  writeFileSync(path.join(dir, "shards.json"), shards);
  writeFileSync(path.join(dir, "0/pagefind-entry.json"), shard);
  return dir;
}

describe("refuseCacheDir", () => {
  it("refuses the output folder, the content folder and folders inside them", () => {
    const root = tmp();
    const [site, content] = [path.join(root, "site"), path.join(root, "content")];
    expect(refuseCacheDir(site, site, content)).toMatch(/output folder/);
    expect(refuseCacheDir(path.join(site, ".cache"), site, content)).toMatch(/output folder/);
    expect(refuseCacheDir(path.join(content, "cache"), site, content)).toMatch(/content folder/);
    expect(refuseCacheDir(path.join(root, ".wenku/cache"), site, content)).toBeNull();
  });
});

describe("previousBundle", () => {
  it("takes the output's bundle first, else the cache's, else none", () => {
    const root = tmp();
    const out = path.join(root, "site/pagefind");
    const cache = path.join(root, "cache");
    expect(previousBundle(out, cache)).toBeNull();
    bundle(path.join(cache, "pagefind"), "{}");
    expect(previousBundle(out, cache)).toEqual({ dir: path.join(cache, "pagefind"), from: "cache" });
    expect(previousBundle(out, null)).toBeNull();
    bundle(out, "{}");
    expect(previousBundle(out, cache)).toEqual({ dir: out, from: "output" });
  });

  it("passes over a cached bundle without shards.json", () => {
    const cache = tmp();
    mkdirSync(path.join(cache, "pagefind/0"), { recursive: true });
    expect(previousBundle(path.join(cache, "no-site/pagefind"), cache)).toBeNull();
  });
});

describe("saveBundle", () => {
  it("copies the bundle whole, replaces an older one and leaves no temporary folder", async () => {
    const root = tmp();
    const cache = path.join(root, "cache");
    mkdirSync(cache);
    bundle(path.join(cache, "pagefind"), '{"old":1}', "old");
    writeFileSync(path.join(cache, "pagefind/stale.txt"), "gone");
    const site = bundle(path.join(root, "site/pagefind"), '{"new":1}', "new");
    expect(await saveBundle(site, cache, { fresh: true })).toBe("saved");
    expect(readFileSync(path.join(cache, "pagefind/shards.json"), "utf8")).toBe('{"new":1}');
    expect(readFileSync(path.join(cache, "pagefind/0/pagefind-entry.json"), "utf8")).toBe("new");
    expect(existsSync(path.join(cache, "pagefind/stale.txt"))).toBe(false);
    expect(readdirSync(cache)).toEqual(["pagefind"]);
  });

  it("skips the copy when nothing was indexed afresh and the cache holds the same shards.json", async () => {
    const root = tmp();
    const cache = path.join(root, "cache");
    bundle(path.join(cache, "pagefind"), '{"same":1}', "cached");
    const site = bundle(path.join(root, "site/pagefind"), '{"same":1}', "built");
    expect(await saveBundle(site, cache, { fresh: false })).toBe("unchanged");
    expect(readFileSync(path.join(cache, "pagefind/0/pagefind-entry.json"), "utf8")).toBe("cached");
    // Indexed afresh, or another shards.json: copied.
    expect(await saveBundle(site, cache, { fresh: true })).toBe("saved");
    expect(readFileSync(path.join(cache, "pagefind/0/pagefind-entry.json"), "utf8")).toBe("built");
    bundle(site, '{"other":1}', "other");
    expect(await saveBundle(site, cache, { fresh: false })).toBe("saved");
    expect(readFileSync(path.join(cache, "pagefind/shards.json"), "utf8")).toBe('{"other":1}');
  });

  it("leaves the cache as it was when the copy fails", async () => {
    const root = tmp();
    const cache = path.join(root, "cache");
    bundle(path.join(cache, "pagefind"), '{"old":1}', "old");
    await expect(saveBundle(path.join(root, "missing/pagefind"), cache, { fresh: true })).rejects.toThrow();
    expect(readFileSync(path.join(cache, "pagefind/shards.json"), "utf8")).toBe('{"old":1}');
    expect(readdirSync(cache)).toEqual(["pagefind"]);
  });
});
