// The copyright / reprint notice on built article pages (tests/fixtures/reprint-notice: a zh-Hant site
// with a claim, a Creative Commons license and an own publisher name): the site's own articles get the
// claim and license, a reprint its 來源 linked to the original, `copyright: false` nothing, an own text
// replaces the claim; the link is the page's canonical address; JSON-LD carries the license; search
// and feeds hold the body only. The same content in English with the built-in claim, and with the
// notice turned off for the whole site.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { LABELS } from "../src/i18n/labels.ts";
import { brokenLinks, build, fixture, page, type BuildResult } from "./helpers/build.ts";
import { htmlErrors } from "./helpers/html-validate.ts";
import { fragments } from "./helpers/search-index.ts";

const CC = "https://creativecommons.org/licenses/by-nc-sa/4.0/";
const CLAIM = "本站原創文章，轉載請註明出處。";
const ARTICLES = ["original", "reprinted", "no-notice", "own-text", "unsourced", "hearsay"].map((s) => `/notes/${s}/`);

/** The fixture copied with its site.json changed by `change`. */
function variant(change: (config: Record<string, unknown>) => Record<string, unknown>): string {
  const content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-reprint-")), "content");
  cpSync(fixture("reprint-notice"), content, { recursive: true });
  const file = path.join(content, "_data/site.json");
  writeFileSync(file, JSON.stringify(change(JSON.parse(readFileSync(file, "utf8")))));
  return content;
}

let site: BuildResult;
let english: BuildResult;
let off: BuildResult;

beforeAll(async () => {
  [site, english, off] = await Promise.all([
    build(fixture("reprint-notice")),
    build(
      variant((c) => ({ ...c, locale: "en", copyright: { ownSources: ["測試研究社"] } })),
      { args: ["--no-search"] },
    ),
    build(
      variant((c) => ({ ...c, copyright: false })),
      { args: ["--no-search"] },
    ),
  ]);
  for (const b of [site, english, off]) expect(b.code, b.stderr).toBe(0);
}, 120_000);

const notice = ($: CheerioAPI) => $("article.article > footer.copyright-notice");
const jsonLd = ($: CheerioAPI) => JSON.parse($('script[type="application/ld+json"]').text())[0];

describe("the site's own article", () => {
  it("shows author, its link, the claim and the license after the body, before the tags and CTA", () => {
    const $ = page(site.output, "/notes/original/");
    const n = notice($);
    expect(n).toHaveLength(1);
    expect(n.prev().is(".article-body")).toBe(true);
    expect(
      n
        .find("p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual([
      "作者：林曉雯",
      "本文鏈接：https://reprint.example.org/notes/original/",
      CLAIM,
      "授權條款：CC BY-NC-SA 4.0",
    ]);
    expect(n.find('a[rel="license"]').attr("href")).toBe(CC);
  });
  it("links to the same address as the canonical link in the head", () => {
    for (const p of ["/notes/original/", "/notes/reprinted/", "/notes/own-text/"]) {
      const $ = page(site.output, p);
      expect(notice($).find(".notice-permalink a").attr("href"), p).toBe($('link[rel="canonical"]').attr("href"));
    }
  });
  it("carries the license in its JSON-LD", () => {
    expect(jsonLd(page(site.output, "/notes/original/")).license).toBe(CC);
    expect(jsonLd(page(site.output, "/notes/unsourced/")).license).toBe(CC);
  });
  it("counts 原創 as the site's own, with no author line when there is no author", () => {
    const n = notice(page(site.output, "/notes/unsourced/"));
    expect(n.find(".notice-author, .notice-source")).toHaveLength(0);
    expect(n.find(".notice-text").text()).toBe(CLAIM);
  });
});

describe("a reprint", () => {
  it("shows 來源 linked to source_url instead of the claim, and no license", () => {
    const $ = page(site.output, "/notes/reprinted/");
    const n = notice($);
    expect(n.find(".notice-source").text()).toBe("來源：《航運月刊》");
    expect(n.find(".notice-source a").attr("href")).toBe(
      "https://shipping.example.com/2022/05/%E6%B8%AF%E5%8F%A3.html",
    );
    expect(n.text()).not.toContain(CLAIM);
    expect(n.find(".notice-license, .notice-text")).toHaveLength(0);
    expect($(".article-meta a").attr("href")).toBe(n.find(".notice-source a").attr("href"));
  });
  it("has no license in its JSON-LD, and isBasedOn the original", () => {
    const ld = jsonLd(page(site.output, "/notes/reprinted/"));
    expect(ld).not.toHaveProperty("license");
    expect(ld.isBasedOn).toBe("https://shipping.example.com/2022/05/%E6%B8%AF%E5%8F%A3.html");
  });
  it("names a source without source_url as text", () => {
    const n = notice(page(site.output, "/notes/hearsay/"));
    expect(n.find(".notice-source").text()).toBe("來源：網絡");
    expect(n.find(".notice-source a")).toHaveLength(0);
  });
});

describe("an article's own copyright", () => {
  it("false hides the notice, and the license in JSON-LD", () => {
    const $ = page(site.output, "/notes/no-notice/");
    expect($(".copyright-notice")).toHaveLength(0);
    expect(jsonLd($)).not.toHaveProperty("license");
  });
  it("a text replaces the site's claim and license", () => {
    const n = notice(page(site.output, "/notes/own-text/"));
    expect(n.find(".notice-text").text()).toBe("本文由作者授權本站刊登，轉載請先聯絡作者。");
    expect(n.text()).not.toContain(CLAIM);
    expect(n.find(".notice-license")).toHaveLength(0);
  });
});

describe("what the notice stays out of", () => {
  it("is not in the search index, which holds the body", () => {
    const records = fragments(path.join(site.output, "pagefind"));
    expect(records).toHaveLength(ARTICLES.length);
    const original = records.find((r) => r.meta.title === "倉庫盤點的一個下午")!;
    expect(original.meta.original ?? original.content).toContain("三號貨架");
    for (const r of records) {
      const text = `${r.content} ${r.meta.original ?? ""}`;
      for (const word of ["本站原創", "本站原创", "本文鏈接", "本文链接", "授權條款", "CC BY-NC-SA"])
        expect(text, r.url).not.toContain(word);
    }
  });
  it("is not in the feeds", () => {
    for (const file of ["feed.xml", "feed.json", "notes/feed.xml"]) {
      const text = readFileSync(path.join(site.output, file), "utf8");
      expect(text, file).toContain("倉庫盤點的一個下午");
      for (const word of [CLAIM, "本文鏈接", "授權條款"]) expect(text, file).not.toContain(word);
    }
  });
  it("leaves the footer's own copyright line as it was", () => {
    expect(page(site.output, "/notes/original/")("body > footer").text()).toContain("© 2026 測試研究社");
  });
});

describe("the built pages", () => {
  it("are valid HTML under the project's html-validate rules", async () => {
    expect(await htmlErrors(site.output, ARTICLES)).toEqual([]);
  });
  it("have no broken internal link", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });
});

describe("in English, copyright given without text or license", () => {
  it("shows the locale's labels and built-in claim, and no license", () => {
    const $ = page(english.output, "/notes/original/");
    expect(
      notice($)
        .find("p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(["By 林曉雯", "Permalink: https://reprint.example.org/notes/original/", LABELS.en.copyrightNotice]);
    expect(jsonLd(page(english.output, "/notes/original/"))).not.toHaveProperty("license");
    expect(notice(page(english.output, "/notes/reprinted/")).find(".notice-source").text()).toBe(
      "Source: 《航運月刊》",
    );
  });
});

describe("with copyright: false for the site", () => {
  it("shows no notice on the site's own articles or reprints, but an article's own text still", () => {
    for (const p of ["/notes/original/", "/notes/reprinted/", "/notes/unsourced/", "/notes/hearsay/"])
      expect(page(off.output, p)(".copyright-notice"), p).toHaveLength(0);
    expect(notice(page(off.output, "/notes/own-text/")).find(".notice-text").text()).toBe(
      "本文由作者授權本站刊登，轉載請先聯絡作者。",
    );
  });
  it("keeps a reprint's source linked in the meta line and its JSON-LD isBasedOn, with no license anywhere", () => {
    const $ = page(off.output, "/notes/reprinted/");
    expect($(".article-meta a").attr("href")).toBe("https://shipping.example.com/2022/05/%E6%B8%AF%E5%8F%A3.html");
    expect(jsonLd($).isBasedOn).toBe("https://shipping.example.com/2022/05/%E6%B8%AF%E5%8F%A3.html");
    expect(jsonLd(page(off.output, "/notes/original/"))).not.toHaveProperty("license");
  });
});
