import { describe, expect, it } from "vitest";
import { redirectRule } from "./file.ts";

describe("redirectRule", () => {
  it("writes from, to and 301", () => {
    expect(redirectRule("/a/xueshu/123.html", "/research/a/")).toBe("/a/xueshu/123.html /research/a/ 301");
    expect(redirectRule("/%E6%96%B0%E8%81%9E/1.html", "/news/%E9%80%9A/")).toBe(
      "/%E6%96%B0%E8%81%9E/1.html /news/%E9%80%9A/ 301",
    );
  });

  it.each(["/*", "/news/:id/", "/a b.html", "/a\n/* /evil 200", "relative.html"])(
    "refuses %j, which _redirects would read as more than one address",
    (from) => {
      expect(() => redirectRule(from, "/news/a/")).toThrow(/not a literal site path/);
    },
  );
});
