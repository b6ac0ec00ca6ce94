// Against Hugo: the peer benchmark's generator and Hugo site (../shared/bench-peers by default), its
// archive converted to Wenku's format by its to-wenku.mjs. Like against like, alternating on the same
// content after a warm-up round: Hugo against Wenku --no-search, and Hugo + Pagefind's CLI against
// Wenku with its search index. A run that writes fewer pages than expected fails the bench.
import { promises as fs } from "node:fs";
import path from "node:path";
import { measure } from "./measure.ts";
import { checkPages, countPages } from "./pages.ts";
import {
  alternate,
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

/** The four kinds of run, alternated in this order: each Wenku build right after its like in Hugo. */
export const HUGO_KINDS = ["hugo", "wenku-nosearch", "hugo-pagefind", "wenku"] as const;
export type HugoKind = (typeof HUGO_KINDS)[number];

export interface HugoResult {
  articles: number;
  hugoVersion: string;
  /** The warm-up round (page cache, compile caches), made first and not counted. */
  warmup: Record<HugoKind, Run[]>;
  runs: Record<HugoKind, Run[]>;
  /**
   * noSearch: Wenku --no-search ÷ Hugo alone; search: Wenku (search on) ÷ Hugo then Pagefind's CLI;
   * each per pair of runs.
   */
  summary: Record<HugoKind, KindSummary> & { noSearch: Ratio; search: Ratio };
}

/** Throws a plain Error when Hugo or the peer scripts are missing or fail; WenkuError when a measured run fails. */
export async function benchHugo(ctx: BenchContext, peers: string, count: number): Promise<HugoResult> {
  const hugoVersion = await versionOfHugo();
  const dir = path.join(ctx.dir, `peers-n${count}`);
  await preparePeers(ctx, peers, dir, count);
  const commands = hugoCommands(dir);
  const first = new Map<HugoKind, number>();
  const one = (kind: HugoKind, run: number) =>
    timedRun(ctx, kind, count, run, commands[kind], async (output) => {
      const found = await countPages(output, kind.startsWith("hugo"));
      checkPages(kind, run, found, { min: count + 1, first: first.get(kind) });
      if (!first.has(kind)) first.set(kind, found);
      return found;
    });
  ctx.line(`  n=${count} warm-up round (not counted):`);
  const warmup = Object.fromEntries(HUGO_KINDS.map((kind) => [kind, [] as Run[]])) as Record<HugoKind, Run[]>;
  for (const kind of HUGO_KINDS) warmup[kind].push(await one(kind, 0));
  const runs = await alternate(HUGO_KINDS, ctx.runs, one);
  const summaries = Object.fromEntries(HUGO_KINDS.map((kind) => [kind, summariseKind(runs[kind], count)]));
  return {
    articles: count,
    hugoVersion,
    warmup,
    runs,
    summary: {
      ...(summaries as Record<HugoKind, KindSummary>),
      noSearch: ratioOf(runs["wenku-nosearch"], runs.hugo),
      search: ratioOf(runs.wenku, runs["hugo-pagefind"]),
    },
  };
}

/** The command of each kind: Hugo alone; Hugo then Pagefind's CLI, one process tree that fails if either does; Wenku without and with search. */
function hugoCommands(dir: string): Record<HugoKind, Command> {
  const cwd = path.join(dir, "hugo");
  const pagefind = path.join(PROJECT, "node_modules/.bin/pagefind");
  const content = path.join(dir, "wenku/content");
  return {
    hugo: (output) => ({ cmd: "hugo", args: ["--quiet", "-d", output], cwd }),
    "hugo-pagefind": (output) => ({
      cmd: "sh",
      args: ["-c", 'hugo --quiet -d "$1" && "$2" --site "$1" --silent', "sh", output, pagefind],
      cwd,
    }),
    "wenku-nosearch": wenkuBuild(content, false),
    wenku: wenkuBuild(content, true),
  };
}

async function versionOfHugo(): Promise<string> {
  const version = await measure("hugo", ["version"], 30_000).catch(() => null);
  if (!version || version.code !== 0) throw new Error("hugo is not installed (Debian: apt-get install -y hugo)");
  return /v(\d+\.\d+\.\d+)/.exec(version.stdout)?.[1] ?? "?";
}

/** The peer archive of `count` articles in `dir`, for Hugo and converted for Wenku; made once, then reused. */
async function preparePeers(ctx: BenchContext, peers: string, dir: string, count: number): Promise<void> {
  const done = path.join(dir, ".done");
  if (await fs.stat(done).catch(() => null)) return;
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
