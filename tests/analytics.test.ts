// Site config `analytics` on built output: each service's one external script in every page's head (not
// on redirect pages), the CSP in the meta of every page and in _headers widened for that service's hosts
// and nothing else; a build without analytics as before. Then real Chromium, loading a built page whose
// analytics point at a local server on 127.0.0.1: the script is fetched, its beacon sent, and no CSP
// violation is reported — while a request to any other host still is.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.ts";
import { build, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";
import { serveStatic, type StaticServer } from "./helpers/static-server.ts";

const ARTICLE = "/research/marketing/industrial-marketing/first/";
const ALIAS = "/old/first/";

/** The three-level fixture copied with `analytics` set in its site.json. */
function withAnalytics(analytics: unknown): string {
  const content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-analytics-")), "content");
  cpSync(fixture("three-level"), content, { recursive: true });
  const file = path.join(content, "_data/site.json");
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), analytics }));
  return content;
}

/** A CSP as directive → its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** What `csp` allows that `base` does not, per directive (directives only in `csp` in full). */
function widening(csp: string, base: string): Record<string, string[]> {
  const before = directives(base);
  const out: Record<string, string[]> = {};
  for (const [name, values] of directives(csp)) {
    const added = values.filter((v) => !(before.get(name) ?? []).includes(v));
    if (added.length > 0) out[name] = added;
  }
  return out;
}

const metaCsp = (output: string, sitePath: string) =>
  page(output, sitePath)('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
const headerCsp = (output: string) =>
  /^ {2}Content-Security-Policy: (.*)$/m.exec(readFileSync(path.join(output, "_headers"), "utf8"))?.[1] ?? "";
const htmlPages = (output: string) =>
  listFiles(output)
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${f}`);
const isRedirect = (output: string, sitePath: string) =>
  page(output, sitePath)('meta[http-equiv="refresh"]').length > 0;
/** Every page built from the base layout: all HTML files but the redirect pages at aliases. */
const layoutPages = (output: string) => htmlPages(output).filter((p) => !isRedirect(output, p));
/** The static pages at old addresses (front-matter aliases). */
const redirectPages = (output: string) => htmlPages(output).filter((p) => isRedirect(output, p));
/** Scripts from other hosts (the site's own are /assets/… or Pagefind's). */
const externalScripts = (output: string, sitePath: string) => {
  const $ = page(output, sitePath);
  return $("script[src]")
    .toArray()
    .filter((s) => /^https?:/.test($(s).attr("src")!))
    .map((s) => s.attribs);
};

interface Case {
  service: string;
  analytics: unknown;
  script: Record<string, string>;
  widened: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    service: "baidu",
    analytics: { baidu: { id: "0123456789abcdef0123456789abcdef" } },
    script: { async: "", src: "https://hm.baidu.com/hm.js?0123456789abcdef0123456789abcdef" },
    widened: {
      "img-src": ["https://hm.baidu.com"],
      "script-src": ["https://hm.baidu.com"],
      "connect-src": ["'self'", "https://hm.baidu.com"],
    },
  },
  {
    service: "umami",
    analytics: { umami: { id: "94db1cb1-74f4-4a40-ad6c-962362670409" } },
    script: {
      defer: "",
      src: "https://cloud.umami.is/script.js",
      "data-website-id": "94db1cb1-74f4-4a40-ad6c-962362670409",
      "data-host-url": "https://gateway.umami.is",
    },
    widened: { "script-src": ["https://cloud.umami.is"], "connect-src": ["'self'", "https://gateway.umami.is"] },
  },
  {
    service: "goatcounter",
    analytics: { goatcounter: { code: "wenku" } },
    script: { async: "", src: "https://gc.zgo.at/count.js", "data-goatcounter": "https://wenku.goatcounter.com/count" },
    widened: {
      "img-src": ["https://wenku.goatcounter.com"],
      "script-src": ["https://gc.zgo.at"],
      "connect-src": ["'self'", "https://wenku.goatcounter.com"],
    },
  },
  {
    service: "plausible",
    analytics: { plausible: { domain: "fixture.example", script: "https://stats.example.org/js/script.js" } },
    script: { defer: "", src: "https://stats.example.org/js/script.js", "data-domain": "fixture.example" },
    widened: { "script-src": ["https://stats.example.org"], "connect-src": ["'self'", "https://stats.example.org"] },
  },
];

let plain: BuildResult;
const built = new Map<string, BuildResult>();

beforeAll(async () => {
  const results = await Promise.all([
    build(fixture("three-level")),
    ...CASES.map((c) => build(withAnalytics(c.analytics))),
  ]);
  for (const r of results) if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  plain = results[0]!;
  CASES.forEach((c, i) => built.set(c.service, results[i + 1]!));
}, 120_000);

describe("analytics off (the default)", () => {
  it("loads no script from another host and keeps the CSP as it was, in the meta and in _headers", () => {
    const pages = layoutPages(plain.output);
    expect(pages).toEqual(expect.arrayContaining(["/index.html", "/404.html", "/search/index.html"]));
    for (const p of pages) expect(externalScripts(plain.output, p), p).toEqual([]);
    const csp =
      "default-src 'self'; img-src 'self' data: https:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
    for (const p of pages) expect(metaCsp(plain.output, p), p).toBe(csp);
    expect(headerCsp(plain.output)).toBe(`${csp}; frame-ancestors 'none'`);
  });
});

describe.each(CASES)("analytics: $service", ({ service, script, widened }) => {
  it("puts exactly one script, the service's own with its attributes, in the head of every page, 404 and search included", () => {
    const output = built.get(service)!.output;
    for (const p of layoutPages(output)) {
      expect(externalScripts(output, p), p).toEqual([script]);
      expect(page(output, p)(`head script[src="${script.src}"]`).length, p).toBe(1);
      // Nothing inline: the only script without src is the JSON-LD data block.
      expect(page(output, p)('script:not([src]):not([type="application/ld+json"])').length, p).toBe(0);
    }
  });

  it("loads nothing on the redirect pages at old addresses, which would count a view the article counts again", () => {
    const output = built.get(service)!.output;
    const redirects = redirectPages(output);
    expect(redirects).toEqual(["/a/yanjiu/2012/0101/7.html", `${ALIAS}index.html`]);
    for (const p of redirects) expect(page(output, p)("script").length, p).toBe(0);
  });

  it("widens the CSP for the service's hosts and nothing else, in every page's meta and in _headers", () => {
    const output = built.get(service)!.output;
    const base = metaCsp(plain.output, "/");
    for (const p of layoutPages(output)) expect(widening(metaCsp(output, p), base), p).toEqual(widened);
    expect(widening(headerCsp(output), headerCsp(plain.output))).toEqual(widened);
    expect(headerCsp(output)).toBe(`${metaCsp(output, ARTICLE)}; frame-ancestors 'none'`);
  });
});

describe("analytics in a real browser", () => {
  /** A stand-in analytics host on 127.0.0.1: a tracker script that posts a beacon as Umami's does. */
  let analytics: Server;
  let analyticsOrigin = "";
  const requests: { method: string; url: string; body: string }[] = [];
  let site: StaticServer;
  let other: StaticServer;
  let browser: Browser;

  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      req.on("end", () => resolve(text));
    });

  beforeAll(async () => {
    analytics = createServer((req, res) => {
      void body(req).then((text) => {
        requests.push({ method: req.method!, url: req.url!, body: text });
        const cors = {
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Headers": "Content-Type",
          "Access-Control-Allow-Methods": "POST",
        };
        if (req.url === "/u/script.js") {
          res.writeHead(200, { "Content-Type": "text/javascript", ...cors });
          // What umami's tracker does with data-website-id and data-host-url (src/tracker/index.js): POST
          // { type, payload } as JSON to {host}/api/send.
          res.end(`(() => {
  const s = document.currentScript;
  const host = s.getAttribute("data-host-url") || s.src.split("/").slice(0, -1).join("/");
  fetch(host + "/api/send", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ type: "event", payload: { website: s.getAttribute("data-website-id"), url: location.pathname } }) });
})();`);
        } else {
          res.writeHead(req.method === "OPTIONS" ? 204 : 200, { "Content-Type": "application/json", ...cors });
          res.end(req.method === "OPTIONS" ? undefined : "{}");
        }
      });
    });
    await new Promise<void>((resolve) => analytics.listen(0, "127.0.0.1", resolve));
    analyticsOrigin = `http://127.0.0.1:${(analytics.address() as AddressInfo).port}`;
    const content = withAnalytics({
      umami: {
        id: "94db1cb1-74f4-4a40-ad6c-962362670409",
        script: `${analyticsOrigin}/u/script.js`,
        hostUrl: analyticsOrigin,
      },
    });
    const [result, launched] = await Promise.all([build(content), launchBrowser()]);
    if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
    browser = launched;
    [site, other] = await Promise.all([serveStatic(result.output), serveStatic(plain.output)]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.allSettled([site?.close(), other?.close()]);
    await new Promise((resolve) => analytics?.close(resolve));
  });

  it("fetches the script and sends its beacon from another origin without a CSP violation; a third host is still blocked", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const consoleLines: string[] = [];
    tab.on("console", (m) => consoleLines.push(m.text()));
    // Registered before any of the page's own code runs, so a violation while loading is caught too.
    await tab.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await tab.goto(`${site.url}${ARTICLE.slice(1)}`, { waitUntil: "load" });
    await expect.poll(() => requests.some((r) => r.method === "POST" && r.url === "/api/send")).toBe(true);
    expect(requests.find((r) => r.url === "/u/script.js")?.method).toBe("GET");
    const beacon = JSON.parse(requests.find((r) => r.method === "POST")!.body) as { payload: { url: string } };
    expect(beacon.payload.url).toBe(ARTICLE);
    expect(await tab.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(consoleLines.filter((l) => /Content Security Policy/i.test(l))).toEqual([]);

    // The same page asking a host the config did not name is refused: the policy is no wider than that.
    await tab.evaluate((url) => fetch(url).catch(() => null), `${other.origin}/`);
    await expect
      .poll(() => tab.evaluate(() => (window as unknown as { violations: string[] }).violations))
      .toEqual([`connect-src ${other.origin}/`]);
    await context.close();
  }, 60_000);
});
