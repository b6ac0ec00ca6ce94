// A line break inside Chinese or Japanese text is not a space: when the characters on both sides of a
// soft break are wide CJK characters (content/characters.ts, shared with the excerpt), the break is dropped.
// Replaces markdown-it-cjk-breaks, which crashes when a break follows an empty text token.
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { breakJoins } from "../content/characters.ts";

export function cjkBreaks(md: MarkdownIt): void {
  md.core.ruler.push("cjk_breaks", (state) => {
    for (const block of state.tokens) {
      if (block.type === "inline" && block.children) dropWideBreaks(block.children);
    }
  });
}

function dropWideBreaks(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "softbreak") continue;
    const before = neighbourText(tokens, i, -1);
    const after = neighbourText(tokens, i, +1);
    if (breakJoins(lastChar(before), firstChar(after))) {
      tokens[i]!.type = "text";
      tokens[i]!.content = "";
    }
  }
}

/** Content of the nearest non-empty text token in `direction`, stopping at another break. */
function neighbourText(tokens: Token[], from: number, direction: 1 | -1): string {
  for (let j = from + direction; j >= 0 && j < tokens.length; j += direction) {
    const token = tokens[j]!;
    if (token.type === "softbreak" || token.type === "hardbreak") return "";
    if ((token.type === "text" || token.type === "code_inline") && token.content !== "") return token.content;
  }
  return "";
}

function lastChar(s: string): string {
  return s === "" ? "" : String.fromCodePoint(s.codePointAt(s.length - 1 - (/[\udc00-\udfff]$/.test(s) ? 1 : 0))!);
}

function firstChar(s: string): string {
  return s === "" ? "" : String.fromCodePoint(s.codePointAt(0)!);
}
