// Runs an npm script of the project as a user runs it (`npm run --silent NAME -- ARGS`); never throws on
// a failing command: the result carries its exit code and output.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PROJECT } from "./build.ts";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function npmRun(args: string[]): Promise<CommandResult> {
  return promisify(execFile)("npm", ["run", "--silent", ...args], { cwd: PROJECT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
