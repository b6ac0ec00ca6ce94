// Where a build reads and writes. The output folder is deleted and replaced on every build, and an
// import writes into a content folder, so both are checked here, once, as the file system sees them:
// every path is resolved through its symbolic links first (a string comparison takes `link/content`
// and `real/content` for two folders, and a build then wipes the content it was reading).
import { lstatSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isInside, realPathOf } from "../files/confine.ts";

/** The file every build writes into its output: a folder holding it is a Wenku site, safe to replace. */
export const SITE_MARKER = ".wenku-site";
const MARKER_TEXT =
  "This folder is a site built by Wenku. Every build replaces it whole; do not keep other files here.\n";

/** The project's own entries, which its builds, tests and tools need: never written into or replaced. */
export const PROJECT_ENTRIES: readonly string[] = [
  ".git",
  ".ci",
  ".eleventy.ts",
  ".gitignore",
  ".htmlvalidate.json",
  "README.md",
  "content",
  "node_modules",
  "package.json",
  "package-lock.json",
  "scripts",
  "src",
  "templates",
  "tests",
  "tsconfig.json",
  "vitest.config.ts",
];
/** Inside the project, the tools' own scratch space: any folder below it may be an output. */
const SCRATCH = ".wenku";

/**
 * Folders of the operating system: refused themselves and everything in them. (macOS names its own
 * under /System, /Library and /private; /var is /private/var there, which realpath sees.)
 */
const SYSTEM_TREES = [
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/lib",
  "/lib32",
  "/lib64",
  "/libx32",
  "/proc",
  "/run",
  "/sbin",
  "/sys",
  "/usr",
  "/var",
  "/System",
  "/Library",
  "/private",
  "/Applications",
];
/** Inside a system tree, where sites and scratch folders do live: below these is allowed (not they themselves). */
const ALLOWED_BELOW = ["/var/www", "/var/tmp", "/srv", "/tmp", "/private/tmp"];
/** Folders that hold many others: refused themselves (and what contains them), not what lies below. */
const SHARED_ROOTS = [
  "/home",
  "/Users",
  "/root",
  "/mnt",
  "/media",
  "/opt",
  "/srv",
  "/tmp",
  "/var/tmp",
  "/var/www",
  "/Volumes",
  "/private/tmp",
];

export interface OutputOptions {
  /** Replace a non-empty folder that is not a previous Wenku site (`--force`). */
  force?: boolean;
  /** The home folder; the current user's by default (a parameter so tests need not be the user). */
  home?: string;
}

/**
 * A reason the output folder may not be replaced by a build, or null when it may. `output`, `content`
 * and `project` are absolute; each is compared by its real path (for a folder that does not exist yet,
 * its nearest existing ancestor's). The staging folder and journal beside the output are checked too.
 */
export function refuseOutput(
  output: string,
  content: string,
  project: string,
  options: OutputOptions = {},
): string | null {
  const named = `the output folder ${output}`;
  const real = realPathOf(output);
  const seen = real === output ? named : `${named} (really ${real})`;
  const realContent = realPathOf(content);
  if (isInside(real, realContent))
    return `${seen} is the content folder or inside it (the content folder is ${content})`;
  const where = refuseLocation(real, seen, options.home, project);
  if (where) return where;
  if (isInside(realContent, real)) return `${seen} contains the content folder ${content}`;

  // The swap works beside the output: its staging folder, saved copy and journal are named after it,
  // and stale ones are removed, so neither the content nor the project may go by such a name there.
  const parent = path.dirname(real);
  const prefix = `.${path.basename(real)}.wenku-`;
  for (const [what, dir] of [
    ["the content folder", realContent],
    ["the project", realPathOf(project)],
  ] as const) {
    if (isInside(dir, parent) && dir !== parent && path.relative(parent, dir).split(path.sep)[0]!.startsWith(prefix)) {
      return `${seen} would have its temporary folders (${path.join(parent, prefix)}…) where ${what} ${dir} is`;
    }
  }

  let stat;
  try {
    stat = lstatSync(output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null; // a new folder: nothing to lose
    throw error;
  }
  // A symbolic link would be replaced by a folder, leaving its target as it was: not what was asked.
  if (stat.isSymbolicLink()) return `${named} is a symbolic link (to ${real}); give the folder itself`;
  if (!stat.isDirectory()) return `${named} exists and is not a folder; a build would replace it with one`;
  if (!options.force && !isWenkuSite(output) && readdirSync(output).length > 0) {
    return `${named} is not empty and is not a site Wenku built (it has no ${SITE_MARKER} file); empty it, choose another folder, or pass --force to replace it`;
  }
  return null;
}

/**
 * A reason `content` may not be written into by an import, or null when it may: the file-system root,
 * the home folder or a folder containing it, system folders, an existing non-folder, the project or a
 * folder containing it, or one of the project's own entries other than `content/` (or anything in
 * them). Absolute paths; compared by real path.
 */
export function refuseContentTarget(content: string, project: string, options: { home?: string } = {}): string | null {
  const named = `the content folder ${content}`;
  const real = realPathOf(content);
  const seen = real === content ? named : `${named} (really ${real})`;
  const where = refuseLocation(real, seen, options.home, project, ["content"]);
  if (where) return where;
  try {
    if (!lstatSync(real).isDirectory()) return `${named} exists and is not a folder`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return null;
}

/** Whether `dir` holds a site an earlier build wrote: the marker, or the files builds wrote before it. */
export function isWenkuSite(dir: string): boolean {
  if (existsSync(path.join(dir, SITE_MARKER))) return true;
  // Sites built before the marker existed: the home page, the 404 page and the stylesheet.
  return ["index.html", "404.html", "assets/site.css"].every((f) => existsSync(path.join(dir, f)));
}

/** Writes the marker into a site being built, so the next build knows the folder is its own. */
export function markSite(dir: string): void {
  writeFileSync(path.join(dir, SITE_MARKER), MARKER_TEXT);
}

/** What output and content targets share: root, home, system folders, the project and its entries. */
function refuseLocation(
  real: string,
  seen: string,
  home: string | undefined,
  project: string,
  allowedEntries: readonly string[] = [],
): string | null {
  if (real === path.parse(real).root) return `${seen} is the root of the file system`;
  const realProject = realPathOf(project);
  if (isInside(realProject, real)) return `${seen} is the project folder ${realProject} or contains it`;
  if (isInside(real, realProject)) {
    // Inside the project (wherever it is installed, /opt or /usr/local included) only its own entries are refused.
    const [entry, ...below] = path.relative(realProject, real).split(path.sep);
    if (entry === SCRATCH && below.length === 0)
      return `${seen} is the project's scratch folder ${SCRATCH}/ (use a folder inside it)`;
    if (PROJECT_ENTRIES.includes(entry!) && !allowedEntries.includes(entry!)) {
      return `${seen} is the project's own ${entry} or lies in it, which the build needs (inside the project use _site, another new folder, or a folder in ${SCRATCH}/)`;
    }
    return null;
  }
  const realHome = realPathOf(home ?? os.homedir());
  if (isInside(realHome, real)) return `${seen} is the home folder ${realHome} or contains it`;
  for (const shared of SHARED_ROOTS.map(realPathOf)) {
    if (isInside(shared, real)) return `${seen} is ${shared} or contains it (a folder shared by many others)`;
  }
  const tmp = realPathOf(os.tmpdir());
  if (isInside(tmp, real)) return `${seen} is the temporary folder ${tmp} or contains it`;
  const allowed = [...ALLOWED_BELOW.map(realPathOf), tmp];
  for (const tree of SYSTEM_TREES.map(realPathOf)) {
    if (isInside(real, tree) && !allowed.some((a) => isInside(real, a) && real !== a))
      return `${seen} is a system folder or lies in one (${tree})`;
    if (isInside(tree, real)) return `${seen} contains the system folder ${tree}`;
  }
  return null;
}
