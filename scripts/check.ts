// npm run check [-- --content DIR] [--format text|json]
// Validates the whole archive without building anything (check() in src/index.ts); exit code 1 on any error.
import { check } from "../src/index.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";
import { problemJson, problemLines, relativeTo } from "../src/cli/report.ts";

const USAGE = "usage: npm run check [-- --content DIR] [--format text|json]";
const { values } = parseCommand("check", USAGE, {
  options: {
    content: { type: "string", default: "content" },
    format: { type: "string", default: "text" },
  },
});
if (values.format !== "text" && values.format !== "json")
  fail(`wenku check: --format is "${values.format}"; expected text or json`, 2);

const result = await check({ content: values.content!, cwd: startedIn() });
const problems = relativeTo(startedIn(), result.problems);
if (values.format === "json") console.log(problemJson(problems, result.fileCount));
else {
  for (const line of problemLines(problems)) console.log(line);
  console.log(`wenku check: ${result.summary}.`);
}
process.exit(problems.length > 0 ? 1 : 0);
