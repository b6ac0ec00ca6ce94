// What every import has in common, whatever the source (a legacy CMS mirror, a WordPress export):
// articles come in as ImportItems and are written into a copy of the content folder, with their
// categories matched by name (in either script) or added, files of the source copied to media/, links
// between imported articles pointed at their new addresses, the old address kept as an alias, and the
// result checked with the build's own validator; only a clean result replaces the content folder.
// Importing again is safe: an item is identified by its old address; unchanged ones are left alone,
// and a file an author has edited (or deleted) since it was imported is never touched.
import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";
import { load } from "cheerio";
import { stringify } from "yaml";
import { discard, prepareStaging, swapIn } from "../build/atomic-output.ts";
import { slugify } from "../content/slug.ts";
import { fold } from "../search/fold.ts";
import { checkSite } from "../site/load-site.ts";
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
  /** The old site's neighbours (keys), for the order check. */
  previous?: string | null;
  next?: string | null;
}

export interface ApplyOptions {
  contentDir: string;
  /** Name of the source, for the state file: "legacy-html", "wordpress". */
  source: string;
  script?: "zh-Hant" | "zh-Hans";
  /** Name of the category for items without one. */
  uncategorised?: string;
}

export interface ImportReport {
  pages: number;
  written: { url: string; file: string; status: "new" | "updated" }[];
  unchanged: string[];
  conflicts: { url: string; file: string; reason: string }[];
  skipped: { url: string; reason: string }[];
  /** `quarantined`: where the page was kept ("" when there is no page file, as for a WordPress post). */
  spam: { url: string; title: string; signs: string[]; quarantined: string }[];
  cleaned: { url: string; file: string; signs: string[] }[];
  missingFiles: { url: string; src: string }[];
  /** Files of the source that were not copied: outside the source folder, or not a media type the site publishes. */
  refusedFiles: { url: string; src: string; reason: string }[];
  noViews: string[];
  /** Old addresses no static host can answer (a query string, spaces), so not kept as aliases. */
  notKept: string[];
  newCategories: { slug: string; name: string; parent: string | null }[];
  orderMismatches: { url: string; was: string; now: string }[];
  /** Problems the validator found in the result; when any, nothing was written. */
  problems: string[];
}

export const emptyReport = (): ImportReport => ({
  pages: 0,
  written: [],
  unchanged: [],
  conflicts: [],
  skipped: [],
  spam: [],
  cleaned: [],
  missingFiles: [],
  refusedFiles: [],
  noViews: [],
  notKept: [],
  newCategories: [],
  orderMismatches: [],
  problems: [],
});

/** Files under `<content>/_import/`: the state of each source, the report, quarantined pages. */
export const IMPORT_DIR = "_import";
/** Images and documents copied from the source under their old paths; published at /media/. */
export const MEDIA_DIR = "media";

interface StateEntry {
  file: string;
  source: string;
  /** Hash of the file as written: a different file means an author edited it since. */
  written: string;
}

interface RegistryEntry {
  slug: string;
  name: string | Record<string, string>;
  parent?: string;
  description?: string;
}

export const hash = (data: Buffer | string) => createHash("sha256").update(data).digest("hex").slice(0, 32);

/**
 * Writes `items` into the content folder (see the header). `report` arrives with what the source
 * adapter found (skipped pages, spam) and leaves with everything else. `quarantine` lists source files
 * to keep, unpublished, under _import/quarantine/.
 */
export async function applyImport(items: readonly ImportItem[], given: ApplyOptions, report: ImportReport, quarantine: { from: string; to: string }[] = []): Promise<ImportReport> {
  // The real folder: a symbolic link would be copied as a link, and the "copy" would be the original.
  await fs.mkdir(given.contentDir, { recursive: true });
  const options = { ...given, contentDir: await fs.realpath(given.contentDir) };
  const convert = options.script ? OpenCC.Converter(options.script === "zh-Hant" ? { from: "cn", to: "tw" } : { from: "tw", to: "cn" }) : (s: string) => s;

  const registryFile = path.join(options.contentDir, "_data", "categories.json");
  const registry: RegistryEntry[] = existsSync(registryFile) ? JSON.parse(await fs.readFile(registryFile, "utf8")) : [];
  const categoryOf = (trail: ImportItem["trail"]): string => {
    let parent: string | null = null;
    const chain = trail.length > 0 ? trail : [{ name: options.uncategorised ?? "未分類", slug: "uncategorised" }];
    for (const crumb of chain) {
      const name = convert(crumb.name);
      const found = registry.find((c) => (c.parent ?? null) === parent && namesOf(c).some((n) => fold(n) === fold(name)));
      if (found) {
        parent = found.slug;
        continue;
      }
      const wanted = crumb.slug || categorySlug(name, null);
      let slug = wanted;
      for (let n = 2; registry.some((c) => c.slug === slug); n++) slug = `${wanted}-${n}`;
      registry.push({ slug, name, ...(parent ? { parent } : {}) });
      report.newCategories.push({ slug, name, parent });
      parent = slug;
    }
    return parent!;
  };

  const stateFile = path.join(options.contentDir, IMPORT_DIR, `${options.source}.json`);
  const state: Record<string, StateEntry> = existsSync(stateFile) ? JSON.parse(await fs.readFile(stateFile, "utf8")) : {};

  // Each item's file, planned first so links between items can be rewritten. A new item never takes the
  // name of a file that exists: the author's own articles are never overwritten.
  const planned = new Map<string, { item: ImportItem; category: string; file: string }>();
  const leadOf = new Map(items.flatMap((i) => (i.moreKeys ?? []).map((k) => [k, i.key] as const)));
  const taken = new Set(Object.values(state).map((s) => s.file));
  const free = (file: string) => !taken.has(file) && !existsSync(path.join(options.contentDir, file));
  for (const item of [...items].sort((a, b) => a.key.localeCompare(b.key))) {
    const twin = planned.get(item.key);
    if (twin) {
      report.skipped.push({ url: item.key, reason: `the same old address as another page ("${twin.item.title}"), which was imported` });
      continue;
    }
    const category = categoryOf(item.trail);
    // Known under one of its addresses (the lead of twins can change between imports): kept under the lead.
    const stateKey = [item.key, ...(item.moreKeys ?? [])].find((k) => state[k]);
    if (stateKey && stateKey !== item.key) {
      state[item.key] = state[stateKey]!;
      delete state[stateKey];
    }
    const known = state[item.key];
    const slug = slugify(item.slug) || slugify(item.title) || "article";
    let file = known?.file ?? `articles/${category}/${slug}.md`;
    for (let n = 2; !known && !free(file); n++) file = `articles/${category}/${slug}-${n}.md`;
    taken.add(file);
    planned.set(item.key, { item, category, file });
  }

  const staging = await prepareStaging(options.contentDir);
  const copies = new Map<string, string>(); // source file → site path below /media
  try {
    await fs.cp(options.contentDir, staging, { recursive: true, preserveTimestamps: true });
    for (const { item, category, file } of planned.values()) {
      const known = state[item.key];
      const target = path.join(staging, file);
      if (known) {
        const current = existsSync(target) ? contentHash(await fs.readFile(target, "utf8")) : null;
        if (current === null) {
          report.conflicts.push({ url: item.key, file, reason: "deleted since it was imported; left out" });
          continue;
        }
        if (current !== known.written) {
          report.conflicts.push({ url: item.key, file, reason: "edited since it was imported; kept as it is" });
          continue;
        }
        if (known.source === sourceOf(item)) {
          report.unchanged.push(item.key);
          continue;
        }
      }
      const route = (href: string, kind: "link" | "image"): string | null => {
        const t = item.target(href, kind);
        if (t.kind === "article") {
          const key = leadOf.get(t.key) ?? t.key;
          return planned.has(key) ? `${PLACEHOLDER}${Buffer.from(key).toString("hex")}` : t.key;
        }
        if (t.kind === "file") {
          copies.set(t.from, t.sitePath);
          return `/${MEDIA_DIR}${t.sitePath}`;
        }
        if (t.kind === "missing") {
          report.missingFiles.push({ url: item.key, src: href });
          return t.href;
        }
        if (t.kind === "refused") {
          report.refusedFiles.push({ url: item.key, src: href, reason: t.reason });
          return t.href;
        }
        return t.kind === "keep" ? t.href : null;
      };
      // --script converts the text, never the addresses in it (a converted file name would not exist).
      const body = toMarkdown(options.script ? convertText(item.bodyHtml, convert) : item.bodyHtml, { link: (href) => route(href, "link"), image: (src) => route(src, "image") });
      const current = known ? await fs.readFile(target, "utf8") : "";
      const frontMatter: Record<string, unknown> = {
        title: convert(item.title),
        category,
        date: item.date,
        // Counts brought up to date since the last import (npm run views) are not lost to an older source.
        views: Math.max(item.views ?? 0, currentViews(current)),
        ...(viewsAsOf(current) ? { views_as_of: viewsAsOf(current) } : {}),
        ...(item.author ? { author: convert(item.author) } : {}),
        ...(item.source ? { source: convert(item.source) } : {}),
        ...(item.summary ? { summary: convert(item.summary) } : {}),
        ...(aliasesOf(item).length > 0 ? { aliases: aliasesOf(item) } : {}),
        ...(item.legacyId !== undefined ? { legacy_id: item.legacyId } : {}),
      };
      if (item.views === null) report.noViews.push(item.key);
      for (const key of [item.key, ...(item.moreKeys ?? [])]) if (!ALIAS.test(key)) report.notKept.push(key);
      if (item.signs.length > 0) report.cleaned.push({ url: item.key, file, signs: item.signs });
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body}`);
      report.written.push({ url: item.key, file, status: known ? "updated" : "new" });
      state[item.key] = { file, source: sourceOf(item), written: "" };
    }
    await fs.mkdir(path.join(staging, "_data"), { recursive: true });
    await fs.writeFile(path.join(staging, "_data", "categories.json"), `${JSON.stringify(registry, null, 2)}\n`);
    for (const [from, sitePath] of copies) {
      const to = path.join(staging, MEDIA_DIR, ...sitePath.split("/").filter(Boolean));
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(from, to);
    }

    // Links to imported articles: now that every file exists, the site model knows their addresses.
    const check = await checkSite({ contentDir: staging, drafts: true });
    const keyByFile = new Map([...planned].map(([key, p]) => [path.join(staging, p.file), key]));
    const hrefByKey = new Map<string, string>();
    for (const page of check.model.articlePages) {
      const key = keyByFile.get(page.file);
      if (key) hrefByKey.set(key, page.path);
    }
    for (const { file } of report.written) {
      const target = path.join(staging, file);
      const text = await fs.readFile(target, "utf8");
      const linked = text.replace(PLACEHOLDER_LINK, (_, hex: string) => {
        const key = Buffer.from(hex, "hex").toString();
        return hrefByKey.get(key) ?? encodeURI(key);
      });
      if (linked !== text) await fs.writeFile(target, linked);
    }
    for (const { url, file } of report.written) state[url]!.written = contentHash(await fs.readFile(path.join(staging, file), "utf8"));

    // The old site's previous/next against Wenku's order.
    // (Compared by href, which carries the path prefix on both sides.)
    const pageByPath = new Map(check.model.articlePages.map((p) => [p.path, p]));
    const pathByHref = new Map(check.model.articlePages.map((p) => [p.entry.href, p.path]));
    for (const { item } of planned.values()) {
      const now = pageByPath.get(hrefByKey.get(item.key) ?? "");
      if (!now) continue;
      for (const [was, mine] of [
        [item.previous, now.older?.href],
        [item.next, now.newer?.href],
      ] as const) {
        const wasNow = was ? (hrefByKey.get(was) ?? null) : null;
        const mineNow = mine ? (pathByHref.get(mine) ?? null) : null;
        if (was && wasNow && mineNow && mineNow !== wasNow) report.orderMismatches.push({ url: item.key, was, now: mineNow });
      }
    }

    for (const q of quarantine) {
      const to = path.join(staging, ...q.to.split("/"));
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(q.from, to);
    }
    await fs.mkdir(path.join(staging, IMPORT_DIR), { recursive: true });
    await fs.writeFile(path.join(staging, IMPORT_DIR, `${options.source}.json`), `${JSON.stringify(state, null, 2)}\n`);
    await fs.writeFile(path.join(staging, IMPORT_DIR, "report.md"), reportText(report));

    // Nothing is written unless the result passes the build's own checks.
    const final = await checkSite({ contentDir: staging, drafts: true });
    report.problems = final.problems.map((p) => `${path.relative(staging, p.file)}:${p.line}:${p.column}  ${p.field}  ${p.found} — ${p.expected}`);
    if (report.problems.length > 0) {
      await discard(staging);
      return report;
    }
    await swapIn(staging, options.contentDir);
  } catch (error) {
    await discard(staging);
    throw error;
  }
  return report;
}

/**
 * An old address a static host can answer: a path without a query. Pages a CMS served by query
 * (/plus/view.php?aid=123) cannot be kept; the report says so.
 */
const ALIAS = /^\/(?!\/)[^?#\s\\]*$/;

/** What an article is made from: its source, and the addresses it answers (a new twin changes its aliases). */
const sourceOf = (item: ImportItem) => hash(`${item.sourceHash}\n${[item.key, ...(item.moreKeys ?? [])].join("\n")}`);
const aliasesOf = (item: ImportItem) => [item.key, ...(item.moreKeys ?? [])].filter((k) => ALIAS.test(k));

/** Links to other imported articles are written as this, then replaced by their new addresses. */
const PLACEHOLDER = "wenku-import:";
const PLACEHOLDER_LINK = /wenku-import:([0-9a-f]+)/g; // the key in hex: nothing Markdown would escape

/**
 * The hash that tells whether an author edited an imported file: `views:` and `views_as_of:` lines are
 * left out, since `npm run views` changes them and that is not an edit.
 */
export function contentHash(text: string): string {
  return hash(text.replace(/^(views|views_as_of):[^\n]*\n/gm, ""));
}

function currentViews(text: string): number {
  return Number(/^views:\s*(\d+)\s*$/m.exec(text)?.[1] ?? 0);
}

/** The `views_as_of` an earlier `npm run views` wrote, so logs already counted are not counted again. */
function viewsAsOf(text: string): string | undefined {
  return /^views_as_of:\s*(\S+)\s*$/m.exec(text)?.[1];
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
  if (/^[a-z][a-z0-9-]{1,40}$/i.test(folder) && !/^(list|lists|index|html?|plus|a|e|cms|category)$/i.test(folder)) return folder.toLowerCase();
  const ascii = slugify(/[\u3400-\u9fff]/.test(name) ? pinyin(name, { toneType: "none", type: "array" }).join("-") : name);
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ascii) ? ascii : "category";
}

export function reportText(r: ImportReport): string {
  const lines = [
    "# Import report",
    "",
    `${r.pages} page(s) read: ${r.written.length} written (${r.written.filter((w) => w.status === "new").length} new), ${r.unchanged.length} unchanged, ${r.conflicts.length} conflict(s), ${r.skipped.length} skipped, ${r.spam.length} spam.`,
    "",
  ];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`## ${title}`, "", ...items.map((i) => `- ${i}`), "");
  };
  section("Spam pages (quarantined, not published)", r.spam.map((s) => `${s.url}${s.quarantined ? ` → ${s.quarantined}` : ""}: ${s.signs.join("; ")}`));
  section("Injected spam removed from articles", r.cleaned.map((c) => `${c.url} (${c.file}): ${c.signs.join("; ")}`));
  section("Conflicts (not overwritten)", r.conflicts.map((c) => `${c.url} (${c.file}): ${c.reason}`));
  section("Skipped pages", r.skipped.map((s) => `${s.url}: ${s.reason}`));
  section("Missing images and files (kept as links)", r.missingFiles.map((m) => `${m.url}: ${m.src}`));
  section("Files refused (not copied, not published)", r.refusedFiles.map((m) => `${m.url}: ${m.src}: ${m.reason}`));
  section("No view count found (set to 0)", r.noViews);
  section("Old addresses not kept (a query string or spaces: static hosts cannot answer them)", r.notKept);
  section("New categories", r.newCategories.map((c) => `${c.slug} "${c.name}"${c.parent ? ` under ${c.parent}` : ""}`));
  section("Old previous/next links that differ from Wenku's order", r.orderMismatches.map((m) => `${m.url}: the old site linked ${m.was}, Wenku links ${m.now}`));
  section("Problems (nothing was written)", r.problems);
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The one-line summary the import commands print. */
export function summaryLine(r: ImportReport): string {
  const created = r.written.filter((w) => w.status === "new").length;
  return (
    `${r.pages} pages → ${created} new, ${r.written.length - created} updated, ${r.unchanged.length} unchanged, ` +
    `${r.conflicts.length} conflict(s), ${r.skipped.length} skipped, ${r.spam.length} spam (quarantined), ` +
    `${r.cleaned.length} cleaned of injected spam`
  );
}
