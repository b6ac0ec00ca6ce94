import { describe, expect, it } from "vitest";
import { extractPage, findDate, findNumber, findText, hidingSelectors, resolve } from "./extract.ts";
import { GENERIC, LABELS } from "./profile.ts";
import { hidesElement, spamWords } from "./spam.ts";

const article = (head: string, body: string) =>
  `<html><head><title>${head}</title></head><body><div class="position">當前位置：<a href="/">首頁</a> &gt; <a href="/news/">新聞</a> &gt;</div>${body}</body></html>`;

describe("findDate", () => {
  it("reads the labelled date and time, padding single digits", () => {
    expect(findDate("來源：本社 發布時間：2013-12-7 9:05:07 點擊：3", LABELS)).toBe("2013-12-07 09:05:07");
  });
  it("reads Chinese date forms and dates without seconds or time", () => {
    expect(findDate("日期：2013年12月27日 10:30", LABELS)).toBe("2013-12-27 10:30:00");
    expect(findDate("发布时间: 2014/01/05", LABELS)).toBe("2014-01-05");
  });
  it("prefers the labelled date over an earlier unlabelled one", () => {
    expect(findDate("2001-01-01 … 发布时间：2013-12-27", LABELS)).toBe("2013-12-27");
  });
  it("gives null when there is no date", () => {
    expect(findDate("作者：王明", LABELS)).toBeNull();
  });
});

describe("findNumber", () => {
  it("reads the longest label first and allows thousands separators", () => {
    expect(findNumber("點擊次數：8,290 次", LABELS.views)).toBe(8290);
    expect(findNumber("阅读 56", LABELS.views)).toBe(56);
    expect(findNumber("无", LABELS.views)).toBeNull();
  });
});

describe("findText", () => {
  it("ends a Chinese value at a space and the next label", () => {
    expect(findText("作者：周文博 來源：衡石研究 點擊：3", LABELS.author, LABELS)).toBe("周文博");
    expect(findText("來源：衡石研究|點擊：3", LABELS.source, LABELS)).toBe("衡石研究");
  });
  it("keeps a Latin name with its spaces", () => {
    expect(findText("Author: John Smith  Date: 2013-01-01", LABELS.author, LABELS)).toBe("John Smith");
  });
  it("gives an empty string when the label is absent", () => {
    expect(findText("發布時間：2013-12-27", LABELS.author, LABELS)).toBe("");
  });
});

describe("hidingSelectors", () => {
  it("finds the simple class and id selectors a stylesheet hides", () => {
    expect(hidingSelectors(".a{display:none}#b,.c{position:absolute;left:-9999px}.d{color:red}div .e{display:none}")).toEqual([".a", "#b", ".c"]);
  });
});

describe("resolve", () => {
  it("turns relative links into site paths and leaves other sites and scripts out", () => {
    expect(resolve("/a/2013/1227/1.html", "../1228/2.html")).toBe("/a/2013/1228/2.html");
    expect(resolve("/a/1.html", "/%E6%96%87/x.html")).toBe("/文/x.html");
    expect(resolve("/a/1.html", "https://other.example/")).toBeNull();
    expect(resolve("/a/1.html", "javascript:void(0)")).toBeNull();
  });
});

describe("spam signs", () => {
  it("finds stock spam words in both scripts and English", () => {
    expect(spamWords("澳門葡京 Viagra 工業營銷")).toEqual(["澳門葡京", "viagra"]);
    expect(spamWords("工業營銷的關鍵客戶")).toEqual([]);
  });
  it("recognises styles that hide an element", () => {
    for (const style of ["display:none", "visibility: hidden", "font-size:0", "height:0;overflow:hidden", "position:absolute;left:-9999px", "text-indent:-1000px", "opacity:0", "height:1px;overflow:hidden"]) {
      expect(hidesElement(style), style).toBe(true);
    }
    for (const style of ["display:block", "font-size:0.9em", "height:0.5em", "left:-5px", "opacity:0.8", "height:1px", undefined]) expect(hidesElement(style), String(style)).toBe(false);
  });
});

describe("extractPage", () => {
  const page = (body: string) => article("t", `<h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content">${body}</div>`);

  it("removes blocks the page's own stylesheet hides, as link injectors do", () => {
    const html = `<html><head><title>t</title><style>/* x */ .a1b2, #z9 { display: none } .shown { color: red }</style></head><body><h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>正文的第一段，講工業品的客戶管理與分級。</p><div class="a1b2"><a href="http://x.example/">百家乐</a></div><p class="shown">留下的段落。</p></div></body></html>`;
    const r = extractPage(html, "/t.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).not.toContain("百家乐");
      expect(r.bodyHtml).toContain("留下的段落");
      expect(r.signs).toEqual(["hidden block with 1 link(s) (百家乐)"]);
    }
  });

  it("removes the old previous/next lines but keeps prose that mentions 下篇", () => {
    const r = extractPage(page('<p>本文分上下篇，下篇見<a href="/b.html">這裡</a>，內容較長。</p><p>上一篇：<a href="/a.html">舊文</a></p>'), "/t.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).toContain("本文分上下篇");
      expect(r.bodyHtml).not.toContain("舊文");
    }
  });

  it("removes spam hidden by the hidden attribute, transparency or in image descriptions, and reports it", () => {
    const r = extractPage(page('<p>正文的第一段，講工業品的客戶管理與分級。</p><div hidden><a href="http://x.example/">百家乐</a></div><p style="opacity:0">澳门葡京</p><img src="/a.png" alt="百家乐 bet365">'), "/t.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).not.toMatch(/百家乐|澳门葡京|bet365/);
      expect(r.signs).toEqual(["hidden block with 1 link(s) (百家乐)", "hidden block with 0 link(s) (澳门葡京)", "spam in an image description (百家乐, bet365)"]);
    }
  });

  it("does not call a site-name suffix on the <title> spam", () => {
    const r = extractPage(article("重點客戶_新聞_衡石研究社", '<h1>重點客戶</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>這是一篇足夠長的文章正文，用來測試標題後綴的情形。</p></div>'), "/news/1.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") expect(r.signs).toEqual([]);
  });

  it("skips a page without a heading, naming what is missing", () => {
    const r = extractPage(article("x", '<div class="content"><p>只有正文，沒有標題，也沒有日期的一個頁面。</p></div>'), "/x.html", GENERIC);
    expect(r).toMatchObject({ kind: "skipped", url: "/x.html", reason: "no article heading (h1 or the profile's title selectors)" });
  });

  it("finds the body by text density when no selector matches", () => {
    const html = article("t", '<h1>標題</h1><p class="meta">日期：2013-01-02</p><div class="main"><div class="nav"><a href="/">首頁</a></div><div class="prose"><p>第一段正文，說明研究的背景與方法。</p><p>第二段正文，列出主要的發現與建議。</p></div></div>');
    const r = extractPage(html, "/t.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).toContain("第一段正文");
      expect(r.bodyHtml).not.toContain("首頁");
      expect(r.trail).toEqual([{ name: "新聞", href: "/news/" }]);
    }
  });
});

describe("hidingSelectors, on stylesheets an attacker writes", () => {
  it("reads rules inside @media and after comments, and ignores an unclosed comment or rule", () => {
    expect(hidingSelectors("/* x { } */@media screen { .a{display:none} } .b{height:0;overflow:hidden} .f{color:red}")).toEqual([".a", ".b"]);
    expect(hidingSelectors(".c{display:none} /* never closed .d{display:none}")).toEqual([".c"]);
    expect(hidingSelectors(`${"a".repeat(100_000)} .e{display:none`)).toEqual([]);
  });
});
