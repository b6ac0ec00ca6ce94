import { describe, expect, it } from "vitest";
import { redirectRule, redirectRules } from "./file.ts";

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

describe("redirectRules", () => {
  const from = encodeURI("/舊站/倉庫.html");
  const to = encodeURI("/notes/倉庫搬遷/");

  it("forces Netlify's rules and adds the decoded path its matcher compares for a Unicode alias", () => {
    expect(redirectRules(from, to, "netlify")).toEqual([`${from} ${to} 301!`, `/舊站/倉庫.html ${to} 301!`]);
  });

  it("writes one forced line for an ASCII alias on Netlify", () => {
    expect(redirectRules("/plus/view.php/88", "/notes/a/", "netlify")).toEqual(["/plus/view.php/88 /notes/a/ 301!"]);
  });

  it("writes one plain, encoded line for Cloudflare Pages, which matches the encoded path", () => {
    expect(redirectRules(from, to, "cloudflare")).toEqual([`${from} ${to} 301`]);
  });

  it("keeps an alias's own percent sign literal in the decoded line", () => {
    expect(redirectRules("/a%2520b.html", "/n/", "netlify")).toEqual([
      "/a%2520b.html /n/ 301!",
      "/a%20b.html /n/ 301!",
    ]);
  });
});
