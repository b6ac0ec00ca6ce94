// One measured run and the alternation of two kinds of run (A B A B …, so drift of the machine hits
// both), summarised as medians, ranges and per-pair wall ratios.
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { WenkuError } from "../content/problems.ts";
import { folderSize } from "./files.ts";
import { measure } from "./measure.ts";
import { median, summarise } from "./stats.ts";

/** The project: `npm run build` and the bench scripts run in it. */
export const PROJECT = path.resolve(import.meta.dirname, "../..");
export const MIB = 1024 * 1024;

/** What every measurement of one bench() call shares. */
export interface BenchContext {
  /** The bench folder (archives, out/), absolute. */
  dir: string;
  runs: number;
  seed: string;
  /** Whether the measured builds write the search index. */
  search: boolean;
  /** Tells one progress line. */
  line: (line: string) => void;
  /** A path as the progress lines show it: relative to cwd when inside it. */
  shown: (p: string) => string;
}

/** A median with its range, the shape every measured quantity is summarised in. */
export type Spread = { median: number; min: number; max: number };

export interface Run {
  kind: string;
  run: number;
  wallMs: number;
  peakRssBytes: number;
  peakRssMiB: number;
  rssSamples: number;
  /** Files and bytes the run wrote. */
  files: number;
  bytes: number;
  /** `.html` pages the run wrote, where the caller counted them. */
  pages?: number;
}

export interface KindSummary {
  wallMs: Spread;
  msPerArticle: number;
  peakRssMiB: Spread;
  files: number;
  bytes: number;
}

/** Per-pair wall ratios (second kind's run ÷ first kind's, or as each caller states) and their spread. */
export type Ratio = Spread & { pairs: number[] };

/** Counts and checks what a finished run wrote into `output` (throwing when it fell short): its page count. */
export type OutputCheck = (output: string, run: number) => Promise<number>;

/** A command to measure, given the fresh output folder it is to write into. */
export type Command = (output: string) => { cmd: string; args: string[]; cwd?: string };

/** The order runs are made in: run 1 of every kind, then run 2 of every kind, … */
export function alternation<K extends string>(kinds: readonly K[], runs: number): { kind: K; run: number }[] {
  const order: { kind: K; run: number }[] = [];
  for (let run = 1; run <= runs; run++) for (const kind of kinds) order.push({ kind, run });
  return order;
}

/** Makes the runs of every kind in alternation; the lists of runs by kind. */
export async function alternate<K extends string>(
  kinds: readonly K[],
  runs: number,
  one: (kind: K, run: number) => Promise<Run>,
): Promise<Record<K, Run[]>> {
  const list = Object.fromEntries(kinds.map((kind) => [kind, [] as Run[]])) as Record<K, Run[]>;
  for (const { kind, run } of alternation(kinds, runs)) list[kind].push(await one(kind, run));
  return list;
}

/** Wall ratio of each pair of runs, `over[i] / under[i]`, with their spread. */
export function ratioOf(over: readonly Run[], under: readonly Run[]): Ratio {
  const pairs = over.map((o, i) => round(o.wallMs / under[i]!.wallMs, 3));
  return { ...summarise(pairs), pairs };
}

export function summariseKind(list: readonly Run[], count: number): KindSummary {
  const wall = summarise(list.map((r) => r.wallMs));
  return {
    wallMs: wall,
    msPerArticle: round(wall.median / count, 3),
    peakRssMiB: summarise(list.map((r) => r.peakRssMiB)),
    files: median(list.map((r) => r.files)),
    bytes: median(list.map((r) => r.bytes)),
  };
}

/** `npm run build` of a content folder, as a user runs it; with the search index unless `search` is false. */
export function wenkuBuild(content: string, search: boolean): Command {
  return (output) => ({
    cmd: "npm",
    args: [
      "run",
      "build",
      "--",
      "--content",
      content,
      "--output",
      output,
      "--quiet",
      ...(search ? [] : ["--no-search"]),
    ],
    cwd: PROJECT,
  });
}

/**
 * One measured run of a command that writes into a fresh output folder, deleted (untimed) afterwards.
 * A failed run throws WenkuError "failed": the bench stops, as a partial table would mislead. `check`
 * (untimed) may fail it too, on what it wrote.
 */
export async function timedRun(
  ctx: BenchContext,
  kind: string,
  count: number,
  run: number,
  command: Command,
  check?: OutputCheck,
): Promise<Run> {
  const runDir = path.join(ctx.dir, "out", `n${count}-${kind}-${run}`);
  const output = path.join(runDir, "site");
  await fs.rm(runDir, { recursive: true, force: true });
  await fs.mkdir(output, { recursive: true });
  const timeoutMs = Math.max(300_000, count * 100);
  const { cmd, args, cwd } = command(output);
  const r = await measure(cmd, args, timeoutMs, process.env, cwd ?? PROJECT);
  if (r.code !== 0) {
    await fs.rm(runDir, { recursive: true, force: true });
    const why = `exit ${r.code ?? r.signal}${r.timedOut ? `, timed out after ${timeoutMs} ms` : ""}`;
    throw new WenkuError(
      "failed",
      `wenku bench: ${kind} run ${run} on ${count} articles failed (${why}):\n${(r.stderr || r.stdout).slice(-4000)}`,
    );
  }
  const written = await folderSize(output);
  const pages = await check?.(output, run).catch(async (error: unknown) => {
    await fs.rm(runDir, { recursive: true, force: true });
    throw error;
  });
  await fs.rm(runDir, { recursive: true, force: true });
  await settle();
  const result: Run = {
    kind,
    run,
    wallMs: round(r.wallMs, 1),
    peakRssBytes: r.peakRssBytes,
    peakRssMiB: round(r.peakRssBytes / MIB, 1),
    rssSamples: r.samples,
    ...written,
    ...(pages === undefined ? {} : { pages }),
  };
  ctx.line(
    `  n=${count} ${kind} ${run}/${ctx.runs}: ${seconds(r.wallMs)}, peak RSS ${result.peakRssMiB.toFixed(0)} MiB, ${written.files} files`,
  );
  return result;
}

/** Flushes pending disk writes (outside the timing), so one run's writeback does not slow the next. */
async function settle(): Promise<void> {
  await new Promise<void>((resolve) => {
    const child = spawn("sync", [], { stdio: "ignore" });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 60_000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    child.once("error", done);
    child.once("exit", done);
  });
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** "850 ms" below a second, "1.23 s" from one. */
export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
