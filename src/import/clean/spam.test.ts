import { describe, expect, it } from "vitest";
import { hidesElement, spamThroughout, spamWords } from "./spam.ts";

describe("spamWords", () => {
  it("finds stock spam words in both scripts and English, in the order they appear", () => {
    expect(spamWords("澳門葡京 Viagra 工業營銷")).toEqual(["澳門葡京", "viagra"]);
    expect(spamWords("免费XXX视频 porn")).toEqual(["xxx", "porn"]);
  });

  it("matches Latin words as words: XXX inside an identifier or a longer word stays clean", () => {
    expect(spamWords("Parsing XXXMLHeaders: the parseXXXConfig() pattern")).toEqual([]);
    expect(spamWords("FOO_XXX_BAR and pornography law reform")).toEqual([]);
    expect(spamWords("a betting-free casinoless town")).toEqual([]);
  });

  it("leaves a news report about fighting gambling alone", () => {
    expect(spamWords("公安部部署开展打击网络赌博专项行动，查处赌场32个，抓获涉嫌赌博人员")).toEqual([]);
    expect(spamWords("市政务服务中心办证大厅延长服务时间")).toEqual([]);
    expect(spamWords("The casino industry in Macau reported lower revenue")).toEqual([]);
  });

  it("counts those words beside promotional words", () => {
    expect(spamWords("网上赌博开户送彩金，官网最新网址")).toEqual(["赌博"]);
    expect(spamWords("娱乐城 赌场 注册送88元")).toEqual(["赌场"]);
    expect(spamWords("Online casino: free spins on sign up")).toEqual(["casino"]);
  });

  it("does not let a promotional word far away in the text make a report spam", () => {
    const report = `警方打击网络赌博。${"案件的調查仍在進行中，".repeat(5)}本站官网发布通知。`;
    expect(spamWords(report)).toEqual([]);
  });

  it("counts those words in a promotional place the caller names (a link to another host, a hidden block)", () => {
    expect(spamWords("赌场", { promotional: true })).toEqual(["赌场"]);
    expect(spamWords("escort", { promotional: true })).toEqual(["escort"]);
    expect(spamWords("police escort")).toEqual([]);
  });
});

describe("spamWords on real prose that names spam's subjects (issue 11)", () => {
  it("leaves a programmer's XXX marker alone, and counts it beside stock adult words", () => {
    expect(spamWords("Why I grep for TODO, FIXME and XXX before every commit")).toEqual([]);
    expect(spamWords("XXX: this breaks on Windows")).toEqual([]);
    expect(spamWords("免费XXX视频 porn")).toEqual(["xxx", "porn"]);
  });

  it("leaves a police report that names the games alone", () => {
    const news =
      "警方查明，该团伙通过境外网站组织参赌人员通过手机下注，赌博形式包括百家乐、时时彩等，涉案金额逾千万元。警方同时公布举报网址，欢迎群众举报。";
    expect(spamWords(news)).toEqual([]);
    expect(spamWords("警方查處百家樂、時時彩、六合彩等網絡賭博，公布舉報網址")).toEqual([]);
    expect(spamWords("该公司信誉第一，从不涉足赌博")).toEqual([]);
  });

  it("counts those games beside a promotional word, a stock spam word, or in a promotional place", () => {
    expect(spamWords("百家乐开户送彩金")).toEqual(["百家乐"]);
    expect(spamWords("澳门葡京 百家乐 时时彩")).toEqual(["澳门葡京", "百家乐", "时时彩"]);
    expect(spamWords("六合彩", { promotional: true })).toEqual(["六合彩"]);
    expect(spamWords("赌场最新网址")).toEqual(["赌场"]);
  });

  it("does not let one game make another count: contextual words are no context for each other", () => {
    expect(spamWords("百家乐 时时彩 六合彩 赌博 赌场")).toEqual([]);
  });
});

describe("spam signs", () => {
  it("finds stock spam words in both scripts and English", () => {
    expect(spamWords("澳門葡京 Viagra 工業營銷")).toEqual(["澳門葡京", "viagra"]);
    expect(spamWords("工業營銷的關鍵客戶")).toEqual([]);
  });
  it("recognises styles that hide an element", () => {
    for (const style of [
      "display:none",
      "visibility: hidden",
      "font-size:0",
      "height:0;overflow:hidden",
      "position:absolute;left:-9999px",
      "text-indent:-1000px",
      "opacity:0",
      "height:1px;overflow:hidden",
    ]) {
      expect(hidesElement(style), style).toBe(true);
    }
    for (const style of [
      "display:block",
      "font-size:0.9em",
      "height:0.5em",
      "left:-5px",
      "opacity:0.8",
      "height:1px",
      undefined,
    ])
      expect(hidesElement(style), String(style)).toBe(false);
  });
});

describe("spamThroughout", () => {
  it("takes a text for spam with three different spam words, not with a news report's one or two", () => {
    expect(spamThroughout("澳门葡京 真人视讯 体育投注，注册送彩金")).toEqual(["澳门葡京", "真人视讯", "体育投注"]);
    expect(spamThroughout("警方查处赌场，打击网络赌博。")).toBeNull();
    expect(spamThroughout("澳门葡京 真人视讯")).toBeNull();
  });
});
