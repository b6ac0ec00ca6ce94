// Site config `copyright`: the site's claim on its own articles, shown after each one's body with the
// author and its link (src/site/copyright.ts), and the license they are under. Off unless the owner
// turns it on: a claim of originality is the owner's to make, and an imported archive holds reprints
// whose `source:` the old CMS left empty, which a default claim would call the site's own.
import { hrefProblem } from "./href.ts";
export interface License {
  /** Shown as the link's text: "CC BY-NC-SA 4.0". */
  name: string;
  /** An http(s) URL: the link's target and the JSON-LD `license`. */
  url: string;
}

export interface Copyright {
  /** The site's claim, after each of its own articles ("" for none: the link and license only). */
  text: string;
  license: License | null;
  /** More `source:` values that mean this site (its publisher's name…), besides OWN_SOURCE_WORDS and the title. */
  ownSources: string[];
}

export const COPYRIGHT_EXPECTED =
  "false (no notice), true (the locale's notice) or a mapping with text, license and ownSources";
export const LICENSE_EXPECTED =
  'a Creative Commons license URL such as "https://creativecommons.org/licenses/by-nc-sa/4.0/", or { name, url } with an http(s) url';

type Problem = (path: (string | number)[], found: unknown, expected: string, described?: string) => void;

/** `copyright:` — absent, null or false: off; true: the locale's text (`labels.copyrightNotice`); or a mapping. */
export function readCopyright(value: unknown, defaultText: string, problem: Problem): Copyright | null {
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return { text: defaultText, license: null, ownSources: [] };
  if (typeof value !== "object" || Array.isArray(value))
    return (problem(["copyright"], value, COPYRIGHT_EXPECTED), null);
  const c = value as Record<string, unknown>;
  let text = defaultText;
  if (c.text !== undefined && c.text !== null) {
    if (typeof c.text === "string") text = c.text.trim();
    else problem(["copyright", "text"], c.text, "text: the site's claim, e.g. 本站原創文章，轉載請註明出處。");
  }
  const ownSources: string[] = [];
  if (c.ownSources !== undefined && c.ownSources !== null) {
    if (!Array.isArray(c.ownSources) || c.ownSources.some((s) => typeof s !== "string"))
      problem(["copyright", "ownSources"], c.ownSources, 'a list of names, e.g. ["衡石研究社"]');
    else ownSources.push(...(c.ownSources as string[]));
  }
  return { text, license: readLicense(c.license, problem), ownSources };
}

function readLicense(value: unknown, problem: Problem): License | null {
  if (value === undefined || value === null) return null;
  const path = ["copyright", "license"];
  if (typeof value === "string") {
    const name = webUrl(value) ? creativeCommonsName(value) : null;
    if (name) return { name, url: value };
    problem(path, value, LICENSE_EXPECTED);
    return null;
  }
  if (typeof value !== "object" || Array.isArray(value)) return (problem(path, value, LICENSE_EXPECTED), null);
  const l = value as Record<string, unknown>;
  const url = typeof l.url === "string" && webUrl(l.url) ? l.url : null;
  if (!url) problem([...path, "url"], l.url, "an http:// or https:// URL of the license's text");
  const absent = l.name === undefined || l.name === null;
  const given = typeof l.name === "string" ? l.name.trim() : "";
  // Only a Creative Commons URL names itself; any other license needs its name written.
  const name = given || (absent && url ? creativeCommonsName(url) : null);
  if (!absent && given === "") problem([...path, "name"], l.name, "the license's name as text, e.g. CC BY 4.0");
  else if (url && !name)
    problem([...path, "name"], l.name, "the license's name (only a Creative Commons URL gives its own)");
  return url && name ? { name, url } : null;
}

/** An absolute http(s) URL by the rule every owner-written link follows (./href.ts): it becomes an href. */
function webUrl(text: string): boolean {
  return /^https?:/i.test(text) && hrefProblem(text) === null;
}

const CC_LICENSE = /^https?:\/\/creativecommons\.org\/licenses\/([a-z]+(?:-[a-z]+)*)\/(\d+\.\d+)\/(?:[a-z._-]+\/)?$/i;
const CC_ZERO = /^https?:\/\/creativecommons\.org\/publicdomain\/zero\/(\d+\.\d+)\/(?:[a-z._-]+\/)?$/i;

/** "https://creativecommons.org/licenses/by-nc-sa/4.0/" → "CC BY-NC-SA 4.0"; CC0 → "CC0 1.0"; else null. */
export function creativeCommonsName(url: string): string | null {
  const withSlash = url.endsWith("/") ? url : `${url}/`;
  const license = CC_LICENSE.exec(withSlash);
  if (license) return `CC ${license[1]!.toUpperCase()} ${license[2]}`;
  const zero = CC_ZERO.exec(withSlash);
  return zero ? `CC0 ${zero[1]}` : null;
}
