// The dev server, measured as a user meets it: `npm start` on an archive, then five edits of one
// article, each timed until the page under .wenku/serve shows it and until the live-reload message.
import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { markdownFiles } from "./files.ts";
import { BENCH_LEAVES } from "./generate.ts";
import { killGroup, tail, track, untrack } from "./measure.ts";
import { summarise } from "./stats.ts";
import { PROJECT, round, seconds, sleep, type BenchContext, type Spread } from "./runs.ts";

const EDITS = 5;

export interface DevEdit {
  edit: number;
  fileMs: number;
  reloadMs: number | null;
}

export interface DevResult {
  articles: number;
  /** The edited article, relative to the content folder. */
  article: string;
  /** The page watched, relative to the project. */
  page: string;
  startupMs: number;
  edits: DevEdit[];
  fileMs: Spread;
  /** null when the live-reload message could not be listened for (the note says why). */
  reloadMs: Spread | null;
  note: string;
}

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

/** The live-reload channel, as a browser tab would open it; pushes the time of every reload message. */
async function openSocket(Ws: WsConstructor, port: number, reloads: number[]): Promise<WsClient> {
  const socket = await new Promise<WsClient>((resolve, reject) => {
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
  return socket;
}

/** Throws when the dev server cannot be started or measured; the edited article is always restored. */
export async function benchDevServer(ctx: BenchContext, count: number, content: string): Promise<DevResult> {
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
  ctx.line(`dev server: starting on 127.0.0.1:${port} with ${count} articles …`);
  const server = spawn("npm", ["start", "--", "--content", content, "--port", String(port)], {
    cwd: PROJECT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  track(server);
  const serverOut = tail(server.stdout!);
  const serverErr = tail(server.stderr!);
  const said = () => (serverErr() || serverOut()).slice(-4000);
  let exited = false;
  server.once("exit", () => (exited = true));
  let socket: WsClient | undefined;
  let changed = false;
  try {
    const startupDeadline = performance.now() + 120_000 + count * 40;
    for (;;) {
      if (exited) throw new Error(`the dev server exited during start-up:\n${said()}`);
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
    ctx.line(`dev server: answering after ${seconds(startupMs)}`);

    const reloads: number[] = [];
    let note =
      "edit → page: from the file write until the page under .wenku/serve contains the marker; edit → reload: until the dev server's WebSocket sends eleventy.reload";
    const Ws = loadWs();
    if (Ws) {
      try {
        socket = await openSocket(Ws, port, reloads);
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
    for (let edit = 1; edit <= EDITS; edit++) {
      const marker = `wenku-bench-marker-${edit}-${Math.random().toString(36).slice(2, 10)}`;
      reloads.length = 0;
      const t0 = performance.now();
      await fs.writeFile(file, `${original}\n${marker}\n`);
      changed = true;
      const fileMs = await waitForMarker(page, marker, t0, editTimeout, () => {
        if (exited) throw new Error(`the dev server exited:\n${said()}`);
        return `edit ${edit}`;
      });
      let reloadMs: number | null = null;
      if (socket) {
        const until = performance.now() + 10_000;
        while (reloads.length === 0 && performance.now() < until) await sleep(10);
        reloadMs = reloads.length > 0 ? round(reloads[0]! - t0, 1) : null;
      }
      edits.push({ edit, fileMs: round(fileMs, 1), reloadMs });
      ctx.line(
        `  edit ${edit}/${EDITS}: page ${fileMs.toFixed(0)} ms${socket ? `, reload ${reloadMs === null ? "not seen" : `${reloadMs.toFixed(0)} ms`}` : ""}`,
      );
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
    untrack(server);
  }
}

/** Milliseconds from `t0` until the page holds `marker`; `alive` throws when the server is gone and names the edit. */
async function waitForMarker(
  page: string,
  marker: string,
  t0: number,
  timeout: number,
  alive: () => string,
): Promise<number> {
  for (;;) {
    const edit = alive();
    if (performance.now() - t0 > timeout)
      throw new Error(`${edit}: the page did not show the marker within ${timeout} ms`);
    try {
      if ((await fs.readFile(page, "utf8")).includes(marker)) return performance.now() - t0;
    } catch {
      // mid-write
    }
    await sleep(10);
  }
}
