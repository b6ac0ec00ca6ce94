// Which host's `_redirects` flavour a build writes, and why. The two hosts that read the file disagree:
// - Netlify serves an existing file instead of a rule ("shadowing", docs.netlify.com/manage/routing/redirects/
//   rewrites-proxies/#shadowing), and every alias has a static redirect page, so it needs forced rules
//   (`301!`); it stops at the first matching rule, so a plain rule before a forced one is never passed.
// - Cloudflare Pages always follows a rule, asset or not (developers.cloudflare.com/pages/configuration/
//   redirects/), and refuses `301!` ("Valid status codes are 200, 301, 302, 303, 307, or 308"), dropping
//   the rule; each refused line still counts towards its 2,000 static rules.
// So one file cannot serve both: `host: auto` reads the build environment each host documents
// (Netlify: NETLIFY=true; Cloudflare Pages: CF_PAGES=1); elsewhere it writes the plain rules.

export const HOST_SETTINGS = ["auto", "netlify", "cloudflare"] as const;
export type HostSetting = (typeof HOST_SETTINGS)[number];

export interface Host {
  /** Whose rules `_redirects` holds: Netlify's forced ones or the plain ones Cloudflare Pages reads. */
  name: "netlify" | "cloudflare";
  /** Why, for the build summary: the setting or the environment variable that chose it. */
  why: string;
}

/** The status each flavour writes after an old address and its article. */
export const REDIRECT_STATUS: Record<Host["name"], string> = { netlify: "301!", cloudflare: "301" };

/** The host a build writes for: the setting unless it is `auto`, else the host whose build this is. */
export function hostFor(setting: HostSetting, env: Readonly<Record<string, string | undefined>>): Host {
  if (setting !== "auto") return { name: setting, why: `site config "host": "${setting}"` };
  if (env.NETLIFY === "true") return { name: "netlify", why: "NETLIFY=true: a Netlify build" };
  if (env.CF_PAGES === "1") return { name: "cloudflare", why: "CF_PAGES=1: a Cloudflare Pages build" };
  return { name: "cloudflare", why: 'no host detected; on Netlify set "host": "netlify"' };
}
