import { describe, expect, it } from "vitest";
import type { Heading } from "./markdown.ts";
import { tableOfContents } from "./toc.ts";

const h = (level: number, text: string, id = text): Heading => ({ level, id, text });

describe("tableOfContents", () => {
  const headings = [h(2, "背景"), h(3, "市場規模"), h(4, "細節"), h(3, "競爭"), h(2, "方法"), h(2, "結論")];

  it("lists h2s with their h3s nested, and leaves h4s out", () => {
    expect(tableOfContents(headings, 3)).toEqual([
      {
        text: "背景",
        href: "#%E8%83%8C%E6%99%AF",
        children: [
          { text: "市場規模", href: "#%E5%B8%82%E5%A0%B4%E8%A6%8F%E6%A8%A1", children: [] },
          { text: "競爭", href: "#%E7%AB%B6%E7%88%AD", children: [] },
        ],
      },
      { text: "方法", href: "#%E6%96%B9%E6%B3%95", children: [] },
      { text: "結論", href: "#%E7%B5%90%E8%AB%96", children: [] },
    ]);
  });
  it("counts the listed headings (h2 and h3) against the threshold", () => {
    expect(tableOfContents(headings, 5)).not.toBeNull();
    expect(tableOfContents(headings, 6)).toBeNull();
    expect(tableOfContents([h(2, "a"), h(4, "b"), h(4, "c")], 3)).toBeNull();
  });
  it("is off for a null threshold, and never empty", () => {
    expect(tableOfContents(headings, null)).toBeNull();
    expect(tableOfContents([], 1)).toBeNull();
    expect(tableOfContents([h(4, "only h4")], 1)).toBeNull();
  });
  it("puts an h3 before the first h2 at the top level", () => {
    const entries = tableOfContents([h(3, "前言"), h(2, "正文"), h(3, "小節")], 1)!;
    expect(entries.map((e) => [e.text, e.children.map((c) => c.text)])).toEqual([
      ["前言", []],
      ["正文", ["小節"]],
    ]);
  });
  it("links Latin ids as they are", () => {
    expect(tableOfContents([h(2, "Key Accounts", "key-accounts")], 1)![0]!.href).toBe("#key-accounts");
  });
});
