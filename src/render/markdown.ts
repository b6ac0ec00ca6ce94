// The one markdown-it factory. Rules, in order:
//   1. CommonMark + GFM tables; raw HTML is NOT passed through (`html: false`): it is shown as text.
//      Links are validated by markdown-it: javascript:, vbscript:, file: and non-image data: never link.
//   2. cjk-breaks: a line break between two CJK characters adds no space.
//   3. site-links: root-relative link and image targets get the site's path prefix.
//   4. align-classes: table column alignment as classes, never inline styles (the CSP forbids them).
//   5. scrolling blocks: tables sit in a scrollable wrapper, and code blocks are focusable, so wide
//      content never widens a phone page and can be scrolled from the keyboard.
import MarkdownIt from "markdown-it";
import { cjkBreaks } from "./cjk-breaks.ts";

export interface MarkdownOptions {
  /** "/" or "/archive/": prefix for root-relative links in article bodies. */
  pathPrefix: string;
}

export function createMarkdown(options: MarkdownOptions): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(cjkBreaks);

  const prefix = options.pathPrefix.replace(/\/$/, "");
  if (prefix !== "") {
    md.core.ruler.push("site_links", (state) => {
      const visit = (tokens: typeof state.tokens) => {
        for (const token of tokens) {
          const attr = token.type === "link_open" ? "href" : token.type === "image" ? "src" : null;
          const value = attr ? token.attrGet(attr) : null;
          if (attr && value && value.startsWith("/") && !value.startsWith("//")) token.attrSet(attr, prefix + value);
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
  md.renderer.rules.table_open = () => '<div class="table-scroll" tabindex="0">\n<table>\n';
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  return md;
}
