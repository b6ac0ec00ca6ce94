// A baseline to measure against in the same run: another commit of this project checked out as a git
// worktree beside the benchmark's files, sharing this project's node_modules (so only the code differs).
import { execFileSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import path from "node:path";

export interface Worktree {
  root: string;
  remove(): void;
}

/** Checks out `ref` at `dir` (kept when it is there already); remove() takes it away again. */
export function baselineWorktree(project: string, ref: string, dir: string): Worktree {
  if (!existsSync(dir)) {
    execFileSync("git", ["worktree", "add", "--detach", dir, ref], { cwd: project, stdio: "inherit" });
    symlinkSync(path.join(project, "node_modules"), path.join(dir, "node_modules"));
  }
  return { root: dir, remove: () => execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: project }) };
}
