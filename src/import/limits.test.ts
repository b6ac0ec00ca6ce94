import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_PAGE_BYTES, nestingDepth, tooDeep, tooLarge } from "./limits.ts";

describe("nestingDepth", () => {
  it("counts element levels from the document, without recursion (5,000 levels do not overflow)", () => {
    expect(nestingDepth(load("<p>a</p>").root()[0]!)).toBe(3); // html > body > p
    expect(nestingDepth(load(`${"<div>".repeat(5000)}x`).root()[0]!, 10_000)).toBe(5002);
  });
  it("refuses a page nested deeper than the limit, and only such a page", () => {
    expect(tooDeep(load("<div>".repeat(MAX_DEPTH - 2)).root()[0]!)).toBeNull();
    expect(tooDeep(load("<div>".repeat(MAX_DEPTH)).root()[0]!)).toBe(
      `elements nested more than ${MAX_DEPTH} deep (a broken or hostile page)`,
    );
  });
});

describe("tooLarge", () => {
  it("names the size and the limit of a page above it", () => {
    expect(tooLarge(MAX_PAGE_BYTES)).toBeNull();
    expect(tooLarge(90 * 1024 * 1024)).toBe("90 MB, above the 4 MB limit for one page");
  });
});
