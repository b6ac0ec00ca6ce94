// The text of a legacy page, whatever its encoding. Old Chinese CMS mirrors mix UTF-8, GBK/GB18030
// and Big5 pages, and their declarations are not always true (a site converted to UTF-8 often keeps
// <meta charset=gb2312>). The bytes decide first: a page that is valid UTF-8 is UTF-8 (legacy Chinese
// text is practically never valid UTF-8 by accident). Otherwise the declaration (<meta charset> or
// http-equiv, read from the first bytes) names the encoding; with no usable declaration, GB18030 or
// Big5, whichever decodes with fewer errors.
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** The encoding used: "utf-8", "gb18030" or "big5". */
  encoding: string;
  /** What the page declared, or null. */
  declared: string | null;
}

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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8", declared: "utf-8" };
  const head = bytes.subarray(0, 2048).toString("latin1");
  const declared = DECLARED.exec(head)?.[1]?.toLowerCase() ?? null;
  const wanted = declared ? canonical(declared) : null;
  if (isUtf8(bytes)) return { text: bytes.toString("utf8"), encoding: "utf-8", declared };
  if (wanted && wanted !== "utf-8") return { text: iconv.decode(bytes, wanted), encoding: wanted, declared };
  // Declared UTF-8 (or nothing) but not UTF-8: the legacy encoding whose decoding has fewer errors.
  const gb = iconv.decode(bytes, "gb18030");
  const big5 = iconv.decode(bytes, "big5");
  const better = replacements(big5) < replacements(gb) ? { text: big5, encoding: "big5" } : { text: gb, encoding: "gb18030" };
  return { ...better, declared };
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
