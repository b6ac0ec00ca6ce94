// Access logs read as one stream of hits in time order, however the files are named or given:
// `access.log*` expands newest first (access.log, access.log.1, access.log.2.gz), a log may be given
// twice, rotations may overlap. Each file is streamed (gzip too) and the files are merged by the time
// of their hits, so view-stream.ts sees copies and alias hops close together and needs only a window
// of state. Memory: one read buffer per file.
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";

/** Longer lines are no log lines of ours (a combined line is a few hundred bytes): skipped unread. */
export const MAX_LINE = 64 * 1024;

/** The lines of a file, a read buffer at a time; `.gz` files are gunzipped as they are read. */
export async function* lineBatches(file: string): AsyncGenerator<string[]> {
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const input = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  input.setEncoding("utf8");
  let rest = "";
  let skipping = false; // inside a line longer than MAX_LINE
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop()!;
      if (skipping && lines.length > 0) {
        lines[0] = ""; // the tail of the long line: an empty line keeps the line numbers right
        skipping = false;
      }
      if (rest.length > MAX_LINE) ((rest = ""), (skipping = true));
      yield lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
    }
    if (rest !== "" && !skipping) yield [rest.endsWith("\r") ? rest.slice(0, -1) : rest];
  } finally {
    raw.destroy();
  }
}

interface Source<T> {
  file: string;
  batches: AsyncIterator<string[]>;
  batch: string[];
  next: number;
  line: number;
  head: T | null;
  text: string;
}

/**
 * Every line of every file that `parse` accepts, handed to `each` in time order across the files
 * (each file in its own order): the k-way merge of already nearly sorted logs, linear in the lines.
 */
export async function mergeByTime<T extends { time: number }>(
  files: readonly string[],
  parse: (text: string) => T | null,
  each: (hit: T, text: string, file: string, line: number) => void,
): Promise<void> {
  // The next accepted line of a source: synchronous while its buffer lasts, awaiting a read after.
  const advance = async (s: Source<T>): Promise<boolean> => {
    for (;;) {
      while (s.next < s.batch.length) {
        const text = s.batch[s.next++]!;
        s.line++;
        const hit = parse(text);
        if (hit) {
          s.head = hit;
          s.text = text;
          return true;
        }
      }
      const r = await s.batches.next();
      if (r.done) return false;
      s.batch = r.value;
      s.next = 0;
    }
  };
  const sources: Source<T>[] = [];
  for (const file of files) {
    const s: Source<T> = { file, batches: lineBatches(file), batch: [], next: 0, line: 0, head: null, text: "" };
    if (await advance(s)) sources.push(s);
  }
  while (sources.length > 0) {
    let at = 0;
    for (let i = 1; i < sources.length; i++) if (sources[i]!.head!.time < sources[at]!.head!.time) at = i;
    const s = sources[at]!;
    each(s.head!, s.text, s.file, s.line);
    if (!(await advance(s))) sources.splice(at, 1);
  }
}
