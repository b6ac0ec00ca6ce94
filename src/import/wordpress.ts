// `npm run import -- wordpress <export.xml>`: a WordPress export (WXR) → Wenku articles, through the
// shared import core (apply.ts). Published posts become articles: categories with their hierarchy,
// the publish date with its GMT offset, the author's display name, the slug, the excerpt as summary,
// view counts from the post-meta keys of the common view-counter plugins, attachments copied from a
// copy of wp-content/uploads (--uploads) and relinked, and the old permalink kept as an alias.
// Pages, drafts and private posts are listed in the report, not imported.
import { promises as fs } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { parseDate } from "../content/dates.ts";
import { cleanHtml } from "./legacy/extract.ts";
import { tooLarge } from "./limits.ts";
import { sourceFile } from "./source-file.ts";
import { decodePath, normalisePath } from "./urls.ts";
import { GENERIC } from "./legacy/profile.ts";
import { spamWords } from "./legacy/spam.ts";
import { applyImport, emptyReport, hash, type ApplyOptions, type ImportItem, type ImportReport, type Target } from "./apply.ts";

export interface WordPressOptions extends Pick<ApplyOptions, "contentDir" | "script"> {
  /** The WXR file (Tools › Export in WordPress). */
  file: string;
  /** A copy of the site's wp-content/uploads folder, for images and attachments. */
  uploads?: string;
}

/** Post-meta keys under which view-counter plugins keep a post's views (WP-PostViews, Post Views Counter, …). */
export const VIEW_KEYS = ["views", "post_views_count", "post_views", "wpb_post_views_count", "_post_views_count", "pvc_views", "_count-views_all", "entry_views"];

type Node = Record<string, unknown>;
/** An address in the uploads folder, before normalising: "/wp-content/uploads/../../wp-config.php" is refused, not looked up at /wp-config.php. */
const UPLOADS = /^[\\/]wp-content[\\/]uploads[\\/](.+)$/;
const ARRAYS = new Set(["item", "category", "wp:category", "wp:author", "wp:postmeta"]);

export async function importWordPress(options: WordPressOptions): Promise<ImportReport> {
  const xml = await fs.readFile(options.file, "utf8");
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, trimValues: false, isArray: (name) => ARRAYS.has(name) });
  const channel = ((parser.parse(xml) as Node).rss as Node | undefined)?.channel as Node | undefined;
  if (!channel) throw new Error(`${options.file}: not a WordPress export (no <rss><channel>)`);
  const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : v && typeof v === "object" && "#text" in v ? String((v as Node)["#text"]) : "").trim();
  const site = new URL(text(channel["wp:base_site_url"]) || text(channel.link) || "http://wordpress.invalid");

  const authors = new Map(((channel["wp:author"] ?? []) as Node[]).map((a) => [text(a["wp:author_login"]), text(a["wp:author_display_name"]) || text(a["wp:author_login"])]));
  const categories = new Map(
    ((channel["wp:category"] ?? []) as Node[]).map((c) => [decode(text(c["wp:category_nicename"])), { name: text(c["wp:cat_name"]), parent: decode(text(c["wp:category_parent"])) || null }]),
  );
  const trailOf = (nicename: string) => {
    const trail: { name: string; slug: string }[] = [];
    for (let slug: string | null = nicename, guard = 0; slug && guard < 20; guard++) {
      const c = categories.get(slug);
      if (!c) break;
      trail.unshift({ name: c.name, slug: asciiSlug(slug) });
      slug = c.parent;
    }
    return trail;
  };

  const report = emptyReport();
  const items = ((channel.item ?? []) as Node[]).filter((i) => text(i["wp:post_type"]) !== "attachment" && text(i["wp:post_type"]) !== "nav_menu_item");
  const permalink = (i: Node) => sitePath(text(i.link), site);
  const byId = new Map(items.map((i) => [text(i["wp:post_id"]), i]));
  const posts = items.filter((i) => text(i["wp:post_type"]) === "post" && text(i["wp:status"]) === "publish");
  const keys = new Map(posts.map((i) => [permalink(i) ?? `/?p=${text(i["wp:post_id"])}`, i]));
  const keyOf = (i: Node) => permalink(i) ?? `/?p=${text(i["wp:post_id"])}`;

  const out: ImportItem[] = [];
  for (const item of items) {
    report.pages++;
    const where = permalink(item) ?? `post ${text(item["wp:post_id"])}`;
    // One post is never allowed to stop the run: whatever goes wrong reading it is its report line.
    try {
      const post = readPost(item, where);
      if (post) out.push(post);
    } catch (error) {
      report.skipped.push({ url: where, reason: `could not be read (${(error as Error).message})` });
    }
  }
  function readPost(item: Node, where: string): ImportItem | null {
    const type = text(item["wp:post_type"]);
    const status = text(item["wp:status"]);
    if (type !== "post") {
      report.skipped.push({ url: where, reason: `a WordPress ${type}, not a post` });
      return null;
    }
    if (status !== "publish") {
      report.skipped.push({ url: where, reason: `not published (status ${status})` });
      return null;
    }
    if (!parseDate(text(item["wp:post_date"]), "UTC").ok) {
      report.skipped.push({ url: where, reason: `the publish date ${text(item["wp:post_date"])} does not exist` });
      return null;
    }
    if (text(item["wp:post_password"]) !== "") {
      report.skipped.push({ url: where, reason: "password-protected: a static site cannot keep it private" });
      return null;
    }
    const content = text(item["content:encoded"]);
    const size = tooLarge(Buffer.byteLength(content));
    if (size) {
      report.skipped.push({ url: where, reason: `not read: ${size}` });
      return null;
    }
    const cats = ((item.category ?? []) as Node[]).filter((c) => c["@domain"] === "category").map((c) => decode(String(c["@nicename"] ?? "")));
    // The deepest of the post's categories: WordPress lists a post under a parent and its child alike.
    const trail = cats.map(trailOf).sort((a, b) => b.length - a.length)[0] ?? [];
    const meta = new Map(((item["wp:postmeta"] ?? []) as Node[]).map((m) => [text(m["wp:meta_key"]), text(m["wp:meta_value"])]));
    const viewKey = VIEW_KEYS.find((k) => /^\d[\d,]*$/.test(meta.get(k) ?? ""));
    const key = keyOf(item);
    // Hacked WordPress sites carry spam too: cleaned out of posts, and spam posts kept out.
    const title = text(item.title);
    const cleaned = cleanHtml(autop(content), GENERIC);
    if ("refused" in cleaned) {
      report.skipped.push({ url: where, reason: `not read: ${cleaned.refused}` });
      return null;
    }
    const { html: bodyHtml, signs } = cleaned;
    const bodySpam = spamWords(bodyHtml.replace(/<[^>]+>/g, " "));
    if (spamWords(title).length > 0 || bodySpam.length >= 3) {
      report.spam.push({ url: key, title, signs: [...signs, spamWords(title).length > 0 ? `spam title: "${title}"` : `spam text in the post (${bodySpam.join(", ")})`], quarantined: "" });
      return null;
    }
    return {
      key,
      sourceHash: hash(JSON.stringify(item)),
      title,
      date: dateWithOffset(text(item["wp:post_date"]), text(item["wp:post_date_gmt"])),
      views: viewKey ? Number(meta.get(viewKey)!.replace(/,/g, "")) : null,
      author: authors.get(text(item["dc:creator"])) ?? text(item["dc:creator"]),
      source: "",
      summary: text(item["excerpt:encoded"]).replace(/<[^>]+>/g, "").trim() || undefined,
      legacyId: Number(text(item["wp:post_id"])) || undefined,
      trail,
      slug: decode(text(item["wp:post_name"])) || text(item.title),
      bodyHtml,
      // Called by the import core for every link and image: a surprise there is this post's report line too.
      target: (href, kind) => {
        try {
          return targetOf(href, kind);
        } catch (error) {
          return { kind: "refused", href, reason: `could not be checked (${(error as Error).message})` };
        }
      },
      signs,
    };
  }

  /** Where a link or image of a post leads: another post, a file of the uploads folder, or elsewhere. */
  function targetOf(href: string, kind: "link" | "image"): Target {
    let url: URL;
    try {
      url = new URL(href, site);
    } catch {
      return { kind: "drop" };
    }
    if (url.host !== site.host) return /^(https?|mailto):/.test(url.protocol) ? { kind: "keep", href } : { kind: "drop" };
    const p = url.searchParams.get("p") ?? url.searchParams.get("page_id");
    if (p && byId.has(p)) return { kind: "article", key: keyOf(byId.get(p)!) };
    // Decoded once, here; everything after works on the decoded path (..%2f is "../" from now on).
    const decoded = decodePath(url.pathname);
    const upload = UPLOADS.exec(decoded);
    if (upload) return options.uploads ? sourceFile({ root: options.uploads, name: "uploads", sitePrefix: "/wp-content/uploads" }, upload[1]!, href) : { kind: "missing", href };
    const to = normalisePath(decoded);
    if (to === null) return { kind: "refused", href, reason: "its path, once decoded, leads outside the site" };
    if (keys.has(to)) return { kind: "article", key: to };
    return kind === "image" ? { kind: "missing", href } : { kind: "keep", href: to };
  }
  return applyImport(out, { contentDir: options.contentDir, source: "wordpress", ...(options.script ? { script: options.script } : {}) }, report);
}

/** "2013-12-27 10:30:07" and its GMT time → "2013-12-27T10:30:07+08:00"; without GMT, the site's zone. */
export function dateWithOffset(local: string, gmt: string): string {
  const l = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(local);
  const g = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(gmt);
  if (!l) return local;
  if (!g || gmt.startsWith("0000")) return local;
  const ms = (m: RegExpExecArray) => Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const minutes = Math.round((ms(l) - ms(g)) / 60000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${local.replace(" ", "T")}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** WordPress stores classic-editor posts without <p>: blank lines are paragraphs, single newlines breaks. */
export function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (/^<(h\d|ul|ol|table|blockquote|pre|div|figure)/i.test(block) ? block : `<p>${block.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

/** A permalink as a site path; null when there is none (drafts), it is elsewhere or it is a ?p= address. */
function sitePath(link: string, site: URL): string | null {
  if (link === "") return null;
  try {
    const u = new URL(link, site);
    if (u.host !== site.host || u.search !== "") return null;
    return decodePath(u.pathname);
  } catch {
    return null;
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** WordPress nicenames of Chinese categories are percent-encoded UTF-8; those get a pinyin slug later. */
function asciiSlug(nicename: string): string {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(nicename) ? nicename : "";
}
