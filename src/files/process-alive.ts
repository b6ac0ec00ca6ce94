// Whether the process that left a file (a lock, a journal, a temporary file) still runs, so a later run
// can tell a live one's from a killed one's leftovers.
import { readFileSync } from "node:fs";

/** Whether process `pid` runs; false for this process itself and for a zombie (killed, not reaped). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    // Linux: field 3 of /proc/PID/stat is the state; "Z" is a zombie.
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return true;
  }
}
