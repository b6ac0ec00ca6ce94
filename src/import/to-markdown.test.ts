import { describe, expect, it } from "vitest";
import { createMarkdown } from "../render/markdown.ts";
import { autop } from "./autop.ts";
import { expandShortcodes } from "./shortcodes.ts";
import { toMarkdown, type Rewrite } from "./to-markdown.ts";

// Snippets marked WPTT are from WPTT/theme-unit-test, themeunittestdata.wordpress.xml (GPL-2.0 test data).
// Chinese bodies are written here, in the markup of the CMS named beside them.

const keep: Rewrite = { link: (href) => href, image: (src) => src };
const md = createMarkdown({ pathPrefix: "/" });
const convert = (html: string, rewrite: Rewrite = keep) => {
  const notes: string[] = [];
  const markdown = toMarkdown(html, rewrite, notes);
  return { markdown, notes, html: md.render(markdown) };
};

describe("toMarkdown: lists", () => {
  it("keeps nested and mixed lists nested", () => {
    // WPTT "Edge Case: Nested And Mixed Lists", through autop as WordPress shows it.
    const post =
      "<ol>\n\t<li>ordered item</li>\n\t<li>ordered item\n<ul>\n\t<li><strong>unordered</strong></li>\n\t<li><strong>unordered</strong>\n<ol>\n\t<li>ordered item</li>\n\t<li>ordered item</li>\n</ol>\n</li>\n</ul>\n</li>\n\t<li>ordered item</li>\n</ol>";
    const { markdown, html } = convert(autop(post));
    expect(markdown).toBe(
      "1. ordered item\n2. ordered item\n   - **unordered**\n   - **unordered**\n     1. ordered item\n     2. ordered item\n3. ordered item\n",
    );
    expect(html).toMatch(
      /<li>ordered item\s*<ul>\s*<li><strong>unordered<\/strong><\/li>\s*<li><strong>unordered<\/strong>\s*<ol>/,
    );
  });
  it("keeps the start number of <ol start>, and nests under a two-digit number", () => {
    // WPTT "Markup: HTML Tags and Formatting", Ordered List (Nested).
    const post =
      '<ol start="8">\n <li>List item one -start at 8\n<ol>\n <li>List item one\n<ol reversed="reversed">\n <li>List item one -reversed attribute</li>\n\t<li>List item two</li>\n</ol>\n</li>\n\t<li>List item two</li>\n</ol>\n</li>\n\t<li>List item two</li>\n\t<li>List item three</li>\n\t<li>List item four</li>\n</ol>';
    const { markdown, notes, html } = convert(autop(post));
    expect(markdown).toContain(
      "8. List item one -start at 8\n   1. List item one\n      1. List item one -reversed attribute",
    );
    expect(markdown).toContain("11. List item four");
    expect(html.startsWith('<ol start="8">')).toBe(true);
    expect(html.match(/<ol/g)).toHaveLength(3);
    expect(notes).toEqual(["a list numbered downwards (reversed) now counts upwards"]);
  });
  it("nests a list under item 10 and beyond (four columns of marker)", () => {
    const items = Array.from(
      { length: 10 },
      (_, i) => `<li>第${i + 1}项${i === 9 ? "<ul><li>子项</li></ul>" : ""}</li>`,
    ).join("");
    const { html } = convert(`<ol>${items}</ol>`);
    expect(html).toContain("<li>第10项\n<ul>\n<li>子项</li>");
  });
  it("keeps start=0 from the block editor", () => {
    // WPTT "Block category: Common".
    const { html } = convert(
      '<ol start="0"><li>The software should be licensed under the GNU Public License.</li><li>The software should be freely available.</li></ol>',
    );
    expect(html.startsWith('<ol start="0">')).toBe(true);
  });
});

describe("toMarkdown: code blocks", () => {
  it("keeps every space, blank line and decoded entity of a <pre>", () => {
    // WPTT "Markup: HTML Tags and Formatting", The Road Not Taken.
    const pre =
      "<pre>\n<cite>Robert Frost</cite>\n\n\n  Two roads diverged in a yellow wood,\n  And sorry I could not travel both          (\\_/)\n  And be one traveler, long I stood         (='.'=)\n\n  Though as for that the passing there        ( &gt; º &lt; )\n  Had worn them really about the same,         `&gt;&gt;x&lt;&lt;´\n</pre>";
    const { markdown, html } = convert(
      autop(`This tag is for preserving whitespace as typed.\n<h2>The Road Not Taken</h2>\n${pre}`),
    );
    expect(markdown).toContain(
      "```\nRobert Frost\n\n\n  Two roads diverged in a yellow wood,\n  And sorry I could not travel both          (\\_/)\n  And be one traveler, long I stood         (='.'=)\n\n  Though as for that the passing there        ( > º < )\n  Had worn them really about the same,         `>>x<<´\n```",
    );
    expect(html).toContain("( &gt; º &lt; )");
  });
  it("turns <br> inside a <pre> into newlines, as the block editor's preformatted and verse blocks store them", () => {
    // WPTT "Block category: Formatting".
    const { markdown } = convert(
      '<pre class="wp-block-verse">The Verse block<br><br>A block for haiku? <br>  Why not? <br>    Blocks for all the things!</pre>',
    );
    expect(markdown).toBe(
      "```\nThe Verse block\n\nA block for haiku? \n  Why not? \n    Blocks for all the things!\n```\n",
    );
  });
  it("decodes the entities of <pre><code>", () => {
    // WPTT "Block category: Formatting", the code block.
    const { markdown } = convert(
      "<pre class=\"wp-block-code\"><code>The code block starts with\n&lt;!-- wp:code --&gt;\n&lt;?php echo 'Hello World'; ?&gt;\n</code></pre>",
    );
    expect(markdown).toBe("```\nThe code block starts with\n<!-- wp:code -->\n<?php echo 'Hello World'; ?>\n```\n");
  });
  it("takes the language from lang, language-/lang- classes and SyntaxHighlighter's brush", () => {
    expect(convert('<pre lang="cpp">int main() {\n    return 0;\n}</pre>').markdown).toBe(
      "```cpp\nint main() {\n    return 0;\n}\n```\n",
    );
    expect(convert('<pre><code class="language-php">&lt;?php echo 1;</code></pre>').markdown).toBe(
      "```php\n<?php echo 1;\n```\n",
    );
    expect(convert('<pre class="brush: php; gutter: false">$a = 1;</pre>').markdown).toBe("```php\n$a = 1;\n```\n");
    expect(convert('<pre class="prettyprint lang-js">let a;</pre>').markdown).toBe("```js\nlet a;\n```\n");
  });
  it("makes the fence longer than any run of backticks inside", () => {
    const { markdown, html } = convert("<pre>Markdown:\n```\ncode\n```</pre>");
    expect(markdown).toBe("````\nMarkdown:\n```\ncode\n```\n````\n");
    expect(html).toBe('<pre tabindex="0"><code>Markdown:\n```\ncode\n```\n</code></pre>\n');
  });
  it("keeps full-width indents and blank lines inside code, while dropping them from prose", () => {
    const { markdown } = convert("<p>\u3000\u3000正文第一段。</p><pre>\u3000缩进\n\n\n\n结束</pre>");
    expect(markdown).toBe("正文第一段。\n\n```\n\u3000缩进\n\n\n\n结束\n```\n");
  });
});

describe("toMarkdown: inline tags the renderer allows", () => {
  it("keeps sup, sub, del, ins and kbd, and strike as del", () => {
    // WPTT "Markup: HTML Tags and Formatting".
    const post =
      '<p>Getting our science styling on with H<sub>2</sub>O.</p><p>Albert Einstein\'s E = MC<sup>2</sup>.</p><p>This tag will let you <del cite="deleted it">strike out text</del>.</p><p>This tag should denote <ins cite="inserted it">inserted</ins> text.</p><p>This scarcely known tag emulates <kbd>keyboard text</kbd>.</p><p>This tag shows <strike>strike-through</strike> <s>text</s>, <mark>marked</mark>.</p>';
    const { markdown, html } = convert(post);
    expect(markdown).toContain("H<sub>2</sub>O");
    expect(markdown).toContain("<del>strike-through</del> <s>text</s>, <mark>marked</mark>");
    expect(html).toContain("<p>Albert Einstein's E = MC<sup>2</sup>.</p>");
    expect(html).toContain("<del>strike out text</del>");
    expect(html).toContain("<ins>inserted</ins>");
    expect(html).toContain("<kbd>keyboard text</kbd>");
  });
  it("puts a <del> around paragraphs into each paragraph, so no pair is split between two", () => {
    const { markdown, html } = convert("<del><p>Old one.</p><p>Old two.</p></del><p>New.</p>");
    expect(markdown).toBe("<del>Old one.</del>\n\n<del>Old two.</del>\n\nNew.\n");
    expect(html).toBe("<p><del>Old one.</del></p>\n<p><del>Old two.</del></p>\n<p>New.</p>\n");
  });
  it("marks each list item and the loose text of an <ins>, <s> or <mark> around blocks, and says when a code block cannot be", () => {
    const { html, notes } = convert(
      "<ins><ul><li>新增甲</li><li>新增<b>乙</b></li></ul><pre>code</pre>尾句</ins><s><h3>旧标题</h3></s><mark><div><p>重点</p></div></mark>",
    );
    expect(html).toBe(
      '<ul>\n<li><ins>新增甲</ins></li>\n<li><ins>新增<strong>乙</strong></ins></li>\n</ul>\n<pre tabindex="0"><code>code\n</code></pre>\n<p><ins>尾句</ins></p>\n<h3 id="旧标题"><s>旧标题</s></h3>\n<p><mark>重点</mark></p>\n',
    );
    expect(notes).toEqual(["a code block inside <ins> kept without it"]);
  });
  it("closes and reopens a mark at a blank line made of two <br>", () => {
    expect(convert("<p>前 <mark>甲<br><br>乙</mark></p>").html).toBe(
      "<p>前 <mark>甲</mark></p>\n<p><mark>乙</mark></p>\n",
    );
  });
  it("keeps text that only looks like a tag as text", () => {
    const { html } = convert("<p>写作 &lt;sup&gt;2&lt;/sup&gt; 即可</p>");
    expect(html).toBe("<p>写作 &lt;sup&gt;2&lt;/sup&gt; 即可</p>\n");
  });
});

describe("toMarkdown: tables", () => {
  it("keeps <br> inside a cell, in one table row", () => {
    const { markdown, html } = convert(
      "<table><tr><th>项目</th><th>说明</th></tr><tr><td>地址</td><td>北京市<br>海淀区</td></tr></table>",
    );
    expect(markdown).toBe("| 项目 | 说明 |\n| --- | --- |\n| 地址 | 北京市<br>海淀区 |\n");
    expect(html).toContain("<td>北京市<br>海淀区</td>");
  });
  it("flattens a cell's paragraphs and lists with line breaks, and escapes its pipes", () => {
    const { html } = convert(
      "<table><tr><td>a</td><td>b</td></tr><tr><td><p>第一段</p><p>第二段</p></td><td><ul><li>甲</li><li>乙 | 丙</li></ul></td></tr></table>",
    );
    expect(html).toContain("<td>第一段<br><br>第二段</td>");
    expect(html).toContain("<td>- 甲<br>- 乙 | 丙</td>");
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });
  it("turns a code block in a cell into lines of code, so the row holds", () => {
    const { html } = convert(
      "<table><tr><th>命令</th><th>说明</th></tr><tr><td><pre>ls -l\ncd /tmp</pre></td><td>列出</td></tr></table>",
    );
    expect(html).toContain("<td><code>ls -l</code><br><code>cd /tmp</code></td>");
    expect(html.match(/<td>/g)).toHaveLength(2);
  });
  it("makes the header as wide as the widest row", () => {
    // WPTT "Markup: HTML Tags and Formatting": a header row with an empty third cell.
    const { markdown } = convert("<table><tr><td>Employee</td></tr><tr><td>John Doe</td><td>$1</td></tr></table>");
    expect(markdown).toBe("| Employee |  |\n| --- | --- |\n| John Doe | $1 |\n");
  });
  it("unwraps DedeCMS's one-cell layout table around the body and drops the editor stamp", () => {
    // The body cell of DedeCMS 5.7's stock templets/default/article_article.htm, filled with text written here.
    const page =
      "<table width='100%'>\n<tr>\n<td>\n<p>\u3000\u3000本报讯 春季茶叶交易会昨日开幕。</p>\n<p>\u3000\u3000参展企业比去年增加三成。</p>\n\n(责任编辑：admin)</td>\n</tr>\n</table>";
    const { markdown, notes } = convert(page);
    expect(markdown).toBe("本报讯 春季茶叶交易会昨日开幕。\n\n参展企业比去年增加三成。\n");
    expect(notes).toEqual(["a one-cell layout table unwrapped", "an editor stamp (责任编辑：admin) removed"]);
  });
  it("unwraps nested layout tables but keeps a data table inside them", () => {
    const page =
      "<table><tr><td><table><tr><td><p>正文</p><table><tr><th>年份</th><th>产量</th></tr><tr><td>2008</td><td>120</td></tr></table></td></tr></table></td></tr></table>";
    const { markdown, notes } = convert(page);
    expect(markdown).toBe("正文\n\n| 年份 | 产量 |\n| --- | --- |\n| 2008 | 120 |\n");
    expect(notes).toEqual(["a one-cell layout table unwrapped", "a one-cell nested layout table unwrapped"]);
  });
  it("keeps a one-column table with a caption as a data table, its caption a paragraph above it", () => {
    const { markdown, notes } = convert(
      "<table><caption>Scores</caption><tr><td>Alice</td></tr><tr><td>Bob</td></tr></table>",
    );
    expect(markdown).toBe("Scores\n\n| Alice |\n| --- |\n| Bob |\n");
    expect(notes).toEqual([]);
    // An empty caption names nothing: the table is still a layout table.
    expect(convert("<table><caption> </caption><tr><td>正文</td></tr></table>").markdown).toBe("正文\n");
  });
  it("keeps a one-column table with a header cell as a table", () => {
    expect(convert("<table><tr><th>名单</th></tr><tr><td>张三</td></tr></table>").markdown).toBe(
      "| 名单 |\n| --- |\n| 张三 |\n",
    );
  });
});

describe("toMarkdown: editor stamps", () => {
  it("drops a stamp in full-width brackets or none, as the last short paragraph", () => {
    expect(convert("<p>正文。</p><p>（責任編輯：小王）</p>").markdown).toBe("正文。\n");
    const { markdown, notes } = convert("<p>正文。</p><p>责任编辑：李四</p>");
    expect(markdown).toBe("正文。\n");
    expect(notes).toEqual(["an editor stamp 责任编辑：李四 removed"]);
  });
  it("drops a stamp that ends the last paragraph", () => {
    expect(convert("<p>会议于下午结束。(责任编辑：admin)</p>").markdown).toBe("会议于下午结束。\n");
  });
  it("keeps a last paragraph that is a sentence, not a name, after 编辑：", () => {
    for (const last of [
      "编辑：本文由某某整理",
      "编辑：感谢各位读者",
      "（责任编辑：本报记者整理）",
      "编辑：王五，李四。",
      "编辑：Thanks for reading!",
    ]) {
      const { markdown, notes } = convert(`<p>正文。</p><p>${last}</p>`);
      expect(markdown, last).toBe(`正文。\n\n${last}\n`);
      expect(notes, last).toEqual([]);
    }
    expect(convert("<p>会议于下午结束。（责任编辑：来源网络）</p>").markdown).toBe(
      "会议于下午结束。（责任编辑：来源网络）\n",
    );
  });
  it("drops stamps that name one or several people", () => {
    expect(convert("<p>正文。</p><p>责任编辑：张三</p>").markdown).toBe("正文。\n");
    expect(convert("<p>正文。</p><p>编辑：张三、李四</p>").markdown).toBe("正文。\n");
    expect(convert("<p>正文。</p><p>【责编：阿依古丽·买买提】</p>").markdown).toBe("正文。\n");
    expect(convert("<p>正文。</p><p>(责任编辑：xiao_wang)</p>").notes).toEqual([
      "an editor stamp (责任编辑：xiao_wang) removed",
    ]);
  });
  it("keeps a stamp that is not at the end, and prose that mentions an editor", () => {
    expect(convert("<p>(责任编辑：admin)</p><p>正文。</p>").markdown).toBe("(责任编辑：admin)\n\n正文。\n");
    const prose = "<p>他曾任本报责任编辑：那是他最忙的十年，每天要看三十篇来稿。</p>";
    expect(convert(prose).notes).toEqual([]);
  });
});

describe("toMarkdown: media and embeds become links", () => {
  const media: Rewrite = {
    link: (href) => (href.includes("wpthemetestdata") ? `/media/${href.split("/").pop()}` : href),
    image: (src) => src,
  };
  it("turns the block editor's audio into a link through rewrite.link, named by its file", () => {
    // WPTT "Block category: Common", the audio block.
    const { markdown, notes } = convert(
      '<figure class="wp-block-audio"><audio controls src="https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3"></audio></figure>',
      media,
    );
    expect(markdown).toBe(
      "[Audio: originaldixielandjazzbandwithalbernard-stlouisblues.mp3](/media/originaldixielandjazzbandwithalbernard-stlouisblues.mp3)\n",
    );
    expect(notes).toEqual([
      "an <audio> block: kept as a link to /media/originaldixielandjazzbandwithalbernard-stlouisblues.mp3",
    ]);
  });
  it("names a video by its caption, and reads <source>", () => {
    // WPTT "Block category: Common", the video block with a caption.
    const { markdown } = convert(
      '<figure class="wp-block-video"><video controls loop src="https://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov"></video><figcaption>This is a video block caption.</figcaption></figure>',
      media,
    );
    expect(markdown).toBe("[This is a video block caption.](/media/2014-slider-mobile-behavior.mov)\n");
    expect(convert('<video controls><source src="/uploads/课堂实录.mp4" type="video/mp4"></video>').markdown).toBe(
      "[Video: 课堂实录.mp4](/uploads/课堂实录.mp4)\n",
    );
  });
  it("keeps the [audio] shortcode as a link, from shortcode to Markdown", () => {
    // WPTT "Post Format: Audio".
    const post =
      "Audio shortcode:\n\n[audio https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3]";
    const { markdown } = convert(autop(expandShortcodes(post).html), media);
    expect(markdown).toBe(
      "Audio shortcode:\n\n[Audio: originaldixielandjazzbandwithalbernard-stlouisblues.mp3](/media/originaldixielandjazzbandwithalbernard-stlouisblues.mp3)\n",
    );
  });
  it("keeps an iframe, embed or object with a web address as a link, and drops other addresses", () => {
    const { markdown, notes } = convert(
      '<p>视频：</p><iframe width="560" height="315" src="https://www.youtube.com/embed/SQEQr7c0-dw" title="YouTube video player"></iframe><embed src="//player.youku.com/player.php/sid/XMTY/v.swf"><iframe src="javascript:alert(1)"></iframe>',
    );
    expect(markdown).toBe(
      "视频：\n\n[YouTube video player (youtube.com)](https://www.youtube.com/embed/SQEQr7c0-dw)\n\n[https://player.youku.com/player.php/sid/XMTY/v.swf](https://player.youku.com/player.php/sid/XMTY/v.swf)\n",
    );
    expect(notes).toEqual([
      "an <iframe> embed of youtube.com removed, kept as a link",
      "an <embed> embed of player.youku.com removed, kept as a link",
      "an <iframe> embed without a web address removed",
    ]);
    expect(
      convert(
        '<object data="http://www.example.com/flash/a.swf"><embed src="http://www.example.com/flash/a.swf"></object>',
      ).notes,
    ).toEqual(["an <object> embed of example.com removed, kept as a link"]);
  });
});

describe("toMarkdown: figures", () => {
  it("turns a [caption] into an image with its caption, shown as a figure", () => {
    // WPTT "Post Format: Image (Caption)".
    const post =
      '[caption id="attachment_754" align="alignnone" width="604"]<a href="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg"><img class="wp-image-754 size-large" src="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg?w=604" alt="Bell on Wharf" width="604" height="453" /></a> Bell on wharf in San Francisco[/caption]';
    const { markdown, html } = convert(autop(expandShortcodes(post).html));
    expect(markdown).toBe(
      '![Bell on Wharf](https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg?w=604 "Bell on wharf in San Francisco")\n',
    );
    expect(html).toBe(
      '<figure><img src="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg?w=604" alt="Bell on Wharf"><figcaption>Bell on wharf in San Francisco</figcaption></figure>\n',
    );
  });
  it("does not make an image's title attribute a caption", () => {
    // WPTT "Markup: Image Alignment".
    const { markdown } = convert(
      '<p><img class="size-full wp-image-906 aligncenter" title="Image Alignment 580x300" alt="Image Alignment 580x300" src="/img/image-alignment-580x300.jpg" width="580" height="300" /></p>',
    );
    expect(markdown).toBe("![Image Alignment 580x300](/img/image-alignment-580x300.jpg)\n");
  });
  it("says when a caption's link is kept as words only", () => {
    // WPTT "Markup: Image Alignment": a caption with a link in it.
    const post =
      '[caption id="attachment_906" align="aligncenter" width="580"]<img class="size-full wp-image-906  " title="Image Alignment 580x300" alt="Image Alignment 580x300" src="https://wpthemetestdata.files.wordpress.com/2013/03/image-alignment-580x300.jpg" width="580" height="300" /> Look at 580x300 getting some <a title="Image Settings" href="https://en.support.wordpress.com/images/image-settings/">caption</a> love.[/caption]';
    const { markdown, notes } = convert(autop(expandShortcodes(post).html));
    expect(markdown).toBe(
      '![Image Alignment 580x300](https://wpthemetestdata.files.wordpress.com/2013/03/image-alignment-580x300.jpg "Look at 580x300 getting some caption love.")\n',
    );
    expect(notes).toEqual(["a link in an image caption kept as text"]);
  });
  it("keeps both images of a two-image figure, and its caption as a paragraph", () => {
    const { markdown, notes, html } = convert(
      "<figure><img src=a.jpg><img src=b.jpg><figcaption>Before and after</figcaption></figure>",
    );
    expect(markdown).toBe("![](a.jpg)![](b.jpg)\n\nBefore and after\n");
    // The second image loads lazily, as every body image after the first does (src/render/markdown.ts).
    expect(html).toBe(
      '<p><img src="a.jpg" alt=""><img src="b.jpg" alt="" loading="lazy" decoding="async"></p>\n<p>Before and after</p>\n',
    );
    expect(notes).toEqual([
      "a figure that is not one image with its caption: its content kept, its caption as a paragraph",
    ]);
  });
  it("keeps a paragraph beside the image of a figure", () => {
    const { markdown } = convert("<figure><img src=a.jpg><p>Important note.</p><figcaption>cap</figcaption></figure>");
    expect(markdown).toBe("![](a.jpg)\n\nImportant note.\n\ncap\n");
  });
  it("keeps a link to another page around a figure's image, and an image in its caption", () => {
    const { markdown, notes } = convert(
      '<figure><a href="/news/9.html"><img src="/a.jpg" alt="甲"></a><figcaption>图注 <img src="/logo.png" alt="标"></figcaption></figure>',
    );
    expect(markdown).toBe("[![甲](/a.jpg)](/news/9.html)\n\n图注 ![标](/logo.png)\n");
    expect(notes).toEqual([
      "a figure that is not one image with its caption: its content kept, its caption as a paragraph",
    ]);
    expect(
      convert('<figure><img src="/a.jpg"><figcaption><img src="/b.jpg"> 图注</figcaption></figure>').markdown,
    ).toBe("![](/a.jpg)\n\n![](/b.jpg) 图注\n");
  });
  it("makes a captioned image of one image linked to its own file, and says the link went", () => {
    const { markdown, notes } = convert(
      '<figure><a href="/up/a.jpg"><img src="/up/a-300x200.jpg" alt="甲"></a><figcaption>图注</figcaption></figure>',
    );
    expect(markdown).toBe('![甲](/up/a-300x200.jpg "图注")\n');
    expect(notes).toEqual(["the link of a captioned image to its own file dropped"]);
  });
  it("escapes quotes in a caption", () => {
    expect(convert('<figure><img src="/a.jpg" alt="a"><figcaption>他说"好"</figcaption></figure>').markdown).toBe(
      '![a](/a.jpg "他说\\"好\\"")\n',
    );
  });
});

describe("toMarkdown: the call it always had", () => {
  it("works without a notes list and rewrites links and images", () => {
    const rewrite: Rewrite = {
      link: (href) => (href === "/old/1.html" ? "/news/1/" : null),
      image: (src) => (src.endsWith(".gif") ? null : `/img${src}`),
    };
    expect(
      toMarkdown(
        '<p><a href="/old/1.html">一</a> <a href="/x">二</a> <img src="/a.jpg" alt="甲"><img src="/t.gif"></p>',
        rewrite,
      ),
    ).toBe("[一](/news/1/) 二 ![甲](/img/a.jpg)\n");
  });
  it("converts a large body of many tables, code blocks and stamps-to-be (sized so a quadratic walk would time out)", () => {
    const body =
      "<table><tr><td><p>段落</p><pre>a\n  b</pre></td></tr></table>".repeat(5_000) + "<p></p>".repeat(5_000);
    const { notes } = convert(body);
    expect(notes).toEqual(["a one-cell layout table unwrapped (5000 times)"]);
  });
  it("converts a data table of many rows and a list of many items (sized so a quadratic walk would time out)", () => {
    const { markdown } = convert(
      "<table>" +
        "<tr><td>甲</td><td>乙<br>丙</td></tr>".repeat(10_000) +
        "</table><ol>" +
        "<li>项</li>".repeat(10_000) +
        "</ol>",
    );
    expect(markdown).toContain("| 甲 | 乙<br>丙 |");
    expect(markdown).toContain("10000. 项");
  });
});

describe("toMarkdown: a body with its own <h1>", () => {
  it("moves every heading one level down, h6 staying h6, with a note", () => {
    const { markdown, notes } = convert(
      "<h1>Header one</h1><h2>Header two</h2><h5>Header five</h5><h6>Header six</h6><p>Text.</p>",
    );
    expect(markdown).toBe("## Header one\n\n### Header two\n\n###### Header five\n\n###### Header six\n\nText.\n");
    expect(notes).toEqual(["headings moved one level down (the body had an <h1>; the title is the page's only one)"]);
  });
  it("leaves a body without one as it is", () => {
    const { markdown, notes } = convert("<h2>Two</h2><p>Text.</p>");
    expect({ markdown, notes }).toEqual({ markdown: "## Two\n\nText.\n", notes: [] });
  });
});
