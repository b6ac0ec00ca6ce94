import { describe, expect, it } from "vitest";
import { CSP_HEADER, headersFile } from "./security.ts";

describe("headersFile", () => {
  it("gives one rule for every path under the prefix", () => {
    expect(headersFile("/archive/").split("\n")[0]).toBe("/archive/*");
    expect(headersFile("/")).toContain(`  Content-Security-Policy: ${CSP_HEADER}\n`);
  });

  it("refuses a prefix that would add a rule or a header of its own", () => {
    expect(() => headersFile("/a/\n/*\n  X-Frame-Options: ALLOWALL\n")).toThrow(/not a plain path/);
    expect(() => headersFile("/a b/")).toThrow(/not a plain path/);
    expect(() => headersFile("archive/")).toThrow(/not a plain path/);
  });
});
