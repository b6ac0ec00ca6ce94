// `npm run import -- wordpress <export.xml>`: a WordPress export (WXR) → Wenku articles, through the
// shared import core (apply.ts). Published posts become articles: the deepest of their categories with
// its hierarchy (the others, and every WordPress tag, as `tags:`), the publish date with its GMT offset,
// the author's display name, the slug, the excerpt as summary, view counts from the post-meta keys of
// the common view-counter plugins, approved comments (read-only, `comments:`), attachments copied from
// a copy of wp-content/uploads (--uploads) and relinked, and the old permalink kept as an alias.
//
// Nothing is lost in silence: every item of the export is an article or a line of the report (pages,
// drafts, scheduled, private and password-protected posts one line each; attachments and menu items
// counted in the overview), and each article's notes say what did not arrive as it was (a title made
// up, categories kept as tags, shortcodes and embeds converted). One item that cannot be read is that
// item's line; it never stops the import.
//
// A body goes the way WordPress showed it: shortcodes and auto-embeds expanded (./shortcodes.ts), then
// paragraphs made (./autop.ts; never for block-editor posts, as WordPress does not), embedded players
// kept as links, injected spam cleaned out (./clean/); the import core turns it into Markdown.
//
// The export is read once into a Blog (its own address and hosts, authors, categories, attachments,
// reusable blocks, posts by key and by slug); each post, and each of its links, is read against it.
import { promises as fs } from "node:fs";
import { load } from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { parseDate } from "../content/dates.ts";
import { MAX_TAG_LENGTH, tagKey } from "../content/tags.ts";
import { cleanHtml } from "./clean/clean-html.ts";
import { tooLarge } from "./limits.ts";
import { sourceFile } from "./source-file.ts";
import { decodePath, hostKey, normalisePath } from "./urls.ts";
import { GENERIC } from "./legacy/profile.ts";
import { spamThroughout, spamWords } from "./clean/spam.ts";
import { autop } from "./autop.ts";
import { expandShortcodes, type Attachment as GalleryImage } from "./shortcodes.ts";
import {
  applyImport,
  emptyReport,
  hash,
  type ApplyOptions,
  type ImportComment,
  type ImportItem,
  type ImportReport,
  type Target,
} from "./apply.ts";

export interface WordPressOptions extends Pick<ApplyOptions, "contentDir" | "script"> {
  /** The WXR file (Tools › Export in WordPress). */
  file: string;
  /** A copy of the site's wp-content/uploads folder, for images and attachments. */
  uploads?: string;
  /** Approved comments imported under their articles (default true); false leaves them out, with their count in the report (--no-comments). */
  comments?: boolean;
  /**
   * Other hosts the blog was served from (an old domain, a CDN in front of it): links and images there
   * are the blog's own, like those on its own host. `www.` or not, http or https: one host.
   */
  hosts?: string[];
}

/** Post-meta keys under which view-counter plugins keep a post's views (WP-PostViews, Post Views Counter, …). */
export const VIEW_KEYS = [
  "views",
  "post_views_count",
  "post_views",
  "wpb_post_views_count",
  "_post_views_count",
  "pvc_views",
  "_count-views_all",
  "entry_views",
];

type Node = Record<string, unknown>;
/** An address in the uploads folder, before normalising: "/wp-content/uploads/../../wp-config.php" is refused, not looked up at /wp-config.php. */
const UPLOADS = /^[\\/]wp-content[\\/]uploads[\\/](.+)$/;
const ARRAYS = new Set(["item", "category", "wp:category", "wp:author", "wp:postmeta", "wp:comment"]);
/** The category WordPress files a post under when it is given none. */
const DEFAULT_CATEGORY = "uncategorized";
/** First segments of WordPress's own list pages, never a post's address. */
const ARCHIVES = new Set([
  "category",
  "tag",
  "author",
  "page",
  "feed",
  "comments",
  "search",
  "wp-content",
  "wp-admin",
  "wp-includes",
]);
/** Where an address on WordPress.com's own servers does not tell the blog: its `wp:base_site_url`. */
const WORDPRESS_COM = "wordpress.com";

/** An attachment of the export: its file, and what WordPress shows with it. */
export interface Attachment {
  id: number;
  /** The file's address (wp:attachment_url). */
  url: string;
  title: string;
  /** The attachment's caption (its excerpt). */
  caption: string;
  /** Its alternative text (post-meta _wp_attachment_image_alt). */
  alt: string;
  /** The post it was uploaded to (0: none). */
  parent: number;
  /** Its order among the parent's attachments. */
  order: number;
}

/** A category the export declares, by its nicename. */
interface Category {
  name: string;
  parent: string | null;
  /** Its term id (Infinity when it has none): of equally deep categories, WordPress takes the lowest. */
  id: number;
}

/** What is counted over the posts that became articles, for the overview. */
interface Tally {
  tagUses: number;
  tags: Set<string>;
  extraCategories: number;
  postsWithExtras: number;
  comments: number;
  commentedPosts: number;
  leftOut: number;
  pings: number;
  unapproved: number;
  spam: number;
  empty: number;
}

/** What the export says of the whole blog, read once; each post is read against it. */
interface Blog {
  options: WordPressOptions;
  report: ImportReport;
  /** The blog's own address, and every host that is its own. */
  site: URL;
  hosts: Set<string>;
  /** WordPress.com serves a blog's uploads from <blog>.files.wordpress.com/2010/08/x.jpg. */
  filesHosts: Set<string>;
  /** Author login → display name. */
  authors: Map<string, string>;
  categories: Map<string, Category>;
  attachments: Map<number, Attachment>;
  /** An attachment page's path → the file's address. */
  attachmentPages: Map<string, string>;
  /** The images uploaded to each post, in WordPress's gallery order (menu order, then id): grouped once, not searched per gallery. */
  byParent: Map<number, Attachment[]>;
  attachmentsHash: string;
  /** Reusable blocks (post type wp_block) by id: posts show them where they name them. */
  reusable: Map<string, string>;
  reusableHash: string;
  /** Every item that may be a page of the site (not an attachment, menu item or reusable block), by id. */
  byId: Map<string, Node>;
  /** The published posts, by key. */
  keys: Map<string, Node>;
  /** Slug → the one post that has it (slugs two posts share lead nowhere). */
  slugs: Map<string, string>;
  tally: Tally;
}

export async function importWordPress(options: WordPressOptions): Promise<ImportReport> {
  const xml = await fs.readFile(options.file, "utf8");
  const report = emptyReport();
  const apply = (items: ImportItem[]) =>
    applyImport(
      items,
      { contentDir: options.contentDir, source: "wordpress", ...(options.script ? { script: options.script } : {}) },
      report,
    );
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ARRAYS.has(name),
  });
  let channel: Node | undefined;
  try {
    channel = ((parser.parse(xml) as Node).rss as Node | undefined)?.channel as Node | undefined;
  } catch (error) {
    report.overview.push(`${options.file}: not read as XML (${(error as Error).message}); nothing imported.`);
    return apply([]);
  }
  if (!channel || typeof channel !== "object") {
    report.overview.push(`${options.file}: not a WordPress export (no <rss><channel>); nothing imported.`);
    return apply([]);
  }
  const all = ((channel.item ?? []) as Node[]).filter((i) => i && typeof i === "object");
  const blog = readBlog(channel, all, options, report);
  const items = all.filter(isPostOrPage);
  const out: ImportItem[] = [];
  for (const item of items) {
    report.pages++;
    const where = permalink(blog, item) ?? `post ${text(item["wp:post_id"])}`;
    // One post is never allowed to stop the run: whatever goes wrong reading it is its report line.
    try {
      const post = readPost(blog, item, where);
      if (post) out.push(post);
    } catch (error) {
      report.skipped.push({ url: where, reason: `could not be read (${(error as Error).message})` });
    }
  }
  // Counted over the posts that became articles, so the figures match what readers will find.
  report.overview.push(...overviewLines(blog.tally, options.comments !== false));
  return apply(out);
}

/** The blog as the export describes it (its address, authors, categories, attachments, posts); the overview says what is not an article. */
function readBlog(channel: Node, all: Node[], options: WordPressOptions, report: ImportReport): Blog {
  // The blog's own address, and every spelling of it.
  const own = ownAddress(
    channel,
    all.map((i) => text(i.link)),
  );
  const site = own.url;
  if (own.why) report.overview.push(own.why);
  const hosts = new Set([hostKey(site.host), ...(options.hosts ?? []).map(hostKey).filter((h) => h !== "")]);
  const permalinkOf = (i: Node) => sitePath(text(i.link), site, (url) => hosts.has(hostKey(url.host)));
  const filesHosts = new Set(
    [...hosts]
      .filter((h) => h.endsWith(`.${WORDPRESS_COM}`))
      .map((h) => `${h.slice(0, -WORDPRESS_COM.length - 1)}.files.${WORDPRESS_COM}`),
  );
  const authors = new Map(
    ((channel["wp:author"] ?? []) as Node[]).map((a) => [
      text(a["wp:author_login"]),
      text(a["wp:author_display_name"]) || text(a["wp:author_login"]),
    ]),
  );
  const categories = new Map(
    ((channel["wp:category"] ?? []) as Node[]).map((c) => [
      decode(text(c["wp:category_nicename"])),
      {
        name: plainText(text(c["wp:cat_name"])),
        parent: decode(text(c["wp:category_parent"])) || null,
        id: Number(text(c["wp:term_id"])) || Infinity,
      },
    ]),
  );
  const blog: Blog = {
    options,
    report,
    site,
    hosts,
    filesHosts,
    authors,
    categories,
    ...readAttachments(all, permalinkOf),
    ...readReusable(all),
    ...readPosts(all, permalinkOf),
    tally: {
      tagUses: 0,
      tags: new Set<string>(),
      extraCategories: 0,
      postsWithExtras: 0,
      comments: 0,
      commentedPosts: 0,
      leftOut: 0,
      pings: 0,
      unapproved: 0,
      spam: 0,
      empty: 0,
    },
  };
  const menuItems = all.filter((i) => typeOf(i) === "nav_menu_item").length;
  if (blog.attachments.size > 0) {
    report.overview.push(
      `${blog.attachments.size} attachment(s): media files, not articles; each is copied (or reported missing) where a post shows it or links to it.`,
    );
  }
  const blocks = all.filter((i) => typeOf(i) === "wp_block").length;
  if (blocks > 0)
    report.overview.push(`${blocks} reusable block(s): not articles; each is shown in the posts that use it.`);
  if (menuItems > 0)
    report.overview.push(`${menuItems} navigation menu item(s) left out: menus belong to the old theme.`);
  return blog;
}

/** The export's attachments, by id and by the address of their pages, and grouped by the post they were uploaded to. */
function readAttachments(
  all: Node[],
  permalinkOf: (i: Node) => string | null,
): Pick<Blog, "attachments" | "attachmentPages" | "byParent" | "attachmentsHash"> {
  const attachments = new Map<number, Attachment>();
  const attachmentPages = new Map<string, string>();
  for (const a of all.filter((i) => typeOf(i) === "attachment")) {
    const id = Number(text(a["wp:post_id"]));
    const url = text(a["wp:attachment_url"]);
    const meta = metaOf(a);
    attachments.set(id, {
      id,
      url,
      title: plainText(text(a.title)),
      caption: text(a["excerpt:encoded"]),
      alt: meta.get("_wp_attachment_image_alt") ?? "",
      parent: Number(text(a["wp:post_parent"])) || 0,
      order: Number(text(a["wp:menu_order"])) || 0,
    });
    const page = permalinkOf(a);
    if (page && url) attachmentPages.set(page, url);
  }
  const byParent = new Map<number, Attachment[]>();
  for (const a of attachments.values()) {
    if (a.url === "") continue;
    const list = byParent.get(a.parent);
    if (list) list.push(a);
    else byParent.set(a.parent, [a]);
  }
  return { attachments, attachmentPages, byParent, attachmentsHash: hash(JSON.stringify([...attachments.values()])) };
}

function readReusable(all: Node[]): Pick<Blog, "reusable" | "reusableHash"> {
  const reusable = new Map(
    all.filter((i) => typeOf(i) === "wp_block").map((i) => [text(i["wp:post_id"]), text(i["content:encoded"])]),
  );
  return { reusable, reusableHash: hash(JSON.stringify([...reusable])) };
}

/** The items a link may name by id, the published posts by key, and the slugs that name one post each. */
function readPosts(all: Node[], permalinkOf: (i: Node) => string | null): Pick<Blog, "byId" | "keys" | "slugs"> {
  const items = all.filter(isPostOrPage);
  const byId = new Map(items.map((i) => [text(i["wp:post_id"]), i]));
  const posts = items.filter(
    (i) => typeOf(i) === "post" && text(i["wp:status"]) === "publish" && text(i["wp:post_password"]) === "",
  );
  const keyFor = (i: Node) => permalinkOf(i) ?? `/?p=${text(i["wp:post_id"])}`;
  const keys = new Map(posts.map((i) => [keyFor(i), i]));
  const slugs = new Map<string, string>();
  const shared = new Set<string>();
  for (const i of posts) {
    const slug = decode(text(i["wp:post_name"]));
    if (slug === "" || shared.has(slug)) continue;
    if (slugs.has(slug)) {
      slugs.delete(slug);
      shared.add(slug);
    } else slugs.set(slug, keyFor(i));
  }
  return { byId, keys, slugs };
}

const typeOf = (i: Node) => text(i["wp:post_type"]);
/** An item that may be a page of the site: not an attachment, a menu item or a reusable block (each counted in the overview). */
const isPostOrPage = (i: Node) =>
  typeOf(i) !== "attachment" && typeOf(i) !== "nav_menu_item" && typeOf(i) !== "wp_block";
const isOwn = (blog: Blog, url: URL) => blog.hosts.has(hostKey(url.host));
const permalink = (blog: Blog, i: Node) => sitePath(text(i.link), blog.site, (url) => isOwn(blog, url));
const keyOf = (blog: Blog, i: Node) => permalink(blog, i) ?? `/?p=${text(i["wp:post_id"])}`;

function trailOf(blog: Blog, nicename: string, name: string) {
  const trail: { name: string; slug: string; nicename: string }[] = [];
  for (let slug: string | null = nicename, guard = 0; slug && guard < 20; guard++) {
    const c = blog.categories.get(slug);
    if (!c) break;
    trail.unshift({ name: c.name, slug: asciiSlug(slug), nicename: slug });
    slug = c.parent;
  }
  // A category the export names on the post but does not declare: itself, at the top.
  return trail.length > 0 || name === "" ? trail : [{ name, slug: asciiSlug(nicename), nicename }];
}

function attachedTo(blog: Blog, postId: string) {
  return [...(blog.byParent.get(Number(postId)) ?? [])]
    .sort((a, b) => a.order - b.order || a.id - b.id)
    .map((a) => galleryImage(a)!);
}

/** Why a post is not read at all (not a published post, or its content not text, or too large), or null. */
function skipReason(item: Node): string | null {
  const type = typeOf(item);
  const status = text(item["wp:status"]);
  if (type !== "post") return `a WordPress ${type || "item without a type"}, not a post`;
  if (status === "future") return `scheduled for ${text(item["wp:post_date"])}, not yet published`;
  if (status === "trash") return "in the trash";
  if (status !== "publish") return `not published (status ${status || "none"})`;
  if (!parseDate(text(item["wp:post_date"]), "UTC").ok)
    return `the publish date ${text(item["wp:post_date"])} does not exist`;
  if (text(item["wp:post_password"]) !== "") return "password-protected: a static site cannot keep it private";
  // Markup outside CDATA is read by the XML parser as elements, and its text would come out torn.
  if (!isText(item["content:encoded"]))
    return "its content is not text in the export (markup outside <![CDATA[ ]]>): not read";
  const size = tooLarge(Buffer.byteLength(text(item["content:encoded"])));
  if (size) return `not read: ${size}`;
  return null;
}

/** A post of the export as an import item; null when it is a report line instead (skipped, or spam). */
function readPost(blog: Blog, item: Node, where: string): ImportItem | null {
  const { report, options } = blog;
  const skip = (reason: string) => {
    const n = approvedComments(item).length;
    report.skipped.push({ url: where, reason: n > 0 ? `${reason} (with its ${n} approved comment(s))` : reason });
    return null;
  };
  const skipped = skipReason(item);
  if (skipped) return skip(skipped);
  const notes: string[] = [];
  const cleaned = bodyOf(blog, text(item["content:encoded"]), item, notes);
  if ("refused" in cleaned) return skip(`not read: ${cleaned.refused}`);
  const { html: bodyHtml, signs } = cleaned;

  const key = keyOf(blog, item);
  const date = dateWithOffset(text(item["wp:post_date"]), text(item["wp:post_date_gmt"]));
  const title = titleOf(item, bodyHtml, notes);
  // Hacked WordPress sites carry spam too: cleaned out of posts, and spam posts kept out.
  const titleSpam = spamWords(title).length > 0;
  const bodySpam = spamThroughout(plainText(bodyHtml));
  if (titleSpam || bodySpam) {
    report.spam.push({
      url: key,
      title,
      signs: [
        ...signs,
        titleSpam ? `spam title: "${title}"` : `spam text in the post (${(bodySpam ?? []).join(", ")})`,
      ],
      quarantined: "",
    });
    return null;
  }

  const { trail, tags } = filingOf(blog, item, notes);
  const comments = commentsOf(blog, item, notes);
  const meta = metaOf(item);
  const viewKey = VIEW_KEYS.find((k) => /^\d[\d,]*$/.test(meta.get(k) ?? ""));
  return {
    key,
    // Its featured image, galleries and reusable blocks come from other items: a change there is a change of the post.
    sourceHash: hash(
      JSON.stringify([item, blog.attachmentsHash, blog.reusableHash, options.comments !== false, [...blog.hosts]]),
    ),
    title,
    date,
    views: viewKey ? Number(meta.get(viewKey)!.replace(/,/g, "")) : null,
    author: blog.authors.get(text(item["dc:creator"])) ?? text(item["dc:creator"]),
    source: "",
    summary: plainText(text(item["excerpt:encoded"])) || undefined,
    legacyId: Number(text(item["wp:post_id"])) || undefined,
    trail: trail.map(({ name, slug }) => ({ name, slug })),
    slug: decode(text(item["wp:post_name"])) || title,
    bodyHtml,
    // Called by the import core for every link and image: a surprise there is this post's report line too.
    target: (href, kind) => {
      try {
        return targetOf(blog, href, kind);
      } catch (error) {
        return { kind: "refused", href, reason: `could not be checked (${(error as Error).message})` };
      }
    },
    signs,
    ...(tags.length > 0 ? { tags } : {}),
    ...(comments.length > 0 ? { comments } : {}),
    ...(text(item["wp:is_sticky"]) === "1" ? { sticky: true } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The post's title as readers saw it; one without a title is titled from its first words, else by its date, with a note. */
function titleOf(item: Node, bodyHtml: string, notes: string[]): string {
  let title = plainText(text(item.title));
  if (title === "") {
    const made = untitled(bodyHtml);
    title = made ?? text(item["wp:post_date"]);
    notes.push(
      made
        ? `no title on the old site: titled from its first words ("${title}")`
        : `no title and no text on the old site: titled by its date (${title})`,
    );
  }
  return title;
}

/** The category a post is filed under (its trail), and its tags: its WordPress tags, then its other categories. */
function filingOf(
  blog: Blog,
  item: Node,
  notes: string[],
): { trail: { name: string; slug: string; nicename: string }[]; tags: string[] } {
  const { categories, tally } = blog;
  const terms = ((item.category ?? []) as Node[]).filter((c) => c && typeof c === "object");
  const cats = terms
    .filter((c) => c["@domain"] === "category")
    .map((c) => ({ nicename: decode(String(c["@nicename"] ?? "")), name: plainText(text(c)) }));
  // The deepest of the post's categories (WordPress lists a post under a parent and its child alike);
  // of equally deep ones, the oldest (lowest term id), which WordPress itself takes for %category% —
  // but never the default "Uncategorized" when the post has another.
  const idOf = (nicename: string) => categories.get(nicename)?.id ?? Infinity;
  const trails = cats.map((c) => ({
    trail: trailOf(blog, c.nicename, c.name),
    id: idOf(c.nicename),
    fallback: c.nicename === DEFAULT_CATEGORY ? 1 : 0,
  }));
  // A post in no category goes where WordPress showed it: its default category, when the export has one.
  const trail =
    [...trails].sort((a, b) => a.fallback - b.fallback || b.trail.length - a.trail.length || a.id - b.id)[0]?.trail ??
    trailOf(blog, DEFAULT_CATEGORY, "");
  const filed = new Set(trail.map((c) => c.nicename));
  const extras = [
    ...new Map(
      cats
        .filter((c) => !filed.has(c.nicename))
        .map((c) => categories.get(c.nicename)?.name || c.name)
        .map((name) => [tagKey(name), name]),
    ).values(),
  ];
  const wpTags = tagList(
    terms.filter((c) => c["@domain"] === "post_tag").map((c) => plainText(text(c))),
    notes,
  );
  // An extra category that is also one of the post's tags ("Edge Case" and "edge case") is that tag.
  const asTags = tagList(extras, notes).filter((name) => !wpTags.some((t) => tagKey(t) === tagKey(name)));
  if (extras.length > 0) {
    notes.push(
      `filed under "${trail.map((c) => c.name).join(" › ")}"; its ${extras.length} other categor${extras.length === 1 ? "y" : "ies"} kept as tags (${extras.join(", ")})`,
    );
    tally.extraCategories += extras.length;
    tally.postsWithExtras++;
  }
  tally.tagUses += wpTags.length;
  for (const t of wpTags) tally.tags.add(tagKey(t));
  return { trail, tags: [...wpTags, ...asTags] };
}

/** The post's body as WordPress showed it: shortcodes expanded, paragraphs made, injected spam removed. */
function bodyOf(
  blog: Blog,
  content: string,
  item: Node,
  notes: string[],
): { html: string; signs: string[] } | { refused: string } {
  const { attachments } = blog;
  const expanded = expandShortcodes(
    serverBlocks(content, (ref) => blog.reusable.get(ref), notes),
    {
      postId: text(item["wp:post_id"]),
      attachment: (id) => galleryImage(attachments.get(Number(id))),
      attachedTo: (postId) => attachedTo(blog, postId),
    },
  );
  notes.push(...expanded.notes);
  // Block-editor posts carry their own paragraphs: WordPress runs no wpautop on them (do_blocks).
  let html = content.includes("<!-- wp:") ? expanded.html : autop(expanded.html);
  const pages = content.split("<!--nextpage-->").length;
  if (pages > 1) notes.push(`${pages} pages on the old site (<!--nextpage-->), joined into one`);
  // The featured image, which the old theme showed above the post, leads the body.
  const thumbnail = metaOf(item).get("_thumbnail_id");
  if (thumbnail) {
    const a = attachments.get(Number(thumbnail));
    if (a?.url) {
      html = `<figure><img src="${escapeAttribute(a.url)}" alt="${escapeAttribute(a.alt || a.title)}"></figure>\n${html}`;
      notes.push("its featured image, shown above the post by the old theme, placed at the top of the body");
    } else notes.push(`its featured image (attachment ${thumbnail}) is not in the export: left out`);
  }
  // Players (<iframe>, <embed>) become links in the Markdown step, which notes each (to-markdown.ts).
  return cleanHtml(html, GENERIC);
}

/** The post's approved comments (not pingbacks or trackbacks), oldest first; what is left out is counted. */
function commentsOf(blog: Blog, item: Node, notes: string[]): ImportComment[] {
  const { tally } = blog;
  countLeftOut(tally, item);
  const approved = approvedComments(item);
  if (blog.options.comments === false) {
    tally.leftOut += approved.length;
    return [];
  }
  const kept: ImportComment[] = [];
  const ids = new Set<number>();
  const sorted = approved
    .map((c, order) => ({ c, order, date: dateWithOffset(text(c["wp:comment_date"]), text(c["wp:comment_date_gmt"])) }))
    .sort((a, b) => gmtOf(a.c).localeCompare(gmtOf(b.c)) || a.order - b.order);
  let dropped = 0;
  for (const { c, date } of sorted) {
    const html = autop(text(c["wp:comment_content"]));
    if (plainText(html) === "" && !/<img\s/i.test(html)) {
      dropped++;
      continue;
    }
    const id = Number(text(c["wp:comment_id"]));
    const parent = Number(text(c["wp:comment_parent"]));
    const url = text(c["wp:comment_author_url"]);
    const hasId = Number.isSafeInteger(id) && id >= 0 && !ids.has(id);
    if (hasId) ids.add(id);
    kept.push({
      ...(hasId ? { id } : {}),
      author: plainText(text(c["wp:comment_author"])) || "Anonymous",
      ...(isWebAddress(url) ? { url } : {}),
      date: parseDate(date, "UTC").ok ? date : text(item["wp:post_date"]),
      // Answers only an earlier comment that was kept (a reply to a held or spam comment stands alone).
      ...(parent > 0 && ids.has(parent) && parent !== id ? { replyTo: parent } : {}),
      html,
    });
  }
  if (dropped > 0) {
    tally.empty += dropped;
    notes.push(`${dropped} approved comment(s) without any text left out`);
  }
  if (kept.length > 0) {
    tally.comments += kept.length;
    tally.commentedPosts++;
  }
  return kept;
}

/** The post's comments that are not approved, or are pingbacks or trackbacks, counted. */
function countLeftOut(tally: Tally, item: Node): void {
  const list = ((item["wp:comment"] ?? []) as Node[]).filter((c) => c && typeof c === "object");
  for (const c of list) {
    const approved = text(c["wp:comment_approved"]);
    if (approved === "spam") tally.spam++;
    else if (approved !== "1") tally.unapproved++;
    else if (isPing(c)) tally.pings++;
  }
}

/** Where a link or image of a post leads: another post, a file of the uploads folder, or elsewhere. */
function targetOf(blog: Blog, href: string, kind: "link" | "image"): Target {
  const { options, attachments } = blog;
  let url: URL;
  try {
    url = new URL(href, blog.site);
  } catch {
    return { kind: "drop" };
  }
  const onFilesHost = blog.filesHosts.has(url.host.toLowerCase());
  if (!isOwn(blog, url) && !onFilesHost)
    return /^(https?|mailto):/.test(url.protocol) ? { kind: "keep", href } : { kind: "drop" };
  // Decoded once, here; everything after works on the decoded path (..%2f is "../" from now on).
  const decoded = decodePath(url.pathname);
  const upload = onFilesHost ? /^[\\/](.+)$/.exec(decoded) : UPLOADS.exec(decoded);
  if (upload)
    return options.uploads
      ? sourceFile({ root: options.uploads, name: "uploads", sitePrefix: "/wp-content/uploads" }, upload[1]!, href)
      : { kind: "missing", href };
  if (onFilesHost) return { kind: "missing", href };
  const p = url.searchParams.get("p") ?? url.searchParams.get("page_id");
  if (p && blog.byId.has(p)) return linkTo(blog, blog.byId.get(p)!, href, kind);
  const attachmentId = url.searchParams.get("attachment_id");
  if (attachmentId && attachments.has(Number(attachmentId)))
    return targetOf(blog, attachments.get(Number(attachmentId))!.url, kind);
  const to = normalisePath(decoded);
  if (to === null) return { kind: "refused", href, reason: "its path, once decoded, leads outside the site" };
  if (blog.keys.has(to)) return { kind: "article", key: to };
  // An attachment's page shows its file: the link goes to the file.
  const file = blog.attachmentPages.get(to) ?? blog.attachmentPages.get(to.endsWith("/") ? to : `${to}/`);
  if (file && file !== href) return targetOf(blog, file, kind);
  // An old permalink (the date or the structure changed since it was written): WordPress answers it by
  // the post's slug, when one post has it. Archive pages (/category/…, /tag/…) are not posts.
  const segments = to.split("?")[0]!.split("/").filter(Boolean);
  const bySlug = ARCHIVES.has(segments[0] ?? "") ? undefined : blog.slugs.get(segments.at(-1) ?? "");
  if (bySlug) return { kind: "article", key: bySlug };
  return kind === "image" ? { kind: "missing", href } : { kind: "keep", href: to };
}

/** A link to an item of the export by its id: the article it became, or its old address when it stays out. */
function linkTo(blog: Blog, item: Node, href: string, kind: "link" | "image"): Target {
  const key = keyOf(blog, item);
  if (blog.keys.has(key)) return { kind: "article", key };
  return kind === "image" ? { kind: "missing", href } : { kind: "keep", href: key.startsWith("/?") ? href : key };
}

function overviewLines(t: Tally, comments: boolean): string[] {
  const lines: string[] = [];
  if (t.tagUses > 0) lines.push(`Tags: ${t.tagUses} use(s) of ${t.tags.size} WordPress tag(s) kept as tags.`);
  if (t.extraCategories > 0) {
    lines.push(
      `Categories: each post is filed under one (the deepest); ${t.extraCategories} more categor${t.extraCategories === 1 ? "y" : "ies"} of ${t.postsWithExtras} post(s) kept as tags (each post's note names them).`,
    );
  }
  if (comments && t.comments > 0)
    lines.push(
      `Comments: ${t.comments} approved comment(s) on ${t.commentedPosts} article(s) kept, read-only, under their articles.`,
    );
  if (!comments && t.leftOut > 0) lines.push(`Comments: ${t.leftOut} approved comment(s) left out (--no-comments).`);
  if (t.pings > 0)
    lines.push(
      `Comments: ${t.pings} pingback(s) and trackback(s) left out (notices of links from other sites, not comments).`,
    );
  if (t.unapproved + t.spam > 0)
    lines.push(`Comments: ${t.unapproved} awaiting moderation and ${t.spam} marked as spam left out.`);
  if (t.empty > 0) lines.push(`Comments: ${t.empty} approved comment(s) without text left out.`);
  return lines;
}

/**
 * Blocks that WordPress draws each time a page is shown, stored as a bare `<!-- wp:name {…} /-->`: a
 * reusable block (wp:block {"ref":N}) is put in its place from the export; any other (latest posts,
 * archives, calendar, search…) has nothing a static copy could show, and is noted as left out.
 */
export function serverBlocks(
  content: string,
  reusable: (ref: string) => string | undefined,
  notes: string[],
  depth = 0,
): string {
  if (!content.includes("/-->")) return content;
  const left = new Map<string, number>();
  // The attributes are bounded, so an opener that never closes costs a bounded look, not the rest of the post.
  const html = content.replace(
    /<!--\s+wp:([a-z0-9-]+(?:\/[a-z0-9-]+)?)(\s+\{[^]{0,10000}?\})?\s+\/-->/g,
    (_, name: string, json: string | undefined) => {
      let what = name;
      if (name === "block") {
        const ref = /"ref"\s*:\s*(\d+)/.exec(json ?? "")?.[1];
        const inner = ref ? reusable(ref) : undefined;
        if (inner !== undefined && depth < 5) {
          notes.push(`the reusable block ${ref} put in its place`);
          return serverBlocks(inner, reusable, notes, depth + 1);
        }
        what = `reusable block${ref ? ` ${ref}` : ""} (not in the export)`;
      }
      left.set(what, (left.get(what) ?? 0) + 1);
      return "";
    },
  );
  if (left.size > 0) {
    const list = [...left].map(([name, n]) => `${name}${n > 1 ? ` (${n} times)` : ""}`).join(", ");
    notes.push(`blocks the old site drew on each view, with nothing to keep, left out: ${list}`);
  }
  return html;
}

/** An attachment as a gallery shows it: its file, described by its alternative text (else its title), with its caption. */
function galleryImage(a: Attachment | undefined): GalleryImage | undefined {
  if (!a || a.url === "") return undefined;
  return { id: String(a.id), url: a.url, title: a.alt || a.title, ...(a.caption ? { caption: a.caption } : {}) };
}

/** A value the XML parser read as text (or an element holding only text and attributes). */
const isText = (v: unknown) =>
  v === undefined ||
  typeof v !== "object" ||
  v === null ||
  Object.keys(v).every((k) => k === "#text" || k.startsWith("@"));

const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const text = (v: unknown): string =>
  (typeof v === "string"
    ? v
    : typeof v === "number"
      ? String(v)
      : v && typeof v === "object" && "#text" in v
        ? String((v as Node)["#text"])
        : ""
  ).trim();

function metaOf(item: Node): Map<string, string> {
  return new Map(
    ((item["wp:postmeta"] ?? []) as Node[])
      .filter((m) => m && typeof m === "object")
      .map((m) => [text(m["wp:meta_key"]), text(m["wp:meta_value"])]),
  );
}

const isPing = (c: Node) => /^(pingback|trackback)$/.test(text(c["wp:comment_type"]));
const gmtOf = (c: Node) =>
  (text(c["wp:comment_date_gmt"]).startsWith("0000") ? "" : text(c["wp:comment_date_gmt"])) ||
  text(c["wp:comment_date"]);

/** Approved comments of a post, pingbacks and trackbacks not counted. */
function approvedComments(item: Node): Node[] {
  return ((item["wp:comment"] ?? []) as Node[]).filter(
    (c) => c && typeof c === "object" && text(c["wp:comment_approved"]) === "1" && !isPing(c),
  );
}

function isWebAddress(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "" && !/\s/.test(s);
  } catch {
    return false;
  }
}

/** Tag names, each once (as the content model compares them), in order; one too long for a tag is a note. */
function tagList(names: string[], notes: string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const name of names) {
    if (name === "") continue;
    if ([...name].length > MAX_TAG_LENGTH) {
      notes.push(`the tag "${name}" is longer than ${MAX_TAG_LENGTH} characters: left out`);
      continue;
    }
    const key = tagKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(name);
  }
  return tags;
}

/**
 * HTML or text as readers saw it: character references decoded (&#8220; → “, &#039; → ', &amp; → &),
 * tags dropped (`Title <em>With</em>` → "Title With"), whitespace collapsed.
 */
export function plainText(html: string): string {
  if (html === "") return "";
  return load(html, null, false).text().replace(/\s+/g, " ").trim();
}

/** A title for a post without one: its first words (about 50 characters, cut between words), or null when it has no text. */
export function untitled(html: string, max = 50): string | null {
  const words = plainText(html);
  if (words === "") return null;
  if ([...words].length <= max) return words;
  let title = "";
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "word" }).segment(words)) {
    if ([...title].length + [...segment].length > max) break;
    title += segment;
  }
  // No break within the first `max` characters (one very long word): cut it.
  if (title.trim() === "") title = [...words].slice(0, max).join("");
  return `${title.replace(/[\s\p{P}]+$/u, "")}…`;
}

/**
 * The blog's own address: `wp:base_blog_url` (the blog's home), else the channel's `<link>`, else
 * `wp:base_site_url` — unless that is WordPress.com's own (every WordPress.com export has
 * https://wordpress.com/ there) — else the host most permalinks are on. `why` says where it came from
 * when it is not the plain case.
 */
export function ownAddress(channel: Record<string, unknown>, links: string[]): { url: URL; why: string } {
  const parsed = (s: string): URL | null => {
    try {
      const u = new URL(s);
      return /^https?:$/.test(u.protocol) && u.hostname !== "" ? u : null;
    } catch {
      return null;
    }
  };
  const base = parsed(text(channel["wp:base_site_url"]));
  const baseIsWordPressCom = base !== null && hostKey(base.host) === WORDPRESS_COM;
  const blog = parsed(text(channel["wp:base_blog_url"])) ?? parsed(text(channel.link));
  if (blog && hostKey(blog.host) !== WORDPRESS_COM) {
    return {
      url: blog,
      why: baseIsWordPressCom
        ? `The blog's own address: ${blog.origin} (wp:base_site_url is WordPress.com's own, ${base.href}).`
        : "",
    };
  }
  if (base && !baseIsWordPressCom) return { url: base, why: "" };
  const counts = new Map<string, number>();
  for (const l of links) {
    const u = parsed(l);
    if (u && hostKey(u.host) !== WORDPRESS_COM) counts.set(u.origin, (counts.get(u.origin) ?? 0) + 1);
  }
  const most = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (most)
    return {
      url: new URL(most[0]),
      why: `The blog's own address: ${most[0]}, the host of its permalinks (the export names no other).`,
    };
  return {
    url: new URL("http://wordpress.invalid"),
    why: "The export names no address of the blog: links in posts are kept as they are.",
  };
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

/** A permalink as a site path; null when there is none (drafts), it is elsewhere or it is a ?p= address. */
function sitePath(link: string, site: URL, isOwn: (url: URL) => boolean): string | null {
  if (link === "") return null;
  try {
    const u = new URL(link, site);
    if (!isOwn(u) || u.search !== "") return null;
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
