import { describe, expect, it } from "vitest";
import { articleLanguage } from "./language.ts";

describe("articleLanguage", () => {
  it("marks an English article on a Chinese site as en", () => {
    expect(
      articleLanguage("Pricing value", "Most industrial companies say they practise value-based pricing.", "zh-Hant"),
    ).toBe("en");
  });
  it("keeps a Chinese article with a few English words in the site's language", () => {
    expect(
      articleLanguage(
        "B2B 與 B2C 的差別",
        "工業品營銷與消費品營銷在決策鏈、週期與渠道上都不同，KPI 也不一樣。",
        "zh-Hant",
      ),
    ).toBeNull();
  });
  it("marks a Chinese article on an English site as zh", () => {
    expect(articleLanguage("工業營銷", "工業品客戶的採購決策鏈很長。", "en")).toBe("zh");
  });
  it("keeps an English article on an English site unmarked", () => {
    expect(articleLanguage("Notes", "Plain English text.", "en")).toBeNull();
  });
});
