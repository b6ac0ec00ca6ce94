// npm run bench -- --sizes 1000,10000 [--runs 3] [--seed 1] [--dir .wenku/bench] [--json FILE] [--dev-server] [--no-search] [--search-cost]
// Measures a cold `npm run build` against a floor — a plain Node script that only parses and renders
// every article (scripts/bench-floor.ts) — on generated archives of each size. Runs alternate F B F B …
// so drift of the machine hits both. Each run is a whole process tree: wall time from spawn to exit,
// and the peak of the summed RSS of every process in the tree, sampled every 20 ms from /proc.
// Prints a Markdown table and writes every raw number to JSON. Linux only (/proc).
import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { availableParallelism, cpus, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { BENCH_LEAVES } from "../src/bench/generate.ts";
import { fail, parseCommand } from "../src/cli/command.ts";
import { killGroup, live, measure, SAMPLE_MS, tail } from "../src/bench/measure.ts";
import { markdownTable, median, summarise } from "../src/bench/stats.ts";

const PROJECT = path.resolve(import.meta.dirname, "..");
const MIB = 1024 * 1024;
const USAGE =
  "usage: npm run bench -- --sizes 1000,10000 [--runs 3] [--seed 1] [--dir .wenku/bench] [--json FILE] [--dev-server] [--no-search] [--search-cost] [--hugo [--peers DIR]]";

// ---------------------------------------------------------------------------------------------------
// Options

const { values } = parseCommand("bench", USAGE, {
  options: {
    sizes: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    dir: { type: "string", default: ".wenku/bench" },
    json: { type: "string" },
    "dev-server": { type: "boolean", default: false },
    "no-search": { type: "boolean", default: false },
    "search-cost": { type: "boolean", default: false },
    hugo: { type: "boolean", default: false },
    peers: { type: "string", default: "../shared/bench-peers" },
  },
});
const base = process.env.INIT_CWD ?? process.cwd();
const sizes = values.sizes!.split(",").map((s) => s.trim());
if (sizes.length === 0 || sizes.some((s) => !/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 999_999)) {
  fail(`wenku bench: --sizes ${values.sizes}: expected article counts from 1 to 999999, comma-separated\n${USAGE}`, 2);
}
const sizeList = [...new Set(sizes.map(Number))].sort((a, b) => a - b);
if (!/^\d+$/.test(values.runs!) || Number(values.runs) < 1) fail(`wenku bench: --runs ${values.runs}: expected a whole number ≥ 1`, 2);
const runs = Number(values.runs);
const seed = values.seed!;
const benchDir = path.resolve(base, values.dir!);
const jsonFile = path.resolve(base, values.json ?? path.join(benchDir, "bench-results.json"));
const outRoot = path.join(benchDir, "out");

// ---------------------------------------------------------------------------------------------------
// Files

async function walk(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return { files, bytes };
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await walk(full);
      files += inner.files;
      bytes += inner.bytes;
    } else if (entry.isFile()) {
      files++;
      bytes += (await fs.lstat(full)).size;
    }
  }
  return { files, bytes };
}

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFiles(full)));
    else if (entry.isFile() && entry.name.endsWith(".md")) out.push(full);
  }
  return out;
}

/** Generates `<dir>/n<N>` unless it already holds a complete archive of N articles with this seed. */
async function ensureArchive(count: number): Promise<{ dir: string; reused: boolean }> {
  const dir = path.join(benchDir, `n${count}`);
  try {
    const marker = JSON.parse(await fs.readFile(path.join(dir, ".wenku-generated"), "utf8")) as { articles?: unknown; seed?: unknown };
    // The marker is written first, so an interrupted generation also needs the article count to match.
    if (marker.articles === count && marker.seed === seed && (await markdownFiles(path.join(dir, "articles"))).length === count) {
      return { dir, reused: true };
    }
  } catch {
    // absent or unreadable: generate
  }
  log(`generating ${count} articles (seed "${seed}") into ${shown(dir)} …`);
  const r = await measure(process.execPath, ["--import", "tsx", "scripts/generate-archive.ts", String(count), "--seed", seed, "--out", dir], 600_000 + count * 20);
  if (r.code !== 0) fail(`wenku bench: generating ${dir} failed (exit ${r.code ?? r.signal}${r.timedOut ? ", timed out" : ""}):\n${r.stderr || r.stdout}`);
  return { dir, reused: false };
}

// ---------------------------------------------------------------------------------------------------
// Runs

type Kind = "floor" | "build";

interface Run {
  kind: string;
  run: number;
  wallMs: number;
  peakRssBytes: number;
  peakRssMiB: number;
  rssSamples: number;
  files: number;
  bytes: number;
}

interface KindSummary {
  wallMs: { median: number; min: number; max: number };
  msPerArticle: number;
  peakRssMiB: { median: number; min: number; max: number };
  files: number;
  bytes: number;
}

interface SizeResult {
  articles: number;
  content: string;
  reused: boolean;
  runs: { floor: Run[]; build: Run[] };
  summary: { floor: KindSummary; build: KindSummary; ratio: { median: number; min: number; max: number; pairs: number[] } };
}

/** One measured run of a command that writes into a fresh output folder, deleted (untimed) afterwards. */
async function timedRun(kind: string, count: number, run: number, command: (output: string) => { cmd: string; args: string[]; cwd?: string }): Promise<Run> {
  const runDir = path.join(outRoot, `n${count}-${kind}-${run}`);
  const output = path.join(runDir, "site");
  await fs.rm(runDir, { recursive: true, force: true });
  await fs.mkdir(output, { recursive: true });
  const timeoutMs = Math.max(300_000, count * 100);
  const { cmd, args, cwd } = command(output);
  const r = await measure(cmd, args, timeoutMs, process.env, cwd);
  if (r.code !== 0) {
    await fs.rm(runDir, { recursive: true, force: true });
    fail(`wenku bench: ${kind} run ${run} on ${count} articles failed (exit ${r.code ?? r.signal}${r.timedOut ? `, timed out after ${timeoutMs} ms` : ""}):\n${(r.stderr || r.stdout).slice(-4000)}`);
  }
  const written = await walk(output);
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
  };
  log(`  n=${count} ${kind} ${run}/${runs}: ${seconds(r.wallMs)}, peak RSS ${result.peakRssMiB.toFixed(0)} MiB, ${written.files} files`);
  return result;
}

/** `npm run build` of a content folder, as a user runs it; with the search index unless --no-search. */
const wenkuBuild =
  (content: string, search = !values["no-search"]) =>
  (output: string) => ({
    cmd: "npm",
    args: ["run", "build", "--", "--content", content, "--output", output, "--quiet", ...(search ? [] : ["--no-search"])],
  });

async function oneRun(kind: Kind, count: number, content: string, run: number): Promise<Run> {
  return timedRun(kind, count, run, kind === "floor" ? (output) => ({ cmd: process.execPath, args: ["--import", "tsx", "scripts/bench-floor.ts", "--content", content, "--output", output] }) : wenkuBuild(content));
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

function summariseKind(list: Run[], count: number): KindSummary {
  const wall = summarise(list.map((r) => r.wallMs));
  return {
    wallMs: wall,
    msPerArticle: round(wall.median / count, 3),
    peakRssMiB: summarise(list.map((r) => r.peakRssMiB)),
    files: median(list.map((r) => r.files)),
    bytes: median(list.map((r) => r.bytes)),
  };
}

async function benchSize(count: number): Promise<SizeResult> {
  const { dir, reused } = await ensureArchive(count);
  if (reused) log(`reusing ${shown(dir)} (${count} articles, seed "${seed}")`);
  const floor: Run[] = [];
  const build: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    for (const kind of ["floor", "build"] as const) {
      (kind === "floor" ? floor : build).push(await oneRun(kind, count, dir, run));
    }
  }
  const pairs = floor.map((f, i) => round(build[i]!.wallMs / f.wallMs, 3));
  return {
    articles: count,
    content: dir,
    reused,
    runs: { floor, build },
    summary: { floor: summariseKind(floor, count), build: summariseKind(build, count), ratio: { ...summarise(pairs), pairs } },
  };
}

// ---------------------------------------------------------------------------------------------------
// Against Hugo: the peer benchmark's generator and Hugo site (../shared/bench-peers), its archive
// converted to Wenku's format by its to-wenku.mjs; Hugo and Wenku alternate on the same content.

interface HugoResult {
  articles: number;
  hugoVersion: string;
  runs: { hugo: Run[]; wenku: Run[] };
  summary: { hugo: KindSummary; wenku: KindSummary; ratio: { median: number; min: number; max: number; pairs: number[] } };
}

async function benchHugo(count: number): Promise<HugoResult> {
  const peers = path.resolve(base, values.peers!);
  const version = await measure("hugo", ["version"], 30_000).catch(() => null);
  if (!version || version.code !== 0) throw new Error("hugo is not installed (Debian: apt-get install -y hugo)");
  const hugoVersion = /v(\d+\.\d+\.\d+)/.exec(version.stdout)?.[1] ?? "?";
  const dir = path.join(benchDir, `peers-n${count}`);
  const done = path.join(dir, ".done");
  if (!(await fs.stat(done).catch(() => null))) {
    await fs.rm(dir, { recursive: true, force: true });
    log(`preparing the peer archive of ${count} articles in ${shown(dir)} …`);
    for (const [script, ...args] of [
      ["gen-archive.mjs", path.join(dir, "data"), String(count), "--seed", seed],
      ["peers/hugo/prepare.mjs", path.join(dir, "data"), path.join(dir, "hugo")],
      ["to-wenku.mjs", path.join(dir, "data"), path.join(dir, "wenku")],
    ] as const) {
      const r = await measure(process.execPath, [path.join(peers, script), ...args], 600_000);
      if (r.code !== 0) throw new Error(`${script} failed: ${r.stderr || r.stdout}`);
    }
    await fs.writeFile(done, "");
  }
  const list: Record<"hugo" | "wenku", Run[]> = { hugo: [], wenku: [] };
  for (let run = 1; run <= runs; run++) {
    for (const kind of ["hugo", "wenku"] as const) {
      const command = kind === "hugo" ? (output: string) => ({ cmd: "hugo", args: ["--quiet", "-d", output], cwd: path.join(dir, "hugo") }) : wenkuBuild(path.join(dir, "wenku/content"), false); // Hugo builds no search index
      list[kind].push(await timedRun(kind, count, run, command));
    }
  }
  const pairs = list.hugo.map((h, i) => round(list.wenku[i]!.wallMs / h.wallMs, 3));
  return {
    articles: count,
    hugoVersion,
    runs: list,
    summary: { hugo: summariseKind(list.hugo, count), wenku: summariseKind(list.wenku, count), ratio: { ...summarise(pairs), pairs } },
  };
}

// ---------------------------------------------------------------------------------------------------
// Dev server: edit → page rewritten, edit → live-reload message

interface WsClient {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  close(): void;
  terminate(): void;
}
type WsConstructor = new (url: string) => WsClient;

/** The `ws` package: directly, or from where Eleventy's dev server finds it. */
function loadWs(): WsConstructor | undefined {
  const require = createRequire(import.meta.url);
  try {
    return require("ws") as WsConstructor;
  } catch {
    // not hoisted
  }
  try {
    return createRequire(require.resolve("@11ty/eleventy-dev-server"))("ws") as WsConstructor;
  } catch {
    return undefined;
  }
}

interface DevEdit {
  edit: number;
  fileMs: number;
  reloadMs: number | null;
}

interface DevResult {
  articles: number;
  article: string;
  page: string;
  startupMs: number;
  edits: DevEdit[];
  fileMs: { median: number; min: number; max: number };
  reloadMs: { median: number; min: number; max: number } | null;
  note: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function benchDevServer(count: number, content: string): Promise<DevResult> {
  const articles = await markdownFiles(path.join(content, "articles"));
  const file = articles[0];
  if (!file) throw new Error(`no article under ${content}/articles`);
  const leafSlug = path.basename(path.dirname(file));
  const leaf = BENCH_LEAVES.find((l) => l.slug === leafSlug);
  if (!leaf) throw new Error(`${file} is not in a generated leaf folder`);
  const id = path.basename(file, ".md");
  const page = path.join(PROJECT, ".wenku/serve", ...leaf.path, id, "index.html");
  const original = await fs.readFile(file, "utf8");

  const port = await freePort();
  const started = performance.now();
  log(`dev server: starting on 127.0.0.1:${port} with ${count} articles …`);
  const server = spawn("npm", ["start", "--", "--content", content, "--port", String(port)], {
    cwd: PROJECT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(server);
  const serverOut = tail(server.stdout!);
  const serverErr = tail(server.stderr!);
  let exited = false;
  server.once("exit", () => (exited = true));
  let socket: WsClient | undefined;
  let changed = false;
  try {
    const startupDeadline = performance.now() + 120_000 + count * 40;
    for (;;) {
      if (exited) throw new Error(`the dev server exited during start-up:\n${(serverErr() || serverOut()).slice(-4000)}`);
      if (performance.now() > startupDeadline) throw new Error("the dev server did not answer in time");
      try {
        await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.arrayBuffer());
        if (existsSync(page)) break;
      } catch {
        // not yet
      }
      await sleep(200);
    }
    const startupMs = performance.now() - started;
    log(`dev server: answering after ${seconds(startupMs)}`);

    // The live-reload channel, as a browser tab would open it.
    const reloads: number[] = [];
    let note = "edit → page: from the file write until the page under .wenku/serve contains the marker; edit → reload: until the dev server's WebSocket sends eleventy.reload";
    const Ws = loadWs();
    if (Ws) {
      try {
        socket = await new Promise<WsClient>((resolve, reject) => {
          const ws = new Ws(`ws://127.0.0.1:${port}/`);
          const timer = setTimeout(() => reject(new Error("WebSocket open timed out")), 5_000);
          ws.on("open", () => {
            clearTimeout(timer);
            resolve(ws);
          });
          ws.on("error", (error) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          });
        });
        socket.on("message", (data) => {
          try {
            if ((JSON.parse(String(data)) as { type?: unknown }).type === "eleventy.reload") reloads.push(performance.now());
          } catch {
            // not JSON
          }
        });
        socket.on("error", () => {});
      } catch (error) {
        socket = undefined;
        note = `edit → page only: the live-reload WebSocket could not be opened (${(error as Error).message})`;
      }
    } else {
      note = "edit → page only: the ws package could not be loaded, so the live-reload message is not measured";
    }

    await sleep(1_000);
    const edits: DevEdit[] = [];
    const editTimeout = 60_000 + count * 20;
    for (let edit = 1; edit <= 5; edit++) {
      const marker = `wenku-bench-marker-${edit}-${Math.random().toString(36).slice(2, 10)}`;
      reloads.length = 0;
      const t0 = performance.now();
      await fs.writeFile(file, `${original}\n${marker}\n`);
      changed = true;
      let fileMs: number | undefined;
      while (fileMs === undefined) {
        if (exited) throw new Error(`the dev server exited:\n${(serverErr() || serverOut()).slice(-4000)}`);
        if (performance.now() - t0 > editTimeout) throw new Error(`edit ${edit}: the page did not show the marker within ${editTimeout} ms`);
        try {
          if ((await fs.readFile(page, "utf8")).includes(marker)) fileMs = performance.now() - t0;
        } catch {
          // mid-write
        }
        if (fileMs === undefined) await sleep(10);
      }
      let reloadMs: number | null = null;
      if (socket) {
        const until = performance.now() + 10_000;
        while (reloads.length === 0 && performance.now() < until) await sleep(10);
        reloadMs = reloads.length > 0 ? round(reloads[0]! - t0, 1) : null;
      }
      edits.push({ edit, fileMs: round(fileMs, 1), reloadMs });
      log(`  edit ${edit}/5: page ${fileMs.toFixed(0)} ms${socket ? `, reload ${reloadMs === null ? "not seen" : `${reloadMs.toFixed(0)} ms`}` : ""}`);
      await sleep(500); // let the watcher settle before the next edit
    }
    const reloadTimes = edits.map((e) => e.reloadMs).filter((x): x is number => x !== null);
    return {
      articles: count,
      article: path.relative(content, file),
      page: path.relative(PROJECT, page),
      startupMs: round(startupMs, 1),
      edits,
      fileMs: summarise(edits.map((e) => e.fileMs)),
      reloadMs: reloadTimes.length > 0 ? summarise(reloadTimes) : null,
      note,
    };
  } finally {
    if (changed) await fs.writeFile(file, original);
    socket?.terminate();
    killGroup(server, "SIGTERM");
    const gone = new Promise((resolve) => (exited ? resolve(undefined) : server.once("exit", resolve)));
    await Promise.race([gone, sleep(5_000)]);
    killGroup(server, "SIGKILL");
    live.delete(server);
  }
}

// ---------------------------------------------------------------------------------------------------
// Main

const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? "unknown",
  memoryMiB: Math.round(totalmem() / MIB),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString(),
};
console.log(`# Wenku bench\n`);
console.log(`- machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryMiB} MiB, ${machine.platform}`);
console.log(`- Node ${machine.node}, ${machine.date}`);
console.log(`- sizes ${sizeList.join(", ")}; ${runs} run(s) each of floor and build, alternating; seed "${seed}"`);
console.log(`- search: ${values["no-search"] ? "off (--no-search: no Pagefind index)" : "on (the build writes the Pagefind index)"}\n`);

await fs.mkdir(outRoot, { recursive: true });
for (const name of await fs.readdir(outRoot)) {
  if (/^n\d+-(floor|build|hugo|wenku|search|nosearch)-\d+$/.test(name)) await fs.rm(path.join(outRoot, name), { recursive: true, force: true }); // left by a killed bench
}

const results: SizeResult[] = [];
for (const count of sizeList) results.push(await benchSize(count));

const rows: string[][] = [];
for (const r of results) {
  for (const kind of ["floor", "build"] as const) {
    const s = r.summary[kind];
    rows.push([
      String(r.articles),
      kind,
      seconds(s.wallMs.median),
      `${seconds(s.wallMs.min)}–${seconds(s.wallMs.max)}`,
      s.msPerArticle.toFixed(2),
      s.peakRssMiB.median.toFixed(0),
      String(s.files),
      `${(s.bytes / MIB).toFixed(1)} MiB`,
      kind === "build" ? `${r.summary.ratio.median.toFixed(2)}× (${r.summary.ratio.min.toFixed(2)}–${r.summary.ratio.max.toFixed(2)})` : "",
    ]);
  }
}
console.log(
  markdownTable(
    ["articles", "step", "wall (median)", "wall (min–max)", "ms/article", "peak RSS MiB", "files", "written", "build/floor"],
    rows,
    ["right", "left", "right", "right", "right", "right", "right", "right", "right"],
  ),
);
console.log(
  "\nfloor = `node --import tsx scripts/bench-floor.ts` (parse + render + one page per article); build = `npm run build -- --quiet` (cold, whole process tree incl. npm and workers). " +
    "Peak RSS is the summed RSS of the tree, sampled every 20 ms; build/floor is the median of per-pair wall ratios.",
);

let devServer: DevResult | { error: string } | undefined;
if (values["dev-server"]) {
  const largest = results[results.length - 1]!;
  try {
    devServer = await benchDevServer(largest.articles, largest.content);
    const fmt = (s: { median: number; min: number; max: number }) => [`${s.median.toFixed(0)} ms`, `${s.min.toFixed(0)}–${s.max.toFixed(0)} ms`];
    const devRows = [["edit → page written", ...fmt(devServer.fileMs)]];
    devRows.push(devServer.reloadMs ? ["edit → live-reload message", ...fmt(devServer.reloadMs)] : ["edit → live-reload message", "not measured", ""]);
    console.log(`\n## Dev server, ${largest.articles} articles (start-up ${seconds(devServer.startupMs)}, 5 edits)\n`);
    console.log(markdownTable(["measure", "median", "min–max"], devRows, ["left", "right", "right"]));
    console.log(`\n${devServer.note}`);
  } catch (error) {
    devServer = { error: (error as Error).message };
    console.log(`\n## Dev server\n\nnot measured: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

// What search costs: builds with and without the Pagefind index, alternating on the same archive.
let searchCost: { articles: number; on: KindSummary; off: KindSummary; ratio: ReturnType<typeof summarise> & { pairs: number[] } }[] | undefined;
if (values["search-cost"]) {
  searchCost = [];
  for (const r of results) {
    const list: Record<"search" | "nosearch", Run[]> = { search: [], nosearch: [] };
    for (let run = 1; run <= runs; run++) {
      for (const kind of ["search", "nosearch"] as const) list[kind].push(await timedRun(kind, r.articles, run, wenkuBuild(r.content, kind === "search")));
    }
    const pairs = list.search.map((on, i) => round(on.wallMs / list.nosearch[i]!.wallMs, 3));
    searchCost.push({ articles: r.articles, on: summariseKind(list.search, r.articles), off: summariseKind(list.nosearch, r.articles), ratio: { ...summarise(pairs), pairs } });
  }
  const rows = searchCost.flatMap((c) =>
    (["off", "on"] as const).map((kind) => [
      String(c.articles),
      kind === "on" ? "npm run build (search index)" : "npm run build -- --no-search",
      seconds(c[kind].wallMs.median),
      `${seconds(c[kind].wallMs.min)}–${seconds(c[kind].wallMs.max)}`,
      c[kind].peakRssMiB.median.toFixed(0),
      String(c[kind].files),
      kind === "on" ? `${c.ratio.median.toFixed(2)}× (${c.ratio.min.toFixed(2)}–${c.ratio.max.toFixed(2)})` : "",
    ]),
  );
  console.log(`\n## What search costs: with and without the index, alternating\n`);
  console.log(markdownTable(["articles", "build", "wall (median)", "wall (min–max)", "peak RSS MiB", "files", "on/off"], rows, ["right", "left", "right", "right", "right", "right", "right"]));
}

let hugo: HugoResult[] | { error: string } | undefined;
if (values.hugo) {
  try {
    hugo = [];
    for (const count of sizeList) hugo.push(await benchHugo(count));
    const hugoRows = hugo.flatMap((h) =>
      (["hugo", "wenku"] as const).map((kind) => [
        String(h.articles),
        kind === "hugo" ? `Hugo ${h.hugoVersion}` : "Wenku (npm run build -- --no-search)",
        seconds(h.summary[kind].wallMs.median),
        `${seconds(h.summary[kind].wallMs.min)}–${seconds(h.summary[kind].wallMs.max)}`,
        h.summary[kind].msPerArticle.toFixed(2),
        h.summary[kind].peakRssMiB.median.toFixed(0),
        String(h.summary[kind].files),
        kind === "wenku" ? `${h.summary.ratio.median.toFixed(2)}× (${h.summary.ratio.min.toFixed(2)}–${h.summary.ratio.max.toFixed(2)})` : "",
      ]),
    );
    console.log(`\n## Against Hugo, on the peer benchmark's archive (${shown(path.resolve(base, values.peers!))}), alternating\n`);
    console.log(markdownTable(["articles", "build", "wall (median)", "wall (min–max)", "ms/article", "peak RSS MiB", "files", "Wenku/Hugo"], hugoRows, ["right", "left", "right", "right", "right", "right", "right", "right"]));
  } catch (error) {
    hugo = { error: (error as Error).message };
    console.log(`\n## Against Hugo\n\nnot measured: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

await fs.mkdir(path.dirname(jsonFile), { recursive: true });
await fs.writeFile(
  jsonFile,
  `${JSON.stringify({ machine, options: { sizes: sizeList, runs, seed, dir: benchDir, samplingMs: SAMPLE_MS, search: !values["no-search"] }, sizes: results, devServer, hugo, searchCost }, null, 2)}\n`,
);
log(`results → ${shown(jsonFile)}`);

// ---------------------------------------------------------------------------------------------------

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function shown(p: string): string {
  const relative = path.relative(base, p);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
}

function log(message: string): void {
  console.error(message);
}

