// The words of a Markdown body as one line of plain text, for the search index: what a reader sees on
// the page (text, code, image descriptions), without markup. Parsed with the site's own markdown-it,
// so the index holds exactly what the page shows (raw HTML is text there too).
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

export function plainText(md: MarkdownIt, markdown: string): string {
  const parts: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type === "inline") parts.push(inlineText(token.children ?? []));
    else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
  }
  return collapse(parts.join(" "));
}

function inlineText(tokens: Token[]): string {
  let text = "";
  for (const token of tokens) {
    if (token.type === "text" || token.type === "code_inline") text += token.content;
    else if (token.type === "image") text += inlineText(token.children ?? []);
    // cjk-breaks has already emptied breaks between Chinese characters; the others are spaces.
    else if (token.type === "softbreak" || token.type === "hardbreak") text += " ";
  }
  return text;
}

/**
 * Whitespace runs to one space, and no zero-width spaces: Pagefind marks its word breaks in Chinese
 * with U+200B and removes them all before showing text, and the search page finds excerpts in that
 * text by position, so the index must hold none of its own.
 */
export function collapse(text: string): string {
  return text
    .replace(/\u200b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
