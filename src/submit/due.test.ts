import { describe, expect, it } from "vitest";
import { fingerprint, newestFirst } from "./due.ts";

describe("newestFirst", () => {
  it("orders by the instant, not the text of dates in different offsets, then by URL", () => {
    const list = [
      { url: "https://a.example/b/", fingerprint: "", lastmod: "2024-03-01T09:00:00+08:00" }, // 01:00Z
      { url: "https://a.example/c/", fingerprint: "", lastmod: "2024-03-01T02:00:00+00:00" }, // 02:00Z
      { url: "https://a.example/a/", fingerprint: "", lastmod: "2024-03-01T09:00:00+08:00" },
    ];
    expect(newestFirst(list).map((c) => c.url)).toEqual([
      "https://a.example/c/",
      "https://a.example/a/",
      "https://a.example/b/",
    ]);
  });
});

describe("fingerprint", () => {
  it("tells apart parts that would read alike run together", () => {
    expect(fingerprint(["ab", "c"])).not.toBe(fingerprint(["a", "bc"]));
    expect(fingerprint(["ab", "c"])).toBe(fingerprint(["ab", "c"]));
  });
});
