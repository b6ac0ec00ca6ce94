// Atomic output: a build renders into a temporary folder beside the output and swaps it in only on
// success, so a failed or killed build leaves the previous site untouched.
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";

const TAG = ".wenku-";

/** A fresh temporary folder beside `output`; stale ones left by killed builds are removed first. */
export async function prepareStaging(output: string): Promise<string> {
  const parent = path.dirname(output);
  const base = path.basename(output);
  await fs.mkdir(parent, { recursive: true });
  for (const name of await fs.readdir(parent)) {
    const match = name.startsWith(`.${base}${TAG}`) ? /-(\d+)$/.exec(name) : null;
    if (match && !isAlive(Number(match[1]))) await fs.rm(path.join(parent, name), { recursive: true, force: true });
  }
  const staging = path.join(parent, `.${base}${TAG}new-${process.pid}`);
  await fs.rm(staging, { recursive: true, force: true });
  return staging;
}

/** Replaces `output` with `staging`; the old site is removed only after the new one is in place. */
export async function swapIn(staging: string, output: string): Promise<void> {
  const old = path.join(path.dirname(output), `.${path.basename(output)}${TAG}old-${process.pid}`);
  let hadOld = true;
  try {
    await fs.rename(output, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadOld = false;
  }
  await fs.rename(staging, output);
  if (hadOld) await fs.rm(old, { recursive: true, force: true });
}

export async function discard(staging: string): Promise<void> {
  await fs.rm(staging, { recursive: true, force: true });
}

/** Whether the build that made a staging folder still runs (a zombie, killed but not reaped, does not). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Linux: field 3 of /proc/PID/stat is the state; "Z" is a zombie.
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return true;
  }
}
