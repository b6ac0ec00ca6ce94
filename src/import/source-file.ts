// A file an import source names by its address (an image in a mirror page, an upload in a WordPress
// post) → what the import does with it: copy it, report it missing, or refuse it. Every file an
// importer copies is decided here, so one rule holds for all of them: the path is decoded once by the
// caller, normalised here, and the file is taken only when its real path (symbolic links followed)
// lies inside the source folder and its type is one the site publishes.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { normaliseRelative, resolveInsideSync } from "../files/confine.ts";
import { refuseMediaName } from "../files/media-types.ts";
import type { Target } from "./apply.ts";

export interface SourceFolder {
  /** The folder on disk (a mirror, a copy of wp-content/uploads). */
  root: string;
  /** What the report calls it: "mirror", "uploads". */
  name: string;
  /** The site path its files are published under, below /media ("" for a mirror, whose paths are site paths). */
  sitePrefix: string;
}

/**
 * The target for the file at `relative` (already decoded, once) below `folder`, for a link or image
 * written `href` in the source.
 */
export function sourceFile(folder: SourceFolder, relative: string, href: string): Target {
  const refused = (reason: string): Target => ({ kind: "refused", href, reason });
  if (relative.includes("\0")) return refused("its path holds a NUL byte");
  if (relative.split(/[\\/]/).every((s) => s === "" || s === ".")) return { kind: "missing", href };
  const clean = normaliseRelative(relative);
  if (clean === null) return refused(`its path, once decoded, leads outside the ${folder.name} folder`);
  const byName = refuseMediaName(path.posix.basename(clean));
  if (byName) return refused(byName);
  const real = resolveInsideSync(folder.root, clean);
  if (real === null) {
    // Missing, or there but reached through a symbolic link whose target lies outside the folder.
    return existsSync(path.join(folder.root, ...clean.split("/")))
      ? refused(`a symbolic link to a file outside the ${folder.name} folder`)
      : { kind: "missing", href };
  }
  if (!statSync(real).isFile()) return { kind: "missing", href };
  // A link inside the folder is followed, but what it leads to must be publishable too (x.png → x.html).
  const byTarget = refuseMediaName(path.basename(real));
  if (byTarget) return refused(`a symbolic link to ${byTarget}`);
  return { kind: "file", from: real, sitePath: `${folder.sitePrefix}/${clean}` };
}
