// What every import has in common, whatever the source (a legacy CMS mirror, a WordPress export):
// articles come in as ImportItems, with their categories matched by name (in either script) or added,
// files of the source copied to media/, links between imported articles pointed at their new
// addresses and the old address kept as an alias.
//
// The content folder is never copied or replaced: an author may go on editing it while an import runs.
// Every new and changed file is computed first and the result checked with the build's own validator,
// the new texts read in place of the files (./overlay-check.ts); only a clean result is written, file by file,
// each atomically (../files/atomic-write.ts), and a file that changed since the import read it is left
// as it is and reported as a conflict. The state of each source (./state.ts) records the hash of every
// file it wrote, saved with its intents before the first write, so a killed import is finished by the
// next run without duplicates. Importing again is safe: an item is identified by its old address;
// unchanged ones are left alone, and a file an author has edited, replaced or deleted since it was
// imported is never touched.
//
// A run goes in four steps, each taking the run's context (Run) and the plan it makes: startRun (the
// registry and the source's state read, the state settled), planRun (every file planned and its text
// made), checkResult (the result staged and checked, links between articles filled in) and writeResult
// (the writes, in the order that keeps a killed run recoverable).
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";
import { load } from "cheerio";
import { discard, prepareStaging } from "../files/atomic-output.ts";
import { isAlive } from "../files/process-alive.ts";
import { articleFileText } from "../content/front-matter.ts";
import { formatProblem, WenkuError, type Problem } from "../content/problems.ts";
import { slugify } from "../content/slug.ts";
import { MAX_TAG_LENGTH, tagKey } from "../content/tags.ts";
import { copyAtomic, currentHash, fileHash, removeStaleTemps, syncDir, writeAtomic } from "../files/atomic-write.ts";
import { isInside, normaliseRelative, realPathOf } from "../files/confine.ts";
import { fold } from "../i18n/fold.ts";
import type { SiteCheck } from "../site/load-site.ts";
import { pagesOf } from "../site/model.ts";
import { deadLinkRecordName, deadLinkRecordText } from "../site/seo-move.ts";
import { nearKey } from "../site/tag-duplicates.ts";
import { checkOverlay, displayPath, stage, type Overlay } from "./overlay-check.ts";
import { readState, settle, stateText, type ImportState } from "./state.ts";
import { toMarkdown } from "./to-markdown.ts";

/** Where a link or image of an item leads. */
export type Target =
  | { kind: "article"; key: string }
  | { kind: "file"; from: string; sitePath: string }
  | { kind: "keep"; href: string }
  | { kind: "missing"; href: string }
  /** A file of the source that exists but is not published: outside its folder, or not an allowed media type. */
  | { kind: "refused"; href: string; reason: string }
  | { kind: "drop" };

export interface ImportItem {
  /** The old address (a site path): the item's identity across imports, and its alias when it can be one. */
  key: string;
  /** Other old addresses of the same article (a CMS often serves one article at two addresses). */
  moreKeys?: string[];
  /** Hash of the source: a change at the source is imported again. */
  sourceHash: string;
  title: string;
  /** Front-matter date text: "2013-12-27 10:30:07" (site zone) or ISO with an offset. */
  date: string;
  /** The count the source shows; checked here (a whole number from 0 to 2^53 − 1), else imported as 0 and reported. */
  views: number | null;
  author: string;
  source: string;
  summary?: string;
  legacyId?: number;
  /** Category chain from the top; `slug` is a suggestion for a category that has to be added ("" for none). */
  trail: { name: string; slug: string }[];
  /** Suggested file name (without .md). */
  slug: string;
  bodyHtml: string;
  /** Decides each link and image target of the body. */
  target(href: string, kind: "link" | "image"): Target;
  /** Injected spam removed, for the report. */
  signs: string[];
  /** What the report should say of the item that is not spam (a page's bytes that were not its declared encoding). */
  notes?: string[];
  /** The old site's neighbours (keys), for the order check. */
  previous?: string | null;
  next?: string | null;
  /** Tag names (WordPress tags, and categories beyond the one the article is filed under). */
  tags?: string[];
  /** Approved comments of the old site, kept read-only under the article (front-matter `comments:`). */
  comments?: ImportComment[];
  /** Sticky (pinned) on the old site: written `pinned: true`, and listed in the report. */
  sticky?: boolean;
}

/** One past comment of an imported article. */
export interface ImportComment {
  id?: number;
  author: string;
  /** The author's own site, when given (http or https only). */
  url?: string;
  /** Same forms as ImportItem.date. */
  date: string;
  /** The id of the comment this one answers. */
  replyTo?: number;
  /** The comment's HTML, converted to Markdown like a body (links rewritten, images copied). */
  html: string;
}

/**
 * The steps of writing, in order: "checked" once everything is planned and validated and nothing is
 * written yet; "state" when the intents are saved; "registry"; "media" and "quarantine" per file;
 * "article" per file; "done" when the state and the report are saved.
 */
export type WriteStep = "checked" | "state" | "registry" | "media" | "quarantine" | "article" | "done";

export interface ApplyOptions {
  contentDir: string;
  /** Name of the source, for the state file: "legacy-html", "wordpress". */
  source: string;
  script?: "zh-Hant" | "zh-Hans";
  /** Name of the category for items without one. */
  uncategorised?: string;
  /** Called after each step of writing with the file concerned (tests edit the content folder or stop the process here). */
  onStep?: (step: WriteStep, file: string) => void | Promise<void>;
  /** The address the old site served for a key, when the source saved it under another name (wget's `.html` after a query). */
  oldAddress?: (key: string) => string;
}

export interface ImportReport {
  /** Lines about the whole source, shown first: the profile used, counts of what was kept, converted or left out. */
  overview: string[];
  pages: number;
  written: { url: string; file: string; status: "new" | "updated" }[];
  unchanged: string[];
  /** Files not written because someone else's version is there (an article, a media file, the registry). */
  conflicts: { url: string; file: string; reason: string }[];
  skipped: { url: string; reason: string }[];
  /** `quarantined`: where the page was kept ("" when there is no page file, as for a WordPress post). */
  spam: { url: string; title: string; signs: string[]; quarantined: string }[];
  cleaned: { url: string; file: string; signs: string[] }[];
  /** Articles imported whole, with something to check by eye (bad bytes read as U+FFFD). */
  notes: { url: string; file: string; notes: string[] }[];
  missingFiles: { url: string; src: string }[];
  /** Files of the source that were not copied: outside the source folder, not a media type the site publishes, or a destination outside the content folder. */
  refusedFiles: { url: string; src: string; reason: string }[];
  /** Media files copied into media/ (relative to the content folder). */
  mediaWritten: { file: string; status: "new" | "updated" }[];
  /** Media files already there with the source's bytes. */
  mediaUnchanged: string[];
  noViews: string[];
  /** Images kept at a plain-http address of another site: an https page may not show them (see the README). */
  insecureImages: { url: string; src: string }[];
  /** Posts the old site kept at the top of its lists, imported pinned. */
  sticky: { url: string; title: string; file: string }[];
  /** View counts that are not a whole number from 0 to 2^53 − 1: the article was imported with 0. */
  badViews: { url: string; found: string; expected: string }[];
  /** Old addresses no static host can answer (a query string, spaces), so not kept as aliases. */
  notKept: string[];
  newCategories: { slug: string; name: string; parent: string | null }[];
  orderMismatches: { url: string; was: string; now: string }[];
  /** Files an earlier, interrupted run had planned, settled against what it had written. */
  resumed: number;
  /** Problems the validator found in the result, paths relative to the content folder; when any, nothing was written. */
  problems: Problem[];
  /** How many files the validator read (with `problems`, what a ContentError carries). */
  checkedFiles: number;
  /** What the owner should know that is not about a page (a staging folder an earlier, killed import left), one line each. */
  warnings: string[];
}

export const emptyReport = (): ImportReport => ({
  overview: [],
  pages: 0,
  written: [],
  unchanged: [],
  conflicts: [],
  skipped: [],
  spam: [],
  cleaned: [],
  notes: [],
  missingFiles: [],
  refusedFiles: [],
  mediaWritten: [],
  mediaUnchanged: [],
  noViews: [],
  insecureImages: [],
  sticky: [],
  badViews: [],
  notKept: [],
  newCategories: [],
  orderMismatches: [],
  resumed: 0,
  problems: [],
  checkedFiles: 0,
  warnings: [],
});

/** Files under `<content>/_import/`: the state of each source, the report, quarantined pages. */
export const IMPORT_DIR = "_import";
/** Images and documents copied from the source under their old paths; published at /media/. */
export const MEDIA_DIR = "media";
/** Held by the import writing into a content folder: two at once would each miss the other's files. */
const LOCK = ".lock";

/** The largest view count front-matter accepts (the validator's own bound). */
const MAX_VIEWS = Number.MAX_SAFE_INTEGER;

interface RegistryEntry {
  slug: string;
  name: string | Record<string, string>;
  parent?: string;
  description?: string;
}

/** One article to write: where, what, and what the file was when it was read (null: absent). */
interface ArticleWrite {
  item: ImportItem;
  file: string;
  target: string;
  read: string | null;
  status: "new" | "updated";
  text: string;
  badViews: ImportReport["badViews"][number] | null;
  /** The item's own notes, and what the conversion of its body changed. */
  notes: string[];
}

/** One media file to copy, with what the destination was when it was read. */
interface MediaWrite {
  sitePath: string;
  from: string;
  file: string;
  target: string;
  read: string | null;
  hash: string;
  url: string;
}

export const hash = (data: Buffer | string) =>
  fileHash(typeof data === "string" ? Buffer.from(data) : data).slice(0, 32);

/**
 * Writes `items` into the content folder (see the header). `report` arrives with what the source
 * adapter found (skipped pages, spam) and leaves with everything else. `quarantine` lists source files
 * to keep, unpublished, under _import/quarantine/.
 */
export async function applyImport(
  items: readonly ImportItem[],
  given: ApplyOptions,
  report: ImportReport,
  quarantine: { from: string; to: string }[] = [],
): Promise<ImportReport> {
  await fs.mkdir(given.contentDir, { recursive: true });
  // Its real path: every destination is checked against it (a symbolic link in the content folder may
  // lead anywhere).
  const options = { ...given, contentDir: await fs.realpath(given.contentDir) };
  const release = await lock(path.join(options.contentDir, IMPORT_DIR));
  try {
    return await run(items, options, report, quarantine);
  } finally {
    await release();
  }
}

/** What one run works with, handed to each of its steps. */
interface Run {
  /** The content folder's real path. */
  contentDir: string;
  options: ApplyOptions;
  report: ImportReport;
  /** The source's state (./state.ts), settled against what an interrupted run wrote. */
  state: ImportState;
  stateFile: string;
  registry: Registry;
  /** --script's conversion of a text (the text itself without it). */
  convert: (s: string) => string;
  step: (step: WriteStep, file: string) => void | Promise<void>;
  /**
   * The spelling each tag is imported in (by nearKey: case, width, Traditional/Simplified), the first met
   * in the planned order: the site allows one spelling per tag ("News" as a category, "news" as a tag).
   */
  tagSpellings: Map<string, string>;
}

/** The category registry: its file, its bytes when the run read it (null: there was none), its entries with the new ones added. */
interface Registry {
  file: string;
  bytes: Buffer | null;
  entries: RegistryEntry[];
}

/** Where an item will be written: its category, its file, and the file's real place. */
interface PlannedItem {
  item: ImportItem;
  category: string;
  file: string;
  target: string;
}

/** What the bodies' links and images lead to, gathered while the articles are converted. */
interface Links {
  /** By key (the lead's address), every item that has a file. */
  planned: ReadonlyMap<string, PlannedItem>;
  /** Another address of a twin → the lead's. */
  leadOf: ReadonlyMap<string, string>;
  /** Files to copy: path relative to the content folder (media/…) → source file, and the first article that showed it. */
  copies: Map<string, { from: string; url: string }>;
  /** Site path below /media → where it may be written (or why not), decided once per path. */
  mediaTargets: Map<string, ReturnType<typeof confined>>;
}

/** Everything the run is to write, computed before anything is written. */
interface Plan {
  planned: ReadonlyMap<string, PlannedItem>;
  writes: ArticleWrite[];
  mediaWrites: MediaWrite[];
  registryText: string;
  registryChanged: boolean;
  /** No article, media file or category to write (no page of the source became an article). */
  nothingToWrite: boolean;
}

/** The folders written into, each with its one cleaning of a killed run's temporary files. */
interface Folders {
  contentDir: string;
  cleaned: Map<string, Promise<unknown>>;
}

async function run(
  items: readonly ImportItem[],
  options: ApplyOptions,
  report: ImportReport,
  quarantine: { from: string; to: string }[],
): Promise<ImportReport> {
  const r = await startRun(options, report);
  const plan = await planRun(r, items);
  // Nothing to write (no page of the source became an article): nothing to check either.
  if (!plan.nothingToWrite && !(await checkResult(r, plan))) return report;
  await r.step("checked", r.contentDir);
  await writeResult(r, plan, quarantine);
  await writeDeadLinks(r, items);
  return report;
}

/**
 * The record of old addresses this source's pages had that the site cannot answer — a query string or
 * spaces, and spam pages — for the build's dead-link files (src/site/seo-move.ts): rewritten whole by
 * each run, which sees the whole source; none for a source that never had any.
 */
async function writeDeadLinks(r: Run, items: readonly ImportItem[]): Promise<void> {
  const address = r.options.oldAddress ?? ((key: string) => key);
  const gone = [
    ...items.flatMap((i) => [i.key, ...(i.moreKeys ?? [])]).filter((k) => !ALIAS.test(k)),
    ...r.report.spam.map((s) => s.url).filter((url) => url.startsWith("/") && !url.startsWith("//")),
  ].map(address);
  const file = path.join(r.contentDir, IMPORT_DIR, deadLinkRecordName(r.options.source));
  if (gone.length > 0 || existsSync(file)) await writeAtomic(file, deadLinkRecordText(r.options.source, gone));
}

/** The run's context: the registry and the source's state read, and the state settled (`report.resumed`). */
async function startRun(options: ApplyOptions, report: ImportReport): Promise<Run> {
  const { contentDir } = options;
  const step = options.onStep ?? (() => {});
  const convert = options.script
    ? OpenCC.Converter(options.script === "zh-Hant" ? { from: "cn", to: "tw" } : { from: "tw", to: "cn" })
    : (s: string) => s;

  const registryFile = path.join(contentDir, "_data", "categories.json");
  const registryBytes = await readOrNull(registryFile);
  const registry: Registry = {
    file: registryFile,
    bytes: registryBytes,
    entries: registryBytes ? JSON.parse(registryBytes.toString("utf8")) : [],
  };

  const stateFile = path.join(contentDir, IMPORT_DIR, `${options.source}.json`);
  const state = await readState(stateFile);
  report.resumed = await settle(
    state,
    async (file) => {
      const at = confined(contentDir, file, "articles");
      const bytes = "path" in at ? await readOrNull(at.path) : null;
      return bytes === null ? null : contentHash(bytes.toString("utf8"));
    },
    async (sitePath) => {
      const at = confined(contentDir, `${MEDIA_DIR}/${sitePath}`, MEDIA_DIR);
      return "path" in at ? currentHash(at.path) : null;
    },
  );
  return { contentDir, options, report, state, stateFile, registry, convert, step, tagSpellings: new Map() };
}

/** The category of a trail: each crumb matched by name (in either script) under its parent, or added to the registry. */
function categoryOf(r: Run, trail: ImportItem["trail"]): string {
  const registry = r.registry.entries;
  let parent: string | null = null;
  const chain = trail.length > 0 ? trail : [{ name: r.options.uncategorised ?? "未分類", slug: "uncategorised" }];
  for (const crumb of chain) {
    const name = r.convert(crumb.name);
    const found = registry.find((c) => (c.parent ?? null) === parent && namesOf(c).some((n) => fold(n) === fold(name)));
    if (found) {
      parent = found.slug;
      continue;
    }
    const wanted = crumb.slug || categorySlug(name, null);
    let slug = wanted;
    for (let n = 2; registry.some((c) => c.slug === slug); n++) slug = `${wanted}-${n}`;
    registry.push({ slug, name, ...(parent ? { parent } : {}) });
    r.report.newCategories.push({ slug, name, parent });
    parent = slug;
  }
  return parent!;
}

/** The articles' texts and the media files to copy, every one compared with what is there now. */
async function planRun(r: Run, items: readonly ImportItem[]): Promise<Plan> {
  const planned = planTargets(r, items);
  const links: Links = {
    planned,
    leadOf: new Map(items.flatMap((i) => (i.moreKeys ?? []).map((k) => [k, i.key] as const))),
    copies: new Map(),
    mediaTargets: new Map(),
  };
  const writes: ArticleWrite[] = [];
  for (const p of planned.values()) {
    const write = await articleWrite(r, links, p);
    if (write) writes.push(write);
  }
  const mediaWrites = await planMedia(r, links);
  const registryText = `${JSON.stringify(r.registry.entries, null, 2)}\n`;
  const registryChanged = r.report.newCategories.length > 0 || (r.registry.bytes === null && writes.length > 0);
  const nothingToWrite = writes.length === 0 && mediaWrites.length === 0 && r.report.newCategories.length === 0;
  return { planned, writes, mediaWrites, registryText, registryChanged, nothingToWrite };
}

/**
 * Each item's file, planned first so links between items can be rewritten. A new item never takes the
 * name of a file that exists: the author's own articles are never overwritten.
 */
function planTargets(r: Run, items: readonly ImportItem[]): Map<string, PlannedItem> {
  const { contentDir, report, state } = r;
  const planned = new Map<string, PlannedItem>();
  const taken = new Set(Object.values(state.articles).map((s) => s.file));
  const free = (file: string) => !taken.has(file) && !existsSync(path.join(contentDir, file));
  for (const item of [...items].sort((a, b) => a.key.localeCompare(b.key))) {
    const twin = planned.get(item.key);
    if (twin) {
      report.skipped.push({
        url: item.key,
        reason: `the same old address as another page ("${twin.item.title}"), which was imported`,
      });
      continue;
    }
    const category = categoryOf(r, item.trail);
    // Known under one of its addresses (the lead of twins can change between imports): kept under the lead.
    const stateKey = [item.key, ...(item.moreKeys ?? [])].find((k) => state.articles[k]);
    if (stateKey && stateKey !== item.key) {
      state.articles[item.key] = state.articles[stateKey]!;
      delete state.articles[stateKey];
    }
    const known = state.articles[item.key];
    const slug = slugify(item.slug) || slugify(item.title) || "article";
    let file = known?.file ?? `articles/${category}/${slug}.md`;
    for (let n = 2; !known && !free(file); n++) file = `articles/${category}/${slug}-${n}.md`;
    taken.add(file);
    const at = confined(contentDir, file, "articles");
    if ("refused" in at) {
      report.conflicts.push({ url: item.key, file, reason: `not written: ${at.refused}` });
      continue;
    }
    planned.set(item.key, { item, category, file, target: at.path });
  }
  return planned;
}

/** The article to write for a planned item; null when it is left as it is (unchanged, or an author's since). */
async function articleWrite(
  r: Run,
  links: Links,
  { item, category, file, target }: PlannedItem,
): Promise<ArticleWrite | null> {
  const { report } = r;
  const known = r.state.articles[item.key];
  const bytes = await readOrNull(target);
  const current = bytes?.toString("utf8") ?? "";
  if (known) {
    if (bytes === null) {
      report.conflicts.push({ url: item.key, file, reason: "deleted since it was imported; left out" });
      return null;
    }
    if (contentHash(current) !== known.written) {
      report.conflicts.push({ url: item.key, file, reason: "edited since it was imported; kept as it is" });
      return null;
    }
    if (known.source === sourceOf(item)) {
      report.unchanged.push(item.key);
      return null;
    }
  }
  const notes: string[] = [];
  const { text, badViews } = articleText(r, links, item, category, current, notes);
  return {
    item,
    file,
    target,
    read: bytes === null ? null : fileHash(bytes),
    status: known ? "updated" : "new",
    text,
    badViews,
    notes: [...(item.notes ?? []), ...notes],
  };
}

/** An item's file text: its front-matter and its body in Markdown; `current` is the file as it is now ("" for none). */
function articleText(
  r: Run,
  links: Links,
  item: ImportItem,
  category: string,
  current: string,
  notes: string[],
): { text: string; badViews: ArticleWrite["badViews"] } {
  const { convert } = r;
  const route = routeOf(r, links, item);
  // --script converts the text, never the addresses in it (a converted file name would not exist).
  const markdown = (html: string, said?: string[]) =>
    toMarkdown(
      r.options.script ? convertText(html, convert) : html,
      { link: (href) => route(href, "link"), image: (src) => route(src, "image") },
      said,
    );
  const body = markdown(item.bodyHtml, notes);
  const comments = pastComments(item.comments ?? [], (html, said) => markdown(html, said), convert, notes);
  const tags = importTags(item.tags ?? [], convert, notes, r.tagSpellings);
  const views = checkViews(item);
  const frontMatter: Record<string, unknown> = {
    title: convert(item.title),
    category,
    date: item.date,
    // Counts brought up to date since the last import (npm run views) are not lost to an older source.
    views: Math.max(views.count, currentViews(current)),
    ...(viewsAsOf(current) ? { views_as_of: viewsAsOf(current) } : {}),
    ...(item.author ? { author: convert(item.author) } : {}),
    ...(item.source ? { source: convert(item.source) } : {}),
    ...(item.summary ? { summary: convert(item.summary) } : {}),
    ...(aliasesOf(item).length > 0 ? { aliases: aliasesOf(item) } : {}),
    ...(item.legacyId !== undefined ? { legacy_id: item.legacyId } : {}),
    ...(item.sticky ? { pinned: true } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(comments.length > 0 ? { comments } : {}),
  };
  return { text: articleFileText(frontMatter, body), badViews: views.bad };
}

/** Where each link and image of `item` is written to lead (null: dropped); what is missing or refused is reported. */
function routeOf(r: Run, links: Links, item: ImportItem): (href: string, kind: "link" | "image") => string | null {
  const { report } = r;
  return (href, kind) => {
    const t = item.target(href, kind);
    if (t.kind === "article") {
      const key = links.leadOf.get(t.key) ?? t.key;
      return links.planned.has(key) ? `${PLACEHOLDER}${Buffer.from(key).toString("hex")}` : t.key;
    }
    if (t.kind === "file") return mediaRoute(r, links, item, href, t);
    if (t.kind === "missing") {
      report.missingFiles.push({ url: item.key, src: href });
      return t.href;
    }
    if (t.kind === "refused") {
      report.refusedFiles.push({ url: item.key, src: href, reason: t.reason });
      return t.href;
    }
    if (t.kind === "keep" && kind === "image" && /^http:/i.test(t.href))
      report.insecureImages.push({ url: item.key, src: t.href });
    return t.kind === "keep" ? t.href : null;
  };
}

/** A file of the source: its address below /media, and the file to copy there (or the old address, refused). */
function mediaRoute(
  r: Run,
  links: Links,
  item: ImportItem,
  href: string,
  t: Extract<Target, { kind: "file" }>,
): string {
  // Below media/ by the normalised site path, and only where its real path stays in the content folder.
  if (!links.mediaTargets.has(t.sitePath))
    links.mediaTargets.set(t.sitePath, confined(r.contentDir, `${MEDIA_DIR}/${t.sitePath}`, MEDIA_DIR));
  const at = links.mediaTargets.get(t.sitePath)!;
  if ("refused" in at) {
    r.report.refusedFiles.push({
      url: item.key,
      src: href,
      reason: `not copied to ${MEDIA_DIR}${t.sitePath}: ${at.refused}`,
    });
    return href;
  }
  if (!links.copies.has(at.rel)) links.copies.set(at.rel, { from: t.from, url: item.key });
  return `/${at.rel}`;
}

/** Media: each copied unless the file there is one the author put or replaced. */
async function planMedia(r: Run, links: Links): Promise<MediaWrite[]> {
  const { report, state } = r;
  const mediaWrites: MediaWrite[] = [];
  for (const [rel, { from, url }] of links.copies) {
    const sitePath = rel.slice(MEDIA_DIR.length);
    const at = links.mediaTargets.get(sitePath) ?? confined(r.contentDir, rel, MEDIA_DIR);
    if ("refused" in at) continue;
    const source = await currentHash(from);
    if (source === null) {
      report.missingFiles.push({ url, src: from });
      continue;
    }
    const now = await currentHash(at.path);
    const known = state.media[sitePath];
    if (now === source) {
      report.mediaUnchanged.push(rel);
      state.media[sitePath] = { written: now };
    } else if (now === null && known && known.written !== null) {
      report.conflicts.push({ url, file: rel, reason: "deleted since it was imported; not copied again" });
    } else if (now === null || known?.written === now) {
      mediaWrites.push({ sitePath, from, file: rel, target: at.path, read: now, hash: source, url });
    } else {
      report.conflicts.push({
        url,
        file: rel,
        reason: known
          ? "replaced since it was imported; kept as it is"
          : "a file the import did not write is there; kept as it is",
      });
    }
  }
  return mediaWrites;
}

/**
 * The result, checked without copying the content folder: the new and changed articles and the data
 * files are staged beside it and read in place of theirs. Links to imported articles are filled in
 * here, and the order compared. False when the validator found problems: then only the report, which
 * says why, is written.
 */
async function checkResult(r: Run, plan: Plan): Promise<boolean> {
  const { contentDir, report } = r;
  const staged = new Map(plan.writes.map((w) => [w.file, w.text]));
  const staging = await prepareStaging(contentDir, (line) => report.warnings.push(line));
  const overlay: Overlay = {
    contentDir,
    staging,
    data: plan.registryChanged ? new Map([["categories.json", plan.registryText]]) : new Map(),
    articles: staged,
    media: plan.mediaWrites.map((w) => w.sitePath.replace(/^\//, "")),
  };
  try {
    await stage(overlay);
    // Links to imported articles: with every file in the overlay, the site model knows their addresses.
    const first = await checkOverlay(overlay);
    const hrefByKey = hrefsByKey(first, plan.planned);
    const relinked = relink(plan.writes, staged, hrefByKey);

    // Nothing is written unless the result passes the build's own checks (checked again only when
    // links were filled in: otherwise the texts are the ones just checked).
    const final = relinked ? await checkOverlay(overlay) : first;
    const shown = (text: string) =>
      text.split(`${staging}${path.sep}`).join("").split(`${contentDir}${path.sep}`).join("");
    report.problems = final.problems.map((p) => ({
      ...p,
      file: displayPath(overlay, p.file),
      found: shown(p.found),
      ...(p.also ? { also: shown(p.also) } : {}),
    }));
    report.checkedFiles = final.fileCount;
    if (report.problems.length > 0) {
      // Nothing is written, but the report is: it says why.
      await writeAtomic(path.join(contentDir, IMPORT_DIR, "report.md"), reportText(report));
      return false;
    }
    compareOrder(report, plan.planned, final, hrefByKey);
    return true;
  } finally {
    await discard(staging);
  }
}

/** Each planned item's address on the new site, by key. */
function hrefsByKey(check: SiteCheck, planned: ReadonlyMap<string, PlannedItem>): Map<string, string> {
  // By real path too: the listing may reach an unchanged file through a symbolic link to its folder.
  const keyByFile = new Map(
    [...planned].flatMap(
      ([key, p]) =>
        [
          [p.target, key],
          [realPathOf(p.target), key],
        ] as const,
    ),
  );
  const hrefByKey = new Map<string, string>();
  const pages = pagesOf(check.model, "article");
  const unmatched: (typeof pages)[number][] = [];
  for (const page of pages) {
    const key = keyByFile.get(page.file);
    if (key) hrefByKey.set(key, page.path);
    else unmatched.push(page);
  }
  if (hrefByKey.size < planned.size) {
    for (const page of unmatched) {
      const key = keyByFile.get(realPathOf(page.file));
      if (key) hrefByKey.set(key, page.path);
    }
  }
  return hrefByKey;
}

/** The placeholder links of the texts replaced by the addresses they lead to, in the writes and the overlay; true when any was. */
function relink(writes: ArticleWrite[], staged: Map<string, string>, hrefByKey: ReadonlyMap<string, string>): boolean {
  let relinked = false;
  for (const w of writes) {
    const text = w.text.replace(PLACEHOLDER_LINK, (_, hex: string) => {
      const key = Buffer.from(hex, "hex").toString();
      return hrefByKey.get(key) ?? encodeURI(key);
    });
    if (text === w.text) continue;
    w.text = text;
    staged.set(w.file, text);
    relinked = true;
  }
  return relinked;
}

/**
 * The old site's previous/next against Wenku's order.
 * (Compared by href, which carries the path prefix on both sides.)
 */
function compareOrder(
  report: ImportReport,
  planned: ReadonlyMap<string, PlannedItem>,
  check: SiteCheck,
  hrefByKey: ReadonlyMap<string, string>,
): void {
  const pages = pagesOf(check.model, "article");
  const pageByPath = new Map(pages.map((p) => [p.path, p]));
  const pathByHref = new Map(pages.map((p) => [p.entry.href, p.path]));
  for (const { item } of planned.values()) {
    const now = pageByPath.get(hrefByKey.get(item.key) ?? "");
    if (!now) continue;
    for (const [was, mine] of [
      [item.previous, now.older?.href],
      [item.next, now.newer?.href],
    ] as const) {
      const wasNow = was ? (hrefByKey.get(was) ?? null) : null;
      const mineNow = mine ? (pathByHref.get(mine) ?? null) : null;
      if (was && wasNow && mineNow && mineNow !== wasNow)
        report.orderMismatches.push({ url: item.key, was, now: mineNow });
    }
  }
}

/** Writing, once the result is checked: the intents, the registry, media, quarantined pages, articles, then the state and the report. */
async function writeResult(r: Run, plan: Plan, quarantine: { from: string; to: string }[]): Promise<void> {
  await saveIntents(r, plan);
  // The registry before the articles that name its new categories (a category without articles is valid).
  const stopped = plan.registryChanged && !(await writeRegistry(r, plan));
  const folders: Folders = { contentDir: r.contentDir, cleaned: new Map() };
  // Written a few at a time; what each outcome means for the state and the report is then taken in
  // plan order, so the report reads the same however the writes interleaved.
  if (!stopped) {
    await copyMedia(r, folders, plan.mediaWrites);
    await copyQuarantine(r, folders, quarantine);
    await writeArticles(r, folders, plan.writes);
  }

  // Each folder written into is flushed once, before the state that says its files are written.
  for (const dir of folders.cleaned.keys()) await syncDir(dir);
  // A run that had nothing to write leaves no state behind for a source never imported.
  if (!plan.nothingToWrite || quarantine.length > 0 || existsSync(r.stateFile))
    await writeAtomic(r.stateFile, stateText(r.state));
  await writeAtomic(path.join(r.contentDir, IMPORT_DIR, "report.md"), reportText(r.report));
  await r.step("done", r.stateFile);
}

/** First the intents, so a run killed from here on is finished by the next one (./state.ts). */
async function saveIntents(r: Run, { writes, mediaWrites }: Plan): Promise<void> {
  const { state } = r;
  for (const w of writes) {
    const entry = state.articles[w.item.key] ?? { file: w.file, source: "", written: null };
    state.articles[w.item.key] = {
      ...entry,
      file: w.file,
      intended: { hash: contentHash(w.text), source: sourceOf(w.item) },
    };
  }
  for (const m of mediaWrites)
    state.media[m.sitePath] = { written: state.media[m.sitePath]?.written ?? null, intended: m.hash };
  await fs.mkdir(path.dirname(r.stateFile), { recursive: true });
  if (writes.length + mediaWrites.length > 0) {
    await writeAtomic(r.stateFile, stateText(state));
    await r.step("state", r.stateFile);
  }
}

/** The registry written, unless it changed while the import ran: then false, every write a conflict and its intent forgotten. */
async function writeRegistry(r: Run, { registryText, writes, mediaWrites }: Plan): Promise<boolean> {
  const { report, state, registry } = r;
  await fs.mkdir(path.dirname(registry.file), { recursive: true });
  const outcome = await writeAtomic(registry.file, registryText, {
    expected: registry.bytes === null ? null : fileHash(registry.bytes),
  });
  if (outcome.written) {
    await r.step("registry", registry.file);
    return true;
  }
  // The articles were checked against the registry as it was: none is written against another.
  report.conflicts.push({
    url: "",
    file: "_data/categories.json",
    reason: "changed while the import ran; kept as it is, and nothing else was written — import again",
  });
  for (const w of writes) {
    report.conflicts.push({
      url: w.item.key,
      file: w.file,
      reason: "not written: the category registry changed while the import ran — import again",
    });
    forget(state.articles[w.item.key]!, () => delete state.articles[w.item.key]);
  }
  for (const m of mediaWrites) {
    report.conflicts.push({
      url: m.url,
      file: m.file,
      reason: "not copied: the category registry changed while the import ran — import again",
    });
    forget(state.media[m.sitePath]!, () => delete state.media[m.sitePath]);
  }
  return false;
}

/** An intent that was not carried out: a file never written is dropped from the state, else it keeps what was written. */
function forget(entry: { written: string | null; intended?: unknown }, drop: () => void) {
  return entry.written === null ? drop() : delete entry.intended;
}

/** A folder about to be written into: created, its real path checked again, a killed run's temporary files removed. */
async function prepareFolder(
  folders: Folders,
  relative: string,
  within: string,
): Promise<{ path: string } | { refused: string }> {
  const { contentDir, cleaned } = folders;
  const at = confined(contentDir, relative, within);
  if ("refused" in at) return at;
  const dir = path.dirname(at.path);
  await fs.mkdir(dir, { recursive: true });
  const again = confined(contentDir, relative, within);
  if ("refused" in again) return again;
  // Once per folder, and every writer into it waits for that one cleaning.
  if (!cleaned.has(dir)) cleaned.set(dir, removeStaleTemps(dir));
  await cleaned.get(dir);
  return again;
}

const why = (at: { refused: string } | { path: string }) => ("refused" in at ? at.refused : "");

/** The media files copied, then each outcome taken into the state and the report. */
async function copyMedia(r: Run, folders: Folders, mediaWrites: MediaWrite[]): Promise<void> {
  const { report, state } = r;
  const copied = new Map<MediaWrite, string | null>(); // null: copied; else why not
  await inParallel(mediaWrites, async (m) => {
    const at = await prepareFolder(folders, m.file, MEDIA_DIR);
    const outcome = "refused" in at ? null : await copyAtomic(m.from, at.path, { expected: m.read, syncFolder: false });
    copied.set(
      m,
      outcome?.written
        ? null
        : outcome === null
          ? `not copied: ${why(at)}`
          : outcome.found === null
            ? "deleted while the import ran; not copied again"
            : "changed while the import ran; kept as it is",
    );
    await r.step("media", m.target);
  });
  for (const m of mediaWrites) {
    const reason = copied.get(m)!;
    if (reason === null) {
      state.media[m.sitePath] = { written: m.hash };
      report.mediaWritten.push({ file: m.file, status: m.read === null ? "new" : "updated" });
    } else {
      forget(state.media[m.sitePath]!, () => delete state.media[m.sitePath]);
      report.conflicts.push({ url: m.url, file: m.file, reason });
    }
  }
}

/** The source's spam pages kept, unpublished, under _import/. */
async function copyQuarantine(r: Run, folders: Folders, quarantine: { from: string; to: string }[]): Promise<void> {
  for (const q of quarantine) {
    const at = await prepareFolder(folders, `${IMPORT_DIR}/${q.to.replace(/^_import\//, "")}`, IMPORT_DIR);
    if ("refused" in at) {
      r.report.refusedFiles.push({ url: q.to, src: q.from, reason: `not quarantined: ${at.refused}` });
      continue;
    }
    await copyAtomic(q.from, at.path, { syncFolder: false });
    await r.step("quarantine", at.path);
  }
}

/** The articles written, then each outcome taken into the state and the report. */
async function writeArticles(r: Run, folders: Folders, writes: ArticleWrite[]): Promise<void> {
  const { report, state } = r;
  const wrote = new Map<ArticleWrite, string | null>(); // null: written; else why not
  const writeOne = async (w: ArticleWrite) => {
    const at = await prepareFolder(folders, w.file, "articles");
    const outcome =
      "refused" in at ? null : await writeAtomic(at.path, w.text, { expected: w.read, syncFolder: false });
    wrote.set(
      w,
      outcome?.written
        ? null
        : outcome === null
          ? `not written: ${why(at)}`
          : outcome.found === null
            ? "deleted while the import ran; left out"
            : w.read === null
              ? "a file of that name appeared while the import ran; kept as it is"
              : "edited while the import ran; kept as the author made it",
    );
    await r.step("article", w.target);
  };
  // Updated files before new ones: a new article never meets the old version of one it displaces.
  for (const status of ["updated", "new"] as const)
    await inParallel(
      writes.filter((w) => w.status === status),
      writeOne,
    );
  for (const w of writes) {
    const reason = wrote.get(w)!;
    const entry = state.articles[w.item.key]!;
    if (reason === null) {
      state.articles[w.item.key] = { file: w.file, source: entry.intended!.source, written: entry.intended!.hash };
      reportWritten(report, w);
    } else {
      forget(entry, () => delete state.articles[w.item.key]);
      report.conflicts.push({ url: w.item.key, file: w.file, reason });
    }
  }
}

/** What the report says of an article written. */
function reportWritten(report: ImportReport, w: ArticleWrite): void {
  report.written.push({ url: w.item.key, file: w.file, status: w.status });
  if (w.item.views === null) report.noViews.push(w.item.key);
  if (w.badViews) report.badViews.push(w.badViews);
  for (const key of [w.item.key, ...(w.item.moreKeys ?? [])]) if (!ALIAS.test(key)) report.notKept.push(key);
  if (w.item.signs.length > 0) report.cleaned.push({ url: w.item.key, file: w.file, signs: w.item.signs });
  if (w.notes.length > 0) report.notes.push({ url: w.item.key, file: w.file, notes: w.notes });
  if (w.item.sticky) report.sticky.push({ url: w.item.key, title: w.item.title, file: w.file });
}

/** Files written at a time: each write waits on the disk (fsync), so a few in flight keep it busy. */
const WRITE_CONCURRENCY = 8;

async function inParallel<T>(list: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await each(list[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, list.length) }, worker));
}

/**
 * Takes the content folder's import lock (a file holding this process's id), or says which import
 * holds it; a lock left by a killed import is taken over. Returns its release.
 */
async function lock(importDir: string): Promise<() => Promise<void>> {
  const created = !existsSync(importDir);
  await fs.mkdir(importDir, { recursive: true });
  const file = path.join(importDir, LOCK);
  const held = (pid: number) =>
    new WenkuError(
      "locked",
      `${file}: another import (process ${pid}) is writing into this content folder — run this one when it has finished`,
    );
  for (let attempt = 0; ; attempt++) {
    // Published whole (written aside, then linked into place, which fails if a lock exists): a lock is
    // never seen empty, so a second import never takes a lock being written for a dead one's.
    if ((await writeAtomic(file, `${process.pid}\n`, { expected: null })).written) break;
    const pid = Number((await readOrNull(file))?.toString().trim());
    if (!(pid > 0) || pid === process.pid || isAlive(pid) || attempt >= 3) throw held(pid);
    // A killed import's lock: moved aside under a name of this process's own, and removed only if it
    // still is that dead process's (another import may have taken it over first).
    const aside = `${file}.stale-${process.pid}`;
    try {
      await fs.rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = Number((await readOrNull(aside))?.toString().trim());
    if (moved !== pid) {
      await fs.link(aside, file).catch(() => {});
      await fs.rm(aside, { force: true });
      throw held(moved);
    }
    await fs.rm(aside, { force: true });
  }
  return async () => {
    await fs.rm(file, { force: true });
    // An import that wrote nothing leaves the folder as it found it.
    if (created) await fs.rmdir(importDir).catch(() => {});
  };
}

/**
 * Where `relative` may be written: normalised, below `within/` of the content folder, and with a real
 * path (every symbolic link on the way followed, also for folders not made yet) inside the content
 * folder's. The refusal names the link that leads out.
 */
function confined(
  contentDir: string,
  relative: string,
  within: string,
): { path: string; rel: string } | { refused: string } {
  const clean = normaliseRelative(relative);
  if (clean === null || !clean.startsWith(`${within}/`))
    return { refused: `the path ${relative} does not lead below ${within}/` };
  const parts = clean.split("/");
  for (let n = 1; n <= parts.length; n++) {
    const real = realPathOf(path.join(contentDir, ...parts.slice(0, n)));
    if (!isInside(real, contentDir) || real === contentDir) {
      return { refused: `${parts.slice(0, n).join("/")} is a symbolic link to ${real}, outside the content folder` };
    }
  }
  return { path: path.join(contentDir, ...parts), rel: clean };
}

/**
 * The source's comments as front-matter keeps them: text converted like a body (what the conversion
 * changed noted, comment by comment); one with no text left is left out with a note, and a reply to a
 * comment left out answers no one (its reply_to would name nothing).
 */
function pastComments(
  list: readonly ImportComment[],
  markdown: (html: string, notes: string[]) => string,
  convert: (s: string) => string,
  notes: string[],
) {
  const kept: { id?: number; author: string; url?: string; date: string; reply_to?: number; text: string }[] = [];
  const ids = new Set<number>();
  list.forEach((c, i) => {
    const who = `comment ${i + 1} (${c.author}, ${c.date})`;
    const said: string[] = [];
    const text = markdown(c.html, said);
    notes.push(...said.map((line) => `${who}: ${line}`));
    if (text.trim() === "") {
      notes.push(`${who}: no text once converted: left out`);
      return;
    }
    const answers = c.replyTo !== undefined && ids.has(c.replyTo);
    if (c.replyTo !== undefined && !answers)
      notes.push(`${who}: the comment it answered (${c.replyTo}) is not kept, so it is shown as a comment of its own`);
    if (c.id !== undefined) ids.add(c.id);
    kept.push({
      ...(c.id !== undefined ? { id: c.id } : {}),
      author: convert(c.author),
      ...(c.url ? { url: c.url } : {}),
      date: c.date,
      ...(answers ? { reply_to: c.replyTo } : {}),
      text,
    });
  });
  return kept;
}

/**
 * The source's tag names as front-matter accepts them: on one line, each once (compared as the content
 * model compares them), none longer than the model allows — a longer one is left out with a note.
 */
function importTags(
  names: readonly string[],
  convert: (s: string) => string,
  notes: string[],
  spellings: Map<string, string>,
): string[] {
  const out = new Map<string, string>();
  for (const name of names) {
    const written = convert(name).replace(/\s+/g, " ").trim();
    if (written === "") continue;
    if ([...written].length > MAX_TAG_LENGTH) {
      notes.push(`the tag "${written.slice(0, 40)}…" is longer than ${MAX_TAG_LENGTH} characters: left out`);
      continue;
    }
    const key = nearKey(written);
    const tag = spellings.get(key) ?? spellings.set(key, written).get(key)!;
    if (tag !== written && !out.has(tagKey(tag)))
      notes.push(`the tag "${written}" is written "${tag}", as on an earlier article (one spelling per tag)`);
    if (!out.has(tagKey(tag))) out.set(tagKey(tag), tag);
  }
  return [...out.values()];
}

/** A view count the validator accepts, or 0 with the report line saying what was found. */
function checkViews(item: ImportItem): { count: number; bad: ImportReport["badViews"][number] | null } {
  const v = item.views;
  if (v === null || (Number.isSafeInteger(v) && v >= 0)) return { count: v ?? 0, bad: null };
  const what = !Number.isFinite(v)
    ? "not a number"
    : !Number.isInteger(v)
      ? "not a whole number"
      : v < 0
        ? "below 0"
        : "above 2^53 − 1, which a page cannot show exactly";
  return {
    count: 0,
    bad: {
      url: item.key,
      found: `${Number.isFinite(v) && Number.isInteger(v) ? BigInt(v).toString() : String(v)} (${what})`,
      expected: `a whole number from 0 to ${MAX_VIEWS}; imported as 0`,
    },
  };
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * An old address a static host can answer: a path without a query. Pages a CMS served by query
 * (/plus/view.php?aid=123) cannot be kept; the report says so.
 */
const ALIAS = /^\/(?!\/)[^?#\s\\]*$/;

/**
 * What an article is made from: its source, and the addresses it answers (a new twin changes its aliases).
 * A sticky post's includes that it is pinned: an article imported before stickiness became `pinned:`
 * is written again (if no author edited it since), while every other article keeps its identity.
 */
const sourceOf = (item: ImportItem) =>
  hash(`${item.sourceHash}\n${[item.key, ...(item.moreKeys ?? [])].join("\n")}${item.sticky ? "\npinned" : ""}`);
const aliasesOf = (item: ImportItem) => [item.key, ...(item.moreKeys ?? [])].filter((k) => ALIAS.test(k));

/** Links to other imported articles are written as this, then replaced by their new addresses. */
const PLACEHOLDER = "wenku-import:";
const PLACEHOLDER_LINK = /wenku-import:([0-9a-f]+)/g; // the key in hex: nothing Markdown would escape

/**
 * The hash that tells whether an author edited an imported file: the front-matter's `views:` and
 * `views_as_of:` lines are left out, since `npm run views` changes them and that is not an edit (a body
 * line that starts with "views:" is text like any other).
 */
export function contentHash(text: string): string {
  const [front, body] = splitFront(text);
  return hash(front.replace(/^(views|views_as_of):[^\n]*\n/gm, "") + body);
}

function currentViews(text: string): number {
  return Number(/^views:\s*(\d+)\s*$/m.exec(splitFront(text)[0])?.[1] ?? 0);
}

/** The `views_as_of` an earlier `npm run views` wrote, so logs already counted are not counted again. */
function viewsAsOf(text: string): string | undefined {
  return /^views_as_of:\s*(\S+)\s*$/m.exec(splitFront(text)[0])?.[1];
}

/** An article's text as its front-matter (both fences included) and its body. */
function splitFront(text: string): [string, string] {
  const end = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return end ? [end[0], text.slice(end[0].length)] : ["", text];
}

/** The text of an HTML body (text nodes and image descriptions) converted, its addresses untouched. */
function convertText(html: string, convert: (s: string) => string): string {
  const $ = load(`<div id="wenku-text">${html}</div>`);
  const root = $("#wenku-text");
  const walk = (nodes: ReturnType<typeof root.contents>) =>
    nodes.each((_, node) => {
      if (node.type === "text") node.data = convert(node.data);
      else walk($(node).contents());
    });
  walk(root.contents());
  root.find("[alt]").each((_, el) => void $(el).attr("alt", convert($(el).attr("alt")!)));
  return root.html() ?? "";
}

function namesOf(c: RegistryEntry): string[] {
  return typeof c.name === "string" ? [c.name] : Object.values(c.name);
}

/** A category slug: an old folder name when it is a readable ASCII word, else pinyin, else a fallback. */
export function categorySlug(name: string, href: string | null): string {
  // The last folder of the old list address (/xsyj/gyyx/ or /News/list_1.html → gyyx, news).
  const segments = (href ?? "").split(/[?#]/)[0]!.split("/").filter(Boolean);
  if (segments.at(-1)?.includes(".")) segments.pop();
  const folder = segments.at(-1) ?? "";
  if (/^[a-z][a-z0-9-]{1,40}$/i.test(folder) && !/^(list|lists|index|html?|plus|a|e|cms|category)$/i.test(folder))
    return folder.toLowerCase();
  const ascii = slugify(
    /[\u3400-\u9fff]/.test(name) ? pinyin(name, { toneType: "none", type: "array" }).join("-") : name,
  );
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ascii) ? ascii : "category";
}

export function reportText(r: ImportReport): string {
  const c = counts(r);
  const lines = [
    "# Import report",
    "",
    `${r.pages} page(s) read: ${r.written.length} written (${c.created} new), ${r.unchanged.length} unchanged, ${c.pageConflicts} conflict(s), ${r.skipped.length} skipped, ${r.spam.length} spam.`,
    `Media: ${r.mediaWritten.length} copied (${c.mediaCreated} new), ${r.mediaUnchanged.length} unchanged, ${c.mediaConflicts} conflict(s), ${r.refusedFiles.length} refused, ${r.missingFiles.length} missing.`,
    ...(r.resumed > 0
      ? [
          `An earlier import stopped before it had finished: ${r.resumed} file(s) it had planned were settled against what it had written.`,
        ]
      : []),
    ...(r.written.length + r.unchanged.length + c.pageConflicts === 0 && r.problems.length === 0
      ? ["No page of the source became an article: each page's reason is under Skipped pages."]
      : []),
    ...r.overview,
    "",
  ];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`## ${title}`, "", ...items.map((i) => `- ${i}`), "");
  };
  section(
    "Spam pages (quarantined, not published)",
    r.spam.map((s) => `${s.url}${s.quarantined ? ` → ${s.quarantined}` : ""}: ${s.signs.join("; ")}`),
  );
  section(
    "Injected spam removed from articles",
    r.cleaned.map((c) => `${c.url} (${c.file}): ${c.signs.join("; ")}`),
  );
  section(
    "Imported, to check by eye (what did not arrive as it was)",
    r.notes.map((n) => `${n.url} (${n.file}): ${n.notes.join("; ")}`),
  );
  section(
    "Sticky on the old site (written pinned: true, first on page 1 of their category lists)",
    r.sticky.map((p) => `${p.url} (${p.file}): ${p.title}`),
  );
  section(
    "Conflicts (not overwritten)",
    r.conflicts.map((c) => `${c.url ? `${c.url} (${c.file})` : c.file}: ${c.reason}`),
  );
  section(
    "Skipped pages",
    r.skipped.map((s) => `${s.url}: ${s.reason}`),
  );
  section(
    "Missing images and files (kept as links)",
    r.missingFiles.map((m) => `${m.url}: ${m.src}`),
  );
  section(
    "Files refused (not copied, not published)",
    r.refusedFiles.map((m) => `${m.url}: ${m.src}: ${m.reason}`),
  );
  section(
    "Images kept at plain http addresses of other sites (an https page does not show them: copy them or use https)",
    r.insecureImages.map((m) => `${m.url}: ${m.src}`),
  );
  section("No view count found (set to 0)", r.noViews);
  section(
    "View counts not imported (set to 0)",
    r.badViews.map((b) => `${b.url}: views ${b.found} — ${b.expected}`),
  );
  section("Old addresses not kept (a query string or spaces: static hosts cannot answer them)", r.notKept);
  section(
    "New categories",
    r.newCategories.map((c) => `${c.slug} "${c.name}"${c.parent ? ` under ${c.parent}` : ""}`),
  );
  section(
    "Old previous/next links that differ from Wenku's order",
    r.orderMismatches.map((m) => `${m.url}: the old site linked ${m.was}, Wenku links ${m.now}`),
  );
  section("Problems (nothing was written)", r.problems.map(formatProblem));
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The one-line summary the import commands print: every page, and every media file, in one bucket each. */
export function summaryLine(r: ImportReport): string {
  const c = counts(r);
  return (
    `${r.pages} pages → ${c.created} new, ${r.written.length - c.created} updated, ${r.unchanged.length} unchanged, ` +
    `${c.pageConflicts} conflict(s), ${r.skipped.length} skipped, ${r.spam.length} spam (quarantined), ` +
    `${r.cleaned.length} cleaned of injected spam; media: ${r.mediaWritten.length} copied, ${r.mediaUnchanged.length} unchanged, ` +
    `${c.mediaConflicts} conflict(s), ${r.refusedFiles.length} refused, ${r.missingFiles.length} missing; ${r.badViews.length} view count(s) refused` +
    (c.otherConflicts > 0 ? `; ${c.otherConflicts} other conflict(s) (see the report)` : "")
  );
}

/** Conflicts by kind: an article's (a page of the source), a media file's, or the registry's. */
function counts(r: ImportReport) {
  const isMedia = (file: string) => file.startsWith(`${MEDIA_DIR}/`);
  const isPage = (c: ImportReport["conflicts"][number]) => c.url !== "" && !isMedia(c.file);
  return {
    created: r.written.filter((w) => w.status === "new").length,
    mediaCreated: r.mediaWritten.filter((w) => w.status === "new").length,
    pageConflicts: r.conflicts.filter(isPage).length,
    mediaConflicts: r.conflicts.filter((c) => isMedia(c.file)).length,
    otherConflicts: r.conflicts.filter((c) => !isPage(c) && !isMedia(c.file)).length,
  };
}
