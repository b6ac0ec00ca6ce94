// Measuring a command as a whole process tree: wall time, and peak RSS summed over every process in
// the tree (sampled from /proc), as the benchmark reports them. Children run in their own process
// groups and are all killed if the measuring script ends early.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const PAGE_SIZE = 4096;
export const SAMPLE_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

const live = new Set<ChildProcess>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const killLive = () => {
  for (const child of live) killGroup(child, "SIGKILL");
};
const killLiveAndExit = () => {
  killLive();
  process.exit(130);
};

/**
 * Kills `child`'s whole process group if this process ends first. The exit and signal handlers are
 * there only while a child is tracked, never from an import alone: a program that uses the library (a
 * dev server with its own SIGINT handler) keeps its own shutdown.
 */
export function track(child: ChildProcess): void {
  if (live.size === 0) {
    process.on("exit", killLive);
    for (const signal of SIGNALS) process.on(signal, killLiveAndExit);
  }
  live.add(child);
}

/** `child` has ended: no longer killed on exit. */
export function untrack(child: ChildProcess): void {
  if (!live.delete(child) || live.size > 0) return;
  process.off("exit", killLive);
  for (const signal of SIGNALS) process.off(signal, killLiveAndExit);
}

export interface Measured {
  wallMs: number;
  peakRssBytes: number;
  samples: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Runs `command` as a whole process tree and measures wall time and the tree's peak RSS. */
export async function measure(
  command: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  track(child);
  let peak = 0;
  let samples = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const rss = treeRss(child.pid);
    samples++;
    if (rss > peak) peak = rss;
  };
  const stdout = tail(child.stdout!);
  const stderr = tail(child.stderr!);
  let timedOut = false;
  const timer = setInterval(sample, SAMPLE_MS);
  const deadline = setTimeout(() => {
    timedOut = true;
    killGroup(child, "SIGKILL");
  }, timeoutMs);
  // Listen for "close" now: it may follow "exit" within the same tick.
  const closed = new Promise((resolve) => child.once("close", resolve));
  sample();
  try {
    const { code, signal, wallMs } = await new Promise<{
      code: number | null;
      signal: NodeJS.Signals | null;
      wallMs: number;
    }>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => {
        const wallMs = performance.now() - started;
        clearInterval(timer);
        resolve({ code, signal, wallMs });
      });
    });
    // Let the pipes drain, but never wait on a straggler holding them open.
    await Promise.race([closed, sleep(5_000)]);
    return { wallMs, peakRssBytes: peak, samples, code, signal, timedOut, stdout: stdout(), stderr: stderr() };
  } finally {
    clearInterval(timer);
    clearTimeout(deadline);
    killGroup(child, "SIGKILL"); // stragglers of the tree, if any
    untrack(child);
  }
}

/** Collects the last 64 KB written to a stream. */
export function tail(stream: NodeJS.ReadableStream): () => string {
  let text = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    text = (text + chunk).slice(-65_536);
  });
  return () => text;
}

let childrenFilesWork: boolean | undefined;

/** `root` and all its descendants, from /proc/<pid>/task/<tid>/children, or by scanning /proc when absent. */
function processTree(root: number): number[] {
  if (childrenFilesWork === undefined)
    childrenFilesWork = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
  if (!childrenFilesWork) return processTreeByScan(root);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    const pid = tree[i]!;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(/\s+/)) {
          if (child !== "") tree.push(Number(child));
        }
      } catch {
        // the thread or process ended meanwhile
      }
    }
  }
  return tree;
}

function processTreeByScan(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Summed resident set size of a process tree, in bytes. */
export function treeRss(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE_SIZE;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}
