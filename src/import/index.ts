// An import as one call, whatever the source: a mirror of an old CMS site (./legacy/import.ts) or a
// WordPress export (./wordpress.ts), written into a content folder by the shared core (./apply.ts).
// Paths are absolute or relative to `cwd`; nothing is printed. Failures are typed: ContentError when
// the imported archive would not pass the checks (nothing written, the report says why), WenkuError
// with a `code` for the rest.
import path from "node:path";
import { refuseContentTarget } from "../build/paths.ts";
import { ContentError, WenkuError } from "../content/problems.ts";
import { IMPORT_DIR, type ImportReport } from "./apply.ts";
import { importLegacy } from "./legacy/import.ts";
import { BUILT_IN, loadProfile, type Profile } from "./legacy/profile.ts";
import { importWordPress } from "./wordpress.ts";

/** The project itself: an import refuses to write into it, except into its own content/ (src/build/paths.ts). */
const PROJECT = path.resolve(import.meta.dirname, "../..");

/** What to import. */
export type ImportSource =
  | {
      kind: "legacy-html";
      /** The mirror's folder (wget --mirror, HTTrack). */
      mirror: string;
      /**
       * The template's profile: "auto" (the default) detects the CMS from its fingerprints; a built-in
       * name (generic, dedecms, phpcms, empirecms); a profile file's path; or a profile itself.
       */
      profile?: string | Profile;
    }
  | {
      kind: "wordpress";
      /** The WXR file (Tools › Export in WordPress). */
      file: string;
      /** A copy of the site's wp-content/uploads folder, for images and attachments. */
      uploads?: string;
      /** Approved comments imported under their articles (default true). */
      comments?: boolean;
    };

export interface ImportOptions {
  /** The content folder written into; absolute or relative to `cwd`. */
  content: string;
  /** Converts the imported text (never its addresses) to Traditional or Simplified characters. */
  script?: "zh-Hant" | "zh-Hans";
  /** Other host names of the old site: absolute links to them are links inside the archive (www./bare, http/https: one host). */
  hosts?: string[];
  /** The folder relative paths are resolved against; default process.cwd(). */
  cwd?: string;
}

export interface ImportResult extends ImportReport {
  /** The content folder, absolute. */
  content: string;
  /** The report written for the owner (<content>/_import/report.md), absolute. */
  reportFile: string;
}

/**
 * Imports `source` into the content folder. Throws ContentError when the imported archive has problems
 * (nothing written but the report), or WenkuError: `refused` (a content folder that must not be
 * written: the project, home, a system folder, a file), `profile` (a profile file that cannot be
 * used), `locked` (another import is writing into the folder), `failed` (the source cannot be read,
 * or writing failed).
 */
export async function importSite(source: ImportSource, options: ImportOptions): Promise<ImportResult> {
  const cwd = options.cwd ?? process.cwd();
  const at = (p: string) => path.resolve(cwd, p);
  const contentDir = at(options.content);
  const refusal = refuseContentTarget(contentDir, PROJECT);
  if (refusal) throw new WenkuError("refused", `refusing to write: ${refusal}.`);
  const common = { contentDir, ...(options.script ? { script: options.script } : {}), hosts: options.hosts ?? [] };
  let report: ImportReport;
  try {
    report =
      source.kind === "wordpress"
        ? await importWordPress({
            ...common,
            file: at(source.file),
            ...(source.uploads ? { uploads: at(source.uploads) } : {}),
            comments: source.comments ?? true,
          })
        : await importLegacy({ ...common, mirror: at(source.mirror), ...(await profileOf(source.profile, at)) });
  } catch (error) {
    if (error instanceof WenkuError) throw error;
    throw new WenkuError("failed", (error as Error).message, { cause: error });
  }
  if (report.problems.length > 0) throw new ContentError(report.problems, report.checkedFiles);
  return { ...report, content: contentDir, reportFile: path.join(contentDir, IMPORT_DIR, "report.md") };
}

/** The profile option as the legacy importer takes it: none (detect), a built-in, a file's, or the one given. */
async function profileOf(
  profile: string | Profile | undefined,
  at: (p: string) => string,
): Promise<{ profile?: Profile }> {
  if (profile === undefined || profile === "auto") return {};
  if (typeof profile !== "string") return { profile };
  if (BUILT_IN[profile]) return { profile: BUILT_IN[profile] };
  try {
    return { profile: await loadProfile(at(profile)) };
  } catch (error) {
    throw new WenkuError("profile", (error as Error).message, { cause: error });
  }
}
