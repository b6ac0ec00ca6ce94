// The benchmark as one call: a cold `npm run build` against a floor — a plain Node script that only
// parses and renders every article (scripts/bench-floor.ts) — on generated archives of each size.
// Runs alternate F B F B … so drift of the machine hits both. Each run is a whole process tree: wall
// time from spawn to exit, and the peak of the summed RSS of every process in the tree, sampled every
// 20 ms from /proc. Optionally the dev server, the cost of search and Hugo on the same machine.
// Linux only (/proc). Nothing here prints: progress goes to onLine, finished parts to onPart.
import { promises as fs } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import path from "node:path";
import { WenkuError } from "../content/problems.ts";
import { ensureArchive } from "./archive.ts";
import { benchDevServer, type DevEdit, type DevResult } from "./dev-server.ts";
import { benchHugo, type HugoResult } from "./hugo.ts";
import { SAMPLE_MS } from "./measure.ts";
import { benchBaseline, type BaselineCost } from "./baseline.ts";
import { resolveBenchOptions, shownPath, type BenchOptions } from "./options.ts";
import {
  alternate,
  MIB,
  PROJECT,
  ratioOf,
  summariseKind,
  timedRun,
  wenkuBuild,
  type BenchContext,
  type Command,
  type KindSummary,
  type Ratio,
  type Run,
} from "./runs.ts";
import { benchSearchCost, type SearchCost } from "./search-cost.ts";

export type { BenchOptions } from "./options.ts";
export type { KindSummary, Ratio, Run, Spread } from "./runs.ts";
export type { DevEdit, DevResult, HugoResult, SearchCost };

export interface Machine {
  cores: number;
  cpu: string;
  memoryMiB: number;
  node: string;
  platform: string;
  /** When the bench started, ISO 8601. */
  date: string;
}

export interface SizeResult {
  articles: number;
  /** The generated archive, absolute. */
  content: string;
  /** The archive was there from an earlier bench. */
  reused: boolean;
  runs: { floor: Run[]; build: Run[] };
  /** ratio: build's wall ÷ the floor's, per pair. */
  summary: { floor: KindSummary; build: KindSummary; ratio: Ratio };
}

/** A measurement that could not be made; the rest of the bench still was. */
export interface NotMeasured {
  error: string;
}

/** Every raw number and summary; written as JSON as it stands (undefined parts are left out). */
export interface BenchResult {
  machine: Machine;
  options: { sizes: number[]; runs: number; seed: string; dir: string; samplingMs: number; search: boolean };
  sizes: SizeResult[];
  devServer?: DevResult | NotMeasured;
  hugo?: HugoResult[] | NotMeasured;
  searchCost?: SearchCost[];
  baseline?: BaselineCost[];
}

/** Each part of the result as soon as it is measured, in the order the report shows them. */
export type BenchPart =
  | { part: "start"; machine: Machine; options: BenchResult["options"] }
  | { part: "sizes"; sizes: SizeResult[] }
  | { part: "devServer"; devServer: DevResult | NotMeasured }
  | { part: "searchCost"; searchCost: SearchCost[] }
  | { part: "baseline"; baseline: BaselineCost[] }
  | { part: "hugo"; hugo: HugoResult[] | NotMeasured; peers: string };

export interface BenchCallbacks {
  /** Told each progress line (a run's numbers, an archive generated …) as it happens. */
  onLine?: (line: string) => void;
  /** Told each finished part, so a command line can print its table at once. */
  onPart?: (part: BenchPart) => void;
}

/** Run outputs a killed bench left behind. */
const LEFTOVER = /^n\d+-(floor|build|hugo|wenku|hugo-pagefind|wenku-nosearch|search|nosearch|baseline|current)-\d+$/;

/**
 * Measures. Throws WenkuError "usage" for options out of range and "failed" when an archive cannot be
 * generated or a measured run fails; a dev server or Hugo that cannot be measured is a NotMeasured part.
 */
export async function bench(options: BenchOptions & BenchCallbacks = {}): Promise<BenchResult> {
  const o = resolveBenchOptions(options);
  const onPart = options.onPart ?? (() => {});
  const ctx: BenchContext = {
    dir: o.dir,
    runs: o.runs,
    seed: o.seed,
    search: o.search,
    line: options.onLine ?? (() => {}),
    shown: (p) => shownPath(o.cwd, p),
  };
  const started = {
    machine: machine(),
    options: { sizes: o.sizes, runs: o.runs, seed: o.seed, dir: o.dir, samplingMs: SAMPLE_MS, search: o.search },
  };
  onPart({ part: "start", ...started });

  const outRoot = path.join(o.dir, "out");
  await fs.mkdir(outRoot, { recursive: true });
  for (const name of await fs.readdir(outRoot))
    if (LEFTOVER.test(name)) await fs.rm(path.join(outRoot, name), { recursive: true, force: true });

  const sizes: SizeResult[] = [];
  for (const count of o.sizes) sizes.push(await benchSize(ctx, count));
  onPart({ part: "sizes", sizes });

  let devServer: BenchResult["devServer"];
  if (o.devServer) {
    const largest = sizes[sizes.length - 1]!;
    devServer = await benchDevServer(ctx, largest.articles, largest.content).catch(notMeasured);
    onPart({ part: "devServer", devServer });
  }
  let searchCost: BenchResult["searchCost"];
  if (o.searchCost) {
    searchCost = await benchSearchCost(ctx, sizes);
    onPart({ part: "searchCost", searchCost });
  }
  let baseline: BenchResult["baseline"];
  if (o.baseline) {
    baseline = await benchBaseline(ctx, o.baseline, sizes);
    onPart({ part: "baseline", baseline });
  }
  let hugo: BenchResult["hugo"];
  if (o.hugo) {
    try {
      const list: HugoResult[] = [];
      for (const count of o.sizes) list.push(await benchHugo(ctx, o.peers, count));
      hugo = list;
    } catch (error) {
      hugo = notMeasured(error);
    }
    onPart({ part: "hugo", hugo, peers: o.peers });
  }
  return { ...started, sizes, devServer, hugo, searchCost, baseline };
}

async function benchSize(ctx: BenchContext, count: number): Promise<SizeResult> {
  const { dir, reused } = await ensureArchive(ctx, count);
  if (reused) ctx.line(`reusing ${ctx.shown(dir)} (${count} articles, seed "${ctx.seed}")`);
  const floor: Command = (output) => ({
    cmd: process.execPath,
    args: ["--import", "tsx", "scripts/bench-floor.ts", "--content", dir, "--output", output],
    cwd: PROJECT,
  });
  const runs = await alternate(["floor", "build"] as const, ctx.runs, (kind, run) =>
    timedRun(ctx, kind, count, run, kind === "floor" ? floor : wenkuBuild(dir, ctx.search)),
  );
  return {
    articles: count,
    content: dir,
    reused,
    runs,
    summary: {
      floor: summariseKind(runs.floor, count),
      build: summariseKind(runs.build, count),
      ratio: ratioOf(runs.build, runs.floor),
    },
  };
}

/** A failed measured run still stops the bench (WenkuError "failed"); anything else is recorded. */
function notMeasured(error: unknown): NotMeasured {
  if (error instanceof WenkuError && error.code === "failed") throw error;
  return { error: (error as Error).message };
}

function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? "unknown",
    memoryMiB: Math.round(totalmem() / MIB),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}
