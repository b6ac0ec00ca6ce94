// How long an article is to read. Each Han, kana or Hangul character counts as one, as Chinese,
// Japanese and Korean readers count 字; a run of other letters or digits counts as one word. (Counting
// by spaces, as Eleventy's reading-time plugin does, sees a Chinese paragraph as one word.) Code blocks,
// link and image targets and HTML tags are not read.
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export interface Length {
  /** Han, kana and Hangul characters. */
  cjk: number;
  /** Runs of other letters and digits: "key accounts" is two, "2,400" is two (the comma parts them). */
  words: number;
}

/** The reading length of a Markdown body. */
export function lengthOf(markdown: string): Length {
  const text = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, " ") // fenced code
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ") // images
    .replace(/\]\([^)]*\)/g, "] ") // link targets
    .replace(/<[^>\n]+>/g, " "); // inline HTML tags
  const cjk = text.match(CJK_CHARACTER)?.length ?? 0;
  const words = text.replace(CJK_CHARACTER, " ").match(WORD)?.length ?? 0;
  return { cjk, words };
}

/** Whole minutes at `speed` (characters and words per minute), at least one. */
export function readingMinutes(length: Length, speed: { cjk: number; latin: number }): number {
  return Math.max(1, Math.round(length.cjk / speed.cjk + length.words / speed.latin));
}
