// The files Baidu's webmaster tools take when a site moves, as plain text (src/build/seo-files.ts writes
// them, outside the site): 网站改版's URL-pair file and 死链提交's list of addresses that now answer 404.
// Their rules, from Baidu's help as quoted by https://seowhy.com/a/476.html and
// https://m.w3cschool.cn/seoer/seoer-change.html: a pair file has "两个URL,用空格分隔,最多5万行", and the
// check fails when "多条链接跳转到一条链接上" (the old → new relation must be one to one), so each article
// gives the tool one pair — its first alias — and its other aliases go to a second list. A dead-link file
// has the sitemap's text format (one URL a line, at most 50,000 URLs and 10 MB a file:
// http://bninc.cn/wiki/post/id/3754, https://ispacesoft.com/99101.html).
import type { Problem } from "../content/problems.ts";
import { encodePath } from "../content/slug.ts";

/** Lines in one file, both tools. */
export const MAX_LINES = 50_000;
/** Bytes in one file (the sitemap limit the dead-link tool shares; a pair file is held to it too). */
export const MAX_BYTES = 10 * 1024 * 1024;

/** The stems of the numbered files (`baidu-move-1.txt` …): pairs for the tool, the other aliases, dead links. */
export const SEO_STEMS = { move: "baidu-move", extra: "baidu-move-extra", dead: "dead-links" } as const;

/** A file the build writes into the SEO folder, or wrote on an earlier run (removed when no longer made). */
export const SEO_FILE = /^(?:baidu-move|baidu-move-extra|dead-links)-\d+\.txt$/;
/** The 网站改版 pair files among them. */
export const PAIR_FILE = /^baidu-move-\d+\.txt$/;

/** Records of old addresses an import could not keep: `<content>/_import/<source>-dead-links.txt`. */
export const DEAD_LINK_RECORD = /^[a-z0-9-]+-dead-links\.txt$/;
export const deadLinkRecordName = (source: string) => `${source}-dead-links.txt`;

/** An alias as the redirect pages carry it (src/site/pages/redirect.ts), in model order. */
export interface MoveAlias {
  /** The article's source file: its aliases are grouped by it. */
  file: string;
  /** The old address as written in front-matter (a decoded site path). */
  alias: string;
  /** The article's absolute URL. */
  canonical: string;
}

export interface SeoFile {
  name: string;
  text: string;
  lines: number;
}

/**
 * What old addresses are paths on, without a final "/": `move.from` when the old site had another
 * address ("https://www.old.example"), else the site itself — its origin and path prefix, where its
 * `_redirects` rules and redirect pages answer each alias.
 */
export function oldBase(site: { url: string; pathPrefix: string }, from: string | null): string {
  return (from ?? site.url + site.pathPrefix).replace(/\/+$/, "");
}

/** Characters a query keeps as they are (RFC 3986 §3.4: pchar, "/" and "?"); the rest is percent-encoded. */
const QUERY_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/;

/**
 * An old address as an absolute URL: the path percent-encoded segment by segment as the site's own links
 * are (so `/新闻/a b.html` is the address `_redirects` answers), the query by RFC 3986. `path` is decoded,
 * as aliases and the import's records are: a "%" in it is a percent sign.
 */
export function oldUrl(base: string, path: string): string {
  const at = path.indexOf("?");
  const pathPart = at < 0 ? path : path.slice(0, at);
  const query = at < 0 ? "" : [...path.slice(at)].map((ch) => (QUERY_SAFE.test(ch) ? ch : encodeChar(ch))).join("");
  return base + encodePath(pathPart) + query;
}

function encodeChar(ch: string): string {
  try {
    return encodeURIComponent(ch);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate cannot be UTF-8: U+FFFD, as a browser sends it
  }
}

/**
 * The 网站改版 pairs ("old new"): each article's first alias, in model order; and its other aliases in
 * the same form, for the second list (the tool refuses a second old URL for one new one).
 */
export function moveLines(aliases: readonly MoveAlias[], base: string): { move: string[]; extra: string[] } {
  const seen = new Set<string>();
  const move: string[] = [];
  const extra: string[] = [];
  for (const a of aliases) {
    const line = `${oldUrl(base, a.alias)} ${a.canonical}`;
    if (seen.has(a.file)) extra.push(line);
    else {
      seen.add(a.file);
      move.push(line);
    }
  }
  return { move, extra };
}

/**
 * The dead-link list: each recorded old address as an absolute URL, once, sorted — except those the
 * site now answers (a page, a file or an alias at that path: a host ignores the query).
 */
export function deadLinkLines(paths: readonly string[], base: string, served: Iterable<string>): string[] {
  const answered = new Set([...served].map(servedKey));
  const urls = new Set<string>();
  for (const p of paths) {
    const at = p.indexOf("?");
    if (!answered.has(servedKey(at < 0 ? p : p.slice(0, at)))) urls.add(oldUrl(base, p));
  }
  return [...urls].sort();
}

/** One spelling for "/a/", "/a" and "/a/index.html", which a static host answers alike. */
function servedKey(path: string): string {
  const folder = path.replace(/index\.html$/, "");
  return folder.length > 1 ? folder.replace(/\/+$/, "") : "/";
}

/**
 * Reads a dead-link record: one decoded site path a line ("/plus/view.php?aid=12"), "#" comments and
 * blank lines skipped, trailing spaces dropped. A line that is not a site path is a problem at its line.
 */
export function readDeadLinkRecord(text: string, file: string): { paths: string[]; problems: Problem[] } {
  const paths: string[] = [];
  const problems: Problem[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("#")) return;
    if (line.startsWith("/") && !line.startsWith("//") && !/[\u0000-\u001f\u007f]/.test(line)) paths.push(line);
    else
      problems.push({
        file,
        line: i + 1,
        column: 1,
        field: "dead link",
        found: JSON.stringify(line),
        expected: 'an old address as a site path, such as "/plus/view.php?aid=12" (one a line; "#" starts a comment)',
      });
  });
  return { paths, problems };
}

/** A dead-link record's text: what it is, then the paths once each, sorted (a re-run writes the same bytes). */
export function deadLinkRecordText(source: string, paths: readonly string[]): string {
  return [
    `# Old addresses of the ${source} import that the new site cannot answer (a query string, spaces, spam pages).`,
    "# One site path a line, as aliases are written; `npm run build` lists them in dead-links-N.txt for Baidu.",
    "# Rewritten by each import of this source; add lines of your own in a file of another name ending in -dead-links.txt.",
    ...[...new Set(paths)].sort(),
  ]
    .map((line) => `${line}\n`)
    .join("");
}

/** Lines cut into numbered files (`stem-1.txt` …), each within both limits; none for no lines. */
export function numberedFiles(
  stem: string,
  lines: readonly string[],
  limits: { lines: number; bytes: number } = { lines: MAX_LINES, bytes: MAX_BYTES },
): SeoFile[] {
  const files: SeoFile[] = [];
  let current: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length === 0) return;
    files.push({ name: `${stem}-${files.length + 1}.txt`, text: `${current.join("\n")}\n`, lines: current.length });
    current = [];
    bytes = 0;
  };
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (size > limits.bytes) throw new Error(`${stem}: a line of ${size} bytes cannot fit a file of ${limits.bytes}`);
    if (current.length >= limits.lines || bytes + size > limits.bytes) flush();
    current.push(line);
    bytes += size;
  }
  flush();
  return files;
}

/** Every file of the SEO folder for these aliases and recorded dead addresses. */
export function seoFiles(
  input: { aliases: readonly MoveAlias[]; deadPaths: readonly string[]; served: Iterable<string>; base: string },
  limits?: { lines: number; bytes: number },
): SeoFile[] {
  const { move, extra } = moveLines(input.aliases, input.base);
  return [
    ...numberedFiles(SEO_STEMS.move, move, limits),
    ...numberedFiles(SEO_STEMS.extra, extra, limits),
    ...numberedFiles(SEO_STEMS.dead, deadLinkLines(input.deadPaths, input.base, input.served), limits),
  ];
}
