// Against Hugo: the peer benchmark's generator and Hugo site (../shared/bench-peers by default), its
// archive converted to Wenku's format by its to-wenku.mjs; Hugo and Wenku alternate on the same content.
import { promises as fs } from "node:fs";
import path from "node:path";
import { measure } from "./measure.ts";
import {
  alternate,
  PROJECT,
  ratioOf,
  summariseKind,
  timedRun,
  wenkuBuild,
  type BenchContext,
  type KindSummary,
  type Ratio,
  type Run,
} from "./runs.ts";

export interface HugoResult {
  articles: number;
  hugoVersion: string;
  runs: { hugo: Run[]; wenku: Run[] };
  /** ratio: Wenku's wall ÷ Hugo's, per pair. */
  summary: { hugo: KindSummary; wenku: KindSummary; ratio: Ratio };
}

/** Throws a plain Error when Hugo or the peer scripts are missing or fail; WenkuError when a measured run fails. */
export async function benchHugo(ctx: BenchContext, peers: string, count: number): Promise<HugoResult> {
  const version = await measure("hugo", ["version"], 30_000).catch(() => null);
  if (!version || version.code !== 0) throw new Error("hugo is not installed (Debian: apt-get install -y hugo)");
  const hugoVersion = /v(\d+\.\d+\.\d+)/.exec(version.stdout)?.[1] ?? "?";
  const dir = path.join(ctx.dir, `peers-n${count}`);
  const done = path.join(dir, ".done");
  if (!(await fs.stat(done).catch(() => null))) {
    await fs.rm(dir, { recursive: true, force: true });
    ctx.line(`preparing the peer archive of ${count} articles in ${ctx.shown(dir)} …`);
    for (const [script, ...args] of [
      ["gen-archive.mjs", path.join(dir, "data"), String(count), "--seed", ctx.seed],
      ["peers/hugo/prepare.mjs", path.join(dir, "data"), path.join(dir, "hugo")],
      ["to-wenku.mjs", path.join(dir, "data"), path.join(dir, "wenku")],
    ] as const) {
      const r = await measure(process.execPath, [path.join(peers, script), ...args], 600_000, process.env, PROJECT);
      if (r.code !== 0) throw new Error(`${script} failed: ${r.stderr || r.stdout}`);
    }
    await fs.writeFile(done, "");
  }
  const hugoBuild = (output: string) => ({ cmd: "hugo", args: ["--quiet", "-d", output], cwd: path.join(dir, "hugo") });
  // Hugo builds no search index, so neither does Wenku here.
  const runs = await alternate(["hugo", "wenku"] as const, ctx.runs, (kind, run) =>
    timedRun(ctx, kind, count, run, kind === "hugo" ? hugoBuild : wenkuBuild(path.join(dir, "wenku/content"), false)),
  );
  return {
    articles: count,
    hugoVersion,
    runs,
    summary: {
      hugo: summariseKind(runs.hugo, count),
      wenku: summariseKind(runs.wenku, count),
      ratio: ratioOf(runs.wenku, runs.hugo),
    },
  };
}
