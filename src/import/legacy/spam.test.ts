import { describe, expect, it } from "vitest";
import { spamWords } from "./spam.ts";

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
