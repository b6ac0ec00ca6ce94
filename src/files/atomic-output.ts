// Atomic output: a build renders into a temporary folder beside the output and swaps it in only on
// success, so a failed or killed build leaves the previous site untouched. The swap itself is two
// renames (the old folder away, the new one in); a journal file beside the output, written before
// the first and removed after the second, tells the next run how to finish a swap that was killed in
// between. At every instant one complete folder exists: the output, or the saved copy the journal
// names, or the finished staging folder it names — and nothing the journal names is ever deleted.
// The journal is also the lock: two builds into one output swap one after the other.
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { isAlive } from "./process-alive.ts";

const TAG = ".wenku-";
/** Journals this process holds: its own pid in a journal is a live swap only when listed here. */
const holding = new Set<string>();

/** The points between the swap's steps, in order (a test kills a process at each one). */
export const SWAP_STEPS = [
  "journal-prepared",
  "journal-written",
  "old-moved",
  "new-moved",
  "journal-removed",
  "old-removed",
] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];

export interface SwapOptions {
  /** Called after each step; for tests that stop the process there. */
  afterStep?: (step: SwapStep) => void | Promise<void>;
  /** How long to wait for another build's swap into the same output (ms). */
  waitMs?: number;
}

export interface SwapResult {
  /** Set when the new folder is in place but something after it failed (the old copy left behind). */
  warning: string | null;
}

/** A swap that failed. `unchanged`: the output is as it was; otherwise `message` says where each copy is. */
export class SwapError extends Error {
  constructor(
    message: string,
    readonly unchanged: boolean,
  ) {
    super(message);
  }
}

interface Journal {
  pid: number;
  /** Names (not paths) of the finished staging folder and the saved copy, beside the output. */
  staging: string;
  old: string;
}

/** The names a swap uses beside `output`. */
function namesOf(output: string) {
  const parent = path.dirname(output);
  const prefix = `.${path.basename(output)}${TAG}`;
  return {
    parent,
    prefix,
    journal: path.join(parent, `${prefix}journal`),
    journalDraft: (pid: number) => path.join(parent, `${prefix}journal-${pid}.tmp`),
    staging: (pid: number) => path.join(parent, `${prefix}new-${pid}`),
    old: (pid: number) => path.join(parent, `${prefix}old-${pid}`),
  };
}

/**
 * A fresh temporary folder beside `output`. A swap a killed build left half done is finished first
 * (recoverOutput), then what dead builds left is removed — a saved copy only when the output exists.
 * Problems removing leftovers are told to `warn` and do not stop the build.
 */
export async function prepareStaging(output: string, warn: (message: string) => void): Promise<string> {
  const names = namesOf(output);
  await fs.mkdir(names.parent, { recursive: true });
  for (const message of await recoverOutput(output)) warn(message);
  for (const name of await fs.readdir(names.parent)) {
    if (!name.startsWith(names.prefix)) continue;
    const match = /^(new|old|journal)-(\d+)(\.tmp)?$/.exec(name.slice(names.prefix.length));
    if (!match || isAlive(Number(match[2]))) continue;
    const full = path.join(names.parent, name);
    try {
      if (match[1] === "old" && !(await exists(output))) {
        // Never the only copy: with no output and no journal, a saved copy goes back in place.
        await fs.rename(full, output);
        warn(`${output} was missing; restored the previous copy from ${full}`);
      } else {
        await fs.rm(full, { recursive: true, force: true });
      }
    } catch (error) {
      warn(`could not remove ${full}, left by an earlier build: ${(error as Error).message}`);
    }
  }
  const staging = names.staging(process.pid);
  await fs.rm(staging, { recursive: true, force: true });
  return staging;
}

/**
 * Replaces `output` with the finished folder `staging`. The old folder is moved away only once the
 * journal records the swap, and removed only after the new one is in place. Throws a SwapError; when
 * it says `unchanged` the output is as it was and `staging` is still there to discard.
 */
export async function swapIn(staging: string, output: string, options: SwapOptions = {}): Promise<SwapResult> {
  const step = options.afterStep ?? (() => {});
  const names = namesOf(output);
  const old = names.old(process.pid);
  await lock(
    output,
    { pid: process.pid, staging: path.basename(staging), old: path.basename(old) },
    options.waitMs ?? 120_000,
    step,
  );
  await step("journal-written");

  const hadOutput = await exists(output);
  if (hadOutput) {
    try {
      await fs.rename(output, old);
    } catch (error) {
      await release(names.journal);
      throw new SwapError(`could not move ${output} aside (${(error as Error).message}); it is unchanged`, true);
    }
  }
  await step("old-moved");
  try {
    await fs.rename(staging, output);
  } catch (error) {
    const why = (error as Error).message;
    if (!hadOutput) {
      await release(names.journal);
      throw new SwapError(
        `could not move the new site into ${output} (${why}); nothing was there before, and nothing is now`,
        true,
      );
    }
    try {
      await fs.rename(old, output);
    } catch (undo) {
      // The journal stays: the next build finishes the swap or puts the old folder back.
      holding.delete(names.journal);
      throw new SwapError(
        `could not move the new site into ${output} (${why}), nor the previous one back (${(undo as Error).message}): ` +
          `the previous site is in ${old} and the new one in ${staging}; the next build puts one of them in place`,
        false,
      );
    }
    await release(names.journal);
    throw new SwapError(
      `could not move the new site into ${output} (${why}); the previous site was put back, unchanged`,
      true,
    );
  }
  await step("new-moved");

  let warning: string | null = null;
  try {
    await release(names.journal);
  } catch (error) {
    warning = `the new site is in ${output}, but the journal ${names.journal} could not be removed (${(error as Error).message})`;
  }
  await step("journal-removed");
  if (hadOutput) {
    try {
      await fs.rm(old, { recursive: true, force: true });
    } catch (error) {
      warning = `the new site is in ${output}; the previous one could not be removed completely, what is left of it is in ${old} (${(error as Error).message}); the next build tries again`;
    }
  }
  await step("old-removed");
  return { warning };
}

/**
 * Finishes a swap into `output` that a killed process left half done, as its journal says: the
 * finished new folder is moved in (or, when it is gone, the saved copy is put back), then the
 * journal and the saved copy are removed. Does nothing while the swapping process still runs.
 * Every intermediate state is one swapIn passes through, so a kill here is recovered the same way.
 * Returns what it did that a user should hear about.
 */
export async function recoverOutput(output: string, options: Pick<SwapOptions, "afterStep"> = {}): Promise<string[]> {
  const step = options.afterStep ?? (() => {});
  const names = namesOf(output);
  const journal = readJournal(names.journal);
  if (!journal || holderRuns(journal, names.journal)) return [];
  const staging = path.join(names.parent, journal.staging);
  const old = path.join(names.parent, journal.old);
  const told: string[] = [];

  if (await exists(staging)) {
    if ((await exists(output)) && (await exists(old))) {
      throw new Error(
        `${names.journal}: ${output}, ${old} and ${staging} all exist, which no swap leaves; nothing was touched — keep the one you want as ${output} and remove the journal`,
      );
    }
    if (await exists(output)) await fs.rename(output, old);
    await step("old-moved");
    await fs.rename(staging, output);
    told.push(`finished the swap a killed build left half done: ${output} is the site it built`);
    await step("new-moved");
  } else if (!(await exists(output))) {
    if (await exists(old)) {
      await fs.rename(old, output);
      told.push(`put the previous site back into ${output} after a killed build`);
    }
  }
  await fs.rm(names.journal, { force: true });
  await step("journal-removed");
  if ((await exists(old)) && (await exists(output))) {
    try {
      await fs.rm(old, { recursive: true, force: true });
    } catch (error) {
      told.push(`could not remove the previous site's copy ${old}: ${(error as Error).message}`);
    }
  }
  await step("old-removed");
  return told;
}

/** Removes a staging folder, unless a journal names it (then it is the copy a swap needs). */
export async function discard(staging: string): Promise<void> {
  const journal = readJournal(journalBeside(staging));
  if (journal && journal.staging === path.basename(staging)) return;
  await fs.rm(staging, { recursive: true, force: true });
}

export { isAlive };

/**
 * Takes the journal: written whole into a draft, then hard-linked to its name, which fails when the
 * name exists — so a journal is never seen half written and only one process holds it. A journal of
 * a dead process is recovered first; one of a live process is waited for.
 */
async function lock(
  output: string,
  journal: Journal,
  waitMs: number,
  step: (s: SwapStep) => void | Promise<void>,
): Promise<void> {
  const names = namesOf(output);
  const draft = names.journalDraft(process.pid);
  await fs.writeFile(draft, JSON.stringify(journal) + "\n");
  await step("journal-prepared");
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      try {
        await fs.link(draft, names.journal);
        holding.add(names.journal);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST")
          throw new SwapError(
            `could not write the journal ${names.journal} (${(error as Error).message}); ${output} is unchanged`,
            true,
          );
      }
      const holder = readJournal(names.journal);
      if (holder && !holderRuns(holder, names.journal)) await recoverOutput(output);
      else if (Date.now() > deadline)
        throw new SwapError(
          `another build (pid ${holder?.pid}) is still replacing ${output}; it is unchanged by this one`,
          true,
        );
      else await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await fs.rm(draft, { force: true });
  }
}

function holderRuns(journal: Journal, file: string): boolean {
  return journal.pid === process.pid ? holding.has(file) : isAlive(journal.pid);
}

/** Removes the journal once the swap needs it no more. */
async function release(file: string): Promise<void> {
  await fs.rm(file, { force: true });
  holding.delete(file);
}

function readJournal(file: string): Journal | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let value: Partial<Journal>;
  try {
    value = JSON.parse(text) as Partial<Journal>;
  } catch {
    value = {};
  }
  const name = (n: unknown) => typeof n === "string" && n !== "" && path.basename(n) === n && n.startsWith(".");
  if (typeof value.pid !== "number" || !name(value.staging) || !name(value.old)) {
    throw new Error(
      `${file}: not a swap journal Wenku wrote (found ${JSON.stringify(text.slice(0, 80))}, expected {"pid", "staging", "old"}); nothing was touched — check the folders beside it and remove it`,
    );
  }
  return value as Journal;
}

/** The journal of the output a staging folder `.NAME.wenku-new-PID` belongs to. */
function journalBeside(staging: string): string {
  const base = path.basename(staging);
  const at = base.lastIndexOf(`${TAG}new-`);
  return path.join(path.dirname(staging), `${at > 0 ? base.slice(0, at) : base}${TAG}journal`);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
