// A past comment's Markdown → HTML, with the body's own markdown-it instance (the same rules and the
// same raw-HTML policy), its headings moved under the comment section's <h2>: a reader's "# Title" is
// an <h3>, never a second <h1> on the page (the Theme Unit Test's comments have all six levels).
// A comment's headings carry no id: ids are the body's (links to a part of the article, its table of
// contents), and a comment's "## 方法" must never take or shadow the body's #方法.
import type MarkdownIt from "markdown-it";

/** The level a comment's top heading (`#`) becomes; deeper ones follow, down to h6. */
export const COMMENT_TOP_HEADING = 3;

export function renderComment(md: MarkdownIt, text: string): string {
  const env = {};
  const tokens = md.parse(text, env);
  for (const token of tokens) {
    if (token.type !== "heading_open" && token.type !== "heading_close") continue;
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + COMMENT_TOP_HEADING - 1)}`;
    if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== "id");
  }
  return md.renderer.render(tokens, md.options, env);
}
