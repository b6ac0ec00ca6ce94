// The images of an article body that are files of the site's own media folder (`![](/media/2019/a.jpg)`),
// with the line and column where each is written, so that a missing one is a check error naming its
// place, and the found ones get their width and height on the page (src/render/markdown.ts).
//
// The body is parsed with markdown-it as the renderer parses it (HTML blocks off, so a line of HTML is
// text and an image in it is still an image; raw <img> tags are always text), so `![](…)` in a code
// span or block is not an image and a reference-style image finds its definition. Only bodies that
// contain "/media/" at all are parsed: every other body has no local image, whatever it holds.
import MarkdownIt from "markdown-it";
import image from "markdown-it/lib/rules_inline/image.mjs";
import type Token from "markdown-it/lib/token.mjs";
import path from "node:path";
import { closest } from "./closest.ts";
import type { Problem } from "./problems.ts";

/** An image of the body whose target is a file under /media/. */
export interface MediaImage {
  /** The target as markdown-it normalised it (percent-encoded): the key the renderer looks up. */
  src: string;
  /** The file's path below media/, decoded, with "/": "2019/廠房.jpg". */
  name: string;
  /** 1-based line and column of its `![` in the article file. */
  line: number;
  column: number;
  /** Its alt text, as plain text. */
  alt: string;
  /** The field it is written in, when not the body: "image" (a share image, src/content/share-image.ts). */
  field?: string;
}

/**
 * The published media, by name below media/, and the files left out with the reason (src/files/media.ts),
 * with what a "did you mean" needs made once per check.
 */
export class MediaNames {
  readonly #published: ReadonlySet<string>;
  readonly #leftOut: ReadonlyMap<string, string>;
  readonly #byDir = new Map<string, string[]>();
  readonly #byBase = new Map<string, string>();
  /** Edit distances left to compute: an archive of thousands of missing images still checks in bounded time. */
  #budget = 200_000;

  constructor(published: Iterable<string>, leftOut: ReadonlyMap<string, string> = new Map()) {
    this.#published = new Set(published);
    this.#leftOut = leftOut;
    for (const name of this.#published) {
      const dir = path.posix.dirname(name);
      const list = this.#byDir.get(dir) ?? this.#byDir.set(dir, []).get(dir)!;
      list.push(name);
      if (!this.#byBase.has(path.posix.basename(name))) this.#byBase.set(path.posix.basename(name), name);
    }
  }

  has(name: string): boolean {
    return this.#published.has(name);
  }

  /** Why a file that is there is not published, if it is one of those. */
  leftOut(name: string): string | undefined {
    return this.#leftOut.get(name);
  }

  /** A published name near `name`: a near file name in the same folder, else the same file name in another. */
  near(name: string): string | undefined {
    const max = Math.max(2, Math.floor(path.posix.basename(name).length / 4));
    const sameDir = (this.#byDir.get(path.posix.dirname(name)) ?? []).filter(
      (n) => Math.abs(n.length - name.length) <= max,
    );
    if (sameDir.length <= this.#budget) {
      this.#budget -= sameDir.length;
      const guess = closest(name, sameDir, max);
      if (guess) return guess;
    }
    return this.#byBase.get(path.posix.basename(name));
  }
}

const PREFIX = "/media/";

let parser: MarkdownIt | undefined;

/** The same block and inline rules as the renderer's; the image rule notes where each image starts. */
function imageParser(): MarkdownIt {
  if (parser) return parser;
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.block.ruler.disable("html_block");
  // Inline content is parsed only where it can hold an image (mediaImages): most paragraphs never are.
  md.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"]);
  md.inline.ruler.at("image", (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    const found = image(state, silent);
    // Text pending before the image is pushed first, so the image is the last token, not the count-th.
    const token = state.tokens.at(-1);
    if (found && !silent && state.tokens.length > count && token?.type === "image")
      token.meta = { ...(token.meta ?? {}), start, src: state.src };
    return found;
  });
  return (parser = md);
}

/**
 * The name below media/ of a root-relative target ("/media/2019/a.jpg?v=2" → "2019/a.jpg"), or null for
 * anything else: remote, relative (left to the browser, against the page's URL), data:, or a path that
 * climbs out of /media/.
 */
export function mediaName(src: string): string | null {
  if (!src.startsWith(PREFIX)) return null;
  const bare = src.replace(/[?#].*$/s, "");
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // A lone % is kept as written: a file may be named so.
  }
  const normal = path.posix.normalize(decoded);
  if (!normal.startsWith(PREFIX) || normal.length === PREFIX.length) return null;
  return normal.slice(PREFIX.length);
}

/** Every image of `body` whose target is under /media/, in order; `bodyLine` is the file line the body starts on. */
export function mediaImages(body: string, bodyLine: number): MediaImage[] {
  if (!body.includes(PREFIX)) return [];
  const images: MediaImage[] = [];
  const lines = body.split("\n");
  // Where the search for the next image on a line starts, so two alike on one line get their own columns.
  const cursor = new Map<number, number>();
  let blockLine = 0;
  const md = imageParser();
  // The block pass collects reference definitions into env, which the inline pass then reads.
  const env = {};
  for (const block of md.parse(body, env)) {
    // Table cells carry no line of their own: the row's, seen just before them, is theirs.
    if (block.map) blockLine = block.map[0];
    if (block.type !== "inline" || !block.content.includes("![")) continue;
    block.children = [];
    md.inline.parse(block.content, md, env, block.children);
    for (const token of block.children) {
      const found = token.type === "image" ? located(token, blockLine, lines, cursor) : null;
      if (found) images.push({ ...found, line: found.line + bodyLine });
    }
  }
  return images;
}

function located(
  token: Token,
  blockLine: number,
  lines: readonly string[],
  cursor: Map<number, number>,
): MediaImage | null {
  const src = token.attrGet("src") ?? "";
  const name = mediaName(src);
  if (name === null) return null;
  const source = (token.meta?.src as string | undefined) ?? "";
  const start = (token.meta?.start as number | undefined) ?? 0;
  const before = source.slice(0, start);
  const line = blockLine + (before.match(/\n/g)?.length ?? 0);
  // The image's text up to the end of its first line is verbatim in the file's line (block markers and
  // indentation only come before it).
  const text = source.slice(start).split("\n", 1)[0]!;
  const at = lines[line]?.indexOf(text, cursor.get(line) ?? 0) ?? -1;
  if (at >= 0) cursor.set(line, at + 1);
  return { src, name, line, column: at + 1, alt: plainText(token.children ?? []) };
}

/** The text of inline tokens (an image's alt), markup left out, as markdown-it writes an alt attribute. */
function plainText(tokens: readonly Token[]): string {
  let text = "";
  for (const t of tokens)
    if (t.type === "text" || t.type === "code_inline") text += t.content;
    else if (t.type === "image") text += plainText(t.children ?? []);
    else if (t.type === "softbreak" || t.type === "hardbreak") text += " ";
  return text;
}

/**
 * A check error for every image of `file` that is not a published media file, naming its line, what
 * it points at and, when a published file has a near name, that one.
 */
export function missingImages(file: string, images: readonly MediaImage[], media: MediaNames): Problem[] {
  const problems: Problem[] = [];
  for (const img of images) {
    if (media.has(img.name)) continue;
    const leftOut = media.leftOut(img.name);
    const guess = leftOut === undefined ? media.near(img.name) : undefined;
    problems.push({
      file,
      line: img.line,
      column: img.column,
      field: img.field ?? "body",
      found: leftOut
        ? `image ${JSON.stringify(PREFIX + img.name)}, a file that is not published: ${leftOut}`
        : `image ${JSON.stringify(PREFIX + img.name)}, which is not in content/media/`,
      expected: guess
        ? `a file under content/media/ — did you mean "${PREFIX}${guess}"?`
        : "a file under content/media/ (the image is published at /media/ and its path below it)",
    });
  }
  return problems;
}
