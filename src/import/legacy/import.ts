// `npm run import -- legacy-html <mirror>`: a wget/HTTrack mirror of an old CMS site → Wenku articles.
// Every page is decoded and classified: an article, a page skipped with its reason, or spam (kept in
// quarantine, never published). Articles go to the shared import core (../apply.ts): categories from
// the breadcrumbs, images found in the mirror copied, links between articles rewritten, each old URL
// kept as an alias, and nothing written unless the result passes the build's checks. Nothing is lost:
// every page of the mirror is an article or has a line in the report.
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { applyImport, categorySlug, emptyReport, hash, IMPORT_DIR, type ApplyOptions, type ImportItem, type ImportReport, type Target } from "../apply.ts";
import { decodePage } from "./decode.ts";
import { decodePath } from "../urls.ts";
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

async function looksLikeHtml(file: string): Promise<boolean> {
  const handle = await fs.open(file);
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
  const quarantine: { from: string; to: string }[] = [];
  const items: ImportItem[] = [];

  // Pages: .html/.htm/.shtml, and any other file that is HTML inside (.asp, .php, .jsp, no extension).
  const files: string[] = [];
  for (const f of await listFiles(options.mirror)) {
    if (PAGE.test(f) || (!NOT_PAGE.test(f) && (await looksLikeHtml(path.join(options.mirror, f))))) files.push(f);
  }
  // A file's old address: its path, with any percent-encoding in saved file names decoded (wget may keep it).
  const urlOf = (rel: string) => decodePath(`/${rel.split(path.sep).join("/")}`);
  const pages = new Set(files.map(urlOf));
  for (const rel of files) {
    report.pages++;
    const url = urlOf(rel);
    const bytes = await fs.readFile(path.join(options.mirror, rel));
    const page = extractPage(decodePage(bytes).text, url, options.profile);
    if (page.kind === "skipped") {
      report.skipped.push({ url, reason: page.reason });
      continue;
    }
    if (page.kind === "spam") {
      const to = path.posix.join(IMPORT_DIR, "quarantine", rel.split(path.sep).join("/"));
      report.spam.push({ url, title: page.title, signs: page.signs, quarantined: to });
      quarantine.push({ from: path.join(options.mirror, rel), to });
      continue;
    }
    const base = path.posix.basename(url).replace(PAGE, "").replace(/\.(asp|aspx|php|jsp)$/i, "");
    // The id: a numeric file name (…/1227/1234.html), or a query's aid=/id= (view.php?aid=1234.html).
    const id = /^\d+$/.exec(base)?.[0] ?? /[?&](?:aid|id|articleid)=(\d+)/i.exec(url)?.[1];
    items.push({
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
      target: (href, kind): Target => {
        const found = resolveIn(url, href, hosts);
        if (found === null) return /^(https?:|mailto:)/i.test(href) ? { kind: "keep", href } : { kind: "drop" };
        // wget saves /view.php?aid=12 as "view.php?aid=12.html"; other queries (?from=feed) are not part of the page.
        const page = [found, `${found}.html`, found.split("?")[0]!].find((p) => pages.has(p));
        if (page && kind === "link") return { kind: "article", key: page }; // an imported article, or its old address
        const to = found.split("?")[0]!;
        if (kind === "image" || FILE.test(to)) {
          const from = path.join(options.mirror, ...to.split("/").filter(Boolean));
          return existsSync(from) ? { kind: "file", from, sitePath: to } : { kind: "missing", href };
        }
        return { kind: "keep", href: to };
      },
      signs: page.signs,
      previous: page.previous,
      next: page.next,
    });
  }
  return applyImport(mergeTwins(items, report), { contentDir: options.contentDir, source: "legacy-html", ...(options.script ? { script: options.script } : {}) }, report, quarantine);
}

/**
 * One article at two addresses (DedeCMS: /a/2013/1227/1234.html and /plus/view.php?aid=1234): pages
 * with the same id, title and date are one article. The address without a query leads; the other
 * becomes another old address of it, and the report says so.
 */
function mergeTwins(items: ImportItem[], report: ImportReport): ImportItem[] {
  const groups = new Map<string, ImportItem[]>();
  for (const item of items) {
    const id = item.legacyId === undefined ? item.key : `${item.legacyId}\n${item.title}\n${item.date}`;
    groups.set(id, [...(groups.get(id) ?? []), item]);
  }
  return [...groups.values()].map((group) => {
    const [lead, ...twins] = [...group].sort((a, b) => Number(a.key.includes("?")) - Number(b.key.includes("?")) || a.key.localeCompare(b.key));
    for (const twin of twins) report.skipped.push({ url: twin.key, reason: `the same article as ${lead!.key} (id ${lead!.legacyId}), imported once under both addresses` });
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

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
