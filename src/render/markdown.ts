// The one markdown-it factory. Rules, in order:
//   1. CommonMark + GFM tables. Raw HTML is shown as text, except a fixed set of bare inline tags: <sup>, <sub>, <del>, <ins>, <kbd>, <s>, <mark> in balanced pairs and <br>,
//      never with an attribute. HTML blocks are not recognised at all, so a line of HTML is a paragraph
//      of text as it was with `html: false`. Links are validated by markdown-it: javascript:, vbscript:,
//      file: and non-image data: never link.
//   2. cjk-friendly emphasis (markdown-it-cjk-friendly): `**結論：**周轉很快` is bold, as a Chinese author
//      means it. CommonMark's flanking rule would leave the asterisks as text next to CJK punctuation.
//      cjk-breaks: a line break between two CJK characters adds no space.
//   3. site-links: root-relative link and image targets get the site's path prefix. For a feed (options.base)
//      the prefix is the absolute site URL and every other relative target is resolved against the
//      article's own URL: a feed reader shows the body away from the site.
//   4. align-classes: table column alignment as classes, never inline styles (the CSP forbids them).
//   5. figures: a paragraph holding only an image with a title is a figure, the title its caption.
//      Every image after a body's first loads lazily and decodes off the main thread: the first is often
//      what a reader sees first, the rest (legacy pages hold dozens of photos) wait until scrolled to.
//      An image whose size the build read (a file in content/media/, given in `env.imageSizes` by its
//      src) gets width and height, so the page keeps its box and does not jump when the image arrives.
//   6. scrolling blocks: tables sit in a scrollable wrapper, and code blocks are focusable, so wide
//      content never widens a phone page and can be scrolled from the keyboard.
//   7. heading ids (markdown-it-anchor, ids from ./heading-id.ts): every h2–h4 gets a stable id, and the
//      render's env collects them in order (env.headings), so the table of contents comes from the same
//      parse as the body (renderArticle). No permalink symbol is added: the heading text stays as written,
//      in the page and in the search text.
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import cjkFriendly from "markdown-it-cjk-friendly";
import { cjkBreaks } from "./cjk-breaks.ts";
import { headingIds } from "./heading-id.ts";
import type Token from "markdown-it/lib/token.mjs";

export interface MarkdownOptions {
  /** "/" or "/archive/": prefix for root-relative links in article bodies. */
  pathPrefix: string;
  /**
   * For bodies shown away from their page (feeds): the page's absolute URL, against which relative
   * targets ("chart.png", "#method") are resolved. pathPrefix is then the site's absolute URL
   * ("https://archive.example.org/archive/"). The render's env may give it per body (env.base).
   */
  base?: boolean;
}

/** What one render may be given (`md.render(body, env)`). */
export interface MarkdownEnv {
  /** Width and height of images by their src as written (before the path prefix), read at build time. */
  imageSizes?: Readonly<Record<string, { width: number; height: number }>>;
  /** With options.base: the absolute URL of the body's page, for relative targets. */
  base?: string;
}

export function createMarkdown(options: MarkdownOptions): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.block.ruler.disable("html_block");
  md.use(inlineHtmlAllowList);
  md.use(cjkFriendly);
  md.use(cjkBreaks);
  // Before site_links: sizes are looked up by the src as written, before the prefix is added.
  md.use(sizedImages);

  const prefix = options.pathPrefix.replace(/\/$/, "");
  if (prefix !== "" || options.base) {
    md.core.ruler.push("site_links", (state) => {
      const base = options.base ? (state.env as MarkdownEnv).base : undefined;
      const visit = (tokens: typeof state.tokens) => {
        for (const token of tokens) {
          const attr = token.type === "link_open" ? "href" : token.type === "image" ? "src" : null;
          const value = attr ? token.attrGet(attr) : null;
          if (attr && value && value.startsWith("/") && !value.startsWith("//")) token.attrSet(attr, prefix + value);
          else if (attr && value !== null && base && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value))
            token.attrSet(attr, resolved(value, base));
          if (token.children) visit(token.children);
        }
      };
      visit(state.tokens);
    });
  }

  // Wide code scrolls inside its block; tabindex lets keyboard users scroll it.
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (...args) => fence(...args).replace(/^<pre>/, '<pre tabindex="0">');
  const codeBlock = md.renderer.rules.code_block!;
  md.renderer.rules.code_block = (...args) => codeBlock(...args).replace(/^<pre>/, '<pre tabindex="0">');
  // Column alignment as classes: markdown-it writes style="text-align:…", which the CSP (style-src 'self')
  // would block.
  md.core.ruler.push("align_classes", (state) => {
    for (const token of state.tokens) {
      const style = token.attrGet("style");
      const align = style ? /^text-align:(left|center|right)$/.exec(style) : null;
      if (!align) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align[1]}`);
    }
  });
  md.use(captionedImages);
  md.use(lazyImages);
  md.renderer.rules.table_open = () => '<div class="table-scroll" tabindex="0">\n<table>\n';
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  // After every rule that changes inline tokens (allowed HTML, CJK emphasis), so ids see the final text.
  md.use(headingAnchors);
  return md;
}

/** A relative target against an absolute page URL; kept as written if it cannot be resolved. */
function resolved(target: string, base: string): string {
  try {
    return new URL(target, base).href;
  } catch {
    return target;
  }
}

/** A heading of a rendered body, as the table of contents lists it. */
export interface Heading {
  /** 2, 3 or 4. */
  level: number;
  id: string;
  /** The heading's text without markup. */
  text: string;
}

/** What a render collects in markdown-it's env (one env per document). */
export interface RenderEnv extends MarkdownEnv {
  headings?: Heading[];
  /** The id maker of this document (heading-id.ts). */
  [HEADING_IDS]?: (text: string) => string;
}

/** The levels that get an id: the body's h1 (if any) is the page's title level, h5–h6 are too fine to link. */
export const ID_LEVELS = [2, 3, 4];
const HEADING_IDS = Symbol("headingIds");

/** An article body → its HTML and its headings, from one parse; `imageSizes` sizes its /media/ images. */
export function renderArticle(
  md: MarkdownIt,
  body: string,
  imageSizes?: MarkdownEnv["imageSizes"],
  base?: string,
): { html: string; headings: Heading[] } {
  const env: RenderEnv = { imageSizes, base };
  const html = md.render(body, env);
  return { html, headings: env.headings ?? [] };
}

function headingAnchors(md: MarkdownIt): void {
  md.use(anchor, {
    level: ID_LEVELS,
    // No tabindex: following a #link already moves the browser's focus starting point to the heading.
    tabIndex: false,
    getTokensText: headingText,
    slugifyWithState: (text, state) => {
      const env = state.env as RenderEnv;
      return (env[HEADING_IDS] ??= headingIds())(text);
    },
  });
  md.core.ruler.push("heading_list", (state) => {
    const headings: Heading[] = ((state.env as RenderEnv).headings ??= []);
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const id = tokens[i]!.type === "heading_open" ? tokens[i]!.attrGet("id") : null;
      if (id === null) continue;
      headings.push({ level: Number(tokens[i]!.tag.slice(1)), id, text: headingText(tokens[i + 1]!.children ?? []) });
    }
  });
}

/** A heading's text and code, without markup; the lines of a two-line (setext) heading joined by a space. */
function headingText(children: Token[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text;
}

/** The inline tags an article may hold as raw HTML (imported bodies need them: H<sub>2</sub>O, E = MC<sup>2</sup>). */
const ALLOWED_TAGS = new Set(["sup", "sub", "del", "ins", "kbd", "s", "mark"]);
/** Exactly an opener or closer of one name: no attribute, no space, lower case. */
const BARE_TAG = /^<(\/?)([a-z]+)>$/;
const BR = /^<br ?\/?>$/;

/**
 * Raw HTML as text, but for allowed tags in balanced pairs (and <br>): a tag is kept only when its
 * closer follows in the same inline run with every Markdown element opened between them closed again,
 * so the output never leaves one open or crosses <strong>. The renderer checks the mark again: an
 * html_inline token without it is escaped, whoever made it.
 */
function inlineHtmlAllowList(md: MarkdownIt): void {
  md.core.ruler.push("inline_html_allow_list", (state) => {
    for (const block of state.tokens) if (block.type === "inline" && block.children) allowBalanced(block.children);
  });
  const escape = md.utils.escapeHtml;
  // <br/> and <br /> are written <br>, as markdown-it writes its own breaks (html-validate's void-style).
  md.renderer.rules.html_inline = (tokens, idx) => {
    const token = tokens[idx]!;
    if (token.meta?.allowedHtml !== true) return escape(token.content);
    return BR.test(token.content) ? "<br>" : token.content;
  };
  // HTML blocks are disabled; should one ever be made, it is text too.
  md.renderer.rules.html_block = (tokens, idx) => `<p>${escape(tokens[idx]!.content.trim())}</p>\n`;
}

function allowBalanced(children: Token[]): void {
  const open: { html: boolean; name?: string; at?: number }[] = [];
  const keep = new Set<number>();
  children.forEach((token, i) => {
    if (token.type === "html_inline") {
      if (BR.test(token.content)) return void keep.add(i);
      const tag = BARE_TAG.exec(token.content);
      if (!tag || !ALLOWED_TAGS.has(tag[2]!)) return;
      if (tag[1] === "") return void open.push({ html: true, name: tag[2]!, at: i });
      const top = open.at(-1);
      if (top?.html && top.name === tag[2]) {
        open.pop();
        keep.add(top.at!).add(i);
      }
    } else if (token.nesting === 1) open.push({ html: false });
    else if (token.nesting === -1) {
      // Closing a Markdown element closes what was opened in it: an HTML opener still open there stays text.
      while (open.length > 0 && open.pop()!.html);
    }
  });
  children.forEach((token, i) => {
    if (token.type !== "html_inline") return;
    if (keep.has(i)) token.meta = { ...(token.meta ?? {}), allowedHtml: true };
    else token.type = "text";
  });
}

/**
 * A paragraph holding only an image with a title becomes <figure><img><figcaption>title</figcaption>.
 * Written here rather than taken from markdown-it-implicit-figures, which makes a figure of every lone
 * image, captioned or not, and would change the markup of every image already published.
 */
function captionedImages(md: MarkdownIt): void {
  md.core.ruler.push("captioned_images", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      if (open.type !== "paragraph_open" || open.hidden || inline.type !== "inline" || close.type !== "paragraph_close")
        continue;
      const parts = (inline.children ?? []).filter((t) => !(t.type === "text" && t.content.trim() === ""));
      const image = parts.length === 1 && parts[0]!.type === "image" ? parts[0]! : null;
      const caption = image?.attrGet("title");
      if (!image || !caption) continue;
      open.tag = close.tag = "figure";
      image.attrs = (image.attrs ?? []).filter(([name]) => name !== "title");
      image.meta = { ...(image.meta ?? {}), caption };
    }
  });
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const caption = tokens[idx]!.meta?.caption as string | undefined;
    const html = image(tokens, idx, options, env, self);
    return caption ? `${html}<figcaption>${md.utils.escapeHtml(caption)}</figcaption>` : html;
  };
}

/** width and height on every image whose size the render was given (env.imageSizes, by src). */
function sizedImages(md: MarkdownIt): void {
  md.core.ruler.push("sized_images", (state) => {
    const sizes = (state.env as MarkdownEnv | undefined)?.imageSizes;
    if (!sizes) return;
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        const src = child.type === "image" ? child.attrGet("src") : null;
        const size = src !== null && Object.hasOwn(sizes, src) ? sizes[src] : undefined;
        if (!size) continue;
        child.attrSet("width", String(size.width));
        child.attrSet("height", String(size.height));
      }
    }
  });
}

/** loading="lazy" and decoding="async" on every image of a document after its first. */
function lazyImages(md: MarkdownIt): void {
  md.core.ruler.push("lazy_images", (state) => {
    let seen = 0;
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type !== "image" || seen++ === 0) continue;
        child.attrSet("loading", "lazy");
        child.attrSet("decoding", "async");
      }
    }
  });
}
