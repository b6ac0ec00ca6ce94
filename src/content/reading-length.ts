// How long an article is to read. Each Han, kana or Hangul character counts as one, as Chinese,
// Japanese and Korean readers count 字; a run of other letters or digits counts as one word. (Counting
// by spaces, as Eleventy's reading-time plugin does, sees a Chinese paragraph as one word.) Code blocks,
// link and image targets and HTML tags are not read.
// The counting is one pass over the text's code points, not regular expressions that match every
// character into an array: this runs on every article before the pages render, and at 10,000 articles
// the matching took most of the time spent reading them. The classes are the Unicode ones below; ASCII
// and the main Han block are decided by range, and any other code point once per process by its class.
const CJK_CHARACTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Characters that join two runs of letters into one word when they stand between them: it's, well-known, 2.5. */
const JOINERS = new Set(["'".codePointAt(0)!, "’".codePointAt(0)!, ".".codePointAt(0)!, "-".codePointAt(0)!]);

const OTHER = 0;
const CJK = 1;
const WORD = 2;
type CharClass = typeof OTHER | typeof CJK | typeof WORD;
const classes = new Map<number, CharClass>();

/** CJK (counted one each), WORD (a letter or digit of another script) or OTHER. */
export function charClass(c: number): CharClass {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? WORD : OTHER;
  if (c >= 0x4e00 && c <= 0x9fff) return CJK;
  let known = classes.get(c);
  if (known === undefined) {
    const ch = String.fromCodePoint(c);
    known = CJK_CHARACTER.test(ch) ? CJK : WORD_CHARACTER.test(ch) ? WORD : OTHER;
    classes.set(c, known);
  }
  return known;
}

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
  let cjk = 0;
  let words = 0;
  let inWord = false;
  let joined = false; // a joiner right after a word's letters: the word goes on if a letter follows
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const k = charClass(c);
    if (k === WORD) {
      if (!inWord) words++;
      inWord = true;
      joined = false;
    } else if (k === CJK) {
      cjk++;
      inWord = joined = false;
    } else if (inWord && !joined && JOINERS.has(c)) {
      joined = true;
    } else {
      inWord = joined = false;
    }
  }
  return { cjk, words };
}

/** Whole minutes at `speed` (characters and words per minute), at least one. */
export function readingMinutes(length: Length, speed: { cjk: number; latin: number }): number {
  return Math.max(1, Math.round(length.cjk / speed.cjk + length.words / speed.latin));
}
