// `npm run import -- legacy-html <mirror>`: a wget/HTTrack mirror of an old CMS site → Wenku articles.
// Without a profile the CMS is detected from its fingerprints (./detect.ts). Every page is decoded and
// classified in one pass, which also gathers what each page's links call the pages they lead to; then
// titles are chosen again with that evidence, view counts a page prints by script are read from the
// counter answers the mirror saved (./counters.ts), and multi-page articles are joined
// (./multipage.ts). Every page is decoded and classified: an article, a page skipped with its reason, or spam (kept in
// quarantine, never published). Articles go to the shared import core (../apply.ts): categories from
// the breadcrumbs, images found in the mirror copied, links between articles rewritten, each old URL
// kept as an alias, and nothing written unless the result passes the build's checks. Nothing is lost:
// every page of the mirror is an article or has a line in the report.
import { promises as fs } from "node:fs";
import path from "node:path";
import {
  applyImport,
  categorySlug,
  emptyReport,
  hash,
  IMPORT_DIR,
  type ApplyOptions,
  type ImportItem,
  type ImportReport,
  type Target,
} from "../apply.ts";
import { isInside } from "../../files/confine.ts";
import { MEDIA_TYPES } from "../../files/media-types.ts";
import { tooLarge } from "../limits.ts";
import { sourceFile, type SourceFolder } from "../source-file.ts";
import { decodePath, hostKey, normalisePath } from "../urls.ts";
import { load } from "cheerio";
import { counterKey, MAX_ANSWER_BYTES, parseCounter } from "./counters.ts";
import { decodePage, type Decoded } from "./decode.ts";
import { detectCms, sample } from "./detect.ts";
import { chooseTitle, extractPage, probePage, resolve, type LegacyArticle } from "./extract.ts";
import { findMultiPages, withoutSharedTail, type MultiPage } from "./multipage.ts";
import { BUILT_IN, type Profile } from "./profile.ts";

export interface LegacyOptions extends Pick<ApplyOptions, "contentDir" | "script"> {
  mirror: string;
  /** The template's profile; without one, the CMS is detected from the mirror's fingerprints (detect.ts). */
  profile?: Profile;
  /**
   * Host names of the old site: absolute links to them are links inside the archive. `www.` and the
   * bare name, and http and https, are one host; a full address ("https://www.old.example/") is read
   * for its host.
   */
  hosts?: string[];
}

const PAGE = /\.(s?html?)$/i;
/** A file name ending in one of the (letters-and-digits) extensions. */
const extensions = (names: readonly string[]) => new RegExp(`\\.(?:${names.join("|")})$`, "i");
/** Files a link leads to that are copied with the article (or reported missing): the kinds the site publishes, from the one list (media-types.ts). */
const FILE = extensions(Object.keys(MEDIA_TYPES));
/** Files that are never pages: what the site publishes as media, and styles, scripts, fonts, data. */
const NOT_PAGE = extensions([
  ...Object.keys(MEDIA_TYPES),
  "css",
  "js",
  "mjs",
  "map",
  "woff",
  "woff2",
  "ttf",
  "eot",
  "otf",
  "tgz",
  "swf",
  "xml",
  "json",
]);

/** Whether a file without a page extension is HTML inside; one that cannot be opened is tried as a page (its error is its report line). */
async function looksLikeHtml(file: string): Promise<boolean> {
  const handle = await fs.open(file).catch(() => null);
  if (handle === null) return true;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return /<(!doctype html|html|head|body)[\s>]/i.test(buffer.subarray(0, bytesRead).toString("latin1"));
  } finally {
    await handle.close();
  }
}

export async function importLegacy(options: LegacyOptions): Promise<ImportReport> {
  const report = emptyReport();
  const hosts = new Set((options.hosts ?? []).map(hostKey).filter((h) => h !== ""));
  const folder: SourceFolder = { root: options.mirror, name: "mirror", sitePrefix: "" };
  const quarantine: { from: string; to: string }[] = [];
  const items: ImportItem[] = [];
  /** The real file each item was read from: two addresses of one file (a symbolic link) are one article. */
  const readFrom = new Map<ImportItem, string>();
  const throughLinks = new Set<string>();
  /** What each imported page's own reading offered beyond the item: title candidates, pager, scripts. */
  const readOf = new Map<ImportItem, LegacyArticle>();
  /** The texts of links to each page from the other pages of the mirror (the strongest evidence of its title). */
  const calledBy = new Map<string, string[]>();
  /** Every page's links, read once in the main pass and used after it (the hosts may be learnt from them). */
  const linksOf: { from: string; links: LegacyArticle["links"] }[] = [];

  const { pages: files, counters, all } = await listPages(options.mirror, report);
  const pages = new Set(files.map((f) => f.url));
  const pageOf = (clean: string) => [clean, `${clean}.html`, clean.split("?")[0]!].find((p) => pages.has(p));
  const profile = options.profile ?? (await detect(files, all, report));
  if (options.profile) report.overview.push(`Profile: ${profile.name} (given with --profile)`);

  for (const { rel, url, real, link } of files) {
    report.pages++;
    if (link) throughLinks.add(url);
    // One page is never allowed to stop the run: whatever goes wrong reading it is its report line.
    try {
      const size = tooLarge((await fs.stat(real)).size);
      if (size) {
        report.skipped.push({ url, reason: `not read: ${size}` });
        continue;
      }
      const bytes = await fs.readFile(real);
      const decoded = decodePage(bytes);
      const page = extractPage(decoded.text, url, profile);
      if (page.kind !== "spam" && page.links?.length) linksOf.push({ from: url, links: page.links });
      if (page.kind === "skipped") {
        report.skipped.push({ url, reason: page.reason });
        continue;
      }
      if (page.kind === "spam") {
        const to = path.posix.join(IMPORT_DIR, "quarantine", rel.split(path.sep).join("/"));
        report.spam.push({ url, title: page.title, signs: page.signs, quarantined: to });
        quarantine.push({ from: real, to });
        continue;
      }
      const item = legacyItem(url, page, bytes, decoded.badBytes, { hosts, pageOf, folder });
      items.push(item);
      readFrom.set(item, real);
      readOf.set(item, page);
    } catch (error) {
      report.skipped.push({ url, reason: `could not be read (${(error as Error).message})` });
    }
  }

  // The old site's own host, when no --host names it: absolute links to it lead to the mirror's files.
  if (hosts.size === 0) for (const host of ownHosts(linksOf, new Set(all), report)) hosts.add(host);
  for (const { from, links } of linksOf) for (const l of links) noteLink(from, l, hosts, pageOf, calledBy);
  retitle(items, readOf, calledBy, report);
  await countViews(items, readOf, counters, hosts, report);
  const joined = joinPages(items, readOf, report);
  if (files.length === 0)
    report.overview.push(
      `No page found in the mirror folder ${options.mirror}: nothing to import (is it the folder wget or HTTrack wrote?)`,
    );
  else if (joined.length === 0) await explainNoArticles(files, profile, report);
  const merged = mergeTwins(joined, report, (item) => readFrom.get(item)!, throughLinks);
  return applyImport(
    merged,
    {
      contentDir: options.contentDir,
      source: "legacy-html",
      oldAddress: servedAddress,
      ...(options.script ? { script: options.script } : {}),
    },
    report,
    quarantine,
  );
}

/**
 * The address the old site served for a page of the mirror: wget --adjust-extension saves
 * `view.php?aid=12` as `view.php?aid=12.html` (a name that already ends in .html is kept), so a
 * query's final ".html" is wget's, not the site's.
 */
export function servedAddress(key: string): string {
  return key.includes("?") ? key.replace(/\.html$/, "") : key;
}

/** Reads a page of the mirror as text, or null when it cannot be read or is too large (its report line comes from the main pass). */
async function readPage(real: string): Promise<string | null> {
  try {
    if (tooLarge((await fs.stat(real)).size)) return null;
    return decodePage(await fs.readFile(real)).text;
  } catch {
    return null;
  }
}

/** The profile for a mirror without --profile: the CMS its sampled pages' fingerprints name (the report says which, and why). */
async function detect(files: readonly ListedPage[], all: readonly string[], report: ImportReport): Promise<Profile> {
  const sampled: { url: string; html: string }[] = [];
  for (const f of sample(files)) {
    const html = await readPage(f.real);
    if (html !== null) sampled.push({ url: f.url, html });
  }
  const found = detectCms(sampled, all);
  report.overview.push(`Profile: ${found.profile} (${found.reason}; --profile NAME chooses another)`);
  return BUILT_IN[found.profile]!;
}

/**
 * Hosts the pages link to absolutely whose links lead to files of the mirror (PHPCMS writes every link
 * as http://www.site.example/…): the old site's own, when no --host was given. A host counts when its
 * links lead to at least three addresses other than the home page that are files of the mirror, and
 * a quarter of the addresses linked there are (a dynamic site links many pages wget did not keep).
 */
function ownHosts(
  linksOf: readonly { from: string; links: LegacyArticle["links"] }[],
  files: ReadonlySet<string>,
  report: ImportReport,
): string[] {
  const tally = new Map<string, { shown: string; found: Set<string>; linked: Set<string> }>();
  for (const { links } of linksOf)
    for (const { href } of links) {
      if (!/^https?:\/\//i.test(href)) continue;
      let u: URL;
      try {
        u = new URL(href);
      } catch {
        continue;
      }
      const key = hostKey(u.host);
      const p = normalisePath(decodePath(u.pathname + u.search));
      // A home page is in every mirror: a link to another site's home ("Powered by …") proves nothing.
      if (p === null || /^\/(?:index\.(?:s?html?|php|asp))?$/i.test(p)) continue;
      const t = tally.get(key) ?? { shown: u.host.toLowerCase(), found: new Set<string>(), linked: new Set<string>() };
      t.linked.add(p);
      if ([p, `${p}.html`, p.split("?")[0]!, `${p.replace(/\/$/, "")}/index.html`].some((f) => files.has(f)))
        t.found.add(p);
      tally.set(key, t);
    }
  const own = [...tally].filter(([, t]) => t.found.size >= 3 && t.found.size * 4 >= t.linked.size);
  for (const [, t] of own)
    report.overview.push(
      `Host: ${t.shown} taken as the old site's own (${t.found.size} of the ${t.linked.size} addresses the pages link to there are files of the mirror); --host names hosts yourself`,
    );
  return own.map(([key]) => key);
}

/** Records the text of a link from page `from`, under the page it leads to (never the page itself). */
function noteLink(
  from: string,
  link: { href: string; text: string },
  hosts: Set<string>,
  pageOf: (clean: string) => string | undefined,
  calledBy: Map<string, string[]>,
): void {
  const found = resolveIn(from, link.href, hosts);
  const clean = found === null ? null : normalisePath(found);
  const to = clean === null ? undefined : pageOf(clean);
  if (to === undefined || to === from) return;
  const texts = calledBy.get(to) ?? [];
  // A few names are evidence enough; a page linked from every sidebar must not hold thousands.
  if (texts.length < 20) texts.push(link.text);
  calledBy.set(to, texts);
}

/** Each title chosen again with what the other pages call the page; the overview says how many changed. */
function retitle(
  items: ImportItem[],
  readOf: Map<ImportItem, LegacyArticle>,
  calledBy: Map<string, string[]>,
  report: ImportReport,
): void {
  let changed = 0;
  for (const item of items) {
    const chosen = chooseTitle(readOf.get(item)!.titles, calledBy.get(item.key) ?? []);
    if (chosen !== null && chosen !== item.title) {
      item.title = chosen;
      changed++;
    }
  }
  if (changed > 0)
    report.overview.push(
      `Titles: ${changed} taken from what other pages' links call the page rather than from the page's own best heading`,
    );
}

/** View counts the page printed by script, read from the counter answers the mirror saved. */
async function countViews(
  items: ImportItem[],
  readOf: Map<ImportItem, LegacyArticle>,
  counters: Map<string, string>,
  hosts: Set<string>,
  report: ImportReport,
): Promise<void> {
  let read = 0;
  const unanswered: string[] = [];
  for (const item of items) {
    if (item.views !== null) continue;
    const keys = readOf
      .get(item)!
      .scripts.map((src) => counterKey(counterPath(item.key, src, hosts) ?? ""))
      .filter((k): k is string => k !== null);
    if (keys.length === 0) continue;
    const file = keys.map((k) => counters.get(k)).find((f) => f !== undefined);
    const answer = file === undefined ? null : await readAnswer(file);
    if (answer === null) {
      unanswered.push(item.key);
      continue;
    }
    item.views = answer;
    read++;
  }
  if (read > 0)
    report.overview.push(
      `Views: ${read} read from the counter answers saved in the mirror (the pages print them by script)`,
    );
  if (unanswered.length > 0)
    report.overview.push(
      `Views: ${unanswered.length} page(s) print their count by a script whose answer the mirror does not hold (or not as a count): ${unanswered.slice(0, 5).join(", ")}${unanswered.length > 5 ? ", …" : ""}`,
    );
}

/** A counter script's address as a site path: relative, on the old host, or on any host (a counter elsewhere is not in the mirror anyway). */
function counterPath(from: string, src: string, hosts: Set<string>): string | null {
  const inside = resolveIn(from, src, hosts);
  if (inside !== null) return inside;
  try {
    const u = new URL(src, "http://legacy.invalid/");
    return decodePath(u.pathname + u.search);
  } catch {
    return null;
  }
}

async function readAnswer(file: string): Promise<number | null> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_ANSWER_BYTES) return null;
    return parseCounter((await fs.readFile(file)).toString("latin1"));
  } catch {
    return null;
  }
}

/**
 * Multi-page articles (125.html + 125_2.html …) joined into their first page: the bodies in page
 * order, the later addresses kept as old addresses of it, and each later page and each missing one
 * said in the report.
 */
function joinPages(items: ImportItem[], readOf: Map<ImportItem, LegacyArticle>, report: ImportReport): ImportItem[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  // Why each page was not imported, looked up once per missing page (a pager may promise 9,998 of them).
  const whyNot = new Map<string, string>();
  for (const s of report.skipped) if (!whyNot.has(s.url)) whyNot.set(s.url, s.reason);
  const found = findMultiPages(items.map((i) => ({ url: i.key, title: i.title, pager: readOf.get(i)!.pager })));
  const absorbed = new Set<string>();
  for (const multi of found) {
    const lead = byKey.get(multi.lead)!;
    const rest = multi.rest.map((k) => byKey.get(k)!);
    const notes = [...(lead.notes ?? [])];
    if (rest.length > 0) {
      lead.bodyHtml = withoutSharedTail([lead.bodyHtml, ...rest.map((part) => bodyFor(lead.key, part))]).join("\n");
      lead.sourceHash = hash([lead.sourceHash, ...rest.map((r) => r.sourceHash)].join("\n"));
      lead.moreKeys = [...(lead.moreKeys ?? []), ...rest.map((r) => r.key)];
      lead.signs = [...lead.signs, ...rest.flatMap((r) => r.signs)];
      notes.push(`joined from ${rest.length + 1} pages (${[lead.key, ...multi.rest].join(", ")})`);
      for (const k of multi.rest) {
        absorbed.add(k);
        report.skipped.push({
          url: k,
          reason: `a later page of ${lead.key}, joined into that article (kept as its old address)`,
        });
      }
    }
    notes.push(...missingNotes(multi, whyNot));
    if (notes.length > 0) lead.notes = notes;
  }
  if (found.length > 0) {
    const joinedPages = found.reduce((n, m) => n + m.rest.length, 0);
    report.overview.push(
      `Multi-page articles: ${found.length} (${joinedPages} later page(s) joined into their first page)`,
    );
  }
  return items.filter((i) => !absorbed.has(i.key));
}

/** How many missing pages of one article the notes name, each with its reason; the others are counted. */
const NAMED_MISSING = 5;

/** The notes for a multi-page article's missing pages: the first few named with why, the rest counted in one line. */
function missingNotes(multi: MultiPage, whyNot: ReadonlyMap<string, string>): string[] {
  const notes = multi.missing.slice(0, NAMED_MISSING).map((m) => {
    const why = whyNot.get(m.url);
    return `page ${m.page} of ${multi.pages} (${m.url}) ${why ? `was not imported: ${why}` : "is not in the mirror"}`;
  });
  const more = multi.missing.slice(NAMED_MISSING);
  if (more.length > 0) {
    const skipped = more.filter((m) => whyNot.has(m.url)).length;
    const parts = [
      skipped > 0 ? `${skipped} not imported (each has its line in the report)` : "",
      more.length > skipped ? `${more.length - skipped} not in the mirror` : "",
    ].filter(Boolean);
    notes.push(
      `${more.length} more page(s) of ${multi.pages} missing (pages ${more[0]!.page}–${more.at(-1)!.page}, ${more[0]!.url} to ${more.at(-1)!.url}): ${parts.join(", ")}`,
    );
  }
  return notes;
}

/** A later page's body for its first page: links and images relative to a different folder resolved to site paths first. */
function bodyFor(leadKey: string, part: ImportItem): string {
  if (path.posix.dirname(leadKey) === path.posix.dirname(part.key)) return part.bodyHtml;
  const $ = load(`<div id="wenku-part">${part.bodyHtml}</div>`);
  $("[href], [src]").each((_, el) => {
    for (const name of ["href", "src"]) {
      const value = $(el).attr(name);
      if (value === undefined || /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) continue;
      const to = resolve(part.key, value);
      if (to !== null) $(el).attr(name, to);
    }
  });
  return $("#wenku-part").html() ?? "";
}

/**
 * No page read as an article: the report says which fields the profile did not find on how many of a
 * sample of pages, and which other built-in profile reads the most of that sample as articles.
 */
async function explainNoArticles(files: readonly ListedPage[], profile: Profile, report: ImportReport): Promise<void> {
  const sampled: string[] = [];
  for (const f of sample(files)) {
    const html = await readPage(f.real);
    if (html !== null) sampled.push(html);
  }
  if (sampled.length === 0) {
    report.overview.push("No page of the mirror could be read: see the skipped pages below");
    return;
  }
  const missing = { title: 0, body: 0, date: 0 };
  for (const html of sampled) {
    const found = probePage(html, profile);
    for (const field of ["title", "body", "date"] as const) if (!found[field]) missing[field]++;
  }
  const fields = Object.entries(missing)
    .filter(([, n]) => n > 0)
    .map(([field, n]) => `the ${field} on ${n}`);
  report.overview.push(
    `No page was read as an article with the ${profile.name} profile: in a sample of ${sampled.length} page(s) it did not find ${fields.length > 0 ? fields.join(", ") : "a reason to skip any field (see each page's reason below)"}`,
  );
  const tried = Object.values(BUILT_IN)
    .filter((p) => p.name !== profile.name)
    .map((p) => ({
      name: p.name,
      articles: sampled.filter((html, i) => readsAsArticle(html, `/sample-${i}.html`, p)).length,
    }))
    .sort((a, b) => b.articles - a.articles);
  const best = tried[0];
  if (best && best.articles > 0)
    report.overview.push(
      `Try --profile ${best.name}: it reads ${best.articles} of the ${sampled.length} sampled page(s) as articles (${tried
        .slice(1)
        .map((t) => `${t.name}: ${t.articles}`)
        .join(", ")})`,
    );
  else
    report.overview.push(
      "No built-in profile reads the sampled pages as articles: write a profile file for this template (--profile FILE, see the README)",
    );
}

function readsAsArticle(html: string, url: string, profile: Profile): boolean {
  try {
    return extractPage(html, url, profile).kind === "article";
  } catch {
    return false;
  }
}

/** The report line for a page declared UTF-8 that is not quite: how many bad bytes, and where. */
function badBytesLine(bad: NonNullable<Decoded["badBytes"]>): string {
  const where = bad.offsets.slice(0, 5).join(", ") + (bad.count > 5 ? ", …" : "");
  return `declared UTF-8 but ${bad.count} byte sequence(s) are not UTF-8 (at byte ${where}): decoded as UTF-8, each shown as \uFFFD`;
}

interface ListedPage {
  /** Path below the mirror as listed (the link's own path for a symbolic link). */
  rel: string;
  /** The old address: the path decoded once and normalised. */
  url: string;
  /** The real file to read: inside the mirror, always. */
  real: string;
  /** Reached through a symbolic link. */
  link: boolean;
}

/**
 * The mirror's pages: .html/.htm/.shtml, and any other file that is HTML inside (.asp, .php, .jsp, no
 * extension). A symbolic link is followed only to a file inside the mirror; a link that leads out, a
 * link to a folder (its pages are read where they are) and a name that leads out once decoded are each
 * a report line, never read and never silently left out.
 */
async function listPages(
  mirror: string,
  report: ImportReport,
): Promise<{ pages: ListedPage[]; counters: Map<string, string>; all: string[] }> {
  const root = await fs.realpath(mirror);
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const out: ListedPage[] = [];
  /** Saved answers of view counters (plus/count.php?view=yes&aid=125…): read for the views, never pages. */
  const counters = new Map<string, string>();
  const all: string[] = [];
  const skip = (url: string, reason: string) => {
    report.pages++;
    report.skipped.push({ url, reason });
  };
  for (const entry of entries.sort((a, b) => (a.parentPath + a.name).localeCompare(b.parentPath + b.name))) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name));
    const shown = `/${rel.split(path.sep).join("/")}`;
    all.push(shown);
    const counter = entry.isFile() ? counterKey(decodePath(shown)) : null;
    if (counter !== null) {
      counters.set(counter, path.join(root, rel));
      continue;
    }
    const maybePage = PAGE.test(rel) || !NOT_PAGE.test(rel);
    let real = path.join(root, rel);
    if (entry.isSymbolicLink()) {
      // Images behind links are decided where a page uses them (source-file.ts); only pages matter here.
      if (!maybePage) continue;
      let target: string;
      try {
        target = await fs.realpath(real);
      } catch {
        skip(shown, "a symbolic link to nothing (its target is missing)");
        continue;
      }
      const stat = await fs.stat(target);
      if (!isInside(target, root)) {
        skip(
          shown,
          `a symbolic link to a ${stat.isDirectory() ? "folder" : "file"} outside the mirror folder: not read`,
        );
        continue;
      }
      if (stat.isDirectory()) {
        skip(
          shown,
          `a symbolic link to the folder /${path.relative(root, target).split(path.sep).join("/")} of the mirror: its pages are read there`,
        );
        continue;
      }
      if (!stat.isFile()) continue;
      real = target;
    }
    if (!(PAGE.test(rel) || (!NOT_PAGE.test(rel) && (await looksLikeHtml(real))))) continue;
    // A file's old address: its path, with any percent-encoding in saved file names decoded (wget may keep it).
    const url = normalisePath(decodePath(shown));
    if (url === null) {
      skip(shown, "its file name, once decoded, leads outside the mirror folder");
      continue;
    }
    out.push({ rel, url, real, link: entry.isSymbolicLink() });
  }
  return { pages: out, counters, all };
}

/**
 * One article at two addresses (DedeCMS: /a/2013/1227/1234.html and /plus/view.php?aid=1234, or a
 * symbolic link to a page): pages with the same id, title and date, or read from the same file, are one
 * article. The address without a query (and not a link) leads; the other becomes another old address of
 * it, and the report says so.
 */
function mergeTwins(
  items: ImportItem[],
  report: ImportReport,
  fileOf: (item: ImportItem) => string,
  throughLinks: Set<string>,
): ImportItem[] {
  const groups = new Map<string, ImportItem[]>();
  const groupOfFile = new Map<string, string>();
  for (const item of items) {
    const id =
      groupOfFile.get(fileOf(item)) ??
      (item.legacyId === undefined ? item.key : `${item.legacyId}\n${item.title}\n${item.date}`);
    groupOfFile.set(fileOf(item), id);
    groups.set(id, [...(groups.get(id) ?? []), item]);
  }
  const rank = (i: ImportItem) => Number(i.key.includes("?")) * 2 + Number(throughLinks.has(i.key));
  return [...groups.values()].map((group) => {
    const [lead, ...twins] = [...group].sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key));
    for (const twin of twins) {
      const reason =
        fileOf(twin) === fileOf(lead!)
          ? `the same file as ${lead!.key} (a symbolic link), imported once under both addresses`
          : `the same article as ${lead!.key} (id ${lead!.legacyId}), imported once under both addresses`;
      report.skipped.push({ url: twin.key, reason });
    }
    if (twins.length === 0) return lead!;
    // The lead keeps what it had (the later pages of a multi-page article are old addresses of it
    // already), and gains each twin's address and everything each twin had.
    const moreKeys = new Set([...(lead!.moreKeys ?? []), ...twins.flatMap((t) => [t.key, ...(t.moreKeys ?? [])])]);
    moreKeys.delete(lead!.key);
    const notes = new Set([...(lead!.notes ?? []), ...twins.flatMap((t) => t.notes ?? [])]);
    return { ...lead!, moreKeys: [...moreKeys], ...(notes.size > 0 ? { notes: [...notes] } : {}) };
  });
}

function resolveIn(from: string, href: string, hosts: Set<string>): string | null {
  const inside = resolve(from, href);
  if (inside !== null) return inside;
  try {
    // A protocol-relative link (//www.old.example/a.html) is on the old site as much as an http one.
    const u = new URL(href, "http://base.invalid/");
    return /^https?:$/.test(u.protocol) && u.host !== "base.invalid" && hosts.has(hostKey(u.host))
      ? decodePath(u.pathname + u.search)
      : null;
  } catch {
    return null;
  }
}

/** How the links of one page resolve: the hosts that are the old site's, the mirror's pages, its folder. */
interface LinkContext {
  hosts: Set<string>;
  pageOf: (clean: string) => string | undefined;
  folder: SourceFolder;
}

/** One page of the mirror as an item for the import core. */
function legacyItem(
  url: string,
  page: Extract<ReturnType<typeof extractPage>, { kind: "article" }>,
  bytes: Buffer,
  badBytes: Decoded["badBytes"],
  { hosts, pageOf, folder }: LinkContext,
): ImportItem {
  const base = path.posix
    .basename(url)
    .replace(PAGE, "")
    .replace(/\.(asp|aspx|php|jsp)$/i, "");
  // The id: a numeric file name (…/1227/1234.html), or a query's aid=/id= (view.php?aid=1234.html).
  const id = /^\d+$/.exec(base)?.[0] ?? /[?&](?:aid|id|articleid)=(\d+)/i.exec(url)?.[1];
  const targetOf = (href: string, kind: "link" | "image"): Target => {
    const found = resolveIn(url, href, hosts); // decoded once, here and nowhere after
    if (found === null) return /^(https?:|mailto:)/i.test(href) ? { kind: "keep", href } : { kind: "drop" };
    const clean = normalisePath(found);
    if (clean === null)
      return { kind: "refused", href, reason: "its path, once decoded, leads outside the mirror folder" };
    // wget saves /view.php?aid=12 as "view.php?aid=12.html"; other queries (?from=feed) are not part of the page.
    const page = pageOf(clean);
    if (page && kind === "link") return { kind: "article", key: page }; // an imported article, or its old address
    const to = clean.split("?")[0]!;
    if (kind === "image" || FILE.test(to)) return sourceFile(folder, to, href);
    return { kind: "keep", href: to };
  };
  return {
    key: url,
    sourceHash: hash(bytes),
    title: page.title,
    date: page.date!,
    views: page.views,
    author: page.author,
    source: page.source,
    ...(page.summary ? { summary: page.summary } : {}),
    ...(id ? { legacyId: Number(id) } : {}),
    trail: page.trail.map((c) => ({
      name: c.name,
      slug: categorySlug(c.name, c.href ? resolveIn(url, c.href, hosts) : null),
    })),
    slug: id ?? base,
    bodyHtml: page.bodyHtml,
    // Called by the import core for every link and image: a surprise there is this file's report line too.
    target: (href, kind) => {
      try {
        return targetOf(href, kind);
      } catch (error) {
        return { kind: "refused", href, reason: `could not be checked (${(error as Error).message})` };
      }
    },
    signs: page.signs,
    // Not spam: the page's own bytes, kept as U+FFFD and named so the owner can check the text.
    ...(badBytes ? { notes: [badBytesLine(badBytes)] } : {}),
    previous: page.previous,
    next: page.next,
  };
}
