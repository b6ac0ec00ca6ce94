// The pages a measured run wrote, and the check that stops the bench when a run wrote too few: a
// build that fails quietly (exit 0, half a site) must never be counted as a fast one.
import { promises as fs } from "node:fs";
import path from "node:path";
import { WenkuError } from "../content/problems.ts";

/** Hugo's `page/1/` alias pages: redirects to the first index page, not pages (as run-peers.sh counts). */
const PAGER_ALIAS = /(^|\/)page\/1\/index\.html$/;

/** `.html` files under `dir`, recursively; with `skipPagerAliases`, Hugo's `page/1/index.html` redirects left out. */
export async function countPages(dir: string, skipPagerAliases = false): Promise<number> {
  let count = 0;
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith(".html") && !(skipPagerAliases && PAGER_ALIAS.test(child)))
        count++;
    }
  };
  await walk("");
  return count;
}

/**
 * Checks the pages of one run against its kind's: at least `min` (one per article and a home page),
 * and as many as the first run of the kind wrote (`first`, absent for that first run). Throws WenkuError
 * "failed" naming the kind, the run, what was found and what was expected.
 */
export function checkPages(
  kind: string,
  run: number,
  found: number,
  expected: { min: number; first?: number | undefined },
): void {
  const { min, first } = expected;
  if (found >= min && (first === undefined || found === first)) return;
  const want = first === undefined ? `at least ${min}` : `${first}, as its first run wrote (at least ${min})`;
  throw new WenkuError("failed", `wenku bench: ${kind} run ${run} wrote ${found} pages, expected ${want}`);
}
