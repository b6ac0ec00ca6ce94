// A deterministic synthetic access log (combined format) for an archive's articles, for benchmarks and
// end-to-end tests of `npm run views`: readers, alias → article hops, alias hits nothing follows, bots,
// assets and 404s, HEADs and POSTs, exact repeats of a line and lines written a little out of time
// order. Pure: no I/O, no clock, no Math.random; the same articles, seed and size give the same bytes.
//
// Every event has its own client (address + agent), so no two events can be merged by the rules of
// `npm run views` by accident, and the generator knows what a correct count is: `truth`.
import { fnv1a, mulberry32 } from "./generate.ts";

export interface LogArticle {
  /** The article's address, as a site path. */
  path: string;
  aliases: readonly string[];
}

export interface LogOptions {
  lines: number;
  seed?: string;
  /** The first line's time, epoch ms (default 2024-03-01T00:00:00+08:00). */
  start?: number;
  /** Milliseconds between events on average (default 2,000: a million lines is about 23 days). */
  stepMs?: number;
}

export interface LogTruth {
  /** Views a correct count finds, in all. */
  views: number;
  /** Views per article address. */
  byPath: Map<string, number>;
  /** Successful GETs by readers of addresses that are not articles, each line once. */
  unknown: number;
}

const BROWSERS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47",
  "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
  "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Mobile Safari/537.36",
];
const BOTS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
  "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)",
  "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)",
  "curl/8.5.0",
  "python-requests/2.31.0",
  "-",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const OFFSET_MIN = 480; // the log's zone: +0800

/** `02/Mar/2024:09:15:02 +0800` for an instant. */
export function logTime(ms: number): string {
  const d = new Date(ms + OFFSET_MIN * 60_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0800`;
}

const encodePath = (p: string) => p.split("/").map(encodeURIComponent).join("/");

/**
 * The log's lines, in the order they are written, one at a time (a million lines need no memory);
 * `truth` is complete once the generator is exhausted.
 */
export function accessLog(
  articles: readonly LogArticle[],
  options: LogOptions,
): { lines: Generator<string>; truth: LogTruth } {
  if (articles.length === 0) throw new Error("accessLog: no articles");
  const truth: LogTruth = { views: 0, byPath: new Map(), unknown: 0 };
  const withAliases = articles.filter((a) => a.aliases.length > 0);
  const random = mulberry32(fnv1a(`access-log:${options.seed ?? "1"}`));
  const int = (n: number) => Math.floor(random() * n);
  const start = options.start ?? Date.UTC(2024, 1, 29, 16, 0, 0);
  const step = options.stepMs ?? 2000;
  const view = (a: LogArticle) => {
    truth.views++;
    truth.byPath.set(a.path, (truth.byPath.get(a.path) ?? 0) + 1);
  };
  const line = (n: number, ms: number, method: string, target: string, status: number, agent: string, referer = "-") =>
    `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255} - - [${logTime(ms)}] "${method} ${target} HTTP/1.1" ${status} ${status === 200 ? 1000 + (n % 9000) : 0} "${referer}" "${agent}"`;

  function* lines(): Generator<string> {
    // Lines written later than their time (an alias hop's second request, a slow request logged when it
    // ends), in the order they are due.
    const later: { due: number; text: string }[] = [];
    let written = 0;
    let previous = "";
    // New events stop when the lines written and those still due make the count: every event's lines
    // are in the log, so `truth` is exact.
    for (let n = 0; written + later.length < options.lines; n++) {
      const now = start + n * step + int(step);
      while (later.length > 0 && later[0]!.due <= now) (yield later.shift()!.text, written++);
      const delay = (text: string, due: number) => {
        const at = later.findIndex((l) => l.due > due);
        later.splice(at < 0 ? later.length : at, 0, { due, text });
      };
      const article = articles[int(articles.length)]!;
      const reader = BROWSERS[n % BROWSERS.length]!;
      const kind = random();
      let text: string;
      if (kind < 0.45) {
        text = line(
          n,
          now,
          "GET",
          encodePath(article.path) + (int(5) === 0 ? "?utm_source=feed" : ""),
          int(8) === 0 ? 304 : 200,
          reader,
        );
        view(article);
        if (int(50) === 0) {
          delay(text, now + 1000 + int(60_000)); // logged when it ended, up to a minute late
          continue;
        }
      } else if (kind < 0.6 && withAliases.length > 0 && written + later.length + 2 <= options.lines) {
        // An old address's static page sends the reader on: two requests, counted once.
        const hop = withAliases[int(withAliases.length)]!;
        const alias = hop.aliases[int(hop.aliases.length)]!;
        text = line(n, now, "GET", encodePath(alias), 200, reader, "https://forum.example.net/t/1");
        const arrive = now + 200 + int(5000);
        delay(
          line(n, arrive, "GET", encodePath(hop.path), 200, reader, `https://archive.example.org${encodePath(alias)}`),
          arrive,
        );
        view(hop);
      } else if (kind < 0.63 && withAliases.length > 0) {
        const hop = withAliases[int(withAliases.length)]!;
        text = line(n, now, "GET", encodePath(hop.aliases[int(hop.aliases.length)]!), 200, reader); // nothing follows
        view(hop);
      } else if (kind < 0.78) {
        text = line(n, now, "GET", encodePath(article.path), 200, BOTS[int(BOTS.length)]!);
      } else if (kind < 0.84) {
        text = line(n, now, "GET", ["/assets/site.css", "/", "/search/"][int(3)]!, 200, reader);
        truth.unknown++;
      } else if (kind < 0.9) {
        text = line(n, now, "GET", `/no-such-page/${n}.html`, 404, reader);
      } else if (kind < 0.94) {
        text = line(n, now, int(2) === 0 ? "HEAD" : "POST", encodePath(article.path), 200, reader);
      } else if (kind < 0.96) {
        text = line(n, now, "GET", encodePath(article.path), 301, reader);
      } else if (previous !== "") {
        text = previous; // the same line again: counted once
      } else continue;
      previous = text;
      yield text;
      written++;
    }
    for (const l of later) yield l.text;
  }
  return { lines: lines(), truth };
}

/**
 * An article file with one more old address in its front-matter, for benchmark archives (the
 * generated ones have none): `aliases: ["/a/000123.html"]` before the closing `---`.
 */
export function withAlias(text: string, alias: string): string {
  const close = text.indexOf("\n---", 3);
  if (!text.startsWith("---\n") || close < 0) throw new Error("withAlias: no front-matter");
  if (/^aliases:/m.test(text.slice(0, close))) throw new Error("withAlias: the article already has aliases");
  return `${text.slice(0, close)}\naliases: [${JSON.stringify(alias)}]${text.slice(close)}`;
}
