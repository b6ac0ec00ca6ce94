// An imported body (HTML) → Markdown, with tables. Every link and image goes through `rewrite`,
// which decides its new target (an imported article, a copied image, or the old address kept).
// Chinese CMS habits are undone: full-width indents at paragraph starts, &nbsp; runs, empty paragraphs.
import { load } from "cheerio";
import TurndownService from "turndown";
import { tables } from "turndown-plugin-gfm";
import { firstTag, hasTag, within } from "./dom.ts";

export interface Rewrite {
  /** New href for a link, or null to keep only its text. */
  link(href: string): string | null;
  /** New src for an image, or null to drop it. */
  image(src: string, alt: string): string | null;
}

let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*" });
  service.use(tables);
  // Legacy layouts put everything in <font>, <span> and <center>: keep the text, drop the wrapper.
  // (font and center are obsolete elements, unknown to the DOM typings: matched by name.)
  const wrappers = new Set(["FONT", "CENTER", "SPAN", "U"]);
  service.addRule("plain-wrappers", { filter: (node) => wrappers.has(node.nodeName), replacement: (content) => content });
  return service;
}

export function toMarkdown(html: string, rewrite: Rewrite): string {
  const $ = load(`<div id="wenku-body">${html}</div>`);
  const root = $("#wenku-body");
  // Never content, whatever the source: code, styles, embeds and forms.
  within($, root, "script, style, noscript, iframe, object, embed, form, template").remove();
  // A table without a header row would stay HTML (and show as tags): its first row becomes the header.
  within($, root, "table").each((_, table) => {
    if (hasTag(table, "th")) return;
    const row = firstTag(table, "tr");
    if (!row) return;
    $(row as typeof table).children("td").each((__, td) => {
      td.tagName = "th";
    });
  });
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
  const markdown = turndown().turndown(root.html() ?? "");
  return (
    markdown
      // Full-width and no-break indents at the start of paragraphs are layout, not text.
      .replace(/^[\u3000\u00a0 ]+/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}
