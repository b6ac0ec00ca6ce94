// `npm run import -- wordpress` on the WordPress Theme Unit Test export, unmodified
// (tests/fixtures/wptt: the standard test file of the WordPress world, see its README), then a build;
// every check is made on the built pages, with the expected figures read from the export itself.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fileFor, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";
import { npmRun, type CommandResult } from "./helpers/npm.ts";

const WPTT = fixture("wptt");
const EXPORT = path.join(WPTT, "themeunittestdata.wordpress.xml");

// ── The export, read here independently of the importer ──────────────────────────────────────────
type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["item", "category", "wp:comment", "wp:postmeta"].includes(name),
});
const channel = (parser.parse(readFileSync(EXPORT, "utf8")) as { rss: { channel: Node } }).rss.channel;
const text = (v: unknown): string =>
  (typeof v === "string" ? v : v && typeof v === "object" && "#text" in v ? String((v as Node)["#text"]) : "").trim();
const items = channel.item as Node[];
const type = (i: Node) => text(i["wp:post_type"]);
const published = items.filter((i) => type(i) === "post" && text(i["wp:status"]) === "publish");
const byTitle = (title: string) => published.find((i) => text(i.title) === title)!;
const html$ = (html: string) => load(html, null, false);
/** A permalink as a site path. */
const permalinkOf = (i: Node) => decodeURI(new URL(text(i.link)).pathname);
const terms = (i: Node, domain: string) =>
  ((i.category ?? []) as Node[]).filter((c) => c["@domain"] === domain).map((c) => html$(text(c)).text().trim());
const approved = (i: Node) =>
  ((i["wp:comment"] ?? []) as Node[]).filter(
    (c) => text(c["wp:comment_approved"]) === "1" && !/^(pingback|trackback)$/.test(text(c["wp:comment_type"])),
  );
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

let content: string;
let imported: CommandResult;
let site: BuildResult;
let report: string;

beforeAll(async () => {
  content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-wptt-")), "content");
  cpSync(path.join(WPTT, "content"), content, { recursive: true });
  imported = await npmRun(["import", "--", "wordpress", EXPORT, "--content", content]);
  if (imported.code !== 0) throw new Error(imported.stderr);
  report = readFileSync(path.join(content, "_import/report.md"), "utf8");
  site = await build(content);
  if (site.code !== 0) throw new Error(site.stderr);
}, 180_000);

/** The built article page of a post of the export: its old permalink is an alias that names it. */
function articleOf(item: Node): CheerioAPI {
  const alias = page(site.output, encodeURI(permalinkOf(item)));
  const canonical = alias('link[rel="canonical"]').attr("href");
  if (!canonical) throw new Error(`${permalinkOf(item)}: no alias page`);
  return page(site.output, decodeURI(new URL(canonical).pathname));
}
const isArticle = (item: Node) => existsSync(fileFor(site.output, encodeURI(permalinkOf(item))));
const reportLines = () => report.split("\n").filter((l) => l.startsWith("- "));
/** The front-matter of an article file, fences included. */
const frontMatter = (file: string) => /^---\n[\s\S]*?\n---\n/.exec(readFileSync(file, "utf8"))![0];
/** The file (relative to the content folder) a post became, as the import's state records it by old address. */
function fileOfPost(contentDir: string, item: Node): string {
  const state = JSON.parse(readFileSync(path.join(contentDir, "_import/wordpress.json"), "utf8")) as {
    articles: Record<string, { file: string }>;
  };
  const file = state.articles[permalinkOf(item)]?.file;
  if (!file) throw new Error(`${permalinkOf(item)}: not in the import's state`);
  return file;
}

describe("importing the WordPress Theme Unit Test export, unmodified", () => {
  it("imports it whole: every published post is an article or a line of the report", () => {
    expect(published.length).toBeGreaterThan(40);
    const lost = published.filter(
      (i) => !isArticle(i) && !reportLines().some((l) => l.startsWith(`- ${permalinkOf(i)}:`)),
    );
    expect(lost.map((i) => text(i.link))).toEqual([]);
    // Every item but attachments and menu items is a page of the summary; those two are counted in the overview.
    const pages = items.filter((i) => type(i) !== "attachment" && type(i) !== "nav_menu_item");
    expect(imported.stdout).toContain(`${pages.length} pages → `);
    expect(report).toContain(`${items.filter((i) => type(i) === "attachment").length} attachment(s)`);
    expect(report).toContain(
      `${items.filter((i) => type(i) === "nav_menu_item").length} navigation menu item(s) left out`,
    );
  });

  it("takes none of its posts for spam (it is test data for themes, with no spam in it)", () => {
    expect(report).not.toContain("## Spam pages");
    expect(imported.stdout).toContain(" 0 spam ");
  });

  it("lists in the report each page, draft, scheduled and password-protected post with its reason", () => {
    for (const i of items.filter((i) => type(i) === "page"))
      expect(report).toContain(`- ${permalinkOf(i)}: a WordPress page, not a post`);
    const draft = items.find((i) => type(i) === "post" && text(i["wp:status"]) === "draft")!;
    expect(report).toContain(`- post ${text(draft["wp:post_id"])}: not published (status draft)`);
    const future = items.find((i) => type(i) === "post" && text(i["wp:status"]) === "future")!;
    expect(report).toContain(
      `- ${permalinkOf(future)}: scheduled for ${text(future["wp:post_date"])}, not yet published`,
    );
    const locked = published.find((i) => text(i["wp:post_password"]) !== "")!;
    expect(report).toMatch(
      new RegExp(`- ${permalinkOf(locked)}: password-protected.*with its ${approved(locked).length} approved comment`),
    );
    expect(isArticle(locked)).toBe(false);
  });

  it("gives the post with an empty <title/> a title from its first words, and says so", () => {
    const untitled = published.filter((i) => text(i.title) === "" && text(i["wp:post_password"]) === "");
    expect(untitled.length).toBeGreaterThan(0);
    for (const item of untitled) {
      const h1 = squash(articleOf(item)("h1").first().text());
      expect(h1).not.toBe("");
      expect(squash(html$(text(item["content:encoded"])).text()).startsWith(h1.replace(/…$/, ""))).toBe(true);
      expect(report).toMatch(
        new RegExp(`- ${permalinkOf(item)} \\([^)]*\\): no title on the old site: titled from its first words`),
      );
    }
  });

  it("shows titles as WordPress did: character references decoded, tags stripped", () => {
    for (const item of published.filter(isArticle)) {
      const raw = text(item.title);
      if (raw === "") continue;
      expect(squash(articleOf(item)("h1").first().text()), raw).toBe(squash(html$(raw).text()));
    }
    const special = byTitle(published.map((i) => text(i.title)).find((t) => t.includes("&#039;"))!);
    const h1 = articleOf(special)("h1").text();
    expect(h1).toContain(`'"?,.>`);
    expect(h1).not.toContain("&#");
    const marked = articleOf(byTitle("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>"))("h1").text();
    expect(marked).toBe("Markup: Title With Markup");
  });

  it("keeps nested lists nested and <ol start> numbers", () => {
    for (const item of [
      byTitle("Edge Case: Nested And Mixed Lists"),
      byTitle("Markup: HTML Tags and Formatting"),
      byTitle("Block category: Common"),
    ]) {
      const source = html$(text(item["content:encoded"]));
      const $ = articleOf(item);
      const body = $(".article-body");
      expect(body.find("li > ul, li > ol").length, text(item.title)).toBe(source("li > ul, li > ol").length);
      for (const start of source("ol[start]")
        .map((_, ol) => source(ol).attr("start"))
        .get()) {
        // Markdown numbers a list from 1 unless told: start="1" needs no attribute.
        if (start !== "1")
          expect(
            body.find(`ol[start="${start}"]`).length,
            `${text(item.title)}: <ol start="${start}">`,
          ).toBeGreaterThan(0);
      }
    }
  });

  it("keeps <pre> and code blocks with every space", () => {
    for (const item of [byTitle("Markup: HTML Tags and Formatting"), byTitle("Block category: Formatting")]) {
      const source = html$(text(item["content:encoded"]));
      const built = articleOf(item)(".article-body pre")
        .map((_, el) => articleOf(item)(el).text())
        .get()
        .join("\n");
      for (const pre of source("pre").toArray()) {
        // Line by line: each line of the source's block, its leading spaces included, is a line of a
        // built one (block-editor blocks break their lines with <br>).
        source(pre).find("br").replaceWith("\n");
        const lines = source(pre)
          .text()
          .split("\n")
          .map((l) => l.replace(/\s+$/, ""))
          .filter((l) => l.trim() !== "");
        for (const line of lines)
          expect(
            built.split("\n").map((l) => l.replace(/\s+$/, "")),
            `${text(item.title)}: ${JSON.stringify(line)}`,
          ).toContain(line);
      }
    }
    expect(articleOf(byTitle("Block category: Formatting"))(".article-body pre code").text()).toContain(
      "<?php echo 'Hello World'; ?>",
    );
  });

  it("makes [caption] a figure with its caption", () => {
    const captioned = published.filter((i) => text(i["content:encoded"]).includes("[caption") && isArticle(i));
    expect(captioned.length).toBeGreaterThan(0);
    for (const item of captioned) {
      const body = text(item["content:encoded"]);
      const $ = articleOf(item);
      const figcaptions = $(".article-body figure figcaption")
        .map((_, el) => squash($(el).text()))
        .get();
      for (const m of body.matchAll(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/g)) {
        const attribute = /caption="([^"]*)"/.exec(m[1]!)?.[1];
        const caption = squash(html$(attribute ?? m[2]!.replace(/<img[^>]*>/g, "")).text());
        expect(figcaptions, text(item.title)).toContain(caption);
      }
      expect($(".article-body").text()).not.toContain("[caption");
    }
  });

  it("shows [gallery] as its images", () => {
    const attachments = items.filter((i) => type(i) === "attachment");
    const file = (a: Node) => path.posix.basename(new URL(text(a["wp:attachment_url"])).pathname);
    for (const item of published.filter((i) => /\[gallery/.test(text(i["content:encoded"])) && isArticle(i))) {
      const $ = articleOf(item);
      const shown = $(".article-body img, .article-body a")
        .map((_, el) => $(el).attr("src") ?? $(el).attr("href") ?? "")
        .get()
        .map((src) => path.posix.basename(src.split("?")[0]!));
      expect($(".article-body").text()).not.toContain("[gallery");
      for (const m of text(item["content:encoded"]).matchAll(/\[gallery([^\]]*)\]/g)) {
        const ids = /ids="?([\d,]+)/.exec(m[1]!)?.[1]?.split(",");
        const images = ids
          ? attachments.filter((a) => ids.includes(text(a["wp:post_id"])))
          : attachments.filter((a) => text(a["wp:post_parent"]) === text(item["wp:post_id"]));
        expect(images.length).toBeGreaterThan(0);
        for (const a of images) expect(shown, `${text(item.title)}: ${file(a)}`).toContain(file(a));
      }
    }
  });

  it("makes [audio], <audio> and <video> links to the media", () => {
    for (const item of [byTitle("Post Format: Audio"), byTitle("Block category: Common")]) {
      const body = text(item["content:encoded"]);
      // [audio src="…"] (or mp3=, ogg=…), [audio https://…] as WordPress.com writes it, and the HTML elements.
      const shortcodes = [...body.matchAll(/\[(?:audio|video)\s([^\]]*)\]/g)].map(
        (m) => /(?:src|mp3|ogg|wav|m4a|mp4|webm)="([^"]+)"/.exec(m[1]!)?.[1] ?? /https?:\/\/\S+/.exec(m[1]!)![0],
      );
      const elements = [...body.matchAll(/<(?:audio|video)[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
      const sources = [...shortcodes, ...elements];
      expect(sources.length, text(item.title)).toBeGreaterThan(0);
      const $ = articleOf(item);
      const links = $(".article-body a")
        .map((_, a) => $(a).attr("href"))
        .get();
      for (const src of sources) expect(links, `${text(item.title)}: ${src}`).toContain(src);
      expect($(".article-body").text()).not.toMatch(/\[\/?audio/);
    }
  });

  it("makes bare embed URLs (a URL alone on its line: YouTube, Twitter, WordPress.tv…) links", () => {
    const embedding = published.filter(
      (i) => isArticle(i) && /^\s*https?:\/\/\S+\s*$/m.test(text(i["content:encoded"])),
    );
    expect(embedding.length).toBeGreaterThan(0);
    for (const item of embedding) {
      const $ = articleOf(item);
      const links = $(".article-body a")
        .map((_, a) => $(a).attr("href"))
        .get();
      for (const line of text(item["content:encoded"]).match(/^\s*https?:\/\/\S+\s*$/gm)!) {
        expect(links, `${text(item.title)}: ${line.trim()}`).toContain(html$(line.trim()).text());
      }
    }
  });

  it("names in the report each block the old site drew on each view (latest posts, archives, calendar…)", () => {
    const drawing = published.filter(
      (i) => isArticle(i) && /<!-- wp:[a-z-]+[^>]*\/-->/.test(text(i["content:encoded"])),
    );
    expect(drawing.length).toBeGreaterThan(0);
    for (const item of drawing) {
      const line = reportLines().find((l) => l.startsWith(`- ${permalinkOf(item)} (`))!;
      for (const m of text(item["content:encoded"]).matchAll(/<!-- wp:([a-z-]+)[^>]*\/-->/g))
        expect(line, m[1]).toContain(m[1]);
    }
  });

  it("keeps sup, sub, del, ins and kbd (H2O, E = MC2)", () => {
    const $ = articleOf(byTitle("Markup: HTML Tags and Formatting"));
    const body = $(".article-body");
    expect(body.find("sub").first().text()).toBe("2");
    expect(squash(body.find("sub").first().parent().text())).toContain("H2O");
    expect(squash(body.find("sup").first().parent().text())).toContain("E = MC2");
    expect(body.find("del").text()).toContain("strike out text");
    expect(body.find("ins").text()).toContain("inserted");
    expect(body.find("kbd").text()).toContain("keyboard text");
  });

  it("keeps every paragraph of a post that has one <p> of its own (paragraphs made block by block)", () => {
    for (const item of [byTitle("Markup: HTML Tags and Formatting"), byTitle("Markup: Image Alignment")]) {
      const body = text(item["content:encoded"]);
      expect(body.match(/<p[\s>]/g)?.length).toBe(1);
      // Blocks of plain text between blank lines, each a paragraph of its own on the old site.
      const blocks = body
        .split(/\n\s*\n/)
        .map((b) => squash(html$(b).text()))
        .filter((b, n, all) => b.length > 20 && !/^\s*</.test(body.split(/\n\s*\n/)[n]!) && all.indexOf(b) === n);
      expect(blocks.length, text(item.title)).toBeGreaterThan(2);
      const paragraphs = articleOf(item)(".article-body p")
        .map((_, p) => squash(articleOf(item)(p).text()))
        .get();
      for (let n = 1; n < blocks.length; n++) {
        expect(
          // (A block may quote the one before it: merged means both, the one besides the other.)
          paragraphs.some((p) => p.includes(blocks[n]!) && p.replace(blocks[n]!, "").includes(blocks[n - 1]!)),
          `${text(item.title)}: "${blocks[n - 1]!.slice(0, 30)}" and "${blocks[n]!.slice(0, 30)}" in one paragraph`,
        ).toBe(false);
      }
    }
  });

  it("keeps tables whole when their cells hold <br>", () => {
    const item = byTitle("Block category: Formatting");
    const source = html$(text(item["content:encoded"]));
    const shape = ($: CheerioAPI, tables: ReturnType<CheerioAPI>) =>
      tables
        .map((_, t) =>
          $(t)
            .find("tr")
            .map((__, tr) => $(tr).children("td, th").length)
            .get()
            .join(","),
        )
        .get();
    const $ = articleOf(item);
    expect(shape($, $(".article-body table"))).toEqual(shape(source, source("table")));
    const row = $(".article-body tr").filter((_, tr) => $(tr).text().includes("Cell #5"));
    expect(
      row
        .children()
        .map((_, c) => squash($(c).text()))
        .get(),
    ).toEqual(["Cell #5", "Cell #6"]);
    expect(
      $(".article-body td").filter((_, td) => squash($(td).text()) === "Make sure that the text wraps correctly.")
        .length,
    ).toBe(1);
  });

  it("keeps every tag of every imported post on its page", () => {
    let uses = 0;
    let shown = 0;
    for (const item of published.filter(isArticle)) {
      const $ = articleOf(item);
      const onPage = $(".article-tags li.tag")
        .map((_, li) => squash($(li).text()).toLowerCase())
        .get();
      for (const tag of terms(item, "post_tag")) {
        uses++;
        if (onPage.includes(tag.toLowerCase())) shown++;
      }
    }
    expect(uses).toBeGreaterThan(100);
    expect(shown).toBe(uses);
    expect(report).toContain(`Tags: ${uses} use(s) of `);
  });

  it("keeps the categories of the post in 63 of them: one as its category, the others as tags", () => {
    const item = published.find((i) => terms(i, "category").length > 50)!;
    const $ = articleOf(item);
    const kept = [
      ...$(".article-tags li.tag")
        .map((_, li) => squash($(li).text()).toLowerCase())
        .get(),
      ...$("nav.breadcrumbs a, .breadcrumbs li, .breadcrumbs a")
        .map((_, el) => squash($(el).text()).toLowerCase())
        .get(),
    ];
    for (const name of terms(item, "category")) expect(kept, name).toContain(name.toLowerCase());
    expect(report).toMatch(new RegExp(`- ${permalinkOf(item)} \\([^)]*\\):.*other categories kept as tags`));
  });

  it("keeps the approved comments of imported posts under them, replies pointing at their parents", () => {
    let expected = 0;
    let built = 0;
    for (const item of published.filter(isArticle)) {
      expected += approved(item).length;
      built += articleOf(item)(".past-comments article.comment").length;
    }
    expect(expected).toBeGreaterThan(10);
    expect(built).toBe(expected);
    const $ = articleOf(byTitle("Template: Comments"));
    expect($(".past-comments .comment-reply-to a").length).toBeGreaterThan(0);
    expect(report).toMatch(/Comments: \d+ pingback\(s\) and trackback\(s\) left out/);
  });

  it("lists the sticky post in the report", () => {
    const sticky = published.filter((i) => text(i["wp:is_sticky"]) === "1");
    expect(sticky.length).toBeGreaterThan(0);
    const section = report.split("## ").find((s) => s.startsWith("Sticky"))!;
    for (const item of sticky) expect(section).toContain(`- ${permalinkOf(item)} (`);
  });

  it("writes pinned: true into the sticky post's Markdown, and into no other", () => {
    const stickyFiles = published.filter((i) => text(i["wp:is_sticky"]) === "1").map((i) => fileOfPost(content, i));
    expect(stickyFiles).toHaveLength(1);
    expect(text(byTitle("Template: Sticky")["wp:is_sticky"])).toBe("1");
    expect(stickyFiles[0]).toBe(fileOfPost(content, byTitle("Template: Sticky")));
    const pinned = listFiles(path.join(content, "articles"))
      .filter((f) => f.endsWith(".md"))
      .filter((f) => /^pinned:/m.test(frontMatter(path.join(content, "articles", f))))
      .map((f) => `articles/${f}`);
    expect(pinned).toEqual(stickyFiles);
    expect(frontMatter(path.join(content, stickyFiles[0]!))).toMatch(/^pinned: true$/m);
  });

  it("shows the sticky post first and marked on page 1 of its category's list, where back to list leads", () => {
    const $ = articleOf(byTitle("Template: Sticky"));
    const back = new URL($(".prev-next-back a").attr("href")!, "https://x.example");
    expect(back.hash).not.toBe("");
    const list = page(site.output, decodeURI(back.pathname));
    const first = list(".article-list-item").first();
    expect(first.attr("id")).toBe(back.hash.slice(1));
    expect(first.find(".pinned-mark").text()).toBe("Pinned"); // the export's site is in English
    expect(squash(first.find(".article-list-title a").text())).toBe("Template: Sticky");
    expect(list(".pinned-mark").length).toBe(1);
  });

  it("pins the post on a re-import once it became sticky at the source, and unpins it when it no longer is", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-wptt-sticky-")), "content");
    cpSync(path.join(WPTT, "content"), dir, { recursive: true });
    const unstuck = path.join(path.dirname(dir), "unstuck.xml");
    const source = readFileSync(EXPORT, "utf8");
    expect(source.match(/<wp:is_sticky>1<\/wp:is_sticky>/g)).toHaveLength(1);
    writeFileSync(unstuck, source.replace("<wp:is_sticky>1</wp:is_sticky>", "<wp:is_sticky>0</wp:is_sticky>"));
    const importFrom = async (file: string) => {
      const run = await npmRun(["import", "--", "wordpress", file, "--content", dir]);
      expect(run.code, run.stderr).toBe(0);
      return readFileSync(path.join(dir, "_import/report.md"), "utf8");
    };
    await importFrom(unstuck);
    const file = path.join(dir, fileOfPost(dir, byTitle("Template: Sticky")));
    expect(frontMatter(file)).not.toMatch(/^pinned:/m);

    const secondReport = await importFrom(EXPORT);
    expect(frontMatter(file)).toMatch(/^pinned: true$/m);
    expect(secondReport).toMatch(/1 written \(0 new\)/);

    await importFrom(unstuck);
    expect(frontMatter(file)).not.toMatch(/^pinned:/m);
  }, 120_000);

  it("takes the blog's address from the export when wp:base_site_url is WordPress.com's, and reports its images missing", () => {
    expect(text(channel["wp:base_site_url"])).toBe("https://wordpress.com/");
    expect(report).toContain(`The blog's own address: ${new URL(text(channel["wp:base_blog_url"])).origin}`);
    // No link of any article leads to the old blog's host: links to posts lead to their articles, links
    // to attachment pages to the files.
    const host = new URL(text(channel["wp:base_blog_url"])).host;
    for (const item of published.filter(isArticle)) {
      const $ = articleOf(item);
      const old = $(".article-body a[href]").filter(
        (_, a) => /^https?:/.test($(a).attr("href")!) && new URL($(a).attr("href")!).host === host,
      );
      expect(old.map((_, a) => $(a).attr("href")).get(), text(item.title)).toEqual([]);
    }
    // Even by an old permalink whose date is not the post's (WordPress answers it by the slug).
    const button = articleOf(byTitle("Block category: Layout Elements"))(".article-body a").filter(
      (_, a) => a.attribs.href?.endsWith("/block-button/") ?? false,
    );
    expect(button.attr("href")).toBe(
      new URL(articleOf(byTitle("Block: Button"))('link[rel="canonical"]').attr("href")!).pathname,
    );
    // The blog's uploads (on <blog>.files.wordpress.com) are not in --uploads: each is in the report.
    const missing = report.split("## ").find((s) => s.startsWith("Missing images"))!;
    expect(missing).toContain("https://wpthemetestdata.files.wordpress.com/2013/03/image-alignment-580x300.jpg");
  });

  it("leaves the comments out with --no-comments, counted in the report", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-wptt-nc-")), "content");
    cpSync(path.join(WPTT, "content"), dir, { recursive: true });
    const run = await npmRun(["import", "--", "wordpress", EXPORT, "--content", dir, "--no-comments"]);
    expect(run.code, run.stderr).toBe(0);
    const count = published
      .filter((i) => text(i["wp:post_password"]) === "")
      .reduce((n, i) => n + approved(i).length, 0);
    expect(readFileSync(path.join(dir, "_import/report.md"), "utf8")).toContain(
      `Comments: ${count} approved comment(s) left out (--no-comments).`,
    );
    const articles = listFiles(path.join(dir, "articles")).filter((f) => f.endsWith(".md"));
    expect(articles.length).toBeGreaterThan(40);
    for (const f of articles) expect(readFileSync(path.join(dir, "articles", f), "utf8"), f).not.toMatch(/^comments:/m);
  }, 60_000);
});
