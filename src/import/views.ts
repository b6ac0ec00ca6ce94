// View counts from outside: an analytics export (URL, count) or web-server access logs (combined log
// format). The parsing of one log line here; exports in analytics-csv.ts, the counting across lines in
// view-stream.ts, the files in log-files.ts, the whole run in count-views.ts (scripts/views.ts calls it).
//
// Access logs: a hit is a successful GET (2xx or 304) of an article's address or any of its aliases,
// not from a known bot, and newer than the article's `views_as_of`, so running again over the same or
// overlapping logs never counts a hit twice. An analytics export has no dates: its counts are added,
// stamped with the export's date (--as-of), and an article already counted up to that date is left
// alone; --set makes the export's numbers replace the counts instead.
import { isbot } from "isbot";
import { decodePath } from "./urls.ts";

// isbot's list (kept up to date upstream: search engines including Baiduspider, Sogou and Bytespider,
// monitors, scripts) plus the names our own list had that isbot does not match in every form they
// take: "Uptime-Kuma", a bare "semrush" or "ahrefs" after a browser's tokens, and so on.
const EXTRA_BOTS =
  /slurp|mediapartners|facebookexternalhit|embedly|pinterest|yandex|semrush|ahrefs|mj12|python-requests|uptime/i;
// The same few agents ask millions of times: the answer is kept, up to this many agents at once.
const BOT_CACHE_SIZE = 10_000;
const botCache = new Map<string, boolean>();

export function isBot(userAgent: string): boolean {
  let bot = botCache.get(userAgent);
  if (bot === undefined) {
    bot = userAgent.trim() === "" || userAgent === "-" || isbot(userAgent) || EXTRA_BOTS.test(userAgent);
    if (botCache.size >= BOT_CACHE_SIZE) botCache.clear();
    botCache.set(userAgent, bot);
  }
  return bot;
}

export interface Hit {
  path: string;
  /** When, in milliseconds since the epoch. */
  time: number;
  /** The log's UTC offset at that time, in minutes (+480 for +0800), kept for views_as_of. */
  offset: number;
  /** Address and user agent: who asked. */
  client: string;
}

// 1.2.3.4 - - [27/Dec/2013:10:30:07 +0800] "GET /a/b.html?x=1 HTTP/1.1" 200 5120 "referer" "agent"
const COMBINED =
  /^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) \S+(?: "(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)")?/;
const LOG_TIME = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const MONTHS = new Map(
  ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((m, i) => [m, i]),
);

/**
 * A log's time (`27/Dec/2013:10:30:07 +0800`) as epoch milliseconds and offset minutes; null for
 * anything else, including days the calendar does not have. Read by hand rather than with luxon's
 * fromFormat because it runs once per log line and a million lines would spend most of their time there.
 */
export function parseLogTime(text: string): { time: number; offset: number } | null {
  const m = LOG_TIME.exec(text);
  if (!m) return null;
  const month = MONTHS.get(m[2]!);
  if (month === undefined) return null;
  const [day, year, hour, minute, second, oh, om] = [m[1], m[3], m[4], m[5], m[6], m[8], m[9]].map(Number) as number[];
  if (hour! > 23 || minute! > 59 || second! > 60 || oh! > 23 || om! > 59) return null;
  const local = Date.UTC(year!, month, day!, hour!, minute!, Math.min(second!, 59));
  if (new Date(local).getUTCDate() !== day || new Date(local).getUTCMonth() !== month) return null; // 30/Feb
  const offset = (m[7] === "-" ? -1 : 1) * (oh! * 60 + om!);
  return { time: local - offset * 60_000, offset };
}

/** A reader's successful GET in a combined-format log line, or null for anything else. */
export function parseLogLine(line: string): Hit | null {
  const m = COMBINED.exec(line);
  if (!m) return null;
  const [, address, when, method, target, status, agent] = m;
  const code = Number(status);
  if (method !== "GET" || !((code >= 200 && code < 300) || code === 304)) return null;
  if (agent !== undefined && isBot(agent)) return null;
  const time = parseLogTime(when!);
  if (!time) return null;
  let path: string;
  try {
    path = decodePath(new URL(target!, "http://log.invalid").pathname);
  } catch {
    return null;
  }
  return { path, time: time.time, offset: time.offset, client: `${address} ${agent ?? ""}` };
}

/** "/a/b/" and "/a/b/index.html" and "/a/b" are one page. */
export function pageKey(path: string): string {
  return path.replace(/\/index\.html?$/, "/").replace(/\/+$/, "") || "/";
}

/**
 * The front-matter with `views:` (and `views_as_of:`) set, every other byte as it was. A missing line
 * is added at the end of the front-matter. `text` is a whole article file.
 */
export function rewriteViews(text: string, views: number, asOf: string | null): string {
  const end = /^(---\r?\n[\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!end) throw new Error("no front-matter");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let front = end[1]!;
  const set = (key: string, value: string) => {
    const line = new RegExp(`^${key}:[^\\r\\n]*`, "m");
    front = line.test(front) ? front.replace(line, `${key}: ${value}`) : `${front}${key}: ${value}${eol}`;
  };
  set("views", String(views));
  if (asOf !== null) set("views_as_of", asOf);
  return front + text.slice(end[1]!.length);
}
