// `npm run import -- legacy-html <mirror>`: a wget/HTTrack mirror of an old CMS site → Wenku articles.
// Every page is decoded, classified (article, skipped with a reason, or spam) and, for articles,
// turned into a Markdown file with front-matter; categories come from the breadcrumbs; images found in
// the mirror are copied; links between imported articles point to their new addresses; each old URL
// becomes an alias. The whole result is written to a copy of the content folder and checked there with
// the build's own validator; only a clean result replaces the content folder. Nothing is ever lost:
// every page of the mirror is an article or has a line in the report.
import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";
import { stringify } from "yaml";
import { discard, prepareStaging, swapIn } from "../../build/atomic-output.ts";
import { slugify } from "../../content/slug.ts";
import { fold } from "../../search/fold.ts";
import { checkSite } from "../../site/load-site.ts";
import { decodePage } from "./decode.ts";
import { extractPage, resolve, type LegacyArticle } from "./extract.ts";
import type { Profile } from "./profile.ts";
import { toMarkdown } from "./to-markdown.ts";

export interface ImportOptions {
  mirror: string;
  contentDir: string;
  profile: Profile;
  /** Convert text to this script (opencc-js). */
  script?: "zh-Hant" | "zh-Hans";
  /** Host names of the old site: absolute links to them are links inside the archive. */
  hosts?: string[];
}

/** Files under `<content>/_import/`: the state that makes a repeated import safe, the report, quarantine. */
export const IMPORT_DIR = "_import";
const STATE_FILE = "legacy-html.json";
/** Images and documents copied from the mirror, under their old paths; published at /media/. */
export const MEDIA_DIR = "media";
const PAGE = /\.(s?html?)$/i;
const IMAGE = /\.(jpe?g|png|gif|webp|svg|bmp)$/i;

interface StateEntry {
  file: string;
  /** Hash of the source page: a change at the source is imported again. */
  source: string;
  /** Hash of the file as written: a different file means an author edited it since. */
  written: string;
}

export interface ImportReport {
  pages: number;
  written: { url: string; file: string; status: "new" | "updated" }[];
  unchanged: string[];
  conflicts: { url: string; file: string; reason: string }[];
  skipped: { url: string; reason: string }[];
  spam: { url: string; title: string; signs: string[]; quarantined: string }[];
  cleaned: { url: string; file: string; signs: string[] }[];
  missingImages: { url: string; src: string }[];
  noViews: string[];
  newCategories: { slug: string; name: string; parent: string | null }[];
  orderMismatches: { url: string; was: string; now: string }[];
  /** Problems the validator found in the result; when any, nothing was written. */
  problems: string[];
}

interface RegistryEntry {
  slug: string;
  name: string | Record<string, string>;
  parent?: string;
  description?: string;
}

export async function importLegacy(options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    pages: 0,
    written: [],
    unchanged: [],
    conflicts: [],
    skipped: [],
    spam: [],
    cleaned: [],
    missingImages: [],
    noViews: [],
    newCategories: [],
    orderMismatches: [],
    problems: [],
  };
  const convert = options.script ? OpenCC.Converter(options.script === "zh-Hant" ? { from: "cn", to: "tw" } : { from: "tw", to: "cn" }) : (s: string) => s;
  const hosts = new Set((options.hosts ?? []).map((h) => h.toLowerCase()));

  // --- read and classify every page of the mirror ---
  const files = (await listFiles(options.mirror)).filter((f) => PAGE.test(f));
  const articles: (LegacyArticle & { bytes: Buffer })[] = [];
  for (const rel of files) {
    report.pages++;
    const url = `/${rel.split(path.sep).join("/")}`;
    const bytes = await fs.readFile(path.join(options.mirror, rel));
    const page = extractPage(decodePage(bytes).text, url, options.profile);
    if (page.kind === "skipped") report.skipped.push({ url, reason: page.reason });
    else if (page.kind === "spam") report.spam.push({ url, title: page.title, signs: page.signs, quarantined: path.posix.join(IMPORT_DIR, "quarantine", rel.split(path.sep).join("/")) });
    else articles.push({ ...page, bytes });
  }

  // --- categories: matched by name (either script), or added ---
  const registryFile = path.join(options.contentDir, "_data", "categories.json");
  const registry: RegistryEntry[] = existsSync(registryFile) ? JSON.parse(await fs.readFile(registryFile, "utf8")) : [];
  const categoryOf = (trail: LegacyArticle["trail"]): string => {
    let parent: string | null = null;
    const chain = trail.length > 0 ? trail : [{ name: convert("未分類"), href: null }];
    for (const crumb of chain) {
      const name = convert(crumb.name);
      const found = registry.find((c) => (c.parent ?? null) === parent && namesOf(c).some((n) => fold(n) === fold(name)));
      if (found) {
        parent = found.slug;
        continue;
      }
      const slug = uniqueSlug(categorySlug(name, crumb.href), registry);
      const entry: RegistryEntry = { slug, name, ...(parent ? { parent } : {}) };
      registry.push(entry);
      report.newCategories.push({ slug, name, parent });
      parent = slug;
    }
    return parent!;
  };

  // --- state of earlier imports ---
  const stateFile = path.join(options.contentDir, IMPORT_DIR, STATE_FILE);
  const state: Record<string, StateEntry> = existsSync(stateFile) ? JSON.parse(await fs.readFile(stateFile, "utf8")) : {};

  // --- plan each article's file, so links between them can be rewritten ---
  const planned = new Map<string, { article: (typeof articles)[number]; category: string; file: string; slug: string }>();
  const taken = new Set(Object.values(state).map((s) => s.file));
  for (const article of articles.sort((a, b) => a.url.localeCompare(b.url))) {
    const category = categoryOf(article.trail);
    const known = state[article.url];
    const base = path.posix.basename(article.url).replace(PAGE, "");
    let slug = slugify(base) || slugify(article.title) || "article";
    let file = known?.file ?? `articles/${category}/${slug}.md`;
    for (let n = 2; !known && taken.has(file); n++) file = `articles/${category}/${slug}-${n}.md`;
    slug = path.posix.basename(file, ".md");
    taken.add(file);
    planned.set(article.url, { article, category, file, slug });
  }

  // --- write into a copy of the content folder ---
  await fs.mkdir(options.contentDir, { recursive: true });
  const staging = await prepareStaging(options.contentDir);
  const copies = new Map<string, string>(); // mirror file → site path below /media
  try {
    await fs.cp(options.contentDir, staging, { recursive: true, preserveTimestamps: true });
    const aliasOf = (url: string) => `wenku-legacy:${url}`;
    for (const { article, category, file } of planned.values()) {
      const sourceHash = hash(article.bytes);
      const known = state[article.url];
      const target = path.join(staging, file);
      if (known) {
        const current = existsSync(target) ? hash(await fs.readFile(target)) : null;
        if (current === null) {
          report.conflicts.push({ url: article.url, file, reason: "deleted since it was imported; left out" });
          continue;
        }
        if (current !== known.written) {
          report.conflicts.push({ url: article.url, file, reason: "edited since it was imported; kept as it is" });
          continue;
        }
        if (known.source === sourceHash) {
          report.unchanged.push(article.url);
          continue;
        }
      }
      const body = toMarkdown(article.bodyHtml, {
        link: (href) => {
          const to = resolveIn(article.url, href, hosts);
          if (to === null) return /^(https?:|mailto:)/i.test(href) ? href : null;
          if (planned.has(to)) return aliasOf(to); // replaced by the new address once it is known
          if (IMAGE.test(to) || /\.(pdf|docx?|xlsx?|pptx?|zip|rar)$/i.test(to)) return copyAsset(to) ?? href;
          return to; // another old page: its alias (if imported) or the old address
        },
        image: (src) => {
          const to = resolveIn(article.url, src, hosts);
          if (to === null) return /^https?:/i.test(src) ? src : null;
          const copied = copyAsset(to);
          if (copied === null) report.missingImages.push({ url: article.url, src });
          return copied ?? src;
        },
      });
      const legacyId = /^\d+$/.exec(path.posix.basename(article.url).replace(PAGE, ""))?.[0];
      const frontMatter: Record<string, unknown> = {
        title: convert(article.title),
        category,
        date: article.date,
        views: article.views ?? 0,
        ...(article.author ? { author: convert(article.author) } : {}),
        ...(article.source ? { source: convert(article.source) } : {}),
        aliases: [article.url],
        ...(legacyId ? { legacy_id: Number(legacyId) } : {}),
      };
      if (article.views === null) report.noViews.push(article.url);
      if (article.signs.length > 0) report.cleaned.push({ url: article.url, file, signs: article.signs });
      const text = `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${convert(body)}`;
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, text);
      report.written.push({ url: article.url, file, status: known ? "updated" : "new" });
      state[article.url] = { file, source: sourceHash, written: "" };
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
    const urlByFile = new Map([...planned].map(([url, p]) => [path.join(staging, p.file), url]));
    const hrefByAlias = new Map<string, string>();
    for (const page of check.model.articlePages) {
      const url = urlByFile.get(page.file);
      if (url) hrefByAlias.set(url, page.path);
    }
    for (const { file } of report.written) {
      const target = path.join(staging, file);
      const text = await fs.readFile(target, "utf8");
      const linked = text.replace(/wenku-legacy:([^)\s"]+)/g, (_, url: string) => hrefByAlias.get(url) ?? url);
      if (linked !== text) await fs.writeFile(target, linked);
    }
    for (const { url, file } of report.written) state[url]!.written = hash(await fs.readFile(path.join(staging, file)));

    // The old site's previous/next against Wenku's order.
    const pageByPath = new Map(check.model.articlePages.map((p) => [p.path, p]));
    for (const { article } of planned.values()) {
      const now = pageByPath.get(hrefByAlias.get(article.url) ?? "");
      if (!now) continue;
      for (const [was, mine] of [
        [article.previous, now.older?.href],
        [article.next, now.newer?.href],
      ] as const) {
        const wasNow = was ? (hrefByAlias.get(was) ?? null) : null;
        if (was && wasNow && mine && decodeURI(mine) !== wasNow) report.orderMismatches.push({ url: article.url, was, now: decodeURI(mine) });
      }
    }

    // Spam pages: kept out of the site, in quarantine, as they were.
    for (const s of report.spam) {
      const to = path.join(staging, ...s.quarantined.split("/"));
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(path.join(options.mirror, ...s.url.split("/").filter(Boolean)), to);
    }
    await fs.mkdir(path.join(staging, IMPORT_DIR), { recursive: true });
    await fs.writeFile(path.join(staging, IMPORT_DIR, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
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

  /** Copies a file of the mirror into the content's media folder; its new site path, or null if missing. */
  function copyAsset(sitePath: string): string | null {
    const from = path.join(options.mirror, ...sitePath.split("/").filter(Boolean));
    if (!existsSync(from)) return null;
    copies.set(from, sitePath);
    return `/${MEDIA_DIR}${sitePath}`;
  }
}

function namesOf(c: RegistryEntry): string[] {
  return typeof c.name === "string" ? [c.name] : Object.values(c.name);
}

/** A category slug: the old folder name when it is a readable ASCII word, else pinyin, else a fallback. */
export function categorySlug(name: string, href: string | null): string {
  // The last folder of the old list address (/xsyj/gyyx/ or /News/list_1.html → gyyx, news).
  const segments = (href ?? "").split(/[?#]/)[0]!.split("/").filter(Boolean);
  if (segments.at(-1)?.includes(".")) segments.pop();
  const folder = segments.at(-1) ?? "";
  if (/^[a-z][a-z0-9-]{1,40}$/i.test(folder) && !/^(list|lists|index|html?|plus|a|e|cms)$/i.test(folder)) return folder.toLowerCase();
  const ascii = slugify(/[\u3400-\u9fff]/.test(name) ? pinyin(name, { toneType: "none", type: "array" }).join("-") : name);
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ascii) ? ascii : "category";
}

function uniqueSlug(slug: string, registry: readonly RegistryEntry[]): string {
  let candidate = slug;
  for (let n = 2; registry.some((c) => c.slug === candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}

function resolveIn(from: string, href: string, hosts: Set<string>): string | null {
  const inside = resolve(from, href);
  if (inside !== null) return inside;
  try {
    const u = new URL(href);
    return hosts.has(u.host.toLowerCase()) ? decodeURI(u.pathname) : null;
  } catch {
    return null;
  }
}

const hash = (data: Buffer | string) => createHash("sha256").update(data).digest("hex").slice(0, 32);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export function reportText(r: ImportReport): string {
  const lines = [
    "# Import report",
    "",
    `${r.pages} page(s) read: ${r.written.length} written (${r.written.filter((w) => w.status === "new").length} new), ${r.unchanged.length} unchanged, ${r.conflicts.length} conflict(s), ${r.skipped.length} skipped, ${r.spam.length} spam.`,
    "",
  ];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`## ${title}`, "", ...items.map((i) => `- ${i}`), "");
  };
  section("Spam pages (quarantined, not published)", r.spam.map((s) => `${s.url} → ${s.quarantined}: ${s.signs.join("; ")}`));
  section("Injected spam removed from articles", r.cleaned.map((c) => `${c.url} (${c.file}): ${c.signs.join("; ")}`));
  section("Conflicts (not overwritten)", r.conflicts.map((c) => `${c.url} (${c.file}): ${c.reason}`));
  section("Skipped pages", r.skipped.map((s) => `${s.url}: ${s.reason}`));
  section("Missing images (kept as links)", r.missingImages.map((m) => `${m.url}: ${m.src}`));
  section("No view count found (set to 0)", r.noViews);
  section("New categories", r.newCategories.map((c) => `${c.slug} "${c.name}"${c.parent ? ` under ${c.parent}` : ""}`));
  section("Old previous/next links that differ from Wenku's order", r.orderMismatches.map((m) => `${m.url}: the old site linked ${m.was}, Wenku links ${m.now}`));
  section("Problems (nothing was written)", r.problems);
  return `${lines.join("\n").trimEnd()}\n`;
}
