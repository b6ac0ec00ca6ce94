import { describe, expect, it } from "vitest";
import { excerpt } from "../content/excerpt.ts";
import { createMarkdown } from "./markdown.ts";

const md = createMarkdown({ pathPrefix: "/" });
const page = (text: string) =>
  md
    .render(text)
    .replace(/<\/?p>/g, "")
    .trim();

describe("a line break in CJK text: the page and the excerpt agree", () => {
  it("keeps a Korean (Hangul) line break as a space in both", () => {
    const text = "한국어 문장\n다음 줄";
    // The page keeps the soft break (a browser shows it as a space).
    expect(page(text)).toBe("한국어 문장\n다음 줄");
    expect(excerpt(text, 100)).toBe("한국어 문장 다음 줄");
  });
  it("drops a Chinese line break in both", () => {
    const text = "中文句子\n下一行";
    expect(page(text)).toBe("中文句子下一行");
    expect(excerpt(text, 100)).toBe("中文句子下一行");
  });
  it("joins Han characters beyond the BMP in the excerpt as on the page", () => {
    const text = "𠀀\n𠀁";
    expect(page(text)).toBe("𠀀𠀁");
    expect(excerpt(text, 100)).toBe("𠀀𠀁");
  });
});
