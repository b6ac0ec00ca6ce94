// An imported body (HTML) → Markdown. Every link and image goes through `rewrite`, which decides its new
// target (an imported article, a copied file, or the old address kept). What a real body carries is kept:
// nested lists with their numbers, code blocks with every space, sup/sub/del/ins/kbd/s/mark as the bare
// tags the renderer allows, <br> in table cells, figures with captions; media and embeds become links.
// Chinese CMS habits are undone: one-cell layout tables, editor stamps (责任编辑：…), full-width indents.
// Whatever did not arrive as it was is told in `notes`, one readable line each.
//
// Each step below walks the document once (`within`, never a `.find` per element: see dom.ts).
import { load, type Cheerio, type CheerioAPI, type contains } from "cheerio";
import TurndownService from "turndown";
import { attached, hasTag, textLength, within } from "./dom.ts";
import { siteOf, tally } from "./notes.ts";

// cheerio's own domhandler types (the top-level domhandler package may be another version).
type AnyNode = Parameters<typeof contains>[0];
type Element = Extract<AnyNode, { tagName: string }>;
type Text = Extract<AnyNode, { type: "text" }>;

export interface Rewrite {
  /** New href for a link, or null to keep only its text. */
  link(href: string): string | null;
  /** New src for an image, or null to drop it. */
  image(src: string, alt: string): string | null;
}

/**
 * The body as Markdown. `notes`, when given, receives a line for each thing changed on the way
 * ("a one-cell layout table unwrapped", "an <iframe> embed of youtube.com removed, kept as a link"),
 * identical lines once with their count.
 */
export function toMarkdown(html: string, rewrite: Rewrite, notes?: string[]): string {
  const found: string[] = [];
  const $ = load(`<div id="wenku-body">${html}</div>`);
  const root = $("#wenku-body");
  // Each query walks the whole body: one for elements the body never names is skipped.
  const named = tagNames(html);
  const has = (...names: string[]) => names.some((n) => named.has(n));
  if (has("a", "img")) rewriteLinks($, root, rewrite);
  if (has("audio", "video")) mediaAsLinks($, root, rewrite, found);
  if (has("iframe", "embed", "object")) embedsAsLinks($, root, rewrite, found);
  // Never content, whatever the source: code, styles, what is left of embeds, and forms.
  if (has("script", "style", "noscript", "iframe", "object", "embed", "form", "template"))
    within($, root, "script, style, noscript, iframe, object, embed, form, template").remove();
  if (has("table")) unwrapLayoutTables($, root, found);
  dropEditorStamp($, root, found);
  if (has("pre")) fenceCodeBlocks($, root);
  if (has("ol"))
    within($, root, "ol[reversed]").each(
      () => void found.push("a list numbered downwards (reversed) now counts upwards"),
    );
  if (has("figcaption")) captionedFigures($, root, found);
  if (has(...INLINE_TAGS)) inlineTagsIntoBlocks($, root, found);
  if (has("h1")) headingsBelowTitle($, root, found);
  const markdown = turndown().turndown(root.html() ?? "");
  notes?.push(...tally(found));
  return tidy(markdown);
}

/**
 * A body with its own <h1>: every heading one level down (h6 stays h6), since the article's title is
 * the page's only h1 and the body's outline starts below it.
 */
function headingsBelowTitle($: CheerioAPI, root: Cheerio<AnyNode>, found: string[]): void {
  within($, root, "h1, h2, h3, h4, h5").each((_, el) => {
    const heading = el as Element;
    heading.tagName = `h${Number(heading.tagName.slice(1)) + 1}`;
  });
  found.push("headings moved one level down (the body had an <h1>; the title is the page's only one)");
}

/** The element names an HTML text opens, lower-cased: one linear scan of the text. */
function tagNames(html: string): Set<string> {
  const names = new Set<string>();
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)) names.add(m[1]!.toLowerCase());
  return names;
}

function rewriteLinks($: CheerioAPI, root: Cheerio<AnyNode>, rewrite: Rewrite): void {
  within($, root, "a").each((_, el) => {
    const a = $(el);
    const href = a.attr("href");
    const target = href ? rewrite.link(href) : null;
    if (target === null) a.replaceWith(a.contents());
    else a.attr("href", target);
  });
  within($, root, "img").each((_, el) => {
    const img = $(el);
    const src = img.attr("src");
    const target = src ? rewrite.image(src, img.attr("alt") ?? "") : null;
    if (target === null) img.remove();
    else img.attr("src", target);
  });
}

/** <audio> and <video> → a paragraph linking to the file (through rewrite.link, so the importer copies it), named by the figure's caption or the file. */
function mediaAsLinks($: CheerioAPI, root: Cheerio<AnyNode>, rewrite: Rewrite, found: string[]): void {
  within($, root, "audio, video").each((_, node) => {
    const el = node as Element;
    if (!attached(el)) return;
    const kind = el.tagName.toLowerCase();
    const media = $(el);
    const src = media.attr("src") || media.children("source[src]").first().attr("src");
    const figure = el.parent && (el.parent as Element).tagName === "figure" ? $(el.parent as Element) : null;
    const caption = figure ? clean(figure.children("figcaption").text()) : "";
    const holder = figure && figure.children().length === figure.children("figcaption").length + 1 ? figure : media;
    if (!src) {
      found.push(`an <${kind}> block without a file removed`);
      holder.remove();
      return;
    }
    const label = caption || `${kind === "audio" ? "Audio" : "Video"}: ${fileName(src)}`;
    const target = rewrite.link(src);
    const paragraph = $("<p></p>");
    if (target === null) {
      paragraph.text(label);
      found.push(`an <${kind}> block of ${src}: its address was not kept, only its name`);
    } else {
      paragraph.append($("<a></a>").attr("href", target).text(label));
      found.push(`${kind === "audio" ? "an" : "a"} <${kind}> block: kept as a link to ${target}`);
    }
    holder.replaceWith(paragraph);
  });
}

/** <iframe>, <embed> and <object> with a web address → a link to it, instead of vanishing. */
function embedsAsLinks($: CheerioAPI, root: Cheerio<AnyNode>, rewrite: Rewrite, found: string[]): void {
  within($, root, "iframe, embed, object").each((_, each) => {
    const el = each as Element;
    if (!attached(el)) return;
    const kind = el.tagName.toLowerCase();
    const node = $(el);
    let src =
      kind === "object"
        ? node.attr("data") ||
          node.children('param[name="movie"], param[name="src"]').attr("value") ||
          node.children("embed").attr("src")
        : node.attr("src");
    if (src?.startsWith("//")) src = `https:${src}`;
    if (!src || !/^https?:\/\//i.test(src)) {
      found.push(`an <${kind}> embed without a web address removed`);
      node.remove();
      return;
    }
    const site = siteOf(src);
    const target = rewrite.link(src);
    if (target === null) {
      found.push(`an <${kind}> embed of ${site} removed`);
      node.remove();
      return;
    }
    const title = clean(node.attr("title") ?? "");
    node.replaceWith(
      $("<p></p>").append(
        $("<a></a>")
          .attr("href", target)
          .text(title ? `${title} (${site})` : src),
      ),
    );
    found.push(`an <${kind}> embed of ${site} removed, kept as a link`);
  });
}

/** A table's own rows, not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== "tag") continue;
    if (child.tagName === "tr") rows.push(child);
    else if (/^t(head|body|foot)$/.test(child.tagName))
      for (const row of child.children) if (row.type === "tag" && row.tagName === "tr") rows.push(row);
  }
  return rows;
}

const cellsOf = (row: Element) =>
  row.children.filter((c): c is Element => c.type === "tag" && (c.tagName === "td" || c.tagName === "th"));

/**
 * Tables used for layout (no row with two cells, no header cell: DedeCMS's stock template wraps every
 * body in `<table width='100%'><tr><td>`) give their content back as blocks; only data tables stay tables.
 * A table with a caption is a data table whatever its shape: nobody names a layout grid, and unwrapped,
 * its caption would have nowhere to go (kept, it stands as a paragraph above the table).
 */
function unwrapLayoutTables($: CheerioAPI, root: Cheerio<AnyNode>, found: string[]): void {
  // Which tables sit in a cell is read before any is unwrapped (an inner one moves out with its cell's content).
  const tables = within($, root, "table")
    .toArray()
    .map((node) => ({ el: node as Element, nested: $(node).parents("td, th").length > 0 }));
  for (const { el, nested } of tables) {
    if (!attached(el)) continue;
    if (el.children.some((c) => c.type === "tag" && c.tagName === "caption" && clean($(c).text()) !== "")) continue;
    const cells = rowsOf(el).map(cellsOf);
    if (cells.some((row) => row.length >= 2 || row.some((c) => c.tagName === "th"))) continue;
    const flat = cells.flat();
    $(el).replaceWith(flat.map((cell) => $("<div></div>").append($(cell).contents())[0]!));
    found.push(`${flat.length <= 1 ? "a one-cell" : "a one-column"} ${nested ? "nested " : ""}layout table unwrapped`);
  }
}

// "(责任编辑：admin)", "（責任編輯：小王）", "责任编辑：xx": the CMS's signature of whoever pressed publish.
// What follows the colon must read as names, not as a sentence: "编辑：本文由某某整理" is the author's
// last line. A name is a short run of Han characters (阿依古丽·买买提 too) or a user name (admin, xiao_wang);
// several are parted by spaces, 、 or /. No sentence punctuation, no words of a credit line (本文, 由, 整理…).
const HAN_NAME = String.raw`\p{Script=Han}{1,5}(?:[·・]\p{Script=Han}{1,5})*`;
const USER_NAME = String.raw`[A-Za-z0-9_-]+`;
const NAME = `(?:${HAN_NAME}|${USER_NAME})`;
const NAMES = String.raw`${NAME}(?:(?:\s*[、/／]\s*|\s+)${NAME})*`;
const STAMP = new RegExp(
  String.raw`^[(（[【]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*(${NAMES})\s*[)）\]】]?$`,
  "u",
);
// (Begins at the bracket: a leading \s* would be tried at every space of a long text.)
const STAMP_TAIL = new RegExp(
  String.raw`[(（]\s*(?:责任编辑|責任編輯|责编|責編)\s*[:：]\s*(${NAMES})\s*[)）]\s*$`,
  "u",
);
const CREDIT_WORDS = /本文|由|整理|转载|轉載|转自|轉自|摘自|来源|來源|提供|发布|發布/;

/** The stamp `pattern` finds in `text`, or null when there is none or what it names is not names. */
function stampIn(pattern: RegExp, text: string): RegExpExecArray | null {
  const m = pattern.exec(text);
  return m && m[1]!.length <= 24 && !CREDIT_WORDS.test(m[1]!) ? m : null;
}

/** Drops an editor stamp when it is the body's last short paragraph, or the end of the last one. */
function dropEditorStamp($: CheerioAPI, root: Cheerio<AnyNode>, found: string[]): void {
  let node: AnyNode = root[0]!;
  for (let depth = 0; depth < 12; depth++) {
    const children = (node as Element).children ?? [];
    let last: AnyNode | undefined;
    for (let i = children.length - 1; i >= 0 && !last; i--) {
      const c = children[i]!;
      if (
        c.type === "text"
          ? c.data.trim() !== ""
          : c.type === "tag" && c.tagName !== "br" && (textLength(c) > 0 || c.tagName === "img" || hasTag(c, "img"))
      )
        last = c;
    }
    if (!last) return;
    if (last.type === "text") {
      const text = last.data.trim();
      const tail = stampIn(STAMP_TAIL, last.data);
      if (stampIn(STAMP, text)) {
        found.push(`an editor stamp ${text} removed`);
        $(last).remove();
      } else if (tail) {
        found.push(`an editor stamp ${tail[0].trim()} removed`);
        last.data = last.data.slice(0, tail.index).trimEnd();
      }
      return;
    }
    const element = last as Element;
    if (textLength(element) <= 40) {
      const text = clean($(element).text());
      if (stampIn(STAMP, text)) {
        found.push(`an editor stamp ${text} removed`);
        $(element).remove();
        return;
      }
    }
    if (!/^(p|div|span|font|section|article|td|strong|b|center)$/.test(element.tagName)) return;
    node = element;
  }
}

/**
 * A figure that is one image (alone or in a link to its own file) and one caption becomes a captioned
 * image (the renderer shows it as a figure again): it is marked here with its caption, read once. Any
 * other figure (two images, an image and a paragraph, an image linking elsewhere, an image in the
 * caption) is converted as its content, each caption as a paragraph where it stood: a Markdown image
 * holds one image and a plain-text caption, and the rest would be lost.
 */
function captionedFigures($: CheerioAPI, root: Cheerio<AnyNode>, found: string[]): void {
  within($, root, "figure").each((_, node) => {
    const figure = node as Element;
    if (!attached(figure)) return;
    const parts = figureParts(figure);
    const caption = parts ? clean($(parts.figcaption).text()) : "";
    if (parts) {
      if (!caption) return; // an empty caption: the image alone
      $(figure).attr("data-wenku-caption", caption);
      // A caption is the image's title in Markdown: plain text, so a link in it keeps only its words.
      if (hasTag(parts.figcaption, "a")) found.push("a link in an image caption kept as text");
      if (parts.link) found.push("the link of a captioned image to its own file dropped");
      return;
    }
    const captions = figure.children.filter(
      (c): c is Element =>
        c.type === "tag" && c.tagName === "figcaption" && (clean($(c).text()) !== "" || hasTag(c, "img")),
    );
    if (captions.length === 0) return;
    for (const caption of captions) $(caption).replaceWith($("<p></p>").append($(caption).contents()));
    found.push("a figure that is not one image with its caption: its content kept, its caption as a paragraph");
  });
}

/** A figure's caption when the figure is exactly one image (or a link to that image's file around it) and one caption without images. */
function figureParts(figure: Element): { figcaption: Element; link: boolean } | null {
  let img: Element | null = null;
  let figcaption: Element | null = null;
  let link: Element | null = null;
  for (const child of figure.children) {
    if (child.type === "text") {
      if (child.data.trim() !== "") return null;
    } else if (child.type === "tag") {
      if (child.tagName === "figcaption" && !figcaption) figcaption = child;
      else if (child.tagName === "img" && !img) img = child;
      else if (child.tagName === "a" && !img) {
        img = onlyImage(child);
        link = child;
        if (!img) return null;
      } else return null;
    }
  }
  if (!img?.attribs.src || !figcaption || hasTag(figcaption, "img")) return null;
  // A link to another page is kept: the figure is then converted as its content.
  if (link && !sameFile(link.attribs.href ?? "", img.attribs.src)) return null;
  return { figcaption, link: link !== null };
}

/** The one image a link holds and nothing else (blank text aside), or null. */
function onlyImage(a: Element): Element | null {
  let img: Element | null = null;
  for (const child of a.children) {
    if (child.type === "text" ? child.data.trim() !== "" : child.type === "tag" && (child.tagName !== "img" || img))
      return null;
    if (child.type === "tag") img = child;
  }
  return img;
}

/** Whether a link leads to the image's own file: WordPress links a thumbnail (a-604x453.jpg, a.jpg?w=604) to the full a.jpg. */
function sameFile(href: string, src: string): boolean {
  const base = (url: string) =>
    fileName(url)
      .replace(/-\d+x\d+(?=\.\w+$)/, "")
      .toLowerCase();
  return href !== "" && base(href) === base(src);
}

// Elements that make blocks of their own (turndown's list, less <center>, which the wrappers rule keeps inline).
const BLOCKS = new Set(
  "address article aside blockquote caption dd details div dl dt fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split(
    " ",
  ),
);

/**
 * <del>, <ins>, <s>, <mark>… around blocks (`<del><p>one</p><p>two</p></del>`, which editors write for
 * a struck passage) go into each block instead, around its inline content: `<p><del>one</del></p>`.
 * The renderer keeps a pair only inside one paragraph; spread over several, both tags would show as text.
 */
function inlineTagsIntoBlocks($: CheerioAPI, root: Cheerio<AnyNode>, found: string[]): void {
  const marks = within($, root, INLINE_TAGS.join(", ")).toArray() as Element[];
  if (marks.length === 0) return;
  // Which elements hold a block, marked from each block upwards; a walk stops where one went before.
  const holdsBlock = new Set<AnyNode>();
  within($, root, [...BLOCKS].join(", ")).each((_, block) => {
    for (let at = block.parent; at && !holdsBlock.has(at); at = at.parent) holdsBlock.add(at);
  });
  for (const mark of marks) {
    if (!holdsBlock.has(mark) || !attached(mark)) continue;
    const name = mark.tagName;
    const spread = (container: Element) => {
      let run: AnyNode[] = [];
      const wrapRun = () => {
        if (run.some((n) => n.type !== "text" || (n as Text).data.trim() !== "")) $(run).wrapAll(`<${name}></${name}>`);
        run = [];
      };
      for (const child of [...container.children]) {
        if (child.type === "tag" && (BLOCKS.has(child.tagName) || holdsBlock.has(child))) {
          wrapRun();
          if (child.tagName === "pre") found.push(`a code block inside <${name}> kept without it`);
          else if (child.tagName !== "hr") spread(child);
        } else run.push(child);
      }
      wrapRun();
    };
    spread(mark);
    $(mark).replaceWith($(mark).contents());
  }
}

/**
 * Every <pre> becomes a fenced block, computed here from its text (entities decoded, <br> as newlines,
 * every space kept) and carried to turndown in an attribute: turndown never re-reads its whitespace.
 */
function fenceCodeBlocks($: CheerioAPI, root: Cheerio<AnyNode>): void {
  within($, root, "pre br").replaceWith("\n");
  // A Markdown table cell holds one line: a code block there becomes a line of code per line.
  within($, root, "td pre, th pre").each((_, el) => {
    if (!attached(el)) return;
    const lines = $(el).text().replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    $(el).replaceWith(
      lines.map((line) => (line.trim() === "" ? "" : $("<code></code>").text(line).toString())).join("<br>"),
    );
  });
  within($, root, "pre").each((_, node) => {
    const el = node as Element;
    if (!attached(el)) return;
    const pre = $(el);
    const text = pre.text().replace(/\r\n?/g, "\n").replace(/\n$/, "");
    if (text.trim() === "") {
      pre.remove();
      return;
    }
    const code = pre.children("code").first();
    const lang = languageOf(el) || (code.length ? languageOf(code[0]!) : "");
    let longest = 0;
    for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
    const fence = "`".repeat(Math.max(3, longest + 1));
    // The dot only keeps turndown from taking the block for a blank one and dropping it.
    pre.replaceWith($("<pre>.</pre>").attr("data-wenku-fenced", `${fence}${lang}\n${text}\n${fence}`));
  });
}

/** The language of a code block: lang="cpp" (WP-Syntax), class="language-x"/"lang-x" (Prism, highlight.js), class="brush: php" (SyntaxHighlighter). */
function languageOf(el: Element): string {
  const cls = el.attribs.class ?? "";
  const lang =
    el.attribs.lang ||
    el.attribs["data-lang"] ||
    /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(cls)?.[1] ||
    /brush\s*:\s*([\w+#.-]+)/.exec(cls)?.[1] ||
    "";
  return /^[\w+#.-]{1,30}$/.test(lang) ? lang.toLowerCase() : "";
}

let service: TurndownService | undefined;

const INLINE_TAGS = ["sup", "sub", "del", "ins", "kbd", "s", "strike", "mark"] as const;
// turndown's DOM node, as much of it as the rules read.
type DomNode = TurndownService.Node & { rows?: ArrayLike<HTMLTableRowElement> };

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: "atx",
    codeBlockStyle: "fenced",
    bulletListMarker: "-",
    emDelimiter: "*",
  });
  // Text that looks like a tag ("&lt;sup&gt;" in the source) must not become one: "<" before a letter is escaped.
  const escape = service.escape.bind(service);
  service.escape = (text: string) => escape(text).replace(/<(?=[A-Za-z/!?])/g, "\\<");
  // Legacy layouts put everything in <font>, <span> and <center>: keep the text, drop the wrapper.
  // (font and center are obsolete elements, unknown to the DOM typings: matched by name.)
  const wrappers = new Set(["FONT", "CENTER", "SPAN", "U"]);
  service.addRule("plain-wrappers", {
    filter: (node) => wrappers.has(node.nodeName),
    replacement: (content) => content,
  });
  service.addRule("fenced", {
    filter: (node) => node.nodeName === "PRE" && node.hasAttribute("data-wenku-fenced"),
    replacement: (_content, node) => `\n\n${(node as HTMLElement).getAttribute("data-wenku-fenced")}\n\n`,
  });
  service.addRule("inline-tags", {
    filter: [...INLINE_TAGS] as TurndownService.Filter,
    replacement: (content, node) => {
      const tag = node.nodeName === "STRIKE" ? "del" : node.nodeName.toLowerCase();
      if (content.trim() === "") return content;
      // Blocks inside were taken apart before (inlineTagsIntoBlocks); a blank line left (two <br>) still
      // parts paragraphs, and a pair is kept only within one: each part gets its own.
      const parts = content.split(/\n[ \t]*\n/);
      if (parts.length === 1) return `<${tag}>${content}</${tag}>`;
      return parts
        .filter((part) => part.trim() !== "")
        .map((part) => `<${tag}>${part.trim()}</${tag}>`)
        .join("\n\n");
    },
  });
  // Lists: an item's continuation lines are indented to its content column ("10. " needs four spaces),
  // and an <ol start> keeps its numbers.
  service.addRule("list-item", {
    filter: "li",
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = "- ";
      if (parent?.nodeName === "OL") {
        const start = Number.parseInt(parent.getAttribute("start") ?? "1", 10);
        const index = indexIn(parent, node);
        prefix = `${Math.min(Math.max(Number.isFinite(start) ? start : 1, 0), 999_999_000) + index}. `;
      }
      const body = content
        .replace(/^\n+/, "")
        .replace(/\n+$/, "\n")
        .replace(/\n/g, `\n${" ".repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !body.endsWith("\n") ? "\n" : "");
    },
  });
  // An image's title is not a caption: only a <figure> gives one (the renderer makes it a figcaption).
  service.addRule("image", {
    filter: "img",
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute("src");
      return src ? image((node as HTMLElement).getAttribute("alt") ?? "", src) : "";
    },
  });
  // A figure marked by captionedFigures: one image (maybe in a link to its own file) and its caption.
  service.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && node.hasAttribute("data-wenku-caption"),
    replacement: (_content, node) => {
      const figure = node as HTMLElement;
      const img = figure.getElementsByTagName("img")[0]!;
      return `\n\n${image(img.getAttribute("alt") ?? "", img.getAttribute("src")!, figure.getAttribute("data-wenku-caption")!)}\n\n`;
    },
  });
  // Tables: the first row is the header (a Markdown table needs one), every row as wide as the widest;
  // a cell's line breaks stay <br> and its blocks are joined by them, so the table never breaks.
  addTableRules(service);
  return service;
}

/** Tables: GFM pipe tables, a cell's line breaks kept as <br>, captions dropped (turndown-plugin-gfm's own rules are not used). */
function addTableRules(service: TurndownService): void {
  service.addRule("table-cell", {
    filter: ["th", "td"],
    replacement: (content, node) => {
      const text = content
        .trim()
        .replace(/\n{2,}/g, "<br><br>")
        .replace(/\n/g, "<br>")
        .replace(/\|/g, "\\|");
      const span = Math.min(
        Math.max(Number.parseInt((node as HTMLElement).getAttribute("colspan") ?? "1", 10) || 1, 1),
        50,
      );
      return ` ${text} |` + "  |".repeat(span - 1);
    },
  });
  service.addRule("table-row", {
    filter: "tr",
    replacement: (content, node) => {
      const shape = shapeOf(closest(node, "TABLE"));
      if (shape?.first !== node) return `\n|${content}`;
      const own = columns(node as HTMLTableRowElement);
      return `\n|${content}${"  |".repeat(shape.width - own)}\n|${" --- |".repeat(shape.width)}`;
    },
  });
  service.addRule("table-section", { filter: ["thead", "tbody", "tfoot"], replacement: (content) => content });
  service.addRule("table-caption", { filter: "caption", replacement: () => "" });
  service.addRule("table", {
    filter: "table",
    replacement: (content, node) => {
      const caption = Array.from(node.childNodes)
        .find((c) => c.nodeName === "CAPTION")
        ?.textContent?.trim();
      return `\n\n${caption ? `${service!.escape(caption)}\n\n` : ""}${content.replace(/^\n+/, "")}\n\n`;
    },
  });
  service.addRule("cell-break", {
    filter: (node) => node.nodeName === "BR" && closest(node, "TD", "TH") !== null,
    replacement: () => "<br>",
  });
}

// Read once per list and per table: asked item by item or row by row, they would read it once each.
const itemIndexes = new WeakMap<object, Map<object, number>>();
const tableShapes = new WeakMap<object, { first: unknown; width: number }>();

/** `node`'s position among its parent's elements. */
function indexIn(parent: HTMLElement, node: TurndownService.Node): number {
  let indexes = itemIndexes.get(parent);
  if (!indexes) {
    indexes = new Map(Array.from(parent.children).map((child, i) => [child, i]));
    itemIndexes.set(parent, indexes);
  }
  return indexes.get(node) ?? 0;
}

/** A table's first row (its header) and its width in columns: the widest row's. */
function shapeOf(table: DomNode | null): { first: unknown; width: number } | null {
  if (!table) return null;
  let shape = tableShapes.get(table);
  if (!shape) {
    // (domino builds `rows` anew, walking the table, at each read: it is read here once.)
    const rows = Array.from(table.rows ?? []);
    shape = { first: rows[0], width: rows.reduce((w, row) => Math.max(w, columns(row)), 0) };
    tableShapes.set(table, shape);
  }
  return shape;
}

function columns(row: HTMLTableRowElement): number {
  let n = 0;
  for (const cell of Array.from(row.cells ?? []))
    n += Math.min(Math.max(Number.parseInt(cell.getAttribute("colspan") ?? "1", 10) || 1, 1), 50);
  return n;
}

/** The nearest ancestor named one of `names` below the table that holds `node` (a cell's own table, not an outer one). */
function closest(node: TurndownService.Node, ...names: string[]): DomNode | null {
  for (let at = node.parentNode; at; at = at.parentNode) {
    if (names.includes(at.nodeName)) return at as DomNode;
    if (at.nodeName === "TABLE" && !names.includes("TABLE")) return null;
  }
  return null;
}

function image(alt: string, src: string, title?: string): string {
  const text = alt.replace(/\s+/g, " ").replace(/([\\[\]])/g, "\\$1");
  const target = src.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
  return `![${text}](${target}${title ? ` "${title.replace(/(["\\])/g, "\\$1")}"` : ""})`;
}

/**
 * Full-width and no-break indents at the start of lines are layout, not text; runs of blank lines are
 * one. Neither touches a fenced block, whose spaces and blank lines are its content.
 */
function tidy(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  let blank = false;
  for (const line of markdown.split("\n")) {
    if (fence !== null) {
      out.push(line);
      const trimmed = line.trim();
      if (trimmed.startsWith(fence) && /^`+$/.test(trimmed)) fence = null;
      continue;
    }
    const opening = /^\s*(`{3,})/.exec(line);
    if (opening) fence = opening[1]!;
    const text = line.replace(/^[\u3000\u00a0][\u3000\u00a0 ]*/, "");
    if (text.trim() === "") {
      if (!blank && out.length > 0) out.push("");
      blank = true;
      continue;
    }
    blank = false;
    out.push(text);
  }
  while (out.length > 0 && out.at(-1) === "") out.pop();
  return out.join("\n") + "\n";
}

const clean = (s: string) => s.replace(/\s+/g, " ").trim();

function fileName(src: string): string {
  const path = src.split(/[?#]/)[0]!;
  const name = path.slice(path.lastIndexOf("/") + 1) || path;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
