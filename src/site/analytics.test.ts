import { describe, expect, it } from "vitest";
import { NO_ANALYTICS, type Analytics } from "../config/analytics.ts";
import { analyticsScripts, analyticsSources } from "./analytics.ts";
import { cspHeader, cspMeta, CSP_META, headersFile } from "./security.ts";

const UMAMI_SELF: Analytics = {
  ...NO_ANALYTICS,
  umami: {
    id: "94db1cb1-74f4-4a40-ad6c-962362670409",
    script: "https://stats.example.org:8443/u/script.js",
    hostUrl: null,
  },
};

describe("analyticsScripts", () => {
  it("gives no script when analytics is off", () => {
    expect(analyticsScripts(NO_ANALYTICS)).toEqual([]);
  });
  it("gives Baidu's hm.js with the site's id, async, and nothing inline", () => {
    expect(analyticsScripts({ ...NO_ANALYTICS, baidu: { id: "0123456789abcdef0123456789abcdef" } })).toEqual([
      {
        service: "baidu",
        src: "https://hm.baidu.com/hm.js?0123456789abcdef0123456789abcdef",
        loading: "async",
        data: [],
      },
    ]);
  });
  it("gives a self-hosted Umami's script, deferred, with the website id and no host override", () => {
    expect(analyticsScripts(UMAMI_SELF)).toEqual([
      {
        service: "umami",
        src: "https://stats.example.org:8443/u/script.js",
        loading: "defer",
        data: [["data-website-id", "94db1cb1-74f4-4a40-ad6c-962362670409"]],
      },
    ]);
  });
});

describe("analyticsSources and the CSP", () => {
  it("leaves the policy as it was without analytics", () => {
    expect(cspMeta(analyticsSources(NO_ANALYTICS))).toBe(CSP_META);
    expect(CSP_META).toBe(
      "default-src 'self'; img-src 'self' data: https:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });
  it("adds a self-hosted Umami's origin (port included) to script-src and connect-src only", () => {
    const csp = cspMeta(analyticsSources(UMAMI_SELF));
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' https://stats.example.org:8443;");
    expect(csp).toContain("connect-src 'self' https://stats.example.org:8443;");
    expect(csp).toContain("img-src 'self' data: https:;");
  });
  it("adds GoatCounter's count.js host to script-src and its endpoint's host to connect-src and img-src", () => {
    const sources = analyticsSources({
      ...NO_ANALYTICS,
      goatcounter: { endpoint: "https://wenku.goatcounter.com/count", script: "https://gc.zgo.at/count.js" },
    });
    expect(sources).toEqual({
      script: ["https://gc.zgo.at"],
      connect: ["https://wenku.goatcounter.com"],
      img: ["https://wenku.goatcounter.com"],
    });
    expect(cspHeader(sources)).toMatch(/; frame-ancestors 'none'$/);
    expect(headersFile("/", sources)).toContain(`  Content-Security-Policy: ${cspHeader(sources)}\n`);
  });
  it("lists a host shared by two directives of one service once in each", () => {
    const sources = analyticsSources({ ...NO_ANALYTICS, baidu: { id: "0123456789abcdef0123456789abcdef" } });
    expect(sources).toEqual({
      script: ["https://hm.baidu.com"],
      connect: ["https://hm.baidu.com"],
      img: ["https://hm.baidu.com"],
    });
  });
  it("refuses to write a host that is not a plain origin into _headers", () => {
    expect(() => headersFile("/", { script: ["https://a.example; script-src *"], connect: [], img: [] })).toThrow(
      /not a plain origin/,
    );
  });
});
