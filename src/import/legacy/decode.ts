// The text of a legacy page, whatever its encoding. Old Chinese CMS mirrors mix UTF-8, GBK/GB18030
// and Big5 pages, and their declarations are not always true (a site converted to UTF-8 often keeps
// <meta charset=gb2312>). The bytes decide first: a page that is valid UTF-8 is UTF-8 (legacy Chinese
// text is practically never valid UTF-8 by accident). A page declared UTF-8 that is mostly valid UTF-8
// (one corrupt byte in an otherwise good page) is UTF-8 too, its bad bytes shown as U+FFFD and counted
// for the report: decoding it as GB18030 would turn every character into mojibake. Otherwise the
// declaration (<meta charset> or http-equiv, read from the first bytes) names the encoding; with no
// usable declaration, GB18030 or Big5, whichever decodes with fewer errors.
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** The encoding used: "utf-8", "gb18030" or "big5". */
  encoding: string;
  /** What the page declared, or null. */
  declared: string | null;
  /** A page declared UTF-8 with some bytes that are not: how many bad sequences, and the first offsets. */
  badBytes?: { count: number; offsets: number[] };
}

/**
 * Well-formed multibyte characters per bad sequence for a page declared UTF-8 to be read as UTF-8.
 * GBK or Big5 text read as UTF-8 has more bad sequences than good ones (each Chinese character is two
 * bytes, and a lead byte of one with the trail of the next is rarely well-formed), a real UTF-8 page
 * with a corrupt byte has thousands of good characters to each bad one: 20 lies far from both.
 */
const MOSTLY_UTF8 = 20;

const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** GBK and GB2312 are subsets of GB18030, which decodes all three. */
function canonical(name: string): string | null {
  const n = name.toLowerCase();
  if (n === "utf-8" || n === "utf8") return "utf-8";
  if (n === "gbk" || n === "gb2312" || n === "gb18030" || n === "x-gbk" || n === "cp936") return "gb18030";
  if (n === "big5" || n === "big5-hkscs" || n === "x-x-big5" || n === "cp950") return "big5";
  return null;
}

export function decodePage(bytes: Buffer): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8", declared: "utf-8" };
  const head = bytes.subarray(0, 2048).toString("latin1");
  const declared = DECLARED.exec(head)?.[1]?.toLowerCase() ?? null;
  const wanted = declared ? canonical(declared) : null;
  if (isUtf8(bytes)) return { text: bytes.toString("utf8"), encoding: "utf-8", declared };
  if (wanted === "utf-8") {
    const scan = scanUtf8(bytes);
    if (scan.wellFormed >= MOSTLY_UTF8 * scan.bad.length) {
      return {
        text: new TextDecoder("utf-8").decode(bytes),
        encoding: "utf-8",
        declared,
        badBytes: { count: scan.bad.length, offsets: scan.bad.slice(0, 10) },
      };
    }
  }
  if (wanted && wanted !== "utf-8") return { text: iconv.decode(bytes, wanted), encoding: wanted, declared };
  // Declared UTF-8 (or nothing) but not UTF-8: the legacy encoding whose decoding has fewer errors.
  const gb = iconv.decode(bytes, "gb18030");
  const big5 = iconv.decode(bytes, "big5");
  const better =
    replacements(big5) < replacements(gb) ? { text: big5, encoding: "big5" } : { text: gb, encoding: "gb18030" };
  return { ...better, declared };
}

/**
 * The offsets where UTF-8 decoding fails, by the WHATWG decoder's own rules (each is one U+FFFD that
 * TextDecoder writes), and the number of well-formed multibyte characters. TextDecoder gives neither.
 */
export function scanUtf8(bytes: Uint8Array): { bad: number[]; wellFormed: number } {
  const bad: number[] = [];
  let wellFormed = 0;
  let needed = 0;
  let seen = 0;
  let start = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b <= 0x7f) continue;
      start = i;
      if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else bad.push(i);
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one error; this byte starts afresh.
      bad.push(start);
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      wellFormed++;
      needed = seen = 0;
    }
  }
  if (needed > 0) bad.push(start);
  return { bad, wellFormed };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Replacement characters and characters from Private Use Areas: signs of the wrong encoding. */
function replacements(text: string): number {
  let n = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) n++;
  }
  return n;
}
