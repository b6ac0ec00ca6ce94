import { describe, expect, it } from "vitest";
import { hrefProblem } from "./href.ts";

describe("hrefProblem", () => {
  it.each([
    "https://archive.example.org/about/",
    "HTTPS://Example.org",
    "http://localhost:8080/a?b=c#d",
    "https://beian.miit.gov.cn/",
    "mailto:consult@archive.example.org",
    "MAILTO:a@b.example",
    "tel:+86-21-5555-0134",
    "/news/announcements/",
    "/",
    "/關於/",
    "/a%20b/?x=1#top",
  ])("accepts %s", (href) => {
    expect(hrefProblem(href)).toBeNull();
  });

  it.each([
    ["javascript:alert(1)", "a javascript: link"],
    ["JaVaScRiPt:alert(1)", "a javascript: link"],
    ["vbscript:msgbox(1)", "a vbscript: link"],
    ["data:text/html;base64,PHNjcmlwdD4=", "a data: link"],
    ["file:///etc/passwd", "a file: link"],
    ["java\tscript:alert(1)", "a link with whitespace, a control character or a backslash in it"],
    ["java\nscript:alert(1)", "a link with whitespace, a control character or a backslash in it"],
    [" javascript:alert(1)", "a link with whitespace, a control character or a backslash in it"],
    ["\u0001javascript:alert(1)", "a link with whitespace, a control character or a backslash in it"],
    ["java\u200bscript:alert(1)", "a link with whitespace, a control character or a backslash in it"],
    ["/\\evil.example/", "a link with whitespace, a control character or a backslash in it"],
    ["//evil.example/", "a protocol-relative link, to another host"],
    ["https:evil.example", "a web address without a host"],
    ["https://", "a web address without a host"],
    ["about/", "a relative link"],
    ["#top", "a relative link"],
    ["", "an empty link"],
    ["mailto:", "a mailto: link without an address"],
  ])("refuses %j", (href, reason) => {
    expect(hrefProblem(href)).toBe(reason);
  });
});
