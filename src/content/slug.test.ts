import { describe, expect, it } from "vitest";
import { encodePath, slugify } from "./slug.ts";

describe("slugify", () => {
  it("keeps Chinese characters, which Eleventy's slugify would delete", () => {
    expect(slugify("工業營銷")).toBe("工業營銷");
  });
  it("lowercases and turns spaces and punctuation into single hyphens", () => {
    expect(slugify('  Pricing "Value" & the Spec-Sheet!! ')).toBe("pricing-value-the-spec-sheet");
  });
  it("normalises full-width forms (NFKC)", () => {
    expect(slugify("ＡＢＣ１２３")).toBe("abc123");
  });
  it("keeps numeric legacy ids", () => {
    expect(slugify("1227")).toBe("1227");
  });
  it("gives an empty slug for punctuation only", () => {
    expect(slugify("——！")).toBe("");
  });
});

describe("encodePath", () => {
  it("percent-encodes each segment and keeps the slashes", () => {
    expect(encodePath("/研究/a b/")).toBe("/%E7%A0%94%E7%A9%B6/a%20b/");
  });
});
