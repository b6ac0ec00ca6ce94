// npm run views -- <analytics.csv | access.log[.gz] …> [--content DIR] [--path-prefix /archive/] [--as-of YYYY-MM-DD] [--set] [--dry-run]
// Updates articles' `views` from web-server access logs (combined format) or an analytics export
// (URL, count): only the `views:` and `views_as_of:` lines of each article change, every other byte
// stays. The work is updateViews() (src/import/update-views.ts); src/import/views.ts says what counts
// as a view and why running it again is safe, src/import/count-views.ts how the files are read.
import path from "node:path";
import { ContentError, updateViews, ViewsCountError, WenkuError } from "../src/index.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";
import { problemLines, relativeTo } from "../src/cli/report.ts";

const USAGE =
  "usage: npm run views -- <analytics.csv | access.log[.gz] …> [--content DIR] [--path-prefix /archive/] [--as-of YYYY-MM-DD] [--set] [--dry-run]";
const { values, positionals } = parseCommand("views", USAGE, {
  allowPositionals: true,
  options: {
    content: { type: "string", default: "content" },
    "path-prefix": { type: "string" },
    "as-of": { type: "string" },
    set: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
});
if (positionals.length === 0) fail(`wenku views: name at least one access log or analytics export\n${USAGE}`, 2);

const cwd = startedIn();
const options = { content: values.content!, set: values.set!, dryRun: values["dry-run"]!, cwd };
try {
  const result = await updateViews(positionals, {
    ...options,
    ...(values["path-prefix"] !== undefined ? { pathPrefix: values["path-prefix"] } : {}),
    ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
  });
  for (const e of result.exports) console.log(`wenku views: ${path.relative(cwd, e.file)}: read as ${e.label}`);
  for (const line of result.warnings) console.error(`wenku views: warning: ${line}`);
  const dry = result.dryRun;
  console.log(
    `wenku views: ${result.counted} view(s) counted, ${result.changed.length} article(s) ${dry ? "would be " : ""}updated, ` +
      `${result.unknown} request(s) for addresses that are not articles${dry ? " (dry run: nothing written)" : ""}`,
  );
  const biggest = [...result.changed]
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before))
    .slice(0, 10);
  for (const e of biggest) console.log(`  ${e.before} → ${e.after}  ${e.title}  (${path.relative(cwd, e.file)})`);
} catch (error) {
  if (error instanceof ViewsCountError) {
    for (const line of problemLines(relativeTo(cwd, error.problems))) console.error(line);
    fail(`wenku views: ${error.problems.length} error(s); nothing written.`, 1);
  }
  if (error instanceof ContentError)
    fail(
      `wenku views: ${path.resolve(cwd, values.content!)} has ${error.problems.length} problem(s); run npm run check first.`,
      1,
    );
  if (error instanceof WenkuError) fail(`wenku views: ${error.message}`, error.code === "as-of-needed" ? 2 : 1);
  throw error;
}
