import { describe, expect, it } from "vitest";
import { checkRequestPath } from "./request-path.ts";

describe("checkRequestPath", () => {
  it("passes ordinary paths, decoded, queries aside", () => {
    expect(checkRequestPath("/research/first/?utm_source=feed")).toEqual({ ok: true, path: "/research/first/" });
    expect(checkRequestPath("/%E6%B8%A0%E9%81%93%E8%A1%9D%E7%AA%81/")).toEqual({ ok: true, path: "/渠道衝突/" });
    expect(checkRequestPath("/a%25ff/")).toEqual({ ok: true, path: "/a%ff/" }); // an encoded % is a plain %
  });
  it("passes dot segments the URL parser resolves inside the site", () => {
    expect(checkRequestPath("/a/../b/")).toEqual({ ok: true, path: "/b/" });
    expect(checkRequestPath("/%2e%2e/%2e%2e/etc/passwd")).toEqual({ ok: true, path: "/etc/passwd" });
  });
  it("answers 400 to percent-encoding that is not UTF-8: a stray byte, overlong forms, a lone %", () => {
    for (const target of ["/%ff", "/%c0%ae%c0%ae/etc/passwd", "/%e0%80%ae", "/a%", "/%zz", "/%ed%a0%80"]) {
      expect(checkRequestPath(target), target).toMatchObject({
        ok: false,
        status: 400,
        reason: expect.stringContaining("UTF-8"),
      });
    }
  });
  it("answers 400 to a .. behind an encoded slash or backslash, and to NUL", () => {
    for (const target of ["/..%2f..%2fetc/passwd", "/..%2fserve-search/x", "/a/..%5c..%5csecret", "/%2e%2e%2fx"]) {
      expect(checkRequestPath(target), target).toMatchObject({
        ok: false,
        status: 400,
        reason: expect.stringContaining(".."),
      });
    }
    expect(checkRequestPath("/a%00.html")).toMatchObject({
      ok: false,
      status: 400,
      reason: expect.stringContaining("NUL"),
    });
  });
  it("answers 400 to targets that are not paths", () => {
    expect(checkRequestPath("http://evil.example/")).toMatchObject({ ok: false, status: 400 });
    expect(checkRequestPath("*")).toMatchObject({ ok: false, status: 400 });
  });
});
