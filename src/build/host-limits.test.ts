import { describe, expect, it } from "vitest";
import { hostWarnings } from "./host-limits.ts";

describe("hostWarnings", () => {
  it("says nothing within every limit", () => {
    expect(hostWarnings({ files: 20_000, bytes: 1024 ** 3, redirects: 2_000 })).toEqual([]);
  });
  it("warns past Cloudflare's file and redirect limits and GitHub Pages' size", () => {
    const warnings = hostWarnings({ files: 20_001, bytes: 1024 ** 3 + 1, redirects: 2_001 });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain("Cloudflare Pages' free plan allows 20000");
    expect(warnings[1]).toContain("2001 redirects");
    expect(warnings[2]).toContain("GitHub Pages");
  });
  it("leaves out Cloudflare's rule limit when _redirects holds Netlify's rules", () => {
    expect(hostWarnings({ files: 1, bytes: 1, redirects: 2_001, rulesFor: "netlify" })).toEqual([]);
    expect(hostWarnings({ files: 1, bytes: 1, redirects: 2_001, rulesFor: "cloudflare" })).toHaveLength(1);
  });
});
