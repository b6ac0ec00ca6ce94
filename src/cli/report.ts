// How problems are printed, by the build and by `npm run check`: one line each, paths relative to the
// folder the command was started from; or JSON for tools.
import path from "node:path";
import { formatProblem, summary, type Problem } from "../content/problems.ts";

export { describeError } from "../content/problems.ts";

export function relativeTo(cwd: string, problems: readonly Problem[]): Problem[] {
  const rel = (file: string) => (path.isAbsolute(file) ? path.relative(cwd, file) || file : file);
  return problems.map((p) => ({ ...p, file: rel(p.file), ...(p.also ? { also: rel(p.also) } : {}) }));
}

export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

export function problemJson(problems: readonly Problem[], fileCount: number): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return JSON.stringify(
    {
      ok: problems.length === 0,
      errors: problems,
      summary: {
        errors: problems.length,
        filesWithErrors: files,
        filesChecked: fileCount,
        text: summary(problems, fileCount),
      },
    },
    null,
    2,
  );
}
