// A plain-text excerpt of a Markdown body for list pages, when the author gave no `summary:`.
// Cheap on purpose (no Markdown render): it runs once per article on every build.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** First prose of `markdown` as plain text, at most `max` characters (code points), ending in "…" if cut. */
export function excerpt(markdown: string, max: number): string {
  const paragraphs = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "") // fenced code
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "" && !/^(#{1,6}\s|\||<|!\[|[-*_]{3,}\s*$)/.test(block));

  let text = "";
  for (const block of paragraphs) {
    const plain = joinLines(stripInline(block.replace(/^\s*(?:[-*+]|\d+[.)]|>)\s+/gm, "")));
    text = text === "" ? plain : joinLines(`${text}\n${plain}`);
    if ([...text].length >= max) break;
  }
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : text;
}

function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
}

/** Joins lines: no space between two CJK characters (Chinese has none), one space otherwise. */
function joinLines(s: string): string {
  return s.replace(/[ \t]*\n[ \t]*/g, (_match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + _match.length] ?? "";
    return CJK.test(before) && CJK.test(after) ? "" : " ";
  });
}
