// What a build publishes from the content folder's media/: exactly the files of an allowed media type
// (src/files/media-types.ts) whose real path lies inside the content folder's real path, and SVG only
// when passive (src/files/svg.ts). A symbolic link is followed only when its target is inside; media/
// itself may be a link only on the same terms. Everything else is left out and named, with the reason.
import { promises as fs } from "node:fs";
import path from "node:path";
import { isInside } from "./confine.ts";
import { refuseMediaName } from "./media-types.ts";
import { refuseSvg } from "./svg.ts";

export interface MediaFile {
  /** The real path of the file to copy. */
  source: string;
  /** Its path below media/ on the site, with "/". */
  name: string;
  /** The bytes that were checked (an SVG), copied as they are so the file checked is the file published. */
  data?: Buffer;
  /** Its size and mtime when it was chosen: what image sizes are cached by (src/files/image-size.ts). */
  size: number;
  mtimeMs: number;
}

export interface LeftOut {
  /** The path as the author sees it: inside the content folder, through any links. */
  file: string;
  reason: string;
}

export interface MediaSelection {
  files: MediaFile[];
  leftOut: LeftOut[];
}

/**
 * How a folder's walk judges one entry by the name it is published under: a reason to leave it out, or
 * null. `file` is called for regular files (its bytes, when it read them, are published as they are);
 * `folder`, when given, for folders before they are entered.
 */
export interface Judge {
  file(name: string, real: string): Promise<{ refused: string } | { data?: Buffer }>;
  folder?(name: string): string | null;
}

/** Media: the allowed media types, and SVG only when passive. */
const MEDIA_JUDGE: Judge = {
  async file(name, real) {
    const refused = refuseMediaName(name);
    if (refused) return { refused };
    if (!name.toLowerCase().endsWith(".svg")) return {};
    const data = await fs.readFile(real);
    const active = refuseSvg(data.toString("utf8"));
    return active ? { refused: `an SVG that is not a passive picture: ${active}` } : { data };
  },
};

/** Chooses what `contentDir`/media publishes; a missing media folder publishes nothing. */
export async function selectMedia(contentDir: string): Promise<MediaSelection> {
  return selectFolder(contentDir, "media", MEDIA_JUDGE);
}

/**
 * Chooses what `contentDir`/`folder` publishes: the files `judge` accepts whose real path lies inside
 * the content folder's real path; a missing folder publishes nothing.
 */
export async function selectFolder(contentDir: string, folder: string, judge: Judge): Promise<MediaSelection> {
  const selection: MediaSelection = { files: [], leftOut: [] };
  const media = path.join(contentDir, folder);
  try {
    await fs.lstat(media);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return selection;
    throw error;
  }
  const root = await fs.realpath(contentDir);
  const real = await realOrNull(media);
  if (real === null) return leave(selection, media, "a broken symbolic link");
  if (!isInside(real, root)) return leave(selection, media, `a symbolic link to ${real}, outside the content folder`);
  if (!(await fs.stat(real)).isDirectory()) return leave(selection, media, "not a folder");
  await walk(selection, { root, judge }, real, media, "", new Set([real]));
  return selection;
}

/** Copies the selected files into `output`/`into` ("" for the site root); returns how many files and bytes were written. */
export async function copyMedia(
  selection: MediaSelection,
  output: string,
  into = "media",
): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  const made = new Set<string>();
  for (const file of selection.files) {
    const to = path.join(output, into, ...file.name.split("/"));
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      made.add(dir);
    }
    if (file.data) await fs.writeFile(to, file.data);
    else await fs.copyFile(file.source, to);
    bytes += file.data?.length ?? (await fs.stat(to)).size;
  }
  return { files: selection.files.length, bytes };
}

/** One warning line per file left out: "content/media/x.html  media  not published: a .html file …". */
export function leftOutLines(selection: MediaSelection, from: string, folder = "media"): string[] {
  return selection.leftOut.map(
    (l) => `${path.relative(from, l.file) || l.file}  ${folder}  not published: ${l.reason}`,
  );
}

async function walk(
  selection: MediaSelection,
  { root, judge }: { root: string; judge: Judge },
  dir: string,
  shown: string,
  name: string,
  visited: Set<string>,
): Promise<void> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const seen = path.join(shown, entry.name);
    const siteName = name ? `${name}/${entry.name}` : entry.name;
    let real = full;
    if (entry.isSymbolicLink()) {
      const target = await realOrNull(full);
      if (target === null) {
        leave(selection, seen, "a broken symbolic link");
        continue;
      }
      if (!isInside(target, root)) {
        leave(selection, seen, `a symbolic link to ${target}, outside the content folder`);
        continue;
      }
      real = target;
    }
    const stat = await fs.stat(real);
    if (stat.isDirectory()) {
      const refused = judge.folder?.(entry.name) ?? null;
      // A link back to a folder already walked would publish it again, or without end.
      if (refused) leave(selection, seen, refused);
      else if (visited.has(real)) leave(selection, seen, `a link to a folder already published (${real})`);
      else await walk(selection, { root, judge }, real, seen, siteName, new Set([...visited, real]));
    } else if (!stat.isFile()) {
      leave(selection, seen, "not a regular file");
    } else {
      // The type is judged by the name it is published under, which decides how hosts serve it.
      const judged = await judge.file(entry.name, real);
      if ("refused" in judged) leave(selection, seen, judged.refused);
      else
        selection.files.push({
          source: real,
          name: siteName,
          ...(judged.data ? { data: judged.data } : {}),
          size: stat.size,
          mtimeMs: stat.mtimeMs,
        });
    }
  }
}

function leave(selection: MediaSelection, file: string, reason: string): MediaSelection {
  selection.leftOut.push({ file, reason });
  return selection;
}

async function realOrNull(p: string): Promise<string | null> {
  try {
    return await fs.realpath(p);
  } catch {
    return null;
  }
}
