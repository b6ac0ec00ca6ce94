// npm run submit [-- --content DIR] [--dry-run] [--record DIR] [--path-prefix /archive/] [--indexnow-endpoint URL] [--baidu-endpoint URL] [--timeout SECONDS]
// Tells IndexNow and Baidu's push API about new and changed articles (submit() in src/index.ts; the
// protocols in src/submit/indexnow.ts and baidu.ts). Baidu's site and token come from BAIDU_PUSH_SITE and
// BAIDU_PUSH_TOKEN, and from nowhere else. Exit code 1 when a service refused or could not be reached.
import path from "node:path";
import { ContentError, submit, WenkuError } from "../src/index.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";
import { problemLines, relativeTo } from "../src/cli/report.ts";
import { submitExitCode, submitLines } from "../src/cli/submit-lines.ts";

const USAGE =
  "usage: npm run submit [-- --content DIR] [--dry-run] [--record DIR] [--path-prefix /archive/] [--indexnow-endpoint URL] [--baidu-endpoint URL] [--timeout SECONDS]";
const { values } = parseCommand("submit", USAGE, {
  options: {
    content: { type: "string", default: "content" },
    "dry-run": { type: "boolean", default: false },
    record: { type: "string" },
    "path-prefix": { type: "string" },
    "indexnow-endpoint": { type: "string" },
    "baidu-endpoint": { type: "string" },
    timeout: { type: "string", default: "30" },
  },
});
const timeout = Number(values.timeout);
if (!(timeout > 0)) fail(`wenku submit: --timeout is "${values.timeout}"; expected seconds, more than 0\n${USAGE}`, 2);

const { BAIDU_PUSH_SITE: site, BAIDU_PUSH_TOKEN: token } = process.env;
if (!site !== !token)
  fail(
    `wenku submit: set both BAIDU_PUSH_SITE and BAIDU_PUSH_TOKEN (the site and token of ziyuan.baidu.com's API提交), or neither`,
    2,
  );

const cwd = startedIn();
try {
  const result = await submit({
    content: values.content!,
    cwd,
    dryRun: values["dry-run"]!,
    timeoutMs: timeout * 1000,
    ...(values.record !== undefined ? { record: values.record } : {}),
    ...(values["path-prefix"] !== undefined ? { pathPrefix: values["path-prefix"] } : {}),
    ...(values["indexnow-endpoint"] !== undefined ? { indexnowEndpoint: values["indexnow-endpoint"] } : {}),
    ...(site && token
      ? {
          baidu: {
            site,
            token,
            ...(values["baidu-endpoint"] !== undefined ? { endpoint: values["baidu-endpoint"] } : {}),
          },
        }
      : {}),
  });
  const { out, err } = submitLines(result);
  for (const line of out) console.log(line);
  for (const line of err) console.error(line);
  process.exit(submitExitCode(result));
} catch (error) {
  if (error instanceof ContentError) {
    for (const line of problemLines(relativeTo(cwd, error.problems))) console.error(line);
    fail(
      `wenku submit: ${path.resolve(cwd, values.content!)} has ${error.problems.length} problem(s); nothing sent.`,
      1,
    );
  }
  if (error instanceof WenkuError) fail(`wenku submit: ${error.message}`, error.code === "usage" ? 2 : 1);
  throw error;
}
