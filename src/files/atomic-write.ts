// Writing one file so that whoever reads it (the build, the dev server, an editor) sees the old file or
// the new one, never half of each, and so that a file someone changed since it was read is not
// overwritten. The new bytes go to a temporary file in the destination's own folder (a rename is only
// atomic within one file system), are flushed to disk, the destination is compared with what the
// caller read, and only then does the temporary file take its place.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { isAlive } from "./process-alive.ts";

/** The hash `expected` is compared with: of the file's bytes, exactly as they are on disk. */
export function fileHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Temporary files are dotfiles (the content loader skips dotfiles, so a half-written article is never
 * read) named after the process that made them, so a later run can tell a killed run's leftovers.
 */
const TEMP = ".wenku-tmp-";
const TEMP_NAME = /^\.wenku-tmp-(\d+)-[0-9a-f]+$/;

export interface AtomicWriteOptions {
  /**
   * What the destination must still be right before it is replaced: `null`, that it does not exist; a
   * fileHash(), that it has exactly those bytes; undefined, anything.
   */
  expected?: string | null;
  /**
   * false: leave flushing the folder (which makes the rename itself survive a power cut) to the caller,
   * who writes many files into few folders and calls syncDir() once for each.
   */
  syncFolder?: boolean;
  /** Called once the new bytes are on disk, before the check (tests change the destination here). */
  beforeCommit?: () => void | Promise<void>;
}

/** `written`, or not, with what was found instead of what was expected (a fileHash, or null: no file). */
export type WriteOutcome = { written: true } | { written: false; found: string | null };

/** Writes `data` to `file` atomically; the folder must exist. See AtomicWriteOptions for `expected`. */
export function writeAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<WriteOutcome> {
  return commit(file, (temp) => fs.writeFile(temp, data, { flag: "wx" }), options);
}

/** Copies `from` to `to` atomically (for media, which can be large: never read into memory whole). */
export function copyAtomic(from: string, to: string, options: AtomicWriteOptions = {}): Promise<WriteOutcome> {
  return commit(to, (temp) => fs.copyFile(from, temp, fs.constants.COPYFILE_EXCL), options);
}

/** The fileHash() of `file`, or null when there is none; read in pieces (media can be large). */
export async function currentHash(file: string): Promise<string | null> {
  const digest = createHash("sha256");
  try {
    for await (const chunk of createReadStream(file)) digest.update(chunk as Buffer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return digest.digest("hex");
}

/** Removes temporary files that runs which are no longer alive left in `dir` (a killed import's). */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    // This process's own are in flight (isAlive says no for the caller's own pid, so it is asked first).
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

async function commit(
  file: string,
  fill: (temp: string) => Promise<void>,
  options: AtomicWriteOptions,
): Promise<WriteOutcome> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `${TEMP}${process.pid}-${randomBytes(6).toString("hex")}`);
  try {
    await fill(temp);
    // A replaced file keeps its permissions (a rename would give it the new file's defaults).
    const mode = await fs.stat(file).then(
      (s) => s.mode & 0o7777,
      () => null,
    );
    if (mode !== null) await fs.chmod(temp, mode);
    await syncFile(temp);
    await options.beforeCommit?.();
    if (options.expected === null) {
      // A new file: link() fails if a file appeared meanwhile, where a rename would silently replace it.
      try {
        await fs.link(temp, file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") return { written: false, found: await currentHash(file) };
        // File systems without hard links (FAT, some network mounts): check, then rename.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
        const found = await currentHash(file);
        if (found !== null) return { written: false, found };
        await fs.rename(temp, file);
      }
    } else {
      if (options.expected !== undefined) {
        // The window between this read and the rename is the only one left; it is microseconds, where
        // the window between the caller's read and this write is the whole import.
        const found = await currentHash(file);
        if (found !== options.expected) return { written: false, found };
      }
      await fs.rename(temp, file);
    }
    if (options.syncFolder !== false) await syncDir(dir);
    return { written: true };
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function syncFile(file: string): Promise<void> {
  // Read-only is enough to flush, and works when the file copied has no write permission (a read-only mirror).
  const handle = await fs.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The rename itself is only durable once the folder is flushed; some systems cannot open a folder. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // Windows and some file systems refuse: the rename is still atomic, only not yet durable.
  } finally {
    await handle?.close();
  }
}
