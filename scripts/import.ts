// npm run import -- legacy-html <mirror-folder> [--content DIR] [--profile generic|dedecms|phpcms|empirecms|FILE]
//                  [--script zh-Hant|zh-Hans] [--host www.old-site.example]
// Imports a mirror of an old CMS site (wget --mirror, HTTrack) into a content folder. Safe to repeat:
// unchanged pages are left alone and pages an author has edited since are never overwritten. Nothing
// is written unless the result passes `npm run check`. The report goes to <content>/_import/report.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { userPath } from "../src/build/paths.ts";
import { IMPORT_DIR, summaryLine } from "../src/import/apply.ts";
import { importLegacy } from "../src/import/legacy/import.ts";
import { BUILT_IN, loadProfile } from "../src/import/legacy/profile.ts";

const USAGE = "usage: npm run import -- legacy-html <mirror-folder> [--content DIR] [--profile NAME|FILE] [--script zh-Hant|zh-Hans] [--host HOST]";

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: "string", default: "content" },
      profile: { type: "string", default: "generic" },
      script: { type: "string" },
      host: { type: "string", multiple: true },
    },
  });
} catch (error) {
  fail(`wenku import: ${(error as Error).message}\n${USAGE}`, 2);
}
const { values, positionals } = parsed;
const [kind, source] = positionals;
if (kind !== "legacy-html" || !source) fail(`wenku import: expected "legacy-html <mirror-folder>"\n${USAGE}`, 2);
if (values.script !== undefined && values.script !== "zh-Hant" && values.script !== "zh-Hans") fail(`wenku import: --script ${values.script}: expected zh-Hant or zh-Hans`, 2);

try {
  const profile = BUILT_IN[values.profile!] ?? (await loadProfile(userPath(values.profile!)));
  const contentDir = userPath(values.content!);
  const report = await importLegacy({
    mirror: userPath(source),
    contentDir,
    profile,
    ...(values.script ? { script: values.script as "zh-Hant" | "zh-Hans" } : {}),
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

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}
