// A plain-text excerpt of a Markdown body for list pages, when the author gave no `summary:`.
// Cheap on purpose (no Markdown render): it runs once per article on every build.
import { breakJoins } from "./characters.ts";

/** Lines that are never prose: headings, table rows, HTML, block images, thematic breaks. */
const NOT_PROSE = /^\s*(#{1,6}(\s|$)|\||<|!\[[^\]]*\]\([^)]*\)\s*$|([-*_])\s*(\3\s*){2,}$)/;
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!|>~<])/g;
// Escaped characters hide in the Private Use Area while markup is stripped, then come back as text.
const HIDE = 0xe000;

/** First prose of `markdown` as plain text, at most `max` characters (code points), ending in "…" if cut. */
export function excerpt(markdown: string, max: number): string {
  const paragraphs = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "") // fenced code
    .split("\n")
    .map((line) => (NOT_PROSE.test(line) ? "" : line))
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "");

  let text = "";
  for (const block of paragraphs) {
    const plain = joinLines(stripInline(block.replace(/^\s*(?:[-*+]|\d+[.)]|>)\s+/gm, "")));
    text = text === "" ? plain : joinLines(`${text}\n${plain}`);
    if ([...text].length >= max) break;
  }
  const chars = [...text];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : text;
}

function stripInline(s: string): string {
  return (
    s
      .replace(ESCAPABLE, (_m, c: string) => String.fromCharCode(HIDE + c.charCodeAt(0)))
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/<[^>]+>/g, "")
      .replace(/(\*\*|\*|~~|`)(?=\S)([\s\S]*?\S)\1/g, "$2")
      // Underscores mark emphasis only at word edges: snake_case_names stay as they are.
      .replace(/(?<![\p{L}\p{N}])(__|_)(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}])/gu, "$2")
      .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - HIDE))
  );
}

/** Joins lines as the page does: no space between two wide CJK characters (Chinese has none), one space otherwise. */
function joinLines(s: string): string {
  return s.replace(/[ \t]*\n[ \t]*/g, (match, offset: number, whole: string) => {
    // Whole code points, so a Han character beyond the BMP (a surrogate pair) counts as one.
    const before = String.fromCodePoint(
      whole.codePointAt(offset - (/[\udc00-\udfff]/.test(whole[offset - 1] ?? "") ? 2 : 1)) ?? 32,
    );
    const after = String.fromCodePoint(whole.codePointAt(offset + match.length) ?? 32);
    return breakJoins(before, after) ? "" : " ";
  });
}
