import { describe, expect, it } from "vitest";
import { decodePath, hostKey, normalisePath } from "./urls.ts";

describe("decodePath", () => {
  it("decodes each segment, including an encoded ? in a saved file name", () => {
    expect(decodePath("/%E6%96%87%E7%AB%A0/view.php%3Faid=12.html")).toBe("/文章/view.php?aid=12.html");
  });
  it("keeps a segment that is not valid UTF-8 percent-encoding as it is (a GBK-encoded link)", () => {
    expect(decodePath("/a/%CE%C4/%E6%96%87")).toBe("/a/%CE%C4/文");
  });
});

describe("normalisePath", () => {
  it("normalises after the one decode: encoded separators that climb out are refused, not followed", () => {
    expect(normalisePath(decodePath("/x/..%2f..%2f..%2fvictim.txt"))).toBeNull();
    expect(normalisePath(decodePath("/x/..%2F..%2Fvictim.txt"))).toBeNull();
    expect(normalisePath(decodePath("/x/..%5c..%5cvictim.txt"))).toBeNull();
    expect(normalisePath("/x\\..\\..\\victim.txt")).toBeNull();
    expect(normalisePath("/a/b\0.png")).toBeNull();
  });
  it("keeps a double-encoded separator as a literal name: decoded once only", () => {
    expect(normalisePath(decodePath("/x/..%252f..%252fvictim.txt"))).toBe("/x/..%2f..%2fvictim.txt");
  });
  it("resolves dots that stay inside, keeps a folder's trailing slash and the query as it is", () => {
    expect(normalisePath("/a/./b/../c.html")).toBe("/a/c.html");
    expect(normalisePath("/news/")).toBe("/news/");
    expect(normalisePath("/")).toBe("/");
    expect(normalisePath("/plus/view.php?aid=12&x=../..")).toBe("/plus/view.php?aid=12&x=../..");
  });
});

describe("hostKey", () => {
  it("treats www. and the bare host, any case, a port, a final dot and a full address as one host", () => {
    for (const given of [
      "WWW.Blog.Example.org",
      "blog.example.org",
      "blog.example.org.",
      "www.blog.example.org:8080",
      "https://www.blog.example.org/news/",
      "http://Blog.Example.org",
    ])
      expect(hostKey(given), given).toBe("blog.example.org");
  });
  it("reads a bare international name as the pages' addresses have it, and a protocol-relative one", () => {
    expect(hostKey("例子.中国")).toBe(new URL("http://例子.中国/").hostname);
    expect(hostKey("https://www.例子.中国/news/")).toBe(hostKey("例子.中国"));
    expect(hostKey("//www.old.example/")).toBe("old.example");
  });
  it("gives no host for an empty or broken address", () => {
    expect(hostKey("")).toBe("");
    expect(hostKey("http://")).toBe("");
  });
});
