import { describe, expect, it } from "vitest";
import { createMarkdown } from "../render/markdown.ts";
import { plainText } from "./plain-text.ts";

const md = createMarkdown({ pathPrefix: "/" });

describe("plainText", () => {
  it("drops the asterisks of bold that ends in CJK punctuation, as the page shows it", () => {
    expect(plainText(md, "**結論：**周轉很快，這是**「引號」**測試。")).toBe("結論：周轉很快，這是「引號」測試。");
  });

  it("keeps the words and drops the markup", () => {
    expect(plainText(md, "## 重點客戶\n\n**工業營銷**的 [關鍵](/a/) 在於 `KAM`。")).toBe(
      "重點客戶 工業營銷的 關鍵 在於 KAM。",
    );
  });

  it("holds each heading's words once, with nothing of the table of contents or the heading ids", () => {
    // The page lists these headings again in its table of contents (templates/_includes/partials/toc.njk);
    // the search text comes from the body alone, so they are not indexed twice.
    const body = "## 背景\n\n甲。\n\n### 市場規模\n\n乙。\n\n## 背景\n\n丙。\n\n## 結論\n\n丁。";
    expect(plainText(md, body)).toBe("背景 甲。 市場規模 乙。 背景 丙。 結論 丁。");
  });

  it("joins lines inside Chinese text without a space, and English lines with one", () => {
    expect(plainText(md, "工業\n營銷\n\nkey\naccount")).toBe("工業營銷 key account");
  });

  it("includes code, table cells and image descriptions, which a reader sees too", () => {
    const text = plainText(
      md,
      "| 年份 | 客戶 |\n|---|---|\n| 2013 | 42 |\n\n![漏斗圖](/f.png)\n\n```\nnpm run build\n```",
    );
    expect(text).toBe("年份 客戶 2013 42 漏斗圖 npm run build");
  });

  it("keeps raw HTML as the text the page shows, never as markup", () => {
    expect(plainText(md, "a <script>alert(1)</script> b")).toBe("a <script>alert(1)</script> b");
  });

  it("gives one line with single spaces", () => {
    expect(plainText(md, "  a\n\n\n   b  \n\n- c\n- d\n")).toBe("a b c d");
  });

  it("drops zero-width spaces, which Pagefind uses as its own word breaks", () => {
    expect(plainText(md, "工業\u200b營銷")).toBe("工業營銷");
  });
});
