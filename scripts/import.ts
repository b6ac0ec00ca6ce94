// npm run import -- legacy-html <mirror-folder> [--content DIR] [--profile auto|generic|dedecms|phpcms|empirecms|FILE]
//                  [--script zh-Hant|zh-Hans] [--host www.old-site.example]…
// npm run import -- wordpress <export.xml> [--content DIR] [--uploads wp-content/uploads] [--script …]
//                  [--host old-domain.example]… [--no-comments]
// --profile auto (the default) detects the CMS from its fingerprints; --host may be given several
// times, and www./bare and http/https spellings of a host are one host.
// Imports a mirror of an old CMS site (wget --mirror, HTTrack) or a WordPress export. Safe to repeat,
// and to run while authors edit: nothing is written unless the result passes `npm run check`, then
// new and changed files are written one by one (src/import/apply.ts), a file changed since it was read
// is left as it is and reported as a conflict, and a killed import is finished by the next run. The
// report goes to <content>/_import/report.md.
import path from "node:path";
import { fail, parseCommand } from "../src/cli/command.ts";
import { refuseContentTarget } from "../src/build/paths.ts";
import { userPath } from "../src/cli/command.ts";
import { IMPORT_DIR, summaryLine } from "../src/import/apply.ts";
import { importLegacy } from "../src/import/legacy/import.ts";
import { BUILT_IN, loadProfile } from "../src/import/legacy/profile.ts";
import { importWordPress } from "../src/import/wordpress.ts";

const USAGE =
  "usage: npm run import -- legacy-html <mirror-folder> [--content DIR] [--profile auto|NAME|FILE] [--script zh-Hant|zh-Hans] [--host HOST]...\n" +
  "       npm run import -- wordpress <export.xml> [--content DIR] [--uploads DIR] [--script zh-Hant|zh-Hans] [--host HOST]... [--no-comments]";

const { values, positionals } = parseCommand("import", USAGE, {
  allowPositionals: true,
  options: {
    content: { type: "string", default: "content" },
    profile: { type: "string", default: "auto" },
    script: { type: "string" },
    host: { type: "string", multiple: true },
    uploads: { type: "string" },
    "no-comments": { type: "boolean", default: false },
  },
});
const [kind, source] = positionals;
if ((kind !== "legacy-html" && kind !== "wordpress") || !source) fail(`wenku import: expected "legacy-html <mirror-folder>" or "wordpress <export.xml>"\n${USAGE}`, 2);
if (values.script !== undefined && values.script !== "zh-Hant" && values.script !== "zh-Hans") fail(`wenku import: --script ${values.script}: expected zh-Hant or zh-Hans`, 2);

const PROJECT = path.resolve(import.meta.dirname, "..");
const contentDir = userPath(values.content!);
const refusal = refuseContentTarget(contentDir, PROJECT);
if (refusal) fail(`wenku import: refusing to write: ${refusal}.`, 1);

try {
  const script = values.script ? { script: values.script as "zh-Hant" | "zh-Hans" } : {};
  const report =
    kind === "wordpress"
      ? await importWordPress({
          file: userPath(source),
          contentDir,
          ...script,
          ...(values.uploads ? { uploads: userPath(values.uploads) } : {}),
          hosts: values.host ?? [],
          comments: !values["no-comments"],
        })
      : await importLegacy({
          mirror: userPath(source),
          contentDir,
          ...(values.profile === "auto" ? {} : { profile: BUILT_IN[values.profile!] ?? (await loadProfile(userPath(values.profile!))) }),
          ...script,
          hosts: values.host ?? [],
        });
  const where = path.relative(process.env.INIT_CWD ?? process.cwd(), contentDir) || ".";
  if (report.problems.length > 0) {
    for (const line of report.problems) console.error(line);
    fail(`wenku import: the imported archive has ${report.problems.length} problem(s); nothing was written to ${where}.`, 1);
  }
  console.log(`wenku import: ${summaryLine(report)}; report: ${path.join(where, IMPORT_DIR, "report.md")}`);
} catch (error) {
  fail(`wenku import: ${(error as Error).message}`, 1);
}
