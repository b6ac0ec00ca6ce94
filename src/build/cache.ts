// The build cache: a folder outside the site (default .wenku/cache/ in the project) that keeps a copy of
// the last search bundle, so a build into a fresh output folder (a CI deploy) still reuses the search
// shards whose records are unchanged (src/search/write-index.ts checks each shard's hash, so a stale
// cache is harmless, and a damaged one only means indexing again).
import { existsSync } from "node:fs";
import { cp, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { isInside, realPathOf } from "../files/confine.ts";
import { SHARDS_FILE } from "../search/write-index.ts";

/** The search bundle's folder in the cache. */
export const CACHED_BUNDLE = "pagefind";

/** Why `dir` must not be the cache folder, or null when it may. */
export function refuseCacheDir(dir: string, outputDir: string, contentDir: string): string | null {
  const real = realPathOf(dir);
  if (isInside(real, realPathOf(outputDir)))
    return `the cache folder ${dir} is the output folder or inside it (every build replaces it whole)`;
  if (isInside(real, realPathOf(contentDir)))
    return `the cache folder ${dir} is the content folder or inside it (the build never writes there)`;
  return null;
}

/** Where the search index's unchanged shards are copied from: the output's bundle, else the cache's. */
export function previousBundle(
  outputBundle: string,
  cacheDir: string | null,
): { dir: string; from: "output" | "cache" } | null {
  if (existsSync(path.join(outputBundle, SHARDS_FILE))) return { dir: outputBundle, from: "output" };
  const cached = cacheDir ? path.join(cacheDir, CACHED_BUNDLE) : null;
  if (cached && existsSync(path.join(cached, SHARDS_FILE))) return { dir: cached, from: "cache" };
  return null;
}

/**
 * Copies a built site's search bundle into the cache whole: into a temporary sibling first, which then
 * replaces the cached bundle by renames, so the cache holds either the old bundle or the new one (or,
 * for a moment, none: the next build indexes afresh). Skipped ("unchanged") when nothing was indexed
 * afresh and the cache already holds the same shards.json.
 */
export async function saveBundle(
  siteBundle: string,
  cacheDir: string,
  options: { fresh: boolean },
): Promise<"saved" | "unchanged"> {
  const target = path.join(cacheDir, CACHED_BUNDLE);
  if (!options.fresh) {
    const [built, cached] = await Promise.all(
      [siteBundle, target].map((dir) => readFile(path.join(dir, SHARDS_FILE), "utf8").catch(() => null)),
    );
    if (built !== null && built === cached) return "unchanged";
  }
  const tag = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const temp = path.join(cacheDir, `.${CACHED_BUNDLE}.new-${tag}`);
  const old = path.join(cacheDir, `.${CACHED_BUNDLE}.old-${tag}`);
  try {
    await cp(siteBundle, temp, { recursive: true, errorOnExist: true, force: false });
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(temp, target);
  } finally {
    await rm(temp, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
  return "saved";
}
