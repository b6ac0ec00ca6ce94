import { describe, expect, it } from "vitest";
import { tocThreshold } from "./article.ts";

describe("tocThreshold", () => {
  it("follows the site's toc.minHeadings when the article says nothing", () => {
    expect(tocThreshold(null, 3)).toBe(3);
    expect(tocThreshold(null, 1)).toBe(1);
  });
  it("is off when the site sets 0 (or toc: false)", () => {
    expect(tocThreshold(null, 0)).toBeNull();
  });
  it("lets front-matter toc: true show it for a single heading, whatever the site says", () => {
    expect(tocThreshold(true, 3)).toBe(1);
    expect(tocThreshold(true, 0)).toBe(1);
  });
  it("lets front-matter toc: false hide it, whatever the site says", () => {
    expect(tocThreshold(false, 3)).toBeNull();
    expect(tocThreshold(false, 1)).toBeNull();
  });
});
