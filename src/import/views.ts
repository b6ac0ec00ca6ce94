// View counts from outside: an analytics export (URL, count) or web-server access logs (combined log
// format). Pure parsing and counting here; scripts/views.ts reads the files and rewrites the articles.
//
// Access logs: a hit is a successful GET (2xx or 304) of an article's address or any of its aliases,
// not from a known bot, and newer than the article's `views_as_of`, so running again over the same or
// overlapping logs never counts a hit twice. An analytics export has no dates: its counts are added,
// stamped with the export's date (--as-of), and an article already counted up to that date is left
// alone; --set makes the export's numbers replace the counts instead.
import { DateTime } from "luxon";
import { decodePath } from "./urls.ts";

/** User agents of crawlers, monitors and scripts: their requests are not readers. */
const BOT = /bot\b|crawl|spider|slurp|bingpreview|mediapartners|facebookexternalhit|embedly|quora link preview|pinterest|yandex|baiduspider|sogou|360spider|bytespider|petalbot|semrush|ahrefs|mj12|dotbot|headlesschrome|phantomjs|python-requests|python-urllib|curl\/|wget\/|go-http-client|java\/|okhttp|httpclient|uptime|pingdom|monitor|feedfetcher|preview/i;

export function isBot(userAgent: string): boolean {
  return userAgent.trim() === "" || userAgent === "-" || BOT.test(userAgent);
}

export interface Hit {
  path: string;
  time: DateTime;
  /** Address and user agent: who asked. */
  client: string;
}

// 1.2.3.4 - - [27/Dec/2013:10:30:07 +0800] "GET /a/b.html?x=1 HTTP/1.1" 200 5120 "referer" "agent"
const COMBINED = /^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) \S+(?: "(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)")?/;

/** A reader's successful GET in a combined-format log line, or null for anything else. */
export function parseLogLine(line: string): Hit | null {
  const m = COMBINED.exec(line);
  if (!m) return null;
  const [, address, when, method, target, status, agent] = m;
  const code = Number(status);
  if (method !== "GET" || !((code >= 200 && code < 300) || code === 304)) return null;
  if (agent !== undefined && isBot(agent)) return null;
  const time = DateTime.fromFormat(when!, "dd/LLL/yyyy:HH:mm:ss ZZZ", { locale: "en", setZone: true });
  if (!time.isValid) return null;
  let path: string;
  try {
    path = decodePath(new URL(target!, "http://log.invalid").pathname);
  } catch {
    return null;
  }
  return { path, time, client: `${address} ${agent ?? ""}` };
}

/** Rows of an analytics export: the first column that looks like a URL or path, and the first count. */
export function parseAnalyticsCsv(text: string): { path: string; count: number }[] {
  const rows: { path: string; count: number }[] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const cells = splitCsv(line);
    const url = cells.find((c) => /^(https?:\/\/|\/)/.test(c));
    const count = cells.find((c) => /^\d[\d,]*$/.test(c.trim()));
    if (!url || count === undefined) continue; // a header or a summary row
    let path: string;
    try {
      path = decodePath(new URL(url, "http://csv.invalid").pathname);
    } catch {
      continue;
    }
    rows.push({ path, count: Number(count.replace(/,/g, "")) });
  }
  return rows;
}

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === "\t") cells.push(cell.trim()), (cell = "");
    else cell += c;
  }
  cells.push(cell.trim());
  return cells;
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
