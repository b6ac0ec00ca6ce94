import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toMarkdown } from "./to-markdown.ts";
import { dateWithOffset, importWordPress, ownAddress, plainText, serverBlocks, untitled } from "./wordpress.ts";

describe("dateWithOffset", () => {
  it("gives the local time with the offset WordPress implies by its GMT time", () => {
    expect(dateWithOffset("2013-12-27 10:30:07", "2013-12-27 02:30:07")).toBe("2013-12-27T10:30:07+08:00");
    expect(dateWithOffset("2013-06-01 08:00:00", "2013-06-01 12:00:00")).toBe("2013-06-01T08:00:00-04:00");
    expect(dateWithOffset("2013-06-01 08:00:00", "2013-06-01 02:30:00")).toBe("2013-06-01T08:00:00+05:30");
  });
  it("keeps the local time (read in the site's zone) when there is no GMT time", () => {
    expect(dateWithOffset("2014-02-01 10:00:00", "0000-00-00 00:00:00")).toBe("2014-02-01 10:00:00");
    expect(dateWithOffset("2014-02-01 10:00:00", "")).toBe("2014-02-01 10:00:00");
  });
});

describe("plainText (titles, tag names, excerpts)", () => {
  it("decodes character references as WordPress's pages showed them", () => {
    expect(plainText("&#8220;Quoted&#8221; &amp; Bill O&#039;Reilly")).toBe("“Quoted” & Bill O'Reilly");
    expect(plainText("Caf&eacute; &#x4E2D;&#25991;")).toBe("Café 中文");
  });
  it("keeps the text of tags and drops the tags", () => {
    expect(plainText("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>")).toBe("Markup: Title With Markup");
  });
  it("collapses whitespace and keeps a lone < or > that is text", () => {
    expect(plainText("  a \n\t b  ")).toBe("a b");
    expect(plainText("1 < 2 > 0")).toBe("1 < 2 > 0");
  });
});

describe("untitled (a title for a post without one)", () => {
  it("takes the whole text when it is short", () => {
    expect(untitled("<p>Short note.</p>")).toBe("Short note.");
  });
  it("cuts a long text between words, about 50 characters in, and marks the cut", () => {
    expect(untitled("This post has no title, but it still must link to the single post view somehow.")).toBe(
      "This post has no title, but it still must link to…",
    );
  });
  it("cuts Chinese text, which has no spaces, between words too", () => {
    const title = untitled(
      "本社於二〇一四年二月一日遷至新址，新址位於市中心商業大樓十二樓，交通便利，歡迎各界朋友蒞臨指導，共商合作大計。",
    )!;
    expect([...title].length).toBeLessThanOrEqual(51);
    expect(title.endsWith("…")).toBe(true);
    expect(title.startsWith("本社於")).toBe(true);
  });
  it("gives null for a post with no text at all", () => {
    expect(untitled("")).toBeNull();
    expect(untitled("<p> </p><img src=x>")).toBeNull();
  });
});

describe("ownAddress (the blog's own address)", () => {
  it("takes wp:base_blog_url when wp:base_site_url is WordPress.com's own, and says so", () => {
    const { url, why } = ownAddress(
      {
        "wp:base_site_url": "https://wordpress.com/",
        "wp:base_blog_url": "https://wpthemetestdata.wordpress.com",
        link: "https://wpthemetestdata.wordpress.com",
      },
      [],
    );
    expect(url.origin).toBe("https://wpthemetestdata.wordpress.com");
    expect(why).toContain("WordPress.com");
  });
  it("falls back on the channel's <link>, then on the host of the permalinks", () => {
    expect(
      ownAddress({ "wp:base_site_url": "https://wordpress.com/", link: "https://myblog.example" }, []).url.origin,
    ).toBe("https://myblog.example");
    const fromLinks = ownAddress({ "wp:base_site_url": "https://wordpress.com/" }, [
      "https://a.example/1/",
      "https://b.example/2/",
      "https://b.example/3/",
    ]);
    expect(fromLinks.url.origin).toBe("https://b.example");
    expect(fromLinks.why).toContain("permalinks");
  });
  it("takes a self-hosted blog's address without comment", () => {
    expect(
      ownAddress(
        { "wp:base_site_url": "https://blog.example.org", "wp:base_blog_url": "https://blog.example.org" },
        [],
      ),
    ).toEqual({ url: new URL("https://blog.example.org"), why: "" });
  });
});

// A small export, written here, for what the Theme Unit Test data has no case of.
const item = (
  id: number,
  fields: string,
  date = `2020-01-0${id} 09:00:00`,
) => `<item><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
  <wp:post_date>${date}</wp:post_date><wp:post_date_gmt>2020-01-0${id} 01:00:00</wp:post_date_gmt>${fields}</item>`;
const EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><link>https://blog.example.org</link><wp:base_site_url>https://blog.example.org</wp:base_site_url><wp:base_blog_url>https://blog.example.org</wp:base_blog_url>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>uncategorized</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Uncategorized]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>7</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>notes</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Notes]]></wp:cat_name></wp:category>
${item(
  1,
  `<title>First &amp;#8220;post&amp;#8221;</title><link>https://blog.example.org/2020/01/01/first/</link><wp:post_name>first</wp:post_name><wp:is_sticky>1</wp:is_sticky>
  <content:encoded><![CDATA[<a href="http://www.blog.example.org/2020/01/02/second/">www and http</a> <a href="https://old-domain.example/2020/01/02/second/">old domain</a>
<img src="https://www.blog.example.org/wp-content/uploads/2020/01/gone.png" alt="gone"> <img src="https://www.blog.example.org/logo.png" alt="not an upload">]]></content:encoded>
  <category domain="category" nicename="news"><![CDATA[News]]></category><category domain="category" nicename="notes"><![CDATA[Notes]]></category>
  <category domain="post_tag" nicename="kam"><![CDATA[KAM]]></category><category domain="post_tag" nicename="news-2"><![CDATA[news]]></category>
  <wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author><![CDATA[Ann]]></wp:comment_author><wp:comment_author_url>https://ann.example/</wp:comment_author_url>
    <wp:comment_date>2020-01-01 10:00:00</wp:comment_date><wp:comment_date_gmt>2020-01-01 02:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[First line.

Second paragraph.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
  <wp:comment><wp:comment_id>6</wp:comment_id><wp:comment_author></wp:comment_author><wp:comment_author_url>javascript:alert(1)</wp:comment_author_url>
    <wp:comment_date>2020-01-01 11:00:00</wp:comment_date><wp:comment_date_gmt>2020-01-01 03:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[A reply.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>5</wp:comment_parent></wp:comment>
  <wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>spammer</wp:comment_author><wp:comment_date>2020-01-01 12:00:00</wp:comment_date><wp:comment_content>buy</wp:comment_content><wp:comment_approved>spam</wp:comment_approved></wp:comment>
  <wp:comment><wp:comment_id>8</wp:comment_id><wp:comment_author>held</wp:comment_author><wp:comment_date>2020-01-01 12:00:00</wp:comment_date><wp:comment_content>wait</wp:comment_content><wp:comment_approved>0</wp:comment_approved></wp:comment>
  <wp:comment><wp:comment_id>9</wp:comment_id><wp:comment_author>Other blog</wp:comment_author><wp:comment_date>2020-01-01 12:00:00</wp:comment_date><wp:comment_content>linked you</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type></wp:comment>`,
)}
${item(2, `<title></title><link>https://blog.example.org/2020/01/02/second/</link><wp:post_name>second</wp:post_name><content:encoded><![CDATA[]]></content:encoded>`)}
${item(3, `<title>Broken</title><link>https://blog.example.org/2020/01/03/broken/</link><wp:post_name>broken</wp:post_name>`, "not a date")}
${item(
  4,
  `<title>Paged</title><link>https://blog.example.org/2020/01/04/paged/</link><wp:post_name>paged</wp:post_name>
  <content:encoded><![CDATA[Page one.<!--nextpage-->Page two.]]></content:encoded>
  <category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category><category domain="category" nicename="news"><![CDATA[News]]></category>
  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>40</wp:meta_value></wp:postmeta>`,
)}
<item><title>Cover</title><wp:post_id>40</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:post_parent>4</wp:post_parent>
  <link>https://blog.example.org/2020/01/04/paged/cover/</link><wp:attachment_url>https://blog.example.org/wp-content/uploads/2020/01/cover.jpg</wp:attachment_url>
  <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>The cover</wp:meta_value></wp:postmeta></item>
${item(5, `<title>Torn</title><link>https://blog.example.org/2020/01/05/torn/</link><wp:post_name>torn</wp:post_name><content:encoded><p>Not in CDATA</p></content:encoded>`)}
</channel></rss>`;

async function importSmall(options: { comments?: boolean; hosts?: string[] } = {}, exportText = EXPORT) {
  const root = mkdtempSync(path.join(tmpdir(), "wenku-wp-unit-"));
  const content = path.join(root, "content");
  mkdirSync(path.join(content, "_data"), { recursive: true });
  mkdirSync(path.join(content, "articles"));
  writeFileSync(
    path.join(content, "_data/site.json"),
    JSON.stringify({ title: "t", url: "https://archive.example.org", locale: "en", timeZone: "Asia/Shanghai" }),
  );
  writeFileSync(path.join(content, "_data/categories.json"), "[]\n");
  writeFileSync(path.join(root, "export.xml"), exportText);
  const report = await importWordPress({ file: path.join(root, "export.xml"), contentDir: content, ...options });
  const read = (url: string) => {
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(
      readFileSync(path.join(content, report.written.find((w) => w.url === url)!.file), "utf8"),
    )!;
    return { data: parse(front!) as Record<string, unknown>, body: body! };
  };
  return { report, read, text: readFileSync(path.join(content, "_import/report.md"), "utf8") };
}

describe("importWordPress on a small export", () => {
  it("writes a tag in one spelling across the archive, the first met, noting the change", async () => {
    const sixth = item(
      6,
      `<title>Sixth</title><link>https://blog.example.org/2020/01/06/sixth/</link><wp:post_name>sixth</wp:post_name>
  <content:encoded><![CDATA[Text.]]></content:encoded><category domain="post_tag" nicename="kam-2"><![CDATA[ｋａｍ]]></category>`,
    );
    const { read, report } = await importSmall({}, EXPORT.replace("</channel>", `${sixth}\n</channel>`));
    expect(read("/2020/01/06/sixth/").data.tags).toEqual(["KAM"]);
    expect(report.notes.find((n) => n.url === "/2020/01/06/sixth/")!.notes).toContain(
      'the tag "ｋａｍ" is written "KAM", as on an earlier article (one spelling per tag)',
    );
  });

  it("files a post under the oldest of equally deep categories (lowest term id, as WordPress's %category%), the other as a tag", async () => {
    const { read, report } = await importSmall();
    const first = read("/2020/01/01/first/");
    expect(first.data.category).toBe("notes");
    // "news" (a tag) and "News" (the extra category) are one tag, as the content model compares them.
    expect(first.data.tags).toEqual(["KAM", "news"]);
    expect(report.notes.find((n) => n.url === "/2020/01/01/first/")!.notes).toContain(
      'filed under "Notes"; its 1 other category kept as tags (News)',
    );
  });

  it("decodes a title's character references and makes one for a post without title or text from its date", async () => {
    const { read, report } = await importSmall();
    expect(read("/2020/01/01/first/").data.title).toBe("First “post”");
    expect(read("/2020/01/02/second/").data.title).toBe("2020-01-02 09:00:00");
    expect(report.notes.find((n) => n.url === "/2020/01/02/second/")!.notes).toContain(
      "no title and no text on the old site: titled by its date (2020-01-02 09:00:00)",
    );
  });

  it("keeps approved comments with author, site, date with offset, reply and paragraphs; counts what it leaves out", async () => {
    const { read, report } = await importSmall();
    expect(read("/2020/01/01/first/").data.comments).toEqual([
      {
        id: 5,
        author: "Ann",
        url: "https://ann.example/",
        date: "2020-01-01T10:00:00+08:00",
        text: "First line.\n\nSecond paragraph.\n",
      },
      // No name: "Anonymous", as WordPress shows it; a javascript: address is not a site.
      { id: 6, author: "Anonymous", date: "2020-01-01T11:00:00+08:00", reply_to: 5, text: "A reply.\n" },
    ]);
    expect(report.overview).toContain(
      "Comments: 2 approved comment(s) on 1 article(s) kept, read-only, under their articles.",
    );
    expect(report.overview).toContain("Tags: 2 use(s) of 2 WordPress tag(s) kept as tags.");
    expect(report.overview).toContain(
      "Categories: each post is filed under one (the deepest); 2 more categories of 2 post(s) kept as tags (each post's note names them).",
    );
    expect(report.overview).toContain(
      "Comments: 1 pingback(s) and trackback(s) left out (notices of links from other sites, not comments).",
    );
    expect(report.overview).toContain("Comments: 1 awaiting moderation and 1 marked as spam left out.");
  });

  it("leaves comments out with comments: false, and counts them", async () => {
    const { read, report } = await importSmall({ comments: false });
    expect(read("/2020/01/01/first/").data.comments).toBeUndefined();
    expect(report.overview).toContain("Comments: 2 approved comment(s) left out (--no-comments).");
  });

  it("reads www./http spellings of the blog's host, and the hosts given, as its own", async () => {
    const { read, report, text } = await importSmall({ hosts: ["www.old-domain.example"] });
    const { body } = read("/2020/01/01/first/");
    expect(body).toContain("[www and http](/uncategorized/second/)");
    expect(body).toContain("[old domain](/uncategorized/second/)");
    // Images on the blog's host that are not in --uploads, under the uploads or not: reported missing.
    expect(report.missingFiles.filter((m) => m.url === "/2020/01/01/first/").map((m) => m.src)).toEqual([
      "https://www.blog.example.org/wp-content/uploads/2020/01/gone.png",
      "https://www.blog.example.org/logo.png",
    ]);
    expect(text).toContain("- /2020/01/01/first/: https://www.blog.example.org/logo.png");
  });

  it("pins a sticky post and lists it, and makes a post that cannot be read that post's line", async () => {
    const { report, read } = await importSmall();
    expect(report.sticky.map((s) => s.url)).toEqual(["/2020/01/01/first/"]);
    expect(read("/2020/01/01/first/").data.pinned).toBe(true);
    expect(read("/2020/01/04/paged/").data.pinned).toBeUndefined();
    expect(report.skipped).toContainEqual({
      url: "/2020/01/03/broken/",
      reason: "the publish date not a date does not exist",
    });
    expect(report.skipped).toContainEqual({
      url: "/2020/01/05/torn/",
      reason: "its content is not text in the export (markup outside <![CDATA[ ]]>): not read",
    });
  });

  it("never files a post under the default Uncategorized when it has another category, and files a post without one there", async () => {
    const { read } = await importSmall();
    expect(read("/2020/01/04/paged/").data).toMatchObject({ category: "news", tags: ["Uncategorized"] });
    expect(read("/2020/01/02/second/").data.category).toBe("uncategorized");
  });

  it("puts the featured image at the top of the body and joins the pages of a paginated post, each with a note", async () => {
    const { read, report } = await importSmall();
    const { body } = read("/2020/01/04/paged/");
    expect(body.startsWith("![The cover](https://blog.example.org/wp-content/uploads/2020/01/cover.jpg)")).toBe(true);
    expect(body).toMatch(/Page one\.[\s\S]*Page two\./);
    expect(report.notes.find((n) => n.url === "/2020/01/04/paged/")!.notes).toEqual(
      expect.arrayContaining([
        "2 pages on the old site (<!--nextpage-->), joined into one",
        "its featured image, shown above the post by the old theme, placed at the top of the body",
      ]),
    );
    expect(report.overview).toContain(
      "1 attachment(s): media files, not articles; each is copied (or reported missing) where a post shows it or links to it.",
    );
  });

  it("writes a report, and imports nothing, for a file that is not a WordPress export", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "wenku-wp-unit-"));
    writeFileSync(path.join(root, "x.xml"), "<html><body>not an export</body></html>");
    const report = await importWordPress({ file: path.join(root, "x.xml"), contentDir: path.join(root, "content") });
    expect(report.overview[0]).toContain("not a WordPress export (no <rss><channel>)");
    expect(readFileSync(path.join(root, "content/_import/report.md"), "utf8")).toContain("not a WordPress export");
  });
});

describe("players embedded in a post (made links by the Markdown step)", () => {
  const keep = { link: (href: string) => href, image: (src: string) => src };
  it("turns an embedded player into a link to what it played, with a note", () => {
    const notes: string[] = [];
    expect(
      toMarkdown(
        '<p>Watch:</p><iframe width="560" src="https://www.youtube.com/embed/ex8fMxXJDJw?feature=oembed"></iframe>',
        keep,
        notes,
      ),
    ).toBe(
      "Watch:\n\n[https://www.youtube.com/embed/ex8fMxXJDJw?feature=oembed](https://www.youtube.com/embed/ex8fMxXJDJw?feature=oembed)\n",
    );
    expect(notes).toEqual(["an <iframe> embed of youtube.com removed, kept as a link"]);
  });
  it("gives a protocol-relative address https, and never links a player without a web address", () => {
    const notes: string[] = [];
    const markdown = toMarkdown(
      '<embed src="//v.wordpress.com/hrPKeL5t"><iframe src="javascript:alert(1)"></iframe>',
      keep,
      notes,
    );
    expect(markdown).toBe("[https://v.wordpress.com/hrPKeL5t](https://v.wordpress.com/hrPKeL5t)\n");
    expect(notes).toEqual([
      "an <embed> embed of v.wordpress.com removed, kept as a link",
      "an <iframe> embed without a web address removed",
    ]);
  });
  it("leaves a body without players untouched", () => {
    const notes: string[] = [];
    expect(toMarkdown("<p>a &amp; b</p>", keep, notes)).toBe("a & b\n");
    expect(notes).toEqual([]);
  });
});

describe("importWordPress on a WordPress.com export", () => {
  it("copies the blog's uploads from <blog>.files.wordpress.com out of --uploads, and reports those not there", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "wenku-wp-com-"));
    const content = path.join(root, "content");
    mkdirSync(path.join(content, "_data"), { recursive: true });
    writeFileSync(
      path.join(content, "_data/site.json"),
      JSON.stringify({ title: "t", url: "https://archive.example.org", locale: "en", timeZone: "Asia/Shanghai" }),
    );
    writeFileSync(
      path.join(root, "export.xml"),
      `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><link>https://myblog.wordpress.com</link><wp:base_site_url>https://wordpress.com/</wp:base_site_url><wp:base_blog_url>https://myblog.wordpress.com</wp:base_blog_url>
${item(
  1,
  `<title>Pictures</title><link>https://myblog.wordpress.com/2020/01/01/pictures/</link><wp:post_name>pictures</wp:post_name>
  <content:encoded><![CDATA[<img src="https://myblog.files.wordpress.com/2013/12/funnel.png?w=300" alt="here"> <img src="https://myblog.files.wordpress.com/2013/12/gone.png" alt="gone">]]></content:encoded>`,
)}
</channel></rss>`,
    );
    const uploads = path.resolve(import.meta.dirname, "../../tests/fixtures/wordpress/uploads");
    const report = await importWordPress({ file: path.join(root, "export.xml"), contentDir: content, uploads });
    const body = readFileSync(path.join(content, report.written[0]!.file), "utf8");
    expect(body).toContain("![here](/media/wp-content/uploads/2013/12/funnel.png)");
    expect(report.mediaWritten.map((m) => m.file)).toEqual(["media/wp-content/uploads/2013/12/funnel.png"]);
    expect(report.missingFiles).toEqual([
      { url: "/2020/01/01/pictures/", src: "https://myblog.files.wordpress.com/2013/12/gone.png" },
    ]);
    expect(report.overview[0]).toBe(
      "The blog's own address: https://myblog.wordpress.com (wp:base_site_url is WordPress.com's own, https://wordpress.com/).",
    );
  });
});

describe("serverBlocks (blocks WordPress draws on each view)", () => {
  it("notes the dynamic blocks it leaves out, counted by name", () => {
    const notes: string[] = [];
    expect(
      serverBlocks(
        '<p>a</p>\n<!-- wp:latest-posts {"postsToShow":3} /-->\n<!-- wp:archives  /--><!-- wp:archives /-->',
        () => undefined,
        notes,
      ),
    ).toBe("<p>a</p>\n\n");
    expect(notes).toEqual([
      "blocks the old site drew on each view, with nothing to keep, left out: latest-posts, archives (2 times)",
    ]);
  });
  it("puts a reusable block in its place from the export, and notes one the export lacks", () => {
    const notes: string[] = [];
    const blocks = new Map([
      ["12", '<p>Shared text <!-- wp:block {"ref":13} /--></p>'],
      ["13", "inside"],
    ]);
    expect(
      serverBlocks('<!-- wp:block {"ref":12} /--><!-- wp:block {"ref":99} /-->', (ref) => blocks.get(ref), notes),
    ).toBe("<p>Shared text inside</p>");
    expect(notes).toEqual([
      "the reusable block 12 put in its place",
      "the reusable block 13 put in its place",
      "blocks the old site drew on each view, with nothing to keep, left out: reusable block 99 (not in the export)",
    ]);
  });
  it("leaves block comments that wrap content alone", () => {
    const notes: string[] = [];
    const html = "<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->";
    expect(serverBlocks(html, () => undefined, notes)).toBe(html);
    expect(notes).toEqual([]);
  });
});
