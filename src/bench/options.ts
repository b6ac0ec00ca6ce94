// bench()'s options: what each means, its default, and the checks that turn them into settled values.
import path from "node:path";
import { WenkuError } from "../content/problems.ts";

export interface BenchOptions {
  /** Archive sizes in articles (1 to 999,999), each measured on its own generated archive; smallest first, each once. Default 1,000 and 10,000. */
  sizes?: readonly number[];
  /** Runs of each kind per size (alternating floor, build, floor, build …). Default 3. */
  runs?: number;
  /** The generator's seed: the same seed gives the same archive. Default "1". */
  seed?: string;
  /** The bench folder: generated archives (kept and reused), run outputs (deleted after each run). Default ".wenku/bench". */
  dir?: string;
  /** Also measure the dev server on the largest archive: start-up, edit → page written, edit → live-reload message. */
  devServer?: boolean;
  /** false measures builds without the search index. Default true. */
  search?: boolean;
  /** Also measure builds with and without the search index, alternating, on every size. */
  searchCost?: boolean;
  /** Also measure Hugo against Wenku on the peer benchmark's archive of every size. */
  hugo?: boolean;
  /** The peer benchmark's folder (its generator, Hugo site and to-wenku.mjs). Default "../shared/bench-peers". */
  peers?: string;
  /** Also measure this tree's build against this commit's (a git ref), alternating, on every size; "" for none. */
  baseline?: string;
  /** The folder relative paths are resolved against and progress lines' paths are relative to; default process.cwd(). */
  cwd?: string;
}

export const benchDefaults = {
  sizes: [1000, 10_000],
  runs: 3,
  seed: "1",
  dir: ".wenku/bench",
  devServer: false,
  search: true,
  searchCost: false,
  hugo: false,
  peers: "../shared/bench-peers",
  baseline: "",
} as const satisfies BenchOptions;

export const MAX_SIZE = 999_999;

/** Every option settled: sizes sorted and each once, paths absolute. */
export type ResolvedBenchOptions = Required<Omit<BenchOptions, "sizes">> & { sizes: number[] };

/** Defaults filled in and paths made absolute; WenkuError "usage" names an option out of range. */
export function resolveBenchOptions(options: BenchOptions): ResolvedBenchOptions {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const sizes = options.sizes ?? benchDefaults.sizes;
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_SIZE)) {
    throw new WenkuError(
      "usage",
      `sizes: expected article counts from 1 to ${MAX_SIZE}, got ${sizes.length === 0 ? "none" : sizes.join(", ")}`,
    );
  }
  const runs = options.runs ?? benchDefaults.runs;
  if (!Number.isInteger(runs) || runs < 1)
    throw new WenkuError("usage", `runs: expected a whole number ≥ 1, got ${runs}`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    seed: options.seed ?? benchDefaults.seed,
    dir: path.resolve(cwd, options.dir ?? benchDefaults.dir),
    devServer: options.devServer ?? benchDefaults.devServer,
    search: options.search ?? benchDefaults.search,
    searchCost: options.searchCost ?? benchDefaults.searchCost,
    hugo: options.hugo ?? benchDefaults.hugo,
    peers: path.resolve(cwd, options.peers ?? benchDefaults.peers),
    baseline: options.baseline ?? benchDefaults.baseline,
    cwd,
  };
}

/** `p` as messages show it: relative to `cwd` when inside it, else absolute. */
export function shownPath(cwd: string, p: string): string {
  const relative = path.relative(cwd, p);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
}
