import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { cjkBreaks } from "./cjk-breaks.ts";
import { createMarkdown, renderArticle } from "./markdown.ts";

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
    expect(archive.render("![i](//cdn.example.com/x.png)")).toBe(
      '<p><img src="//cdn.example.com/x.png" alt="i"></p>\n',
    );
  });
  it("changes nothing with the prefix /", () => {
    expect(root.render("[a](/a/b/) ![i](/img/x.png)")).toBe(
      '<p><a href="/a/b/">a</a> <img src="/img/x.png" alt="i"></p>\n',
    );
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

describe("createMarkdown: the inline HTML allow-list", () => {
  it("keeps bare <sup>, <sub>, <del>, <ins>, <kbd>, <s> and <mark> pairs", () => {
    // From WPTT/theme-unit-test, "Markup: HTML Tags and Formatting" (GPL-2.0 test data), once imported.
    expect(
      root.render(
        "H<sub>2</sub>O, E = MC<sup>2</sup>, <del>strike out</del> <ins>inserted</ins> <kbd>keyboard text</kbd>",
      ),
    ).toBe(
      "<p>H<sub>2</sub>O, E = MC<sup>2</sup>, <del>strike out</del> <ins>inserted</ins> <kbd>keyboard text</kbd></p>\n",
    );
    expect(root.render("<s>text</s> <mark>高亮</mark>")).toBe("<p><s>text</s> <mark>高亮</mark></p>\n");
  });
  it("keeps <br> in its three spellings, written as markdown-it writes breaks, also inside a table cell", () => {
    expect(root.render("a<br>b<br/>c<br />d")).toBe("<p>a<br>b<br>c<br>d</p>\n");
    expect(root.render("| a<br>b |\n|---|\n| c |")).toContain("<th>a<br>b</th>");
  });
  it("escapes an allowed tag that carries any attribute", () => {
    expect(root.render("<sup onclick=alert(1)>2</sup>")).toBe("<p>&lt;sup onclick=alert(1)&gt;2&lt;/sup&gt;</p>\n");
    expect(root.render('<kbd style="color:red">k</kbd>')).toBe(
      "<p>&lt;kbd style=&quot;color:red&quot;&gt;k&lt;/kbd&gt;</p>\n",
    );
    expect(root.render("a<br onload=alert(1)>b")).toBe("<p>a&lt;br onload=alert(1)&gt;b</p>\n");
    expect(root.render("<SUP>2</SUP>")).toBe("<p>&lt;SUP&gt;2&lt;/SUP&gt;</p>\n");
  });
  it("escapes every other tag, inline or on a line of its own", () => {
    expect(root.render('<iframe src="https://www.youtube.com/embed/x"></iframe>')).toBe(
      "<p>&lt;iframe src=&quot;https://www.youtube.com/embed/x&quot;&gt;&lt;/iframe&gt;</p>\n",
    );
    expect(root.render("text <b>b</b> <!-- c -->")).toBe("<p>text &lt;b&gt;b&lt;/b&gt; &lt;!-- c --&gt;</p>\n");
    // A line of HTML is still a paragraph of text, so Markdown after it is read as before.
    expect(root.render("<div>\n**粗體**\n</div>")).toBe("<p>&lt;div&gt;\n<strong>粗體</strong>\n&lt;/div&gt;</p>\n");
  });
  it("escapes an opener without its closer, a stray closer and crossed pairs", () => {
    expect(root.render("E = MC<sup>2")).toBe("<p>E = MC&lt;sup&gt;2</p>\n");
    expect(root.render("2</sup> only")).toBe("<p>2&lt;/sup&gt; only</p>\n");
    expect(root.render("<sup><sub>a</sup></sub>")).toBe("<p>&lt;sup&gt;<sub>a&lt;/sup&gt;</sub></p>\n");
    expect(root.render("<sup>**a</sup>**")).toBe("<p>&lt;sup&gt;<strong>a&lt;/sup&gt;</strong></p>\n");
  });
  it("does not pair tags across paragraphs", () => {
    expect(root.render("<sup>a\n\nb</sup>")).toBe("<p>&lt;sup&gt;a</p>\n<p>b&lt;/sup&gt;</p>\n");
  });
  it("leaves tags in code as code", () => {
    expect(root.render("`<sup>`")).toBe("<p><code>&lt;sup&gt;</code></p>\n");
  });
});

describe("createMarkdown: captioned images", () => {
  it("makes a figure of a paragraph that holds only an image with a title", () => {
    expect(archive.render('![Bell on Wharf](/img/100_5478.jpg "Bell on wharf in San Francisco")')).toBe(
      '<figure><img src="/archive/img/100_5478.jpg" alt="Bell on Wharf"><figcaption>Bell on wharf in San Francisco</figcaption></figure>\n',
    );
  });
  it("escapes the caption", () => {
    expect(root.render('![a](/a.jpg "<script>x</script>")')).toBe(
      '<figure><img src="/a.jpg" alt="a"><figcaption>&lt;script&gt;x&lt;/script&gt;</figcaption></figure>\n',
    );
  });
  it("leaves an image without a title, or among text, in its paragraph", () => {
    expect(root.render("![a](/a.jpg)")).toBe('<p><img src="/a.jpg" alt="a"></p>\n');
    expect(root.render('文字 ![a](/a.jpg "t")')).toBe('<p>文字 <img src="/a.jpg" alt="a" title="t"></p>\n');
  });
});

describe("createMarkdown: emphasis next to CJK punctuation (markdown-it-cjk-friendly)", () => {
  // CommonMark's flanking rule leaves these asterisks as text; every Chinese author writes them.
  it.each([
    ["**结论：**周转很快", "<strong>结论：</strong>周转很快"],
    ["这是**“引号”**测试", "这是<strong>“引号”</strong>测试"],
    ["**重要。**下一句", "<strong>重要。</strong>下一句"],
    ["**結論：**周轉很快", "<strong>結論：</strong>周轉很快"],
    ["這是**「引號」**測試", "這是<strong>「引號」</strong>測試"],
    ["*（注）*說明", "<em>（注）</em>說明"],
  ])("renders %j as emphasis", (markdown, html) => {
    expect(root.renderInline(markdown)).toBe(html);
  });

  it("leaves emphasis between Latin words as CommonMark has it", () => {
    expect(root.renderInline("a**b**c and 2*3*4")).toBe("a<strong>b</strong>c and 2<em>3</em>4");
    expect(root.renderInline("** not bold **")).toBe("** not bold **");
  });

  it("works with the CJK line-break rule: bold ending in punctuation, then a line break", () => {
    expect(root.render("**結論：**周轉\n很快")).toBe("<p><strong>結論：</strong>周轉很快</p>\n");
    expect(root.render("**a**\nb")).toBe("<p><strong>a</strong>\nb</p>\n");
  });
});

describe("createMarkdown: images load lazily after the first", () => {
  it("leaves the first image of a body as it is and marks every later one, figures included", () => {
    const html = root.render('![一](/media/1.jpg)\n\n文字 ![二](/media/2.jpg)\n\n![三](/media/3.jpg "圖三")');
    expect(html).toContain('<img src="/media/1.jpg" alt="一">');
    expect(html).toContain('<img src="/media/2.jpg" alt="二" loading="lazy" decoding="async">');
    expect(html).toContain(
      '<figure><img src="/media/3.jpg" alt="三" loading="lazy" decoding="async"><figcaption>圖三</figcaption></figure>',
    );
  });

  it("starts again with each document it renders", () => {
    expect(root.render("![a](/a.png)")).toBe('<p><img src="/a.png" alt="a"></p>\n');
    expect(root.render("![b](/b.png)")).toBe('<p><img src="/b.png" alt="b"></p>\n');
  });
});

describe("createMarkdown: heading ids", () => {
  it("gives h2–h4 stable ids that keep Chinese, and no other attribute", () => {
    const body = "## 第一章：緒論\n\n### Market Size 市場規模\n\n#### 細節\n\n##### 更細\n";
    const html = root.render(body);
    expect(html).toBe(
      '<h2 id="第一章緒論">第一章：緒論</h2>\n<h3 id="market-size-市場規模">Market Size 市場規模</h3>\n' +
        '<h4 id="細節">細節</h4>\n<h5>更細</h5>\n',
    );
    expect(root.render(body)).toBe(html);
  });
  it("leaves the body's h1 without an id (the page's title level)", () => {
    expect(root.render("# 大標題\n")).toBe("<h1>大標題</h1>\n");
  });
  it("suffixes a repeat and a template's own id, and names an all-punctuation heading by its place", () => {
    const html = root.render("## 方法\n\n## Main\n\n## 方法\n\n## ？！\n");
    expect([...html.matchAll(/id="([^"]*)"/g)].map((m) => m[1])).toEqual(["方法", "main-2", "方法-2", "section-4"]);
  });
  it("makes the id from the text without markup, and keeps the markup in the heading", () => {
    expect(root.render("## **重點**客戶與 `KAM` H<sub>2</sub>O\n")).toBe(
      '<h2 id="重點客戶與-kam-h2o"><strong>重點</strong>客戶與 <code>KAM</code> H<sub>2</sub>O</h2>\n',
    );
  });
  it("adds no permalink text to the heading", () => {
    expect(root.render("## 背景\n")).toBe('<h2 id="背景">背景</h2>\n');
  });
  it("lets an author's own link to a heading resolve (markdown-it percent-encodes it)", () => {
    const html = root.render("## 第二節\n\n[見上文](#第二節)\n");
    const [, id] = /id="([^"]*)"/.exec(html)!;
    const [, href] = /href="#([^"]*)"/.exec(html)!;
    expect(decodeURIComponent(href!)).toBe(id);
  });
});

describe("renderArticle", () => {
  it("returns the HTML and the headings of one render, in order, with their ids and plain text", () => {
    const body = "前言。\n\n## 背景\n\n### 市場 *規模*\n\n## 背景\n\n#### 細節\n\n# 不算\n";
    const { html, headings } = renderArticle(root, body);
    expect(html).toBe(root.render(body));
    expect(headings).toEqual([
      { level: 2, id: "背景", text: "背景" },
      { level: 3, id: "市場-規模", text: "市場 規模" },
      { level: 2, id: "背景-2", text: "背景" },
      { level: 4, id: "細節", text: "細節" },
    ]);
  });
  it("joins a two-line (setext) heading's lines with a space", () => {
    expect(renderArticle(root, "Key\naccounts\n---\n").headings).toEqual([
      { level: 2, id: "key-accounts", text: "Key accounts" },
    ]);
  });
  it("starts afresh for each body: the same body gives the same ids", () => {
    const body = "## 概述\n\n## 概述\n";
    expect(renderArticle(root, body)).toEqual(renderArticle(root, body));
    expect(renderArticle(root, body).headings.map((h) => h.id)).toEqual(["概述", "概述-2"]);
  });
  it("finds no headings in a body without any", () => {
    expect(renderArticle(root, "只有一段。\n").headings).toEqual([]);
  });
});

describe("createMarkdown: width and height of images whose size the build read", () => {
  const imageSizes = { "/media/2019/a.jpg": { width: 640, height: 480 }, "/media/b.png": { width: 32, height: 24 } };

  it("writes width and height on the images it was given sizes for, before loading and decoding", () => {
    const html = root.render("![一](/media/2019/a.jpg)\n\n![二](/media/b.png)", { imageSizes });
    expect(html).toContain('<img src="/media/2019/a.jpg" alt="一" width="640" height="480">');
    expect(html).toContain('<img src="/media/b.png" alt="二" width="32" height="24" loading="lazy" decoding="async">');
  });

  it("looks the size up by the src as written, then adds the path prefix", () => {
    expect(archive.render("![一](/media/2019/a.jpg)", { imageSizes })).toBe(
      '<p><img src="/archive/media/2019/a.jpg" alt="一" width="640" height="480"></p>\n',
    );
  });

  it("keeps the size on a captioned figure", () => {
    expect(root.render('![一](/media/b.png "圖一")', { imageSizes })).toBe(
      '<figure><img src="/media/b.png" alt="一" width="32" height="24"><figcaption>圖一</figcaption></figure>\n',
    );
  });

  it("writes none for an image it has no size for, a remote one, or a render without sizes", () => {
    expect(root.render("![c](/media/c.jpg) ![r](https://img.example.org/a.jpg)", { imageSizes })).toBe(
      '<p><img src="/media/c.jpg" alt="c"> <img src="https://img.example.org/a.jpg" alt="r" loading="lazy" decoding="async"></p>\n',
    );
    expect(root.render("![一](/media/2019/a.jpg)")).toBe('<p><img src="/media/2019/a.jpg" alt="一"></p>\n');
  });

  it("never reads a size from the object's prototype", () => {
    expect(root.render("![x](constructor)", { imageSizes })).toBe('<p><img src="constructor" alt="x"></p>\n');
  });

  it("leaves a raw <img> tag as text, with no size", () => {
    expect(root.render('<img src="/media/b.png" width="1">', { imageSizes })).toBe(
      "<p>&lt;img src=&quot;/media/b.png&quot; width=&quot;1&quot;&gt;</p>\n",
    );
  });
});

describe("renderArticle with image sizes", () => {
  it("sizes the images and lists the headings from the one parse", () => {
    const sizes = { "/media/c.png": { width: 8, height: 6 } };
    const { html, headings } = renderArticle(root, "## 圖\n\n![c](/media/c.png)\n", sizes);
    expect(html).toContain('<img src="/media/c.png" alt="c" width="8" height="6">');
    expect(headings.map((h) => h.id)).toEqual(["圖"]);
  });
});

describe("createMarkdown: bodies shown away from their page (feeds)", () => {
  const feed = createMarkdown({ pathPrefix: "https://x.example/archive/", base: true });
  const page = "https://x.example/archive/notes/a/";

  it("makes root-relative targets absolute with the site's URL and relative ones against the page's", () => {
    const { html } = renderArticle(
      feed,
      "![圖](/media/%E5%9C%96.png) [c](chart.png) [up](../b/) [m](#方法) [e](https://e.example/x) [m](mailto:a@b.example) [p](//cdn.example/x)",
      { "/media/%E5%9C%96.png": { width: 4, height: 2 } },
      page,
    );
    expect(html).toContain('<img src="https://x.example/archive/media/%E5%9C%96.png" alt="圖" width="4" height="2">');
    expect(html).toContain('href="https://x.example/archive/notes/a/chart.png"');
    expect(html).toContain('href="https://x.example/archive/notes/b/"');
    expect(html).toContain('href="https://x.example/archive/notes/a/#%E6%96%B9%E6%B3%95"');
    expect(html).toContain('href="https://e.example/x"');
    expect(html).toContain('href="mailto:a@b.example"');
    expect(html).toContain('href="//cdn.example/x"');
  });

  it("leaves relative targets alone on the site's own pages", () => {
    expect(archive.render("[c](chart.png) [m](#x)")).toBe('<p><a href="chart.png">c</a> <a href="#x">m</a></p>\n');
  });
});
