// What a build publishes from the content folder's public/: every file as it is, at the same path below
// the site root (favicon.ico, search engines' verification files, BingSiteAuth.xml). The owner's own
// files, so any type is published, on the media folder's terms for links (src/files/media.ts): a
// symbolic link only when its target lies inside the content folder. Hidden files and folders (".git",
// ".DS_Store", an editor's ".swp") are left out and named; `.well-known/` is the one hidden folder
// published, since hosts and standards put files there on purpose (RFC 8615).
import { promises as fs } from "node:fs";
import path from "node:path";
import { copyMedia, leftOutLines, selectFolder, type Judge, type MediaFile, type MediaSelection } from "./media.ts";

export const PUBLIC_FOLDER = "public";

const HIDDEN = 'a hidden file (a name starting with "." is not published; .well-known/ is)';

const PUBLIC_JUDGE: Judge = {
  file: async (name) => (name.startsWith(".") ? { refused: HIDDEN } : { data: undefined }),
  folder: (name) => (name.startsWith(".") && name !== ".well-known" ? HIDDEN.replace("file", "folder") : null),
};

/** Chooses what `contentDir`/public publishes; a missing folder publishes nothing. */
export function selectPublic(contentDir: string): Promise<MediaSelection> {
  return selectFolder(contentDir, PUBLIC_FOLDER, PUBLIC_JUDGE);
}

/** Copies the selected files to the root of `output`. */
export function copyPublic(selection: MediaSelection, output: string): Promise<{ files: number; bytes: number }> {
  return copyMedia(selection, output, "");
}

/** One warning line per file left out: "content/public/.DS_Store  public  not published: a hidden file …". */
export function publicLeftOutLines(selection: MediaSelection, from: string): string[] {
  return leftOutLines(selection, from, PUBLIC_FOLDER);
}

/**
 * Keeps the dev server's folder in step with public/ across rebuilds: a file removed from public/ (or
 * now left out) is removed from the site before the pages are written, so a page that takes its path
 * is not deleted after; new and changed files are copied after the pages, so they win over nothing.
 */
export class PublicSync {
  /** Site name → "size:mtime" of the copy last made. */
  #copied = new Map<string, string>();

  constructor(readonly output: string) {}

  /** Removes the copies of files no longer in `selection`. */
  async removeGone(selection: MediaSelection): Promise<string[]> {
    const keep = new Set(selection.files.map((f) => f.name));
    const gone = [...this.#copied.keys()].filter((name) => !keep.has(name));
    for (const name of gone) {
      await fs.rm(this.#target(name), { force: true });
      this.#copied.delete(name);
    }
    return gone.map((name) => this.#target(name));
  }

  /** Copies the files that are new, changed, or whose copy is missing; returns the paths written. */
  async copy(selection: MediaSelection): Promise<string[]> {
    const stamp = (f: MediaFile) => `${f.size}:${f.mtimeMs}`;
    const stale: MediaFile[] = [];
    for (const file of selection.files) {
      const present = await fs.stat(this.#target(file.name)).then(
        () => true,
        () => false,
      );
      if (!present || this.#copied.get(file.name) !== stamp(file)) stale.push(file);
    }
    await copyPublic({ files: stale, leftOut: [] }, this.output);
    for (const file of stale) this.#copied.set(file.name, stamp(file));
    return stale.map((f) => this.#target(f.name));
  }

  #target(name: string): string {
    return path.join(this.output, ...name.split("/"));
  }
}
