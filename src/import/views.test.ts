import { describe, expect, it } from "vitest";
import { isbot } from "isbot";
import { isBot, pageKey, parseLogLine, parseLogTime, rewriteViews } from "./views.ts";

const line = (request: string, status: number, agent: string) =>
  `198.51.100.4 - - [27/Dec/2013:10:30:07 +0800] "${request}" ${status} 1024 "-" "${agent}"`;
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0";

describe("parseLogLine", () => {
  it("reads a reader's GET: decoded path without query, time with its offset", () => {
    const hit = parseLogLine(line("GET /%E6%96%87%E7%AB%A0/1.html?from=feed HTTP/1.1", 200, FIREFOX))!;
    expect(hit.path).toBe("/文章/1.html");
    expect(new Date(hit.time).toISOString()).toBe("2013-12-27T02:30:07.000Z");
    expect(hit.offset).toBe(480);
  });
  it("counts 304 (a reader's cached copy) but not redirects, errors or other methods", () => {
    expect(parseLogLine(line("GET /a/ HTTP/1.1", 304, FIREFOX))).not.toBeNull();
    expect(parseLogLine(line("GET /a/ HTTP/1.1", 301, FIREFOX))).toBeNull();
    expect(parseLogLine(line("GET /a/ HTTP/1.1", 404, FIREFOX))).toBeNull();
    expect(parseLogLine(line("HEAD /a/ HTTP/1.1", 200, FIREFOX))).toBeNull();
    expect(parseLogLine(line("POST /a/ HTTP/1.1", 200, FIREFOX))).toBeNull();
  });
  it("ignores bots and lines that are not combined-format log lines", () => {
    expect(parseLogLine(line("GET /a/ HTTP/1.1", 200, "Mozilla/5.0 (compatible; bingbot/2.0)"))).toBeNull();
    expect(parseLogLine("garbage")).toBeNull();
  });
});

describe("parseLogTime", () => {
  it("reads the time with its offset, east and west of Greenwich", () => {
    expect(parseLogTime("27/Dec/2013:10:30:07 +0800")).toEqual({ time: Date.UTC(2013, 11, 27, 2, 30, 7), offset: 480 });
    expect(parseLogTime("01/Jan/2024:00:00:00 -0530")).toEqual({ time: Date.UTC(2024, 0, 1, 5, 30, 0), offset: -330 });
    expect(parseLogTime("29/Feb/2024:23:59:59 +0000")).toEqual({ time: Date.UTC(2024, 1, 29, 23, 59, 59), offset: 0 });
  });
  it("refuses days the calendar does not have, other month names and other forms", () => {
    for (const text of [
      "30/Feb/2024:10:00:00 +0800",
      "29/Feb/2023:10:00:00 +0800",
      "27/Dez/2013:10:30:07 +0800",
      "27/Dec/2013:24:00:00 +0800",
      "27/Dec/2013 10:30:07 +0800",
      "2013-12-27T10:30:07+08:00",
    ]) {
      expect(parseLogTime(text), text).toBeNull();
    }
  });
});

describe("isBot", () => {
  it("knows the common crawlers, including Chinese search engines, and scripts", () => {
    for (const ua of [
      "Mozilla/5.0 (compatible; Baiduspider/2.0)",
      "Sogou web spider/4.0",
      "Mozilla/5.0 (compatible; Bytespider)",
      "curl/8.5.0",
      "python-requests/2.31",
      "-",
      "",
    ]) {
      expect(isBot(ua), ua).toBe(true);
    }
    expect(isBot(FIREFOX)).toBe(false);
    expect(
      isBot(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47",
      ),
    ).toBe(false);
  });
  it("uses isbot's list: agents our old list never named are bots", () => {
    for (const ua of [
      "axios/1.6.7",
      "Scrapy/2.11.0 (+https://scrapy.org)",
      "Mozilla/5.0 (compatible; Google-InspectionTool/1.0)",
    ]) {
      expect(isbot(ua), ua).toBe(true);
      expect(isBot(ua), ua).toBe(true);
    }
  });
  it("keeps the names of our old list that isbot misses", () => {
    for (const ua of [
      "Mozilla/5.0 Uptime-Kuma/1.23.11",
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/122.0 Safari/537.36 semrush",
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/122.0 Safari/537.36 yandex",
    ]) {
      expect(isbot(ua), ua).toBe(false);
      expect(isBot(ua), ua).toBe(true);
    }
  });
});

describe("pageKey", () => {
  it("treats a folder, its index.html and the path without a slash as one page", () => {
    expect(pageKey("/a/b/index.html")).toBe(pageKey("/a/b/"));
    expect(pageKey("/a/b")).toBe(pageKey("/a/b/"));
    expect(pageKey("/a/7.html")).toBe("/a/7.html");
  });
});

describe("rewriteViews", () => {
  const file = "---\ntitle: 文章\nviews: 12\n# a comment\ndate: 2013-12-27\n---\nbody views: 3\n";
  it("changes only the views line and adds views_as_of, keeping every other byte", () => {
    expect(rewriteViews(file, 15, "2024-03-02T10:01:12+08:00")).toBe(
      "---\ntitle: 文章\nviews: 15\n# a comment\ndate: 2013-12-27\nviews_as_of: 2024-03-02T10:01:12+08:00\n---\nbody views: 3\n",
    );
  });
  it("replaces an existing views_as_of and adds a missing views line", () => {
    const out = rewriteViews("---\ntitle: t\nviews_as_of: 2020-01-01\n---\n", 4, "2024-01-01");
    expect(out).toBe("---\ntitle: t\nviews_as_of: 2024-01-01\nviews: 4\n---\n");
  });
  it("keeps CRLF line endings", () => {
    expect(rewriteViews("---\r\ntitle: t\r\nviews: 1\r\n---\r\nx\r\n", 2, "2024-01-01")).toBe(
      "---\r\ntitle: t\r\nviews: 2\r\nviews_as_of: 2024-01-01\r\n---\r\nx\r\n",
    );
  });
});
