// Counting log hits as they stream past, in one pass and bounded memory, with the two rules that look
// at more than one line:
//
// - a line given twice (the same log named twice, overlapping rotations) counts once;
// - an alias hit followed within FOLLOW_MS by a hit of the article itself from the same client is one
//   read (a static redirect page sent the reader on), so the alias hit is not counted.
//
// Both only ever relate lines close in time: two copies of a line carry the same timestamp, and a hop
// is 30 s long. So the stream (log files merged by time, see log-files.ts) keeps state only for the
// last `windowMs` of log time: copies of lines by their second, and per client and article the pending
// alias hits and recent article hits. Log lines are not strictly in time order (Apache stamps a
// request when it starts, writes it when it ends; nginx workers interleave), so the window is a
// tolerance for lines arriving late: a line more than `windowMs` older than the newest one seen is
// still counted, but its copy or hop partner may already be forgotten, so it is reported (`late`).
// Memory is therefore proportional to the hits within about 1.5 windows, not to the log.
import { hash } from "node:crypto";

export const FOLLOW_MS = 30_000;
export const WINDOW_MS = 10 * 60_000;

export interface StreamHit {
  /** The whole log line, for the copy check. */
  line: string;
  time: number;
  offset: number;
  client: string;
}

/** Which article a hit is for (an index chosen by the caller), and whether through an alias. */
export interface HitTarget {
  entry: number;
  alias: boolean;
}

interface ClientState {
  /** Alias hits not yet known to be followed, oldest first. */
  aliases: { time: number; offset: number }[];
  /** Times of the article's own hits, oldest first. */
  directs: number[];
}

/** First index in a sorted array whose value is ≥ `value`. */
function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const id = (n: number) => n;
const timeOf = (a: { time: number }) => a.time;

export class ViewStream {
  /** Distinct lines for addresses that are not articles. */
  unknown = 0;
  /** Lines more than the window older than the newest line before them. */
  late = 0;
  private newest = -Infinity;
  private lastSweep = -Infinity;
  /** Copies of lines seen, by the second they carry: the hashes of each second's lines. */
  private readonly seen = new Map<number, Set<string>>();
  private readonly clients = new Map<string, ClientState>();

  constructor(
    /** Called once for every view counted, with the entry it is for and the hit's time and offset. */
    private readonly onView: (entry: number, time: number, offset: number) => void,
    private readonly windowMs = WINDOW_MS,
    private readonly followMs = FOLLOW_MS,
  ) {}

  /**
   * One log hit: `target` is the article it asks for, or null for another address. Returns false when
   * the line was a copy of one already seen.
   */
  add(hit: StreamHit, target: HitTarget | null): boolean {
    if (hit.time < this.newest - this.windowMs) this.late++;
    if (hit.time > this.newest) {
      this.newest = hit.time;
      // Sweeping every half window keeps the work per line constant and the state under 1.5 windows.
      if (this.newest - this.lastSweep >= this.windowMs / 2) this.sweep(this.newest - this.windowMs - this.followMs);
    }
    if (!this.firstTime(hit)) return false;
    if (target === null) {
      this.unknown++;
      return true;
    }
    const key = `${target.entry} ${hash("sha1", hit.client, "base64")}`;
    let state = this.clients.get(key);
    if (!state) this.clients.set(key, (state = { aliases: [], directs: [] }));
    if (target.alias) {
      // Already followed by an article hit that arrived first (same second, or logged out of order)?
      const next = state.directs[lowerBound(state.directs, hit.time, id)];
      if (next !== undefined && next - hit.time <= this.followMs) return true;
      // After any equal times: nearly sorted logs append at the end, in O(1).
      state.aliases.splice(lowerBound(state.aliases, hit.time + 1, timeOf), 0, { time: hit.time, offset: hit.offset });
    } else {
      this.onView(target.entry, hit.time, hit.offset);
      state.directs.splice(lowerBound(state.directs, hit.time + 1, id), 0, hit.time);
      // Every pending alias hit this one follows within FOLLOW_MS was the same read.
      const from = lowerBound(state.aliases, hit.time - this.followMs, timeOf);
      const to = lowerBound(state.aliases, hit.time + 1, timeOf);
      if (to > from) state.aliases.splice(from, to - from);
    }
    return true;
  }

  /** Counts the alias hits still pending: nothing follows them any more. */
  end(): void {
    this.sweep(Infinity);
  }

  /** Entries held: lines remembered and client states, for tests of the memory bound. */
  get held(): { lines: number; clients: number } {
    let lines = 0;
    for (const set of this.seen.values()) lines += set.size;
    return { lines, clients: this.clients.size };
  }

  private firstTime(hit: StreamHit): boolean {
    const second = Math.floor(hit.time / 1000);
    let lines = this.seen.get(second);
    if (!lines) this.seen.set(second, (lines = new Set()));
    // A hash, not the line: the line is a slice of a 64 KiB read buffer that it would keep alive.
    const digest = hash("sha1", hit.line, "base64");
    if (lines.has(digest)) return false;
    lines.add(digest);
    return true;
  }

  /** Forgets what no line within the window can still meet, counting alias hits nothing followed. */
  private sweep(horizon: number): void {
    this.lastSweep = this.newest;
    for (const second of this.seen.keys()) if (second * 1000 < horizon) this.seen.delete(second);
    for (const [key, state] of this.clients) {
      const entry = Number(key.slice(0, key.indexOf(" ")));
      let done = 0;
      while (done < state.aliases.length && state.aliases[done]!.time < horizon) {
        const alias = state.aliases[done++]!;
        this.onView(entry, alias.time, alias.offset);
      }
      if (done > 0) state.aliases.splice(0, done);
      const old = lowerBound(state.directs, horizon, id);
      if (old > 0) state.directs.splice(0, old);
      if (state.aliases.length === 0 && state.directs.length === 0) this.clients.delete(key);
    }
  }
}
