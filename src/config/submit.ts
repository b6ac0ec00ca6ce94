// Site config `submit`: what `npm run submit` (src/submit/) needs from the site itself. The IndexNow key
// is public by design (search engines fetch it from the site as /{key}.txt, which the build writes), so
// it lives here; Baidu's push token is a secret, so `site` and `token` come from the environment only
// (BAIDU_PUSH_SITE, BAIDU_PUSH_TOKEN) and are refused here, where they would be published with the repo.
import { describeValue } from "../content/problems.ts";

export interface SubmitConfig {
  indexnow: {
    /** 8–128 characters of a-z, A-Z, 0-9 and "-"; null: IndexNow is off and no key file is written. */
    key: string | null;
    /** Where the URL lists are POSTed (any engine's /indexnow; api.indexnow.org shares with all of them). */
    endpoint: string;
  };
  baidu: {
    /** Baidu's 普通收录 push API; `site` and `token` are added as the query. */
    endpoint: string;
  };
}

/** The protocols' own addresses: indexnow.org/documentation, and Baidu's 资源平台 普通收录 API推送 help page. */
export const SUBMIT_DEFAULTS: SubmitConfig = {
  indexnow: { key: null, endpoint: "https://api.indexnow.org/indexnow" },
  baidu: { endpoint: "http://data.zz.baidu.com/urls" },
};

/** indexnow.org/documentation: "a minimum of 8 and a maximum of 128 … a-z, A-Z, 0-9, and dashes". */
export const INDEXNOW_KEY = /^[A-Za-z0-9-]{8,128}$/;

type Problem = (path: (string | number)[], found: unknown, expected: string, described?: string) => void;

export function readSubmit(value: unknown, problem: Problem): SubmitConfig {
  const config: SubmitConfig = {
    indexnow: { ...SUBMIT_DEFAULTS.indexnow },
    baidu: { ...SUBMIT_DEFAULTS.baidu },
  };
  if (value === undefined || value === null) return config;
  if (typeof value !== "object" || Array.isArray(value))
    return (problem(["submit"], value, "a mapping with indexnow and baidu"), config);
  const { indexnow, baidu } = value as Record<string, unknown>;
  const section = (name: string, v: unknown) => {
    if (v === undefined || v === null) return {};
    if (typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    problem(["submit", name], v, "a mapping");
    return {};
  };
  const i = section("indexnow", indexnow);
  if (i.key !== undefined && i.key !== null) {
    if (typeof i.key === "string" && INDEXNOW_KEY.test(i.key)) config.indexnow.key = i.key;
    else problem(["submit", "indexnow", "key"], i.key, "8 to 128 characters of a-z, A-Z, 0-9 and - (IndexNow's rule)");
  }
  config.indexnow.endpoint = endpoint(["submit", "indexnow", "endpoint"], i.endpoint, config.indexnow.endpoint);
  const b = section("baidu", baidu);
  for (const secret of ["site", "token"] as const) {
    if (b[secret] !== undefined)
      problem(
        ["submit", "baidu", secret],
        b[secret],
        `nothing here: Baidu's push ${secret} is read from the environment variable BAIDU_PUSH_${secret.toUpperCase()} only, never from site config (which is published with the site's sources)`,
        secret === "token" ? "a token (not shown)" : describeValue(b[secret]),
      );
  }
  config.baidu.endpoint = endpoint(["submit", "baidu", "endpoint"], b.endpoint, config.baidu.endpoint);
  return config;

  function endpoint(path: string[], v: unknown, fallback: string): string {
    if (v === undefined || v === null) return fallback;
    if (typeof v === "string" && endpointProblem(v) === null) return v;
    problem(path, v, "an http:// or https:// URL");
    return fallback;
  }
}

/** Why `url` cannot be an endpoint, or null (also used for the command line's --…-endpoint options). */
export function endpointProblem(url: string): string | null {
  if (!URL.canParse(url)) return "not a URL";
  const { protocol } = new URL(url);
  return protocol === "http:" || protocol === "https:" ? null : `a ${protocol} URL, not http(s)`;
}
