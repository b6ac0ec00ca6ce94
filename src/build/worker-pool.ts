// Build workers: child processes (src/build/worker.ts) that render some partitions each. They are
// started before the content is read, so their start-up (Node, tsx, Eleventy) overlaps the reading.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Rendered, RenderJob } from "./render.ts";

interface WorkerMessage {
  partition?: number;
  files?: number;
  done?: Rendered;
  error?: string;
}

export interface Worker {
  /** Sends the worker its job; resolves once the message has left this process. */
  start(job: RenderJob): Promise<void>;
  /** Resolves with what the worker wrote; rejects if it fails or dies. */
  finished: Promise<Rendered>;
  stop(): void;
}

export function startWorker(heapMiB: number, onPartition: (files: number) => void): Worker {
  const child: ChildProcess = fork(path.join(import.meta.dirname, "worker.ts"), [], {
    // tsx as this package resolves it, so a project that depends on Wenku needs no tsx of its own.
    // A profiled build (`node --cpu-prof …`) profiles its workers too.
    execArgv: [
      `--max-old-space-size=${heapMiB}`,
      "--import",
      import.meta.resolve("tsx"),
      ...process.execArgv.filter((a) => a.startsWith("--cpu-prof") || a.startsWith("--heap-prof")),
    ],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const finished = new Promise<Rendered>((resolve, reject) => {
    let result: Rendered | undefined;
    let failure: string | undefined;
    child.on("message", (m: WorkerMessage) => {
      if (m.files !== undefined) onPartition(m.files);
      if (m.done) result = m.done;
      if (m.error) failure = m.error;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (result && code === 0) resolve(result);
      else
        reject(new Error(failure ? `build worker: ${failure}` : `a build worker exited (${signal ?? `code ${code}`})`));
    });
  });
  finished.catch(() => {}); // observed by the caller once it awaits; never an unhandled rejection
  return {
    start: (job) =>
      new Promise((resolve, reject) => {
        // Flushed before the caller starts its own rendering, which would otherwise hold the pipe up.
        child.send(job, (error) => (error ? reject(error) : resolve()));
      }),
    finished,
    stop: () => child.kill(),
  };
}
