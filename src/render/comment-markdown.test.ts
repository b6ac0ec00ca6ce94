import { describe, expect, it } from "vitest";
import { renderComment } from "./comment-markdown.ts";
import { createMarkdown } from "./markdown.ts";

const md = createMarkdown({ pathPrefix: "/archive/" });

describe("renderComment", () => {
  it("moves every heading level under the comment section's h2, down to h6", () => {
    const html = renderComment(
      md,
      "# one\n\n## two\n\n### three\n\n#### four\n\n##### five\n\n###### six\n\nSetext\n======\n",
    );
    expect([...html.matchAll(/<(h\d)>([^<]*)<\/\1>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "h3 one",
      "h4 two",
      "h5 three",
      "h6 four",
      "h6 five",
      "h6 six",
      "h3 Setext",
    ]);
    expect(html).not.toMatch(/<h[12][ >]/);
  });
  it("moves headings inside quotes and lists too", () => {
    expect(renderComment(md, "> # quoted\n\n- # listed\n")).not.toMatch(/<h1/);
  });
  it("renders everything else exactly as the body's renderer does", () => {
    const text =
      "寫得**很好**，\n接著一行。\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n[link](/research/x/) `code`\n\n```\npre\n```\n";
    expect(renderComment(md, text)).toBe(md.render(text));
  });
  it("gives root-relative links the path prefix, like the body", () => {
    expect(renderComment(md, "[x](/research/x/)")).toContain('href="/archive/research/x/"');
  });
  it("lets no script, event handler or javascript: link through", () => {
    const html = renderComment(
      md,
      '<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n[a](javascript:alert(1))\n',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });
});

describe("renderComment: headings carry no id", () => {
  it("leaves a comment's headings without ids, so none can meet the body's", () => {
    const html = renderComment(md, "## 方法\n\n### 細節\n\n#### 更細\n");
    expect(html).toBe("<h4>方法</h4>\n<h5>細節</h5>\n<h6>更細</h6>\n");
    expect(md.render("## 方法\n")).toContain('id="方法"');
  });
});
