import { describe, expect, it } from "vitest";
import { hostFor, REDIRECT_STATUS } from "./host.ts";

describe("hostFor", () => {
  it("writes Netlify's forced rules in a Netlify build (NETLIFY=true)", () => {
    expect(hostFor("auto", { NETLIFY: "true" })).toEqual({ name: "netlify", why: "NETLIFY=true: a Netlify build" });
  });

  it("writes the plain rules in a Cloudflare Pages build (CF_PAGES=1)", () => {
    expect(hostFor("auto", { CF_PAGES: "1" })).toEqual({
      name: "cloudflare",
      why: "CF_PAGES=1: a Cloudflare Pages build",
    });
  });

  it("writes the plain rules where no host is detected, and says how to choose Netlify's", () => {
    expect(hostFor("auto", {})).toEqual({
      name: "cloudflare",
      why: 'no host detected; on Netlify set "host": "netlify"',
    });
    expect(hostFor("auto", { NETLIFY: "false", CF_PAGES: "0" }).name).toBe("cloudflare");
  });

  it("follows the site config over the environment", () => {
    expect(hostFor("netlify", { CF_PAGES: "1" })).toEqual({ name: "netlify", why: 'site config "host": "netlify"' });
    expect(hostFor("cloudflare", { NETLIFY: "true" })).toEqual({
      name: "cloudflare",
      why: 'site config "host": "cloudflare"',
    });
  });

  it("forces the rule on Netlify only: Cloudflare Pages refuses 301!", () => {
    expect(REDIRECT_STATUS).toEqual({ netlify: "301!", cloudflare: "301" });
  });
});
