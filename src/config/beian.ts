// Site config for hosting in mainland China and for search engines' site tools: `footer.gongan`, the
// public-security filing (公安機關互聯網站備案) shown beside the ICP number, and `verification`, the
// ownership codes search consoles ask for as <meta> tags.
//
// The filing number is 14 digits (6 of the district, 8 more), shown as "京公网安备11010502053948号" and
// linked to the national registry's query page, as sites and themes do (e.g. NotionNext's
// BeiAnGongAn component, "https://beian.mps.gov.cn/#/query/webSearch?code=${code}").
import { hrefProblem, HREF_EXPECTED } from "./href.ts";

export interface Gongan {
  /** The line as shown: "京公网安备11010502053948号". */
  text: string;
  /** The 14-digit filing number. */
  code: string;
  /** The link: `url` with {code} filled in. */
  href: string;
  /** Site path of the emblem: "/media/…" (content/media/) or "/…" (content/public/); "" for none. */
  icon: string;
}

/** The registry's query page for one number. */
export const GONGAN_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}";

export const GONGAN_EXPECTED = "a mapping with text, code, and optionally icon and url";
export const GONGAN_CODE_EXPECTED = "the 14-digit filing number, digits only, e.g. 11010502053948";
export const GONGAN_ICON_EXPECTED =
  'the site path of the emblem image: "/media/…" (a file in content/media/) or "/…" (a file in content/public/)';

/** Search engines' verification <meta> names, by site config key (each engine's webmaster tools). */
export const VERIFICATION_META = {
  baidu: "baidu-site-verification",
  bing: "msvalidate.01",
  google: "google-site-verification",
  so: "360-site-verification",
  sogou: "sogou_site_verification",
} as const;

export type Verification = Partial<Record<keyof typeof VERIFICATION_META, string>>;

/** Codes are letters, digits and a few marks ("codeva-ZyezwgzXJP", base64 tokens): never quotes, brackets or spaces. */
const VERIFICATION_CODE = /^[A-Za-z0-9._~:+/=-]{1,200}$/;
export const VERIFICATION_CODE_EXPECTED =
  'the code the search engine gave, e.g. "codeva-ZyezwgzXJP": letters, digits and . _ ~ : + / = - only';

type Problem = (path: (string | number)[], found: unknown, expected: string, described?: string) => void;

/** `footer.gongan`: absent or null → none. */
export function readGongan(value: unknown, problem: Problem): Gongan | null {
  const at = ["footer", "gongan"];
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) return (problem(at, value, GONGAN_EXPECTED), null);
  const g = value as Record<string, unknown>;
  const read = (key: string, expected: string, fallback = ""): string | null => {
    const v = g[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === "string") return v.trim();
    problem([...at, key], v, expected);
    return null;
  };
  const code = read("code", GONGAN_CODE_EXPECTED);
  const text = read("text", "text: the number as shown, e.g. 京公网安备11010502053948号");
  const icon = read("icon", GONGAN_ICON_EXPECTED);
  const url = read("url", `${HREF_EXPECTED}; {code} is replaced by the number`, GONGAN_URL);
  if (code !== null && !/^\d{14}$/.test(code)) problem([...at, "code"], g.code, GONGAN_CODE_EXPECTED);
  // The registry's rules ask for the number to be shown: a line without it is a mistake, not a style.
  if (text !== null && code && !text.includes(code))
    problem([...at, "text"], g.text, `text that shows the number ${code}, e.g. 京公网安备${code}号`);
  if (icon !== null && icon !== "" && (!icon.startsWith("/") || icon.startsWith("//")))
    problem([...at, "icon"], g.icon, GONGAN_ICON_EXPECTED);
  const href = code !== null && url !== null ? url.replaceAll("{code}", code) : "";
  if (url !== null && g.url !== undefined && g.url !== null && hrefProblem(href))
    problem([...at, "url"], g.url, `${HREF_EXPECTED}; {code} is replaced by the number`);
  // Returned even when a value is wrong (the build stops on the problems): the emblem is still looked for,
  // so every mistake is reported in one run.
  if (code === null || text === null || icon === null || url === null) return null;
  return { text, code, href, icon: icon.startsWith("/") && !icon.startsWith("//") ? icon : "" };
}

/** `verification`: { baidu?, bing?, google?, so?, sogou? } (unknown keys are the schema's to report). */
export function readVerification(value: unknown, problem: Problem): Verification {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    return (problem(["verification"], value, `a mapping with any of ${Object.keys(VERIFICATION_META).join(", ")}`), {});
  const verification: Verification = {};
  for (const [key, code] of Object.entries(value as Record<string, unknown>)) {
    if (!(key in VERIFICATION_META) || code === undefined || code === null) continue;
    if (typeof code !== "string" || !VERIFICATION_CODE.test(code.trim()))
      problem(["verification", key], code, VERIFICATION_CODE_EXPECTED);
    else verification[key as keyof Verification] = code.trim();
  }
  return verification;
}

/** The <meta> tags a verification config asks for, in a fixed order. */
export function verificationMeta(verification: Verification): { name: string; content: string }[] {
  return (Object.keys(VERIFICATION_META) as (keyof Verification)[])
    .filter((key) => verification[key])
    .map((key) => ({ name: VERIFICATION_META[key], content: verification[key]! }));
}
