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
  if (has("script", "style", "noscript", "iframe", "object", "embed", "form", "template")) within($, root, "script, style, noscript, iframe, object, embed, form, template").remove();
  if (has("table")) unwrapLayoutTables($, root, found);
  dropEditorStamp($, root, found);
  if (has("pre")) fenceCodeBlocks($, root);
  if (has("ol")) within($, root, "ol[reversed]").each(() => void found.push("a list numbered downwards (reversed) now counts upwards"));
  // A caption is the image's title in Markdown: plain text, so a link in it keeps only its words.
  if (has("figcaption")) within($, root, "figure > figcaption a").each(() => void found.push("a link in an image caption kept as text"));
  const markdown = turndown().turndown(root.html() ?? "");
  notes?.push(...tally(found));
  return tidy(markdown);
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
    let src = kind === "object" ? node.attr("data") || node.children('param[name="movie"], param[name="src"]').attr("value") || node.children("embed").attr("src") : node.attr("src");
    if (src?.startsWith("//")) src = `https:${src}`;
    if (!src || !/^https?:\/\//i.test(src)) {
      found.push(`an <${kind}> embed without a web address removed`);
      node.remove();
      return;
    }
    const site = hostOf(src);
    const target = rewrite.link(src);
    if (target === null) {
      found.push(`an <${kind}> embed of ${site} removed`);
      node.remove();
      return;
    }
    const title = clean(node.attr("title") ?? "");
    node.replaceWith($("<p></p>").append($("<a></a>").attr("href", target).text(title ? `${title} (${site})` : src)));
    found.push(`an <${kind}> embed of ${site} removed, kept as a link`);
  });
}

/** A table's own rows, not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== "tag") continue;
    if (child.tagName === "tr") rows.push(child);
    else if (/^t(head|body|foot)$/.test(child.tagName)) for (const row of child.children) if (row.type === "tag" && row.tagName === "tr") rows.push(row);
  }
  return rows;
}

const cellsOf = (row: Element) => row.children.filter((c): c is Element => c.type === "tag" && (c.tagName === "td" || c.tagName === "th"));

/**
 * Tables used for layout (no row with two cells, no header cell: DedeCMS's stock template wraps every
 * body in `<table width='100%'><tr><td>`) give their content back as blocks; only data tables stay tables.
 */
function unwrapLayoutTables($: CheerioAPI, root: Cheerio<AnyNode>, found: string[]): void {
  // Which tables sit in a cell is read before any is unwrapped (an inner one moves out with its cell's content).
  const tables = within($, root, "table")
    .toArray()
    .map((node) => ({ el: node as Element, nested: $(node).parents("td, th").length > 0 }));
  for (const { el, nested } of tables) {
    if (!attached(el)) continue;
    const cells = rowsOf(el).map(cellsOf);
    if (cells.some((row) => row.length >= 2 || row.some((c) => c.tagName === "th"))) continue;
    const flat = cells.flat();
    $(el).replaceWith(flat.map((cell) => $("<div></div>").append($(cell).contents())[0]!));
    found.push(`${flat.length <= 1 ? "a one-cell" : "a one-column"} ${nested ? "nested " : ""}layout table unwrapped`);
  }
}

// "(责任编辑：admin)", "（責任編輯：小王）", "责任编辑：xx": the CMS's signature of whoever pressed publish.
const STAMP = /^[(（[【]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*[^()（）[\]【】\n]{1,24}?\s*[)）\]】]?$/;
const STAMP_TAIL = /\s*[(（]\s*(?:责任编辑|責任編輯|责编|責編)\s*[:：][^()（）\n]{1,24}[)）]\s*$/;

/** Drops an editor stamp when it is the body's last short paragraph, or the end of the last one. */
function dropEditorStamp($: CheerioAPI, root: Cheerio<AnyNode>, found: string[]): void {
  let node: AnyNode = root[0]!;
  for (let depth = 0; depth < 12; depth++) {
    const children = (node as Element).children ?? [];
    let last: AnyNode | undefined;
    for (let i = children.length - 1; i >= 0 && !last; i--) {
      const c = children[i]!;
      if (c.type === "text" ? c.data.trim() !== "" : c.type === "tag" && c.tagName !== "br" && (textLength(c) > 0 || c.tagName === "img" || hasTag(c, "img"))) last = c;
    }
    if (!last) return;
    if (last.type === "text") {
      const text = last.data.trim();
      if (STAMP.test(text)) {
        found.push(`an editor stamp ${text} removed`);
        $(last).remove();
      } else if (STAMP_TAIL.test(last.data)) {
        found.push(`an editor stamp ${STAMP_TAIL.exec(last.data)![0].trim()} removed`);
        last.data = last.data.replace(STAMP_TAIL, "");
      }
      return;
    }
    const element = last as Element;
    if (textLength(element) <= 40) {
      const text = clean($(element).text());
      if (STAMP.test(text)) {
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
 * Every <pre> becomes a fenced block, computed here from its text (entities decoded, <br> as newlines,
 * every space kept) and carried to turndown in an attribute: turndown never re-reads its whitespace.
 */
function fenceCodeBlocks($: CheerioAPI, root: Cheerio<AnyNode>): void {
  within($, root, "pre br").replaceWith("\n");
  // A Markdown table cell holds one line: a code block there becomes a line of code per line.
  within($, root, "td pre, th pre").each((_, el) => {
    if (!attached(el)) return;
    const lines = $(el).text().replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    $(el).replaceWith(lines.map((line) => (line.trim() === "" ? "" : $("<code></code>").text(line).toString())).join("<br>"));
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
  const lang = el.attribs.lang || el.attribs["data-lang"] || /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(cls)?.[1] || /brush\s*:\s*([\w+#.-]+)/.exec(cls)?.[1] || "";
  return /^[\w+#.-]{1,30}$/.test(lang) ? lang.toLowerCase() : "";
}

let service: TurndownService | undefined;

const INLINE_TAGS = ["sup", "sub", "del", "ins", "kbd", "s", "strike", "mark"] as const;
// turndown's DOM node, as much of it as the rules read.
type DomNode = TurndownService.Node & { rows?: ArrayLike<HTMLTableRowElement> };

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*" });
  // Text that looks like a tag ("&lt;sup&gt;" in the source) must not become one: "<" before a letter is escaped.
  const escape = service.escape.bind(service);
  service.escape = (text: string) => escape(text).replace(/<(?=[A-Za-z/!?])/g, "\\<");
  // Legacy layouts put everything in <font>, <span> and <center>: keep the text, drop the wrapper.
  // (font and center are obsolete elements, unknown to the DOM typings: matched by name.)
  const wrappers = new Set(["FONT", "CENTER", "SPAN", "U"]);
  service.addRule("plain-wrappers", { filter: (node) => wrappers.has(node.nodeName), replacement: (content) => content });
  service.addRule("fenced", {
    filter: (node) => node.nodeName === "PRE" && node.hasAttribute("data-wenku-fenced"),
    replacement: (_content, node) => `\n\n${(node as HTMLElement).getAttribute("data-wenku-fenced")}\n\n`,
  });
  service.addRule("inline-tags", {
    filter: [...INLINE_TAGS] as TurndownService.Filter,
    replacement: (content, node) => {
      const tag = node.nodeName === "STRIKE" ? "del" : node.nodeName.toLowerCase();
      return content.trim() === "" ? content : `<${tag}>${content}</${tag}>`;
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
      const body = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n/g, `\n${" ".repeat(prefix.length)}`);
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
  service.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && figureParts(node) !== null,
    replacement: (_content, node) => {
      const { img, caption } = figureParts(node)!;
      return `\n\n${image(img.getAttribute("alt") ?? "", img.getAttribute("src")!, caption)}\n\n`;
    },
  });
  // Tables: the first row is the header (a Markdown table needs one), every row as wide as the widest;
  // a cell's line breaks stay <br> and its blocks are joined by them, so the table never breaks.
  service.addRule("table-cell", {
    filter: ["th", "td"],
    replacement: (content, node) => {
      const text = content.trim().replace(/\n{2,}/g, "<br><br>").replace(/\n/g, "<br>").replace(/\|/g, "\\|");
      const span = Math.min(Math.max(Number.parseInt((node as HTMLElement).getAttribute("colspan") ?? "1", 10) || 1, 1), 50);
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
      const caption = Array.from(node.childNodes).find((c) => c.nodeName === "CAPTION")?.textContent?.trim();
      return `\n\n${caption ? `${service!.escape(caption)}\n\n` : ""}${content.replace(/^\n+/, "")}\n\n`;
    },
  });
  service.addRule("cell-break", {
    filter: (node) => node.nodeName === "BR" && closest(node, "TD", "TH") !== null,
    replacement: () => "<br>",
  });
  return service;
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
  for (const cell of Array.from(row.cells ?? [])) n += Math.min(Math.max(Number.parseInt(cell.getAttribute("colspan") ?? "1", 10) || 1, 1), 50);
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

/** A figure's image (alone or in a link) and caption, when it has both as its own children. */
function figureParts(node: TurndownService.Node): { img: HTMLElement; caption: string } | null {
  let img: HTMLElement | null = null;
  let caption: string | null = null;
  for (const child of Array.from(node.childNodes) as HTMLElement[]) {
    if (child.nodeName === "IMG") img ??= child;
    else if (child.nodeName === "A") img ??= (Array.from(child.childNodes).find((c) => c.nodeName === "IMG") as HTMLElement | undefined) ?? null;
    else if (child.nodeName === "FIGCAPTION") caption = (child.textContent ?? "").replace(/\s+/g, " ").trim();
  }
  return img && img.getAttribute("src") && caption ? { img, caption } : null;
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

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** Identical notes once, with how many times. */
function tally(notes: string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of notes) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, k]) => (k > 1 ? `${n} (${k} times)` : n));
}
