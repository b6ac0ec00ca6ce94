// `npm run import -- legacy-html <mirror>`: a wget/HTTrack mirror of an old CMS site → Wenku articles.
// Every page is decoded and classified: an article, a page skipped with its reason, or spam (kept in
// quarantine, never published). Articles go to the shared import core (../apply.ts): categories from
// the breadcrumbs, images found in the mirror copied, links between articles rewritten, each old URL
// kept as an alias, and nothing written unless the result passes the build's checks. Nothing is lost:
// every page of the mirror is an article or has a line in the report.
import { promises as fs } from "node:fs";
import path from "node:path";
import { applyImport, categorySlug, emptyReport, hash, IMPORT_DIR, type ApplyOptions, type ImportItem, type ImportReport, type Target } from "../apply.ts";
import { isInside } from "../../files/confine.ts";
import { tooLarge } from "../limits.ts";
import { sourceFile, type SourceFolder } from "../source-file.ts";
import { decodePath, normalisePath } from "../urls.ts";
import { decodePage, type Decoded } from "./decode.ts";
import { extractPage, resolve } from "./extract.ts";
import type { Profile } from "./profile.ts";

export interface LegacyOptions extends Pick<ApplyOptions, "contentDir" | "script"> {
  mirror: string;
  profile: Profile;
  /** Host names of the old site: absolute links to them are links inside the archive. */
  hosts?: string[];
}

const PAGE = /\.(s?html?)$/i;
const FILE = /\.(jpe?g|png|gif|webp|svg|bmp|pdf|docx?|xlsx?|pptx?|zip|rar)$/i;
/** Files that are never pages: images, styles, scripts, fonts, documents, archives, data. */
const NOT_PAGE = /\.(jpe?g|png|gif|webp|svg|bmp|ico|css|js|mjs|map|woff2?|ttf|eot|otf|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|tgz|mp3|mp4|flv|swf|avi|wmv|xml|json|txt|csv)$/i;

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
  const hosts = new Set((options.hosts ?? []).map((h) => h.toLowerCase()));
  const folder: SourceFolder = { root: options.mirror, name: "mirror", sitePrefix: "" };
  const quarantine: { from: string; to: string }[] = [];
  const items: ImportItem[] = [];
  /** The real file each item was read from: two addresses of one file (a symbolic link) are one article. */
  const readFrom = new Map<ImportItem, string>();
  const throughLinks = new Set<string>();

  const files = await listPages(options.mirror, report);
  const pages = new Set(files.map((f) => f.url));
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
      const page = extractPage(decoded.text, url, options.profile);
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
      const base = path.posix.basename(url).replace(PAGE, "").replace(/\.(asp|aspx|php|jsp)$/i, "");
      // The id: a numeric file name (…/1227/1234.html), or a query's aid=/id= (view.php?aid=1234.html).
      const id = /^\d+$/.exec(base)?.[0] ?? /[?&](?:aid|id|articleid)=(\d+)/i.exec(url)?.[1];
      const targetOf = (href: string, kind: "link" | "image"): Target => {
        const found = resolveIn(url, href, hosts); // decoded once, here and nowhere after
        if (found === null) return /^(https?:|mailto:)/i.test(href) ? { kind: "keep", href } : { kind: "drop" };
        const clean = normalisePath(found);
        if (clean === null) return { kind: "refused", href, reason: "its path, once decoded, leads outside the mirror folder" };
        // wget saves /view.php?aid=12 as "view.php?aid=12.html"; other queries (?from=feed) are not part of the page.
        const page = [clean, `${clean}.html`, clean.split("?")[0]!].find((p) => pages.has(p));
        if (page && kind === "link") return { kind: "article", key: page }; // an imported article, or its old address
        const to = clean.split("?")[0]!;
        if (kind === "image" || FILE.test(to)) return sourceFile(folder, to, href);
        return { kind: "keep", href: to };
      };
      const item: ImportItem = {
        key: url,
        sourceHash: hash(bytes),
        title: page.title,
        date: page.date!,
        views: page.views,
        author: page.author,
        source: page.source,
        ...(id ? { legacyId: Number(id) } : {}),
        trail: page.trail.map((c) => ({ name: c.name, slug: categorySlug(c.name, c.href ? resolveIn(url, c.href, hosts) : null) })),
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
        ...(decoded.badBytes ? { notes: [badBytesLine(decoded.badBytes)] } : {}),
        previous: page.previous,
        next: page.next,
      };
      items.push(item);
      readFrom.set(item, real);
    } catch (error) {
      report.skipped.push({ url, reason: `could not be read (${(error as Error).message})` });
    }
  }
  const merged = mergeTwins(items, report, (item) => readFrom.get(item)!, throughLinks);
  return applyImport(merged, { contentDir: options.contentDir, source: "legacy-html", ...(options.script ? { script: options.script } : {}) }, report, quarantine);
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
async function listPages(mirror: string, report: ImportReport): Promise<ListedPage[]> {
  const root = await fs.realpath(mirror);
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const out: ListedPage[] = [];
  const skip = (url: string, reason: string) => {
    report.pages++;
    report.skipped.push({ url, reason });
  };
  for (const entry of entries.sort((a, b) => (a.parentPath + a.name).localeCompare(b.parentPath + b.name))) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name));
    const shown = `/${rel.split(path.sep).join("/")}`;
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
        skip(shown, `a symbolic link to a ${stat.isDirectory() ? "folder" : "file"} outside the mirror folder: not read`);
        continue;
      }
      if (stat.isDirectory()) {
        skip(shown, `a symbolic link to the folder /${path.relative(root, target).split(path.sep).join("/")} of the mirror: its pages are read there`);
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
  return out;
}

/**
 * One article at two addresses (DedeCMS: /a/2013/1227/1234.html and /plus/view.php?aid=1234, or a
 * symbolic link to a page): pages with the same id, title and date, or read from the same file, are one
 * article. The address without a query (and not a link) leads; the other becomes another old address of
 * it, and the report says so.
 */
function mergeTwins(items: ImportItem[], report: ImportReport, fileOf: (item: ImportItem) => string, throughLinks: Set<string>): ImportItem[] {
  const groups = new Map<string, ImportItem[]>();
  const groupOfFile = new Map<string, string>();
  for (const item of items) {
    const id = groupOfFile.get(fileOf(item)) ?? (item.legacyId === undefined ? item.key : `${item.legacyId}\n${item.title}\n${item.date}`);
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
    return twins.length === 0 ? lead! : { ...lead!, moreKeys: twins.map((t) => t.key) };
  });
}

function resolveIn(from: string, href: string, hosts: Set<string>): string | null {
  const inside = resolve(from, href);
  if (inside !== null) return inside;
  try {
    const u = new URL(href);
    return hosts.has(u.host.toLowerCase()) ? decodePath(u.pathname + u.search) : null;
  } catch {
    return null;
  }
}
