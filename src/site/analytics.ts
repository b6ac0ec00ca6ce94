// The page-view counters of site config `analytics` as the script tags every page's head loads, and
// the hosts each needs in the CSP (./security.ts). Each service's own external script only, never its
// inline snippet: the CSP allows no inline script. Where each embed comes from:
//
// - Baidu Tongji: the official code is inline (`var _hmt = _hmt || []; … hm.src = "https://hm.baidu.com/hm.js?ID"`).
//   `_hmt` is only the JS-API's command queue (`_hmt.push(['_trackEvent', …])`, tongji.baidu.com/open/api
//   "guide_overview": declared first "为了保证JS-API接口的正常使用"); hm.js counts the page view by itself, so
//   `<script async src="https://hm.baidu.com/hm.js?ID">` is the whole embed. Its beacon is an image
//   (hm.baidu.com/hm.gif).
// - Umami: `<script defer src="…/script.js" data-website-id="…">` (umami-software/umami src/tracker/index.js:
//   it posts to `data-host-url`, else to the script's own folder, + /api/send).
// - GoatCounter: `<script data-goatcounter="https://CODE.goatcounter.com/count" async src="//gc.zgo.at/count.js">`
//   (arp242/goatcounter tpl/help/csp.md: script-src the count.js host, connect-src the /count endpoint, which
//   count.js reaches with navigator.sendBeacon; without it, an image: tpl/help/pixel.md).
// - Plausible: `<script defer data-domain="…" src="https://plausible.io/js/script.js">` (plausible/analytics
//   tracker/src/plausible.js: posts to the script's origin + /api/event). The October 2025 snippet
//   (`pa-….js` plus an inline `plausible.init()`, plausible.io/docs/script-update-guide) needs that inline
//   call, so the data-domain script, which Plausible still serves, is the one used.
import type { Analytics } from "../config/analytics.ts";

export interface AnalyticsScript {
  service: keyof Analytics;
  src: string;
  /** `async` (Baidu, GoatCounter) or `defer` (Umami, Plausible), as each service's own embed has it. */
  loading: "async" | "defer";
  /** `data-*` attributes, in the order the service's embed writes them. */
  data: [string, string][];
}

/** Hosts (CSP host sources: scheme, host and port) to add to each directive. */
export interface CspSources {
  script: string[];
  connect: string[];
  img: string[];
}

export const NO_SOURCES: CspSources = { script: [], connect: [], img: [] };

/** One script per configured service, in a fixed order; none when analytics is off. */
export function analyticsScripts(a: Analytics): AnalyticsScript[] {
  const scripts: AnalyticsScript[] = [];
  if (a.baidu)
    scripts.push({ service: "baidu", src: `https://hm.baidu.com/hm.js?${a.baidu.id}`, loading: "async", data: [] });
  if (a.umami)
    scripts.push({
      service: "umami",
      src: a.umami.script,
      loading: "defer",
      data: [
        ["data-website-id", a.umami.id],
        ...(a.umami.hostUrl ? [["data-host-url", a.umami.hostUrl] as [string, string]] : []),
      ],
    });
  if (a.goatcounter)
    scripts.push({
      service: "goatcounter",
      src: a.goatcounter.script,
      loading: "async",
      data: [["data-goatcounter", a.goatcounter.endpoint]],
    });
  if (a.plausible)
    scripts.push({
      service: "plausible",
      src: a.plausible.script,
      loading: "defer",
      data: [["data-domain", a.plausible.domain]],
    });
  return scripts;
}

const origin = (url: string) => new URL(url).origin;

/** What the configured services load and send to: each one's script host, beacon host and pixel host. */
export function analyticsSources(a: Analytics): CspSources {
  const sources: CspSources = { script: [], connect: [], img: [] };
  const add = (directive: keyof CspSources, url: string) => {
    const host = origin(url);
    if (!sources[directive].includes(host)) sources[directive].push(host);
  };
  if (a.baidu) {
    // hm.js from hm.baidu.com, its beacon an image from there (hm.gif); connect-src too for the newer
    // hm.js, which may send the same request with sendBeacon.
    for (const d of ["script", "connect", "img"] as const) add(d, "https://hm.baidu.com/");
  }
  if (a.umami) {
    add("script", a.umami.script);
    add("connect", a.umami.hostUrl ?? a.umami.script);
  }
  if (a.goatcounter) {
    add("script", a.goatcounter.script);
    add("connect", a.goatcounter.endpoint);
    add("img", a.goatcounter.endpoint);
  }
  if (a.plausible) {
    add("script", a.plausible.script);
    add("connect", a.plausible.script);
  }
  return sources;
}
