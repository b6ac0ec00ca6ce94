import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { cjkBreaks } from "./cjk-breaks.ts";
import { createMarkdown } from "./markdown.ts";

const root = createMarkdown({ pathPrefix: "/" });
const archive = createMarkdown({ pathPrefix: "/archive/" });

describe("createMarkdown: CJK line breaks", () => {
  it("joins a CJK line break without a space", () => {
    expect(root.render("中文\n句子")).toBe("<p>中文句子</p>\n");
  });
  it("keeps an English line break as a newline", () => {
    expect(root.render("Hello\nworld")).toBe("<p>Hello\nworld</p>\n");
  });
  it("keeps a break between CJK and Latin text", () => {
    expect(root.render("中文\nEnglish")).toBe("<p>中文\nEnglish</p>\n");
  });
  it("does not crash on a CJK line followed by a line starting with emphasis", () => {
    expect(root.render("中文\n**粗體**\n中文")).toBe("<p>中文<strong>粗體</strong>中文</p>\n");
  });
  it("joins a line that starts with emphasis and a CJK line after it", () => {
    expect(root.render("**粗體**\n中文")).toBe("<p><strong>粗體</strong>中文</p>\n");
  });
  it("drops the break after a CJK line ending in trailing spaces", () => {
    expect(root.render("中文 \n句子")).toBe("<p>中文句子</p>\n");
  });
  it("keeps the break after inline code that ends in a Latin letter", () => {
    expect(root.render("中文`code`\n句子")).toBe("<p>中文<code>code</code>\n句子</p>\n");
  });
  it("keeps Korean line breaks, since Korean uses spaces", () => {
    expect(root.render("한국어\n문장")).toBe("<p>한국어\n문장</p>\n");
  });
  it("keeps a hard break", () => {
    expect(root.render("中文\\\n句子")).toBe("<p>中文<br>\n句子</p>\n");
  });
});

describe("cjkBreaks", () => {
  it("works as a plugin on a plain markdown-it", () => {
    const md = new MarkdownIt().use(cjkBreaks);
    expect(md.render("日本語の\nテキスト")).toBe("<p>日本語のテキスト</p>\n");
  });
});

describe("createMarkdown: safety", () => {
  it("escapes a raw script tag", () => {
    const html = root.render("<script>alert(1)</script>");
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    expect(html).not.toContain("<script");
  });
  it("escapes a raw img tag with an event handler", () => {
    const html = root.render("<img src=x onerror=alert(1)>");
    expect(html).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n");
    expect(html).not.toContain("<img");
  });
  it("escapes inline raw HTML inside a paragraph", () => {
    expect(root.render("text <b onclick=x>b</b>")).toBe("<p>text &lt;b onclick=x&gt;b&lt;/b&gt;</p>\n");
  });
  it("does not turn a javascript: target into a link", () => {
    const html = root.render("[x](javascript:alert(1))");
    expect(html).not.toContain("<a");
    expect(html).not.toContain("href");
  });
  it("does not turn a javascript: image source into an image", () => {
    expect(root.render("![x](javascript:alert(1))")).not.toContain("<img");
  });
  it("leaves template syntax as literal text", () => {
    expect(root.render("{{ name }} and {% raw %}")).toBe("<p>{{ name }} and {% raw %}</p>\n");
  });
});

describe("createMarkdown: site links", () => {
  it("prefixes a root-relative link", () => {
    expect(archive.render("[a](/a/b/)")).toBe('<p><a href="/archive/a/b/">a</a></p>\n');
  });
  it("prefixes a root-relative image", () => {
    expect(archive.render("![i](/img/x.png)")).toBe('<p><img src="/archive/img/x.png" alt="i"></p>\n');
  });
  it("prefixes a link nested in emphasis", () => {
    expect(archive.render("**[a](/a/)**")).toBe('<p><strong><a href="/archive/a/">a</a></strong></p>\n');
  });
  it("prefixes a percent-encoded Chinese path", () => {
    expect(archive.render("[研究](/研究/)")).toBe('<p><a href="/archive/%E7%A0%94%E7%A9%B6/">研究</a></p>\n');
  });
  it("leaves external, protocol-relative, relative and fragment links untouched", () => {
    expect(archive.render("[e](https://example.com/p) [p](//host/x) [r](rel/x) [h](#frag)")).toBe(
      '<p><a href="https://example.com/p">e</a> <a href="//host/x">p</a> <a href="rel/x">r</a> <a href="#frag">h</a></p>\n',
    );
  });
  it("leaves a protocol-relative image untouched", () => {
    expect(archive.render("![i](//cdn.example.com/x.png)")).toBe('<p><img src="//cdn.example.com/x.png" alt="i"></p>\n');
  });
  it("changes nothing with the prefix /", () => {
    expect(root.render("[a](/a/b/) ![i](/img/x.png)")).toBe('<p><a href="/a/b/">a</a> <img src="/img/x.png" alt="i"></p>\n');
  });
  it("accepts a prefix without a trailing slash", () => {
    expect(createMarkdown({ pathPrefix: "/archive" }).render("[a](/a/)")).toBe('<p><a href="/archive/a/">a</a></p>\n');
  });
});

describe("createMarkdown: tables", () => {
  it("wraps a table in a focusable scroll container", () => {
    expect(root.render("| a | b |\n|---|---|\n| 1 | 2 |")).toBe(
      '<div class="table-scroll" tabindex="0">\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n' +
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</div>\n",
    );
  });
});

describe("createMarkdown: code blocks", () => {
  it("makes fenced and indented code focusable so wide code can be scrolled from the keyboard", () => {
    expect(root.render("```\nwide\n```")).toBe('<pre tabindex="0"><code>wide\n</code></pre>\n');
    expect(root.render("    indented")).toBe('<pre tabindex="0"><code>indented\n</code></pre>\n');
  });
});

describe("createMarkdown: table alignment", () => {
  it("aligns columns with classes instead of inline styles, which the CSP would block", () => {
    const html = root.render("| a | b |\n|:--|--:|\n| 1 | 2 |");
    expect(html).not.toContain("style=");
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-right">2</td>');
  });
});
