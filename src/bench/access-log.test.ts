import { describe, expect, it } from "vitest";
import { accessLog, logTime, withAlias } from "./access-log.ts";

const ARTICLES = [
  { path: "/a/first/", aliases: ["/old/1.html"] },
  { path: "/a/文章/", aliases: [] },
];
const all = (lines: number, seed = "1") => {
  const log = accessLog(ARTICLES, { lines, seed });
  return { lines: [...log.lines], truth: log.truth };
};

describe("accessLog", () => {
  it("writes exactly the lines asked for, the same bytes for the same seed, others for another", () => {
    const a = all(5000);
    expect(a.lines).toHaveLength(5000);
    expect(all(5000).lines).toEqual(a.lines);
    expect(all(5000, "2").lines).not.toEqual(a.lines);
  });
  it("mixes readers, alias hops, bots, errors, other methods, repeats and late lines", () => {
    const { lines, truth } = all(5000);
    const text = lines.join("\n");
    expect(text).toContain('"GET /old/1.html HTTP/1.1" 200');
    expect(text).toContain('"GET /a/%E6%96%87%E7%AB%A0/');
    expect(text).toMatch(/Baiduspider|Bytespider|Googlebot/);
    expect(text).toContain(" 404 ");
    expect(text).toMatch(/"(HEAD|POST) /);
    expect(lines.some((l, i) => i > 0 && l === lines[i - 1])).toBe(true);
    const times = lines.map((l) => l.slice(l.indexOf("[") + 1, l.indexOf("]")));
    expect(times.some((t, i) => i > 0 && t < times[i - 1]! && t.slice(0, 11) === times[i - 1]!.slice(0, 11))).toBe(
      true,
    );
    expect(truth.views).toBe([...truth.byPath.values()].reduce((a, b) => a + b, 0));
    expect(truth.views).toBeGreaterThan(2000);
    expect(truth.unknown).toBeGreaterThan(0);
  });
});

describe("logTime", () => {
  it("writes the combined format's time in +0800", () => {
    expect(logTime(Date.UTC(2024, 1, 29, 16, 0, 5))).toBe("01/Mar/2024:00:00:05 +0800");
  });
});

describe("withAlias", () => {
  it("adds an aliases line at the end of the front-matter, every other byte kept", () => {
    expect(withAlias("---\ntitle: t\nviews: 3\n---\nbody\n---\n", "/a/7.html")).toBe(
      '---\ntitle: t\nviews: 3\naliases: ["/a/7.html"]\n---\nbody\n---\n',
    );
    expect(() => withAlias("---\naliases: [/x]\n---\n", "/a/7.html")).toThrow(/already/);
  });
});
