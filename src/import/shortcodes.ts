// WordPress shortcodes and auto-embeds in a post's stored content, expanded into the HTML WordPress
// would show (before paragraphing, so autop sees figures and links, not brackets): [caption] → a
// figure with its caption, [gallery] → its images, [audio]/[video] → media elements that the Markdown
// step keeps as links, [embed] and a bare address on its own line → a link. Anything else in square
// brackets stays text; a shortcode that looks like one ([foo bar="x"], [foo]…[/foo]) is listed in the
// notes. Nothing in <pre> or <code> is touched.
//
// Read by one forward scan: every search for a closing tag is cached per tag name, so a post of many
// unclosed "[caption" or "<pre" is read once, not once per opener (post content is untrusted, up to 4 MB).
import { siteOf, tally } from "./notes.ts";

export interface Attachment {
  /** The attachment's id (wp:post_id), which a gallery's exclude="…" names. */
  id?: string;
  /** The file's address (wp:attachment_url). */
  url: string;
  /** The attachment's title: the image's description. */
  title: string;
  /** Its caption (the attachment's excerpt), when it has one. */
  caption?: string;
}

export interface ShortcodeOptions {
  /** The post's id (wp:post_id): a [gallery] without ids shows the images attached to it. */
  postId?: string;
  /** An attachment of the export by its id, or undefined when the export holds none with that id. */
  attachment?: (id: string) => Attachment | undefined;
  /** The images attached to a post (attachments whose wp:post_parent is that post), in their order. */
  attachedTo?: (postId: string) => readonly Attachment[];
}

export interface Expanded {
  html: string;
  /** One line for each thing that did not arrive as it was written, e.g. "[gallery] shortcode: rendered as 3 images". */
  notes: string[];
}

const KNOWN = new Set(["caption", "wp_caption", "gallery", "audio", "video", "embed"]);
const BARE_URL = /^https?:\/\/[^\s<>"]+$/;

export function expandShortcodes(text: string, options: ShortcodeOptions = {}): Expanded {
  const notes: string[] = [];
  const lower = text.toLowerCase();
  const closers = new Closers(text);
  const tagClosers = new Finder(lower);
  let out = "";
  let copied = 0; // text before this index is in `out` already
  let at = 0;
  let lineStart = true;

  const flush = (to: number) => {
    out += text.slice(copied, to);
    copied = to;
  };

  while (at < text.length) {
    if (lineStart) {
      lineStart = false;
      const line = bareUrlLine(text, at);
      if (line) {
        flush(line.start);
        out += `<a href="${attr(line.url)}">${line.url}</a>`;
        notes.push(`a bare address on its own line (a WordPress auto-embed of ${siteOf(line.url)}) kept as a link`);
        copied = at = line.end;
        continue;
      }
    }
    const c = text[at]!;
    if (c === "\n") {
      lineStart = true;
      at++;
    } else if (c === "<") {
      // <pre> and <code> are copied whole; any other tag is skipped to its ">" so that brackets and
      // addresses in attributes are never read as shortcodes. Only markup is a tag, as the HTML parser
      // reads it: "<" before a letter, "/", "!" or "?". A bare "<" ("x < 5") is text, and what follows it is read.
      if (!/[A-Za-z/!?]/.test(text[at + 1] ?? "")) {
        at++;
        continue;
      }
      const name = /^<(pre|code)[\s>]/.exec(lower.slice(at, at + 6))?.[1];
      if (name) {
        const close = tagClosers.next(`</${name}>`, at);
        at = close < 0 ? text.length : close + name.length + 3;
      } else {
        const close = text.indexOf(">", at + 1);
        at = close < 0 ? text.length : close + 1;
      }
    } else if (c === "[") {
      const escaped = text[at + 1] === "[";
      const tag = readTag(text, escaped ? at + 1 : at);
      if (!tag) {
        at++;
        continue;
      }
      if (escaped) {
        // [[gallery]] is how WordPress writes a shortcode's name as text: one bracket each side goes.
        if (text[tag.end] === "]") {
          flush(at);
          out += text.slice(at + 1, tag.end);
          copied = at = tag.end + 1;
        } else at++;
        continue;
      }
      if (tag.closing) {
        at = tag.end;
        continue;
      }
      // Like WordPress, an opener takes its content up to a later [/name] when there is one.
      let content: string | null = null;
      let end = tag.end;
      if (!tag.selfClosing) {
        const close = closers.next(tag.name, tag.end);
        if (close >= 0) {
          content = text.slice(tag.end, close);
          end = close + tag.name.length + 3;
        }
      }
      if (!KNOWN.has(tag.name)) {
        if (content !== null || tag.attrs.size > 0 || tag.positional.length === 0)
          notes.push(`[${tag.name}] shortcode kept as text`);
        at = tag.end;
        continue;
      }
      flush(at);
      out += expand(tag, content, options, notes);
      copied = at = end;
    } else {
      // Jump to the next character that matters.
      let next = at + 1;
      while (next < text.length && text[next] !== "[" && text[next] !== "<" && text[next] !== "\n") next++;
      at = next;
    }
  }
  flush(text.length);
  return { html: out, notes: tally(notes) };
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Map<string, string>;
  positional: string[];
  /** Index just past the tag's "]". */
  end: number;
}

/** A shortcode tag at `at` ("[name attrs]", "[name/]", "[/name]"), or null; reads no further than the next "[" or "]". */
function readTag(text: string, at: number): Tag | null {
  let i = at + 1;
  const closing = text[i] === "/";
  if (closing) i++;
  const nameStart = i;
  while (i < text.length && /[A-Za-z0-9_-]/.test(text[i]!)) i++;
  // Footnote marks ([1]) are not shortcodes: a name starts with a letter.
  if (i === nameStart || !/[A-Za-z]/.test(text[nameStart]!)) return null;
  const name = text.slice(nameStart, i);
  if (i < text.length && !/[\s\]/]/.test(text[i]!)) return null;
  let j = i;
  while (j < text.length && text[j] !== "]" && text[j] !== "[") j++;
  if (text[j] !== "]") return null;
  let inner = text.slice(i, j);
  const selfClosing = /\/\s*$/.test(inner) && !closing;
  if (selfClosing) inner = inner.replace(/\/\s*$/, "");
  const { attrs, positional } = parseAttrs(inner);
  return { name, closing, selfClosing, attrs, positional, end: j + 1 };
}

/** WordPress's shortcode_parse_atts: name="v", name='v', name=v, "v" and bare words. */
function parseAttrs(s: string): { attrs: Map<string, string>; positional: string[] } {
  const attrs = new Map<string, string>();
  const positional: string[] = [];
  const re = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of s.matchAll(re)) {
    if (m[1] !== undefined) attrs.set(m[1].toLowerCase(), m[2]!);
    else if (m[3] !== undefined) attrs.set(m[3].toLowerCase(), m[4]!);
    else if (m[5] !== undefined) attrs.set(m[5].toLowerCase(), m[6]!);
    else positional.push(m[7] ?? m[8] ?? m[9]!);
  }
  return { attrs, positional };
}

function expand(tag: Tag, content: string | null, options: ShortcodeOptions, notes: string[]): string {
  switch (tag.name) {
    case "caption":
    case "wp_caption":
      return caption(tag, content, notes);
    case "gallery":
      return gallery(tag, options, notes);
    case "audio":
    case "video": {
      const keys =
        tag.name === "audio"
          ? ["src", "mp3", "m4a", "ogg", "wav", "wma", "flac"]
          : ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"];
      const src = keys.map((k) => tag.attrs.get(k)).find(Boolean) ?? tag.positional.find((p) => /^https?:\/\//.test(p));
      if (!src) {
        notes.push(`[${tag.name}] shortcode without a file removed`);
        return "";
      }
      return `<figure><${tag.name} controls src="${attr(src)}"></${tag.name}></figure>`;
    }
    case "embed": {
      const url = (content ?? "").trim();
      if (!/^https?:\/\/[^\s<>"]+$/.test(url)) {
        notes.push("[embed] shortcode without an address removed");
        return "";
      }
      notes.push(`an [embed] of ${siteOf(url)} kept as a link`);
      return `<p><a href="${attr(url)}">${url}</a></p>`;
    }
  }
  return "";
}

/**
 * WordPress's img_caption_shortcode: the image (maybe in a link) first, the rest of the content is the
 * caption. Without an image (an opener never closed, or a closed one holding none) there is no figure to
 * make, but its words are kept: the content and the caption="…" attribute, as text, with a note.
 */
function caption(tag: Tag, content: string | null, notes: string[]): string {
  const img = content === null ? -1 : content.search(/<img[\s>]/i);
  if (img < 0 || content === null) {
    const attribute = tag.attrs.get("caption")?.trim() ?? "";
    const kept = [content?.trim() ?? "", attribute].filter(Boolean).join(" ");
    const what =
      content === null
        ? `a [${tag.name}] shortcode without its [/${tag.name}]`
        : `a [${tag.name}] shortcode without an image`;
    notes.push(kept ? `${what}: its caption kept as text` : `${what} removed (it held no caption)`);
    return kept;
  }
  const imgEnd = content.indexOf(">", img);
  let split = imgEnd < 0 ? content.length : imgEnd + 1;
  const closeLink = /^\s*<\/a>/i.exec(content.slice(split));
  if (closeLink) split += closeLink[0].length;
  const text = content.slice(split).trim() || tag.attrs.get("caption") || "";
  const image = content.slice(0, split).trim();
  return `<figure>${image}${text ? `<figcaption>${text}</figcaption>` : ""}</figure>`;
}

function gallery(tag: Tag, options: ShortcodeOptions, notes: string[]): string {
  const ids = (tag.attrs.get("ids") ?? tag.attrs.get("include") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  let images: Attachment[];
  if (ids.length > 0) {
    images = [];
    const missing: string[] = [];
    for (const id of ids) {
      const found = options.attachment?.(id);
      if (found) images.push(found);
      else missing.push(id);
    }
    notes.push(
      `[gallery] shortcode: rendered as ${count(images.length, "image")}${missing.length ? `; ${count(missing.length, "image")} not in the export (ids ${missing.join(", ")})` : ""}`,
    );
  } else {
    const exclude = new Set((tag.attrs.get("exclude") ?? "").split(",").map((id) => id.trim()));
    const attached = options.postId && options.attachedTo ? options.attachedTo(options.postId) : [];
    images = attached.filter((a) => a.id === undefined || !exclude.has(a.id));
    notes.push(
      images.length > 0
        ? `a [gallery] of the post's attached images: rendered as ${count(images.length, "image")}`
        : "a [gallery] of the post's attached images: none in the export, removed",
    );
  }
  return images
    .map(
      (a) =>
        `<figure><img src="${attr(a.url)}" alt="${attr(a.title)}">${a.caption ? `<figcaption>${a.caption}</figcaption>` : ""}</figure>`,
    )
    .join("\n");
}

/** The line starting at `at` when it holds nothing but an address (WordPress's auto-embed), alone or in a bare <p>. */
function bareUrlLine(text: string, at: number): { start: number; end: number; url: string } | null {
  let i = at;
  while (text[i] === " " || text[i] === "\t") i++;
  const p = text.startsWith("<p>", i) ? 3 : 0;
  if (!text.startsWith("http", i + p)) return null;
  let end = text.indexOf("\n", i);
  if (end < 0) end = text.length;
  let line = text.slice(i + p, end).trimEnd();
  if (p && !line.endsWith("</p>")) return null;
  if (p) line = line.slice(0, -4).trimEnd();
  if (!BARE_URL.test(line)) return null;
  return { start: i + p, end: i + p + line.length, url: line };
}

/**
 * Where each "[/name]" is, found in one pass: asking per opener with indexOf would read the rest of
 * the post once for every name that has no closer (a post of 100,000 different "[aN]" would not end).
 */
class Closers {
  private readonly at = new Map<string, { positions: number[]; next: number }>();
  constructor(text: string) {
    for (let i = text.indexOf("[/"); i >= 0; i = text.indexOf("[/", i + 2)) {
      let j = i + 2;
      while (j < text.length && /[A-Za-z0-9_-]/.test(text[j]!)) j++;
      if (j === i + 2 || text[j] !== "]") continue;
      const name = text.slice(i + 2, j);
      const known = this.at.get(name);
      if (known) known.positions.push(i);
      else this.at.set(name, { positions: [i], next: 0 });
    }
  }
  /** The first "[/name]" at or after `from`; `from` only grows between calls for one name, as the scan goes forward. */
  next(name: string, from: number): number {
    const known = this.at.get(name);
    if (!known) return -1;
    while (known.next < known.positions.length && known.positions[known.next]! < from) known.next++;
    return known.positions[known.next] ?? -1;
  }
}

/** Next index of a needle from a position, remembered per needle: positions only grow, so each needle's text is searched once. */
class Finder {
  private readonly known = new Map<string, { from: number; found: number }>();
  constructor(private readonly text: string) {}
  next(needle: string, from: number): number {
    const seen = this.known.get(needle);
    if (seen && from >= seen.from && (seen.found === -1 || seen.found >= from)) return seen.found;
    const found = this.text.indexOf(needle, from);
    this.known.set(needle, { from, found });
    return found;
  }
}

const attr = (s: string) => s.replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
