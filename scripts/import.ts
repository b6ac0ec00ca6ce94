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
import { ContentError, formatProblem, importSite, type ImportSource } from "../src/index.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";
import { summaryLine } from "../src/import/apply.ts";

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
const [kind, file] = positionals;
if ((kind !== "legacy-html" && kind !== "wordpress") || !file)
  fail(`wenku import: expected "legacy-html <mirror-folder>" or "wordpress <export.xml>"\n${USAGE}`, 2);
if (values.script !== undefined && values.script !== "zh-Hant" && values.script !== "zh-Hans")
  fail(`wenku import: --script ${values.script}: expected zh-Hant or zh-Hans`, 2);

const cwd = startedIn();
const source: ImportSource =
  kind === "wordpress"
    ? { kind, file, ...(values.uploads ? { uploads: values.uploads } : {}), comments: !values["no-comments"] }
    : { kind, mirror: file, profile: values.profile! };
const where = path.relative(cwd, path.resolve(cwd, values.content!)) || ".";
try {
  const report = await importSite(source, {
    content: values.content!,
    ...(values.script ? { script: values.script as "zh-Hant" | "zh-Hans" } : {}),
    hosts: values.host ?? [],
    cwd,
  });
  for (const line of report.warnings) console.error(`wenku: warning: ${line}`);
  console.log(`wenku import: ${summaryLine(report)}; report: ${path.relative(cwd, report.reportFile)}`);
} catch (error) {
  if (!(error instanceof ContentError)) fail(`wenku import: ${(error as Error).message}`, 1);
  for (const problem of error.problems) console.error(formatProblem(problem));
  fail(
    `wenku import: the imported archive has ${error.problems.length} problem(s); nothing was written to ${where}.`,
    1,
  );
}
