// What the content folder would be after an import, checked without copying it or writing into it: the
// build's own validator (checkSite) reads the data files from a small staging folder (the registry
// with the import's new categories), and is handed the list of article files to read — the content
// folder's own plus the new ones — with the texts of the new and changed articles, which it reads in
// place of the files; its images are looked for in the content folder's media/ and among the media the
// import is about to copy. The content folder is only read, so an author can go on editing it while an
// import runs, and a symbolic link in it is followed as the build follows it.
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { listArticleFiles } from "../content/read-files.ts";
import type { Problem } from "../content/problems.ts";
import { checkSite, type SiteCheck } from "../site/load-site.ts";

/** The data files the loader reads (site config, category registry), in the forms it accepts. */
const DATA_FILES = ["site.json", "site.yaml", "site.yml", "categories.json", "categories.yaml", "categories.yml"];

export interface Overlay {
  /** The real content folder (its real path). */
  contentDir: string;
  /** An empty folder outside the content folder. */
  staging: string;
  /** Data files to stage instead of the content folder's own, by name ("categories.json" → text). */
  data: ReadonlyMap<string, string>;
  /** Articles to stage, by path relative to the content folder ("articles/news/88.md" → text). */
  articles: ReadonlyMap<string, string>;
  /** Media files about to be copied, by path below media/ ("uploads/2019/a.jpg"): images that will be there. */
  media?: readonly string[];
}

/** Writes the staging folder: the data files, the given ones in place of the content folder's. */
export async function stage(overlay: Overlay): Promise<void> {
  const dataDir = path.join(overlay.staging, "_data");
  await fs.mkdir(dataDir, { recursive: true });
  for (const name of DATA_FILES) {
    const own = path.join(overlay.contentDir, "_data", name);
    const given = overlay.data.get(name);
    if (given !== undefined) await fs.writeFile(path.join(dataDir, name), given);
    else if (existsSync(own)) await fs.copyFile(own, path.join(dataDir, name));
  }
}

/**
 * checkSite on the overlay (stage() it first). Article files carry their paths in the content folder,
 * data files theirs in the staging folder; displayPath() shows either relative to the content folder.
 */
export async function checkOverlay(overlay: Overlay): Promise<SiteCheck> {
  const problems: Problem[] = [];
  const articlesDir = path.join(overlay.contentDir, "articles");
  // A content folder without articles yet is fine when the import brings some.
  const own =
    existsSync(articlesDir) || overlay.articles.size === 0
      ? await listArticleFiles(articlesDir, overlay.contentDir, problems)
      : [];
  const texts = new Map(
    [...overlay.articles].map(([file, text]) => [path.join(overlay.contentDir, ...file.split("/")), text]),
  );
  // Compared by real path too: the listing reaches a file through whichever symbolic link it met first.
  const realReplaced = new Set(await Promise.all([...texts.keys()].map(realFile)));
  const realDirs = new Map<string, Promise<string>>();
  const realOf = (file: string) => {
    const dir = path.dirname(file);
    if (!realDirs.has(dir))
      realDirs.set(
        dir,
        fs.realpath(dir).catch(() => dir),
      );
    return realDirs.get(dir)!.then((real) => path.join(real, path.basename(file)));
  };
  const kept: string[] = [];
  for (const file of own)
    if (!texts.has(file) && (realReplaced.size === 0 || !realReplaced.has(await realOf(file)))) kept.push(file);
  const files = [...kept, ...texts.keys()].sort();
  // Images are looked for in the content folder's own media/ and among the files the import will copy.
  const media = { contentDir: overlay.contentDir, adding: overlay.media ?? [] };
  return checkSite({ contentDir: overlay.staging, drafts: true, listing: { files, problems }, texts, media });
}

/** A file of the content folder or of the staging folder, as a path relative to the content folder. */
export function displayPath(overlay: Pick<Overlay, "contentDir" | "staging">, file: string): string {
  const root =
    file === overlay.staging || file.startsWith(overlay.staging + path.sep) ? overlay.staging : overlay.contentDir;
  return path.relative(root, file).split(path.sep).join("/");
}

/** The real path of a file that may not exist yet (its folder's real path and its name). */
async function realFile(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}
