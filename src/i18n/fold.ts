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

/** `text` with every character folded; `fold(s).length === s.length` always. */
export function fold(text: string): string {
  const map = foldMap();
  let out = "";
  for (const c of text) out += map.get(c) ?? c;
  return out;
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
