// npm run check [-- --content DIR] [--format text|json]
// Validates the whole archive without building anything; exit code 1 when there is any error.
import { userPath } from "../src/build/paths.ts";
import { problemJson, problemLines, relativeTo } from "../src/cli/report.ts";
import { summary } from "../src/content/problems.ts";
import { checkSite } from "../src/site/load-site.ts";
import { fail, parseCommand } from "../src/cli/command.ts";

const USAGE = "usage: npm run check [-- --content DIR] [--format text|json]";
const { values } = parseCommand("check", USAGE, {
  options: {
    content: { type: "string", default: "content" },
    format: { type: "string", default: "text" },
  },
});
if (values.format !== "text" && values.format !== "json") fail(`wenku check: --format is "${values.format}"; expected text or json`, 2);

const { problems: found, fileCount } = await checkSite({ contentDir: userPath(values.content!), drafts: true });
const problems = relativeTo(process.env.INIT_CWD ?? process.cwd(), found);
if (values.format === "json") console.log(problemJson(problems, fileCount));
else {
  for (const line of problemLines(problems)) console.log(line);
  console.log(`wenku check: ${summary(problems, fileCount)}.`);
}
process.exit(problems.length > 0 ? 1 : 0);
