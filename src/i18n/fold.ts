// Folding Traditional and Simplified Chinese to one form for search, so a query in either script finds
// articles written in either. The fold is character by character (OpenCC's character tables: Taiwan and
// Hong Kong variants to standard Traditional, then Traditional to Simplified) and keeps every UTF-16
// length, so a position in folded text is the same position in the original: the search page uses
// that to show the matching passage in the article's own script. Full-width letters and digits fold to ASCII.
// Phrase-level differences (軟體 / 软件) are not folded: they are different words, not scripts.
import cjkCompatibility from "opencc-js/dict/CJK_Compatibility_Ideographs";
import hkVariants from "opencc-js/dict/HKVariantsRev";
import traditionalToSimplified from "opencc-js/dict/TSCharacters";
import twVariants from "opencc-js/dict/TWVariantsRev";

/** The fold as two aligned strings: the n-th code point of `from` folds to the n-th code point of `to`. */
export interface FoldTable {
  from: string;
  to: string;
}

const parse = (dict: string) => new Map(dict.split("|").map((pair) => pair.split(" ") as [string, string]));

let table: Map<string, string> | undefined;

function foldMap(): Map<string, string> {
  if (table) return table;
  const steps = [cjkCompatibility, twVariants, hkVariants, traditionalToSimplified].map(parse);
  const keys = new Set(steps.flatMap((step) => [...step.keys()]));
  table = new Map();
  for (const key of keys) {
    const folded = steps.reduce((c, step) => step.get(c) ?? c, key);
    // Only same-length pairs: the fold must never move a position (a few rare ideographs are skipped).
    if (folded !== key && folded.length === key.length) table.set(key, folded);
  }
  // The fold must be idempotent, or 什麼 and 什么 fold apart: a variant table maps some Simplified
  // characters on (么 → 幺), and TSCharacters is not closed (薴 → 苧 → 苎). Follow every value to its end.
  for (const [key, value] of table) {
    let end = value;
    for (let guard = 0; table.has(end) && table.get(end) !== end && guard < 8; guard++) end = table.get(end)!;
    table.set(key, end);
  }
  // Full-width digits and letters (ＫＡＭ２０１３) are the same words as ASCII; punctuation is not touched.
  for (const [first, last] of [
    [0xff10, 0xff19],
    [0xff21, 0xff3a],
    [0xff41, 0xff5a],
  ] as const) {
    for (let c = first; c <= last; c++) table.set(String.fromCharCode(c), String.fromCharCode(c - 0xfee0));
  }
  return table;
}

/**
 * The fold by code point: `bmp[c]` is what a Basic Multilingual Plane character folds to (0: itself),
 * `astral` the few pairs outside it. The fold keeps lengths, so a BMP character always folds to one.
 */
let lookup: { bmp: Uint16Array; astral: Map<number, string> } | undefined;

function foldLookup(): NonNullable<typeof lookup> {
  if (lookup) return lookup;
  const bmp = new Uint16Array(0x10000);
  const astral = new Map<number, string>();
  for (const [key, value] of foldMap()) {
    if (key.length === 1) bmp[key.charCodeAt(0)] = value.charCodeAt(0);
    else astral.set(key.codePointAt(0)!, value);
  }
  return (lookup = { bmp, astral });
}

/** `text` with every character folded; `fold(s).length === s.length` always. */
export function fold(text: string): string {
  const { bmp, astral } = foldLookup();
  let out = "";
  let done = 0; // text before this index is in `out` already
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let folded: string | undefined;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        folded = astral.get((unit - 0xd800) * 0x400 + low - 0xdc00 + 0x10000);
        if (folded !== undefined) out += text.slice(done, i) + folded;
        i++;
        if (folded !== undefined) done = i + 1;
        continue;
      }
    }
    const to = bmp[unit]!;
    if (to === 0) continue;
    out += text.slice(done, i) + String.fromCharCode(to);
    done = i + 1;
  }
  return done === 0 ? text : out + text.slice(done);
}

/** The table for the search page's script, which folds the reader's query the same way. */
export function foldTable(): FoldTable {
  if (!exported) {
    const entries = [...foldMap()];
    exported = { from: entries.map(([k]) => k).join(""), to: entries.map(([, v]) => v).join("") };
  }
  return exported;
}
let exported: FoldTable | undefined;
