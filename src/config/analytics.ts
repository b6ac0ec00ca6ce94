// Site config `analytics`: which page-view counters the site loads (Baidu Tongji, Umami, GoatCounter,
// Plausible), off unless the owner names one. Only ids and URLs are read and checked here; the script tag
// each one gets and the hosts the CSP lets in follow from them in src/site/analytics.ts.

/** Baidu Tongji (百度統計): the site's 32-hex-digit id, the `?…` of `hm.baidu.com/hm.js`. */
export interface BaiduAnalytics {
  id: string;
}

/** Umami: the website id (a UUID), the tracker script, and where its beacons go (`data-host-url`). */
export interface UmamiAnalytics {
  id: string;
  script: string;
  /** null: the tracker's own choice, the folder it was loaded from. */
  hostUrl: string | null;
}

/** GoatCounter: the `/count` endpoint (from `code`, or given for a self-hosted one) and count.js. */
export interface GoatCounterAnalytics {
  endpoint: string;
  script: string;
}

/** Plausible: the site's domain as added to Plausible, and the script (plausible.io's or a self-hosted one). */
export interface PlausibleAnalytics {
  domain: string;
  script: string;
}

export interface Analytics {
  baidu: BaiduAnalytics | null;
  umami: UmamiAnalytics | null;
  goatcounter: GoatCounterAnalytics | null;
  plausible: PlausibleAnalytics | null;
}

export const NO_ANALYTICS: Analytics = { baidu: null, umami: null, goatcounter: null, plausible: null };

export const UMAMI_CLOUD_SCRIPT = "https://cloud.umami.is/script.js";
/**
 * Umami Cloud's tracker sends its beacons to a gateway on another host than the script's (observed on
 * the wire as https://gateway.umami.is/api/send; older notes name api-gateway.umami.dev). Naming it in
 * `data-host-url` pins the beacons to the one host the CSP lets in.
 */
export const UMAMI_CLOUD_HOST = "https://gateway.umami.is";
export const GOATCOUNTER_SCRIPT = "https://gc.zgo.at/count.js";
export const PLAUSIBLE_SCRIPT = "https://plausible.io/js/script.js";

export const ANALYTICS_URL_EXPECTED =
  "an https:// URL (http:// only for 127.0.0.1, localhost or [::1]) without spaces, quotes, commas, semicolons, a user name or a #fragment";
const ANALYTICS_EXPECTED = "false, or a mapping with any of baidu, umami, goatcounter, plausible";
const SERVICES = ["baidu", "umami", "goatcounter", "plausible"] as const;

type Report = (path: (string | number)[], found: unknown, expected: string, described?: string) => void;

/** Loopback hosts, which browsers treat as secure contexts: plain http is allowed there (local servers, tests). */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The URL, parsed, when it can stand in a `src` attribute and as a CSP host source: https (or http on a
 * loopback host), parsed by WHATWG URL, no characters that would end an attribute or a CSP directive.
 */
export function analyticsUrl(text: string): URL | null {
  if (/[\s"'<>`;,\\]/.test(text) || !URL.canParse(text)) return null;
  const url = new URL(text);
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password || url.hash || url.hostname === "") return null;
  return url;
}

/** `analytics:` — absent, null or false: none. */
export function readAnalytics(value: unknown, problem: Report): Analytics {
  if (value === undefined || value === null || value === false) return NO_ANALYTICS;
  if (typeof value !== "object" || Array.isArray(value))
    return (problem(["analytics"], value, ANALYTICS_EXPECTED), NO_ANALYTICS);
  const a = value as Record<string, unknown>;
  const section = (name: (typeof SERVICES)[number]): Record<string, unknown> | null => {
    const s = a[name];
    if (s === undefined || s === null || s === false) return null;
    if (typeof s === "object" && !Array.isArray(s)) return s as Record<string, unknown>;
    problem(["analytics", name], s, `false, or a mapping: ${SECTION_EXPECTED[name]}`);
    return null;
  };
  const field = fieldReader(problem);
  const baidu = section("baidu");
  const umami = section("umami");
  const goatcounter = section("goatcounter");
  const plausible = section("plausible");
  return {
    baidu: baidu && readBaidu(baidu, field),
    umami: umami && readUmami(umami, field),
    goatcounter: goatcounter && readGoatCounter(goatcounter, field, problem),
    plausible: plausible && readPlausible(plausible, field),
  };
}

const SECTION_EXPECTED = {
  baidu: "{ id }",
  umami: "{ id, script?, hostUrl? }",
  goatcounter: "{ code } or { endpoint, script? }",
  plausible: "{ domain, script? }",
} as const;

type Field = (
  path: string[],
  value: unknown,
  check: (text: string) => boolean,
  expected: string,
  required: boolean,
) => string | null;

/** A text setting that must pass `check`; null (and a problem when required or malformed) otherwise. */
function fieldReader(problem: Report): Field {
  return (path, value, check, expected, required) => {
    if (value === undefined || value === null) {
      if (required) problem(path, value, expected);
      return null;
    }
    if (typeof value !== "string" || !check(value.trim())) return (problem(path, value, expected), null);
    return value.trim();
  };
}

const isUrl = (text: string) => analyticsUrl(text) !== null;

function readBaidu(s: Record<string, unknown>, field: Field): BaiduAnalytics | null {
  const id = field(
    ["analytics", "baidu", "id"],
    s.id,
    (t) => /^[0-9a-f]{32}$/i.test(t),
    'the 32 hex digits after "hm.js?" in Baidu Tongji\'s code, e.g. 0123456789abcdef0123456789abcdef',
    true,
  );
  return id ? { id } : null;
}

function readUmami(s: Record<string, unknown>, field: Field): UmamiAnalytics | null {
  const path = (key: string) => ["analytics", "umami", key];
  const id = field(
    path("id"),
    s.id,
    (t) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t),
    "the website id Umami shows (a UUID, e.g. 94db1cb1-74f4-4a40-ad6c-962362670409)",
    true,
  );
  const script = field(path("script"), s.script, isUrl, ANALYTICS_URL_EXPECTED, false) ?? UMAMI_CLOUD_SCRIPT;
  const given = field(path("hostUrl"), s.hostUrl, isUrl, ANALYTICS_URL_EXPECTED, false);
  const hostUrl = given ?? (script === UMAMI_CLOUD_SCRIPT ? UMAMI_CLOUD_HOST : null);
  return id ? { id, script, hostUrl } : null;
}

function readGoatCounter(s: Record<string, unknown>, field: Field, problem: Report): GoatCounterAnalytics | null {
  const path = (key: string) => ["analytics", "goatcounter", key];
  const script = field(path("script"), s.script, isUrl, ANALYTICS_URL_EXPECTED, false) ?? GOATCOUNTER_SCRIPT;
  if (s.code !== undefined && s.code !== null) {
    if (s.endpoint !== undefined && s.endpoint !== null)
      problem(path("endpoint"), s.endpoint, "either code (goatcounter.com) or endpoint (self-hosted), not both");
    const code = field(
      path("code"),
      s.code,
      (t) => /^[a-z0-9](?:[a-z0-9-]{0,62})$/i.test(t),
      'the site code of CODE.goatcounter.com: letters, digits and "-"',
      true,
    );
    return code ? { endpoint: `https://${code.toLowerCase()}.goatcounter.com/count`, script } : null;
  }
  const endpoint = field(
    path("endpoint"),
    s.endpoint,
    isUrl,
    `code (of CODE.goatcounter.com), or endpoint: ${ANALYTICS_URL_EXPECTED}, e.g. https://stats.example.org/count`,
    true,
  );
  return endpoint ? { endpoint, script } : null;
}

function readPlausible(s: Record<string, unknown>, field: Field): PlausibleAnalytics | null {
  const path = (key: string) => ["analytics", "plausible", key];
  const domain = field(
    path("domain"),
    s.domain,
    (t) =>
      /^[a-z0-9.-]+$/i.test(t) &&
      URL.canParse(`https://${t}/`) &&
      new URL(`https://${t}/`).hostname === t.toLowerCase(),
    "the site's domain as added to Plausible, e.g. archive.example.org (no https://, no path)",
    true,
  );
  const script = field(path("script"), s.script, isUrl, ANALYTICS_URL_EXPECTED, false) ?? PLAUSIBLE_SCRIPT;
  return domain ? { domain, script } : null;
}
