// Baidu's move files (src/site/seo-move.ts makes their text), written by a build into a folder outside
// the site: each file atomically, and only once the site is in place, so a failed build leaves the
// previous ones as they were; numbered files an earlier, larger run left (baidu-move-3.txt when there
// are now two) are removed. The old addresses an import could not keep come from its records in
// <content>/_import/ (written by src/import/apply.ts).
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import type { SiteConfig } from "../config/site.ts";
import type { Problem } from "../content/problems.ts";
import { writeAtomic } from "../files/atomic-write.ts";
import { isInside, realPathOf } from "../files/confine.ts";
import { pagesOf, type SiteModel } from "../site/model.ts";
import {
  DEAD_LINK_RECORD,
  oldBase,
  readDeadLinkRecord,
  SEO_FILE,
  PAIR_FILE,
  seoFiles,
  type SeoFile,
} from "../site/seo-move.ts";

/** The import's folder in a content folder (src/import/apply.ts IMPORT_DIR; the import layer is above this one). */
const IMPORT_DIR = "_import";

export interface SeoSummary {
  /** The folder, absolute. */
  dir: string;
  /** What this build wrote, in order: pairs, the other aliases, dead links. */
  files: { name: string; lines: number }[];
  /** Numbered files of an earlier run that this one no longer makes, removed. */
  removed: string[];
  /** Lines of 网站改版 pairs (the first files): when any, the host must send real 301s. */
  pairs: number;
}

/** Every import's record of old addresses it could not keep, read and checked (problems name file and line). */
export async function readDeadLinkRecords(contentDir: string): Promise<{ paths: string[]; problems: Problem[] }> {
  const dir = path.join(contentDir, IMPORT_DIR);
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return [] as string[];
    throw error;
  });
  const paths: string[] = [];
  const problems: Problem[] = [];
  for (const name of names.filter((n) => DEAD_LINK_RECORD.test(n)).sort()) {
    const file = path.join(dir, name);
    const read = readDeadLinkRecord(await fs.readFile(file, "utf8"), file);
    paths.push(...read.paths);
    problems.push(...read.problems);
  }
  return { paths, problems };
}

/** Why the SEO folder may not be written, or null: it must be outside the site and the content folder. */
export function refuseSeoDir(dir: string, outputDir: string, contentDir: string): string | null {
  const real = realPathOf(dir);
  if (isInside(real, realPathOf(outputDir)))
    return `the folder for Baidu's move files ${dir} is the output folder or inside it (every build replaces it whole)`;
  if (isInside(real, realPathOf(contentDir)))
    return `the folder for Baidu's move files ${dir} is the content folder or inside it (the build never writes there)`;
  return null;
}

/** The files for a checked site: its aliases, its pages (a recorded address the site answers is not dead). */
export function seoFilesOf(model: SiteModel, config: SiteConfig, deadPaths: readonly string[]): SeoFile[] {
  return seoFiles({
    aliases: pagesOf(model, "redirect"),
    deadPaths,
    served: model.pages.map((p) => p.path),
    base: oldBase(config, config.move.from),
  });
}

/** Writes the files into `dir` (made when missing), then removes the numbered files this run did not make. */
export async function writeSeoFiles(dir: string, files: readonly SeoFile[]): Promise<SeoSummary> {
  // A site without aliases or dead links leaves no empty folder behind (but an earlier run's files go).
  if (files.length === 0 && !existsSync(dir)) return { dir, files: [], removed: [], pairs: 0 };
  await fs.mkdir(dir, { recursive: true });
  for (const f of files) await writeAtomic(path.join(dir, f.name), f.text);
  const made = new Set(files.map((f) => f.name));
  const removed = (await fs.readdir(dir)).filter((name) => SEO_FILE.test(name) && !made.has(name)).sort();
  for (const name of removed) await fs.rm(path.join(dir, name), { force: true });
  return {
    dir,
    files: files.map((f) => ({ name: f.name, lines: f.lines })),
    removed,
    pairs: files.filter((f) => PAIR_FILE.test(f.name)).reduce((n, f) => n + f.lines, 0),
  };
}
