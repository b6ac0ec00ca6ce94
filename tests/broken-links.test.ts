// The link checker the fixture builds rely on (tests/helpers/build.ts): a link is broken when its page
// is missing, and also when its #fragment names no element there — on the same page or another one.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { brokenLinks } from "./helpers/build.ts";

/** A tiny output folder: site path → the HTML of its body. */
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wenku-links-"));
  for (const [sitePath, body] of Object.entries(pages)) {
    const file = path.join(dir, sitePath.replace(/^\//, ""), sitePath.endsWith("/") ? "index.html" : "");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `<!DOCTYPE html><html><body>${body}</body></html>`);
  }
  return dir;
}

describe("brokenLinks", () => {
  it("passes links to pages and fragments that exist, Chinese ids percent-encoded or not", () => {
    const output = site({
      "/": '<a href="#top">頂</a><p id="top"></p><a href="/a/#%E6%96%B9%E6%B3%95">方法</a><a href="/a/#方法">方法</a><a href="#">top</a>',
      "/a/": '<h2 id="方法">方法</h2><a href="/">home</a><a href="/?q=x#top">top</a>',
    });
    expect(brokenLinks(output)).toEqual([]);
  });
  it("reports a same-page fragment that names no element", () => {
    const output = site({ "/": '<h2 id="背景">背景</h2><a href="#%E8%83%8C%E6%99%AF">ok</a><a href="#結論">bad</a>' });
    expect(brokenLinks(output)).toEqual(["index.html: #結論 (no #結論)"]);
  });
  it("reports another page's fragment that names no element there, and a missing page", () => {
    const output = site({
      "/": '<a href="/a/#%E6%96%B9%E6%B3%95-2">bad</a><a href="/b/">missing</a><a href="/a/#方法">ok</a>',
      "/a/": '<h2 id="方法">方法</h2>',
    });
    expect(brokenLinks(output)).toEqual(["index.html: /a/#%E6%96%B9%E6%B3%95-2 (no #方法-2)", "index.html: /b/"]);
  });
  it("reports a fragment that is not percent-encoded text", () => {
    const output = site({ "/": '<a href="#%E6%96">bad</a>' });
    expect(brokenLinks(output)).toEqual(["index.html: #%E6%96 (#%E6%96 is not percent-encoded text)"]);
  });
  it("checks fragments under a path prefix", () => {
    const output = site({
      "/": '<a href="/archive/a/#x">bad</a><a href="/archive/a/#y">ok</a>',
      "/a/": '<p id="y"></p>',
    });
    expect(brokenLinks(output, "/archive/")).toEqual(["index.html: /archive/a/#x (no #x)"]);
  });
});
