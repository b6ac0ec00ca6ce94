// Paths as the file system sees them. Every check that a path lies inside a folder goes through here:
// a string comparison alone is fooled by symbolic links (`link/content` is `real/content`) and by
// percent-encoded separators decoded after the check (`..%2f..%2fwp-config.php`).
import { existsSync, promises as fs, realpathSync } from "node:fs";
import path from "node:path";

/** Whether `child` is `parent` or lies below it. Both absolute and already resolved. */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const rel = path.relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/**
 * The real path of `p`, also for a path that does not exist yet: the real path of its nearest existing
 * ancestor with the rest appended (so a new output folder below a symlinked parent is seen through it).
 */
export function realPathOf(p: string): string {
  const absolute = path.resolve(p);
  const missing: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      // The native call: one system call, where the JavaScript one lstat()s every component of the path.
      return path.join(realpathSync.native(at), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * A site path or relative path made safe to join below a folder: already decoded by the caller (decode
 * once, then normalise, then check), `\` taken as a separator, `.` and `..` resolved; null when it
 * climbs out of the folder, holds a NUL, or is empty.
 */
export function normaliseRelative(decoded: string): string | null {
  if (decoded.includes("\0")) return null;
  const parts: string[] = [];
  for (const segment of decoded.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(segment);
  }
  return parts.length > 0 ? parts.join("/") : null;
}

/**
 * The real path of `relative` below `root` when it exists and both it and its real target lie inside
 * `root`'s real path; null otherwise (outside, missing, or a symbolic link leading out).
 * `relative` is decoded already; it is normalised here.
 */
export async function resolveInside(root: string, relative: string): Promise<string | null> {
  const clean = normaliseRelative(relative);
  if (clean === null) return null;
  let realRoot: string;
  let real: string;
  try {
    realRoot = await fs.realpath(root);
    real = await fs.realpath(path.join(realRoot, ...clean.split("/")));
  } catch {
    return null;
  }
  return isInside(real, realRoot) ? real : null;
}

/** resolveInside, synchronously (for Eleventy's configuration, which is synchronous). */
export function resolveInsideSync(root: string, relative: string): string | null {
  const clean = normaliseRelative(relative);
  if (clean === null || !existsSync(root)) return null;
  try {
    const realRoot = realpathSync.native(root);
    const real = realpathSync.native(path.join(realRoot, ...clean.split("/")));
    return isInside(real, realRoot) ? real : null;
  } catch {
    return null;
  }
}
