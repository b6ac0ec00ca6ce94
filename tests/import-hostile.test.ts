// Import sources written by an attacker or broken beyond repair (tests/fixtures/import-hostile): paths
// that leave the mirror or the uploads folder once decoded, symbolic links in and out, files the site
// must not publish, a page declared UTF-8 with a bad byte, pages too deep or too large, a page whose
// reading throws. Each import runs through the real code on real folders and must finish, with the
// other articles written and one report line for everything it refused.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "../src/import/apply.ts";
import { importLegacy } from "../src/import/legacy/import.ts";
import { GENERIC } from "../src/import/legacy/profile.ts";
import { MAX_PAGE_BYTES } from "../src/import/limits.ts";
import { importWordPress } from "../src/import/wordpress.ts";
import { fixture } from "./helpers/build.ts";

const FIXTURE = fixture("import-hostile");
const SECRET = "SECRET-must-never-be-published";

/** Every file below `dir`, as paths relative to it (symbolic links included, not followed). */
const filesBelow = (dir: string): string[] =>
  (
    readdirSync(dir, { recursive: true, withFileTypes: true }) as {
      parentPath: string;
      name: string;
      isDirectory(): boolean;
    }[]
  )
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
const holdsSecret = (dir: string) =>
  filesBelow(dir).filter((f) => readFileSync(path.join(dir, f), "utf8").includes(SECRET));
const reportOf = (content: string) => readFileSync(path.join(content, "_import/report.md"), "utf8");

describe("a hostile legacy mirror", () => {
  let root: string;
  let mirror: string;
  let content: string;
  let report: ImportReport;
  let badByteAt: number;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "wenku-hostile-mirror-"));
    mirror = path.join(root, "site");
    content = path.join(root, "content");
    cpSync(path.join(FIXTURE, "mirror"), mirror, { recursive: true });
    cpSync(path.join(FIXTURE, "content"), content, { recursive: true });
    // Beside the mirror: what no path of a page may reach.
    writeFileSync(path.join(root, "victim.txt"), `${SECRET}: the file beside the mirror\n`);
    mkdirSync(path.join(root, "outside"));
    writeFileSync(path.join(root, "outside", "secret.png"), `${SECRET}: a picture outside\n`);
    const article = readFileSync(path.join(mirror, "news/2015/0301/501.html"), "utf8");
    writeFileSync(path.join(root, "outside", "away.html"), article.replace("年會改期通知", `外面的文章 ${SECRET}`));

    const uploads = path.join(mirror, "uploads/2015");
    symlinkSync("ok.png", path.join(uploads, "alias.png"));
    symlinkSync(path.join(root, "outside", "secret.png"), path.join(uploads, "escape.png"));
    symlinkSync("payload.js", path.join(uploads, "disguised.png"));
    symlinkSync(path.join(root, "outside"), path.join(mirror, "uploads/linked"));
    symlinkSync("501.html", path.join(mirror, "news/2015/0301/again.html"));
    symlinkSync(path.join(root, "outside", "away.html"), path.join(mirror, "news/2015/0301/away.html"));
    symlinkSync(path.join(root, "outside"), path.join(mirror, "news/elsewhere"));

    // Generated here rather than committed: 5,000 nested blocks, a page above the size limit, a bad byte.
    const withBody = (title: string, body: string) =>
      article
        .replace("年會改期通知", title)
        .replace(/<div class="content">[\s\S]*?\n {2}<\/div>/, `<div class="content">${body}</div>`);
    mkdirSync(path.join(mirror, "news/2015/0303"));
    writeFileSync(
      path.join(mirror, "news/2015/0303/503.html"),
      withBody(
        "五千層的頁面",
        `${"<div>".repeat(5000)}<p>藏在五千層裡的正文，足夠長的一段文字。</p>${"</div>".repeat(5000)}`,
      ),
    );
    const paragraph = "<p>　　一段很長的正文，一再重複，直到這一頁超過單頁的大小上限為止。</p>\n";
    writeFileSync(
      path.join(mirror, "news/2015/0303/504.html"),
      withBody("過大的頁面", paragraph.repeat(Math.ceil((MAX_PAGE_BYTES + 1024) / Buffer.byteLength(paragraph)))),
    );
    const good = Buffer.from(article.replace("年會改期通知", "損壞一個位元組的頁面"), "utf8");
    badByteAt = good.indexOf(Buffer.from("因場地整修"));
    writeFileSync(
      path.join(mirror, "news/2015/0303/505.html"),
      Buffer.concat([good.subarray(0, badByteAt), Buffer.from([0xff]), good.subarray(badByteAt)]),
    );

    report = await importLegacy({ mirror, contentDir: content, profile: GENERIC, hosts: ["old.example"] });
  }, 120_000);

  it("finishes with the sound articles written and the result passing the checks", () => {
    expect(report.problems).toEqual([]);
    expect(report.written.map((w) => w.url).sort()).toEqual([
      "/news/2015/0301/501.html",
      "/news/2015/0302/502.html",
      "/news/2015/0303/505.html",
    ]);
    expect(readFileSync(path.join(content, "articles/news/501.md"), "utf8")).toContain("本社年會原定三月十日舉行");
  });

  it("never reads or writes outside the mirror and the content folder, in any spelling of ../", () => {
    expect(readFileSync(path.join(root, "victim.txt"), "utf8")).toBe(`${SECRET}: the file beside the mirror\n`);
    expect(holdsSecret(content)).toEqual([]);
    expect(filesBelow(root).filter((f) => f.endsWith("victim.txt"))).toEqual([
      "victim.txt",
      "site/x/..%2f..%2fvictim.txt",
      "content/media/x/..%2f..%2fvictim.txt",
    ]);
    const text = reportOf(content);
    for (const src of [
      "/x/..%2f..%2fvictim.txt",
      "/x/..%2F..%2Fvictim.txt",
      "/x/..%5c..%5cvictim.txt",
      "http://old.example/x/..%2f..%2fvictim.txt",
      "/uploads/2015/form.pdf%2f..%2f..%2f..%2f..%2fvictim.txt",
    ]) {
      expect(text).toContain(
        `- /news/2015/0302/502.html: ${src}: its path, once decoded, leads outside the mirror folder`,
      );
    }
  });

  it("decodes once only: the double-encoded path is the file literally named so, inside the mirror", () => {
    expect(readFileSync(path.join(content, "media/x/..%2f..%2fvictim.txt"), "utf8")).toContain("inside the mirror");
    expect(readFileSync(path.join(content, "articles/news/502.md"), "utf8")).toContain(
      "(/media/x/..%2f..%2fvictim.txt)",
    );
  });

  it("follows a symbolic link to an image only inside the mirror, and reports the others", () => {
    expect(existsSync(path.join(content, "media/uploads/2015/ok.png"))).toBe(true);
    expect(readFileSync(path.join(content, "media/uploads/2015/alias.png"), "utf8")).toBe(
      readFileSync(path.join(mirror, "uploads/2015/ok.png"), "utf8"),
    );
    const text = reportOf(content);
    expect(text).toContain(
      "- /news/2015/0302/502.html: /uploads/2015/escape.png: a symbolic link to a file outside the mirror folder",
    );
    expect(text).toContain(
      "- /news/2015/0302/502.html: /uploads/linked/secret.png: a symbolic link to a file outside the mirror folder",
    );
    expect(text).toMatch(
      /- \/news\/2015\/0302\/502\.html: \/uploads\/2015\/disguised\.png: a symbolic link to a \.js file/,
    );
  });

  it("copies no file of a type the site does not publish", () => {
    for (const name of ["shell.php", "payload.js", "feed.xml", "escape.png", "disguised.png"])
      expect(existsSync(path.join(content, "media/uploads/2015", name)), name).toBe(false);
    const text = reportOf(content);
    expect(text).toMatch(/- \/news\/2015\/0302\/502\.html: \/uploads\/2015\/shell\.php: a \.php file/);
    expect(text).toMatch(/- \/news\/2015\/0302\/502\.html: \/uploads\/2015\/payload\.js: a \.js file/);
    expect(text).toMatch(/- \/news\/2015\/0302\/502\.html: \/uploads\/2015\/feed\.xml: a \.xml file/);
  });

  it("imports a symbolic link to a page inside once, as a twin; one leading out, and a linked folder, are report lines", () => {
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        {
          url: "/news/2015/0301/again.html",
          reason: "the same file as /news/2015/0301/501.html (a symbolic link), imported once under both addresses",
        },
        { url: "/news/2015/0301/away.html", reason: "a symbolic link to a file outside the mirror folder: not read" },
        { url: "/news/elsewhere", reason: "a symbolic link to a folder outside the mirror folder: not read" },
        { url: "/uploads/linked", reason: "a symbolic link to a folder outside the mirror folder: not read" },
      ]),
    );
    expect(readFileSync(path.join(content, "articles/news/501.md"), "utf8")).toMatch(
      /aliases:\n {2}- \/news\/2015\/0301\/501\.html\n {2}- \/news\/2015\/0301\/again\.html/,
    );
  });

  it("skips a page nested 5,000 deep and one above the size limit, each with its line", () => {
    const text = reportOf(content);
    expect(text).toContain(
      "- /news/2015/0303/503.html: not read: elements nested more than 256 deep (a broken or hostile page)",
    );
    expect(text).toMatch(/- \/news\/2015\/0303\/504\.html: not read: 4(\.\d)? MB, above the 4 MB limit for one page/);
  });

  it("reads a page declared UTF-8 with one bad byte as UTF-8, and says where the byte was", () => {
    const body = readFileSync(path.join(content, "articles/news/505.md"), "utf8");
    expect(body).toContain("本社年會原定三月十日舉行，\uFFFD因場地整修改至三月二十四日");
    expect(reportOf(content)).toContain(
      `- /news/2015/0303/505.html (articles/news/505.md): declared UTF-8 but 1 byte sequence(s) are not UTF-8 (at byte ${badByteAt})`,
    );
    // An encoding slip is not spam: it is listed apart, never among the pages cleaned of injected spam.
    const section = (title: string) => reportOf(content).split(`## ${title}\n`)[1]?.split("\n## ")[0] ?? "";
    expect(section("Imported, to check by eye (what did not arrive as it was)")).toContain("/news/2015/0303/505.html");
    expect(section("Injected spam removed from articles")).not.toContain("/news/2015/0303/505.html");
  });

  it("accounts for every page", () => {
    // 501, again, away, elsewhere, uploads/linked, 502, 503, 504, 505.
    expect(report.pages).toBe(9);
    expect(report.written.length + report.skipped.length).toBe(9);
  });
});

describe("a page whose reading throws", () => {
  it("is a report line; the import goes on with the other pages", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "wenku-hostile-throw-"));
    const article = readFileSync(path.join(FIXTURE, "mirror/news/2015/0301/501.html"), "utf8");
    mkdirSync(path.join(root, "site/news"), { recursive: true });
    writeFileSync(path.join(root, "site/news/1.html"), article.replace("<h1>", '<h1 class="lead">'));
    writeFileSync(path.join(root, "site/news/2.html"), article.replace("年會改期通知", "另一篇"));
    cpSync(path.join(FIXTURE, "content"), path.join(root, "content"), { recursive: true });
    // A profile whose second title selector is not CSS: tried (and thrown on) only by pages without h1.lead.
    const report = await importLegacy({
      mirror: path.join(root, "site"),
      contentDir: path.join(root, "content"),
      profile: { ...GENERIC, title: ["h1.lead", "h1[["] },
    });
    expect(report.written.map((w) => w.url)).toEqual(["/news/1.html"]);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]).toMatchObject({
      url: "/news/2.html",
      reason: expect.stringMatching(/^could not be read \(.+\)$/),
    });
  }, 60_000);
});

describe("a hostile WordPress export", () => {
  let root: string;
  let content: string;
  let report: ImportReport;

  const post = (id: number, name: string, body: string) => `	<item>
		<title><![CDATA[${name}]]></title>
		<link>https://old-blog.example/2020/02/0${id % 10}/${name}/</link>
		<dc:creator><![CDATA[li]]></dc:creator>
		<content:encoded><![CDATA[${body}]]></content:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date><![CDATA[2020-02-0${id % 10} 09:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2020-02-0${id % 10} 01:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${name}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="news"><![CDATA[本社新聞]]></category>
	</item>
`;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "wenku-hostile-wp-"));
    const uploads = path.join(root, "wp-content/uploads");
    content = path.join(root, "content");
    cpSync(path.join(FIXTURE, "wordpress/uploads"), uploads, { recursive: true });
    cpSync(path.join(FIXTURE, "wordpress/content"), content, { recursive: true });
    writeFileSync(path.join(root, "wp-config.php"), `<?php define('DB_PASSWORD', '${SECRET}');\n`);
    writeFileSync(path.join(root, "secret.png"), `${SECRET}: a picture outside the uploads\n`);
    symlinkSync("ok.png", path.join(uploads, "2020/01/alias.png"));
    symlinkSync(path.join(root, "secret.png"), path.join(uploads, "2020/01/escape.png"));
    // Posts of the same kinds as the mirror's: 5,000 nested blocks, a post above the size limit.
    const deep = post(21, "deep", `${"<div>".repeat(5000)}藏在五千層裡的正文。${"</div>".repeat(5000)}`);
    const big = post(22, "big", "一段很長的正文，一再重複。\n\n".repeat(Math.ceil((MAX_PAGE_BYTES + 1024) / 40)));
    const xml = readFileSync(path.join(FIXTURE, "wordpress/export.xml"), "utf8").replace(
      "</channel>",
      `${deep}${big}</channel>`,
    );
    writeFileSync(path.join(root, "export.xml"), xml);
    report = await importWordPress({ file: path.join(root, "export.xml"), contentDir: content, uploads });
  }, 120_000);

  it("finishes with the sound posts written", () => {
    expect(report.problems).toEqual([]);
    expect(report.written.map((w) => w.url).sort()).toEqual(["/2020/01/05/meeting/", "/2020/01/06/members/"]);
  });

  it("never copies wp-config.php or anything outside the uploads folder, in any spelling of ../", () => {
    expect(holdsSecret(content)).toEqual([]);
    expect(filesBelow(path.join(content, "media")).sort()).toEqual([
      "wp-content/uploads/2020/01/alias.png",
      "wp-content/uploads/2020/01/ok.png",
    ]);
    const text = reportOf(content);
    for (const src of [
      "/wp-content/uploads/..%2f..%2fwp-config.php",
      "https://old-blog.example/wp-content/uploads/..%2F..%2Fwp-config.php",
      "//old-blog.example/wp-content/uploads/..%5c..%5cwp-config.php",
      "/wp-content/uploads/2020/01/..%2f..%2f..%2f..%2fwp-config.php",
      "/wp-content/uploads/2020%2f01%2f..%2f..%2f..%2f..%2fwp-config.php",
    ]) {
      expect(text).toContain(
        `- /2020/01/06/members/: ${src}: its path, once decoded, leads outside the uploads folder`,
      );
    }
    // Decoded once: the double-encoded form is a file literally named "..%2f..%2fwp-config.php", and a .php at that.
    expect(text).toMatch(
      /- \/2020\/01\/06\/members\/: \/wp-content\/uploads\/\.\.%252f\.\.%252fwp-config\.php: a \.php file/,
    );
  });

  it("follows a symbolic link in the uploads only to a file inside, and refuses a PHP upload", () => {
    const text = reportOf(content);
    expect(text).toContain(
      "- /2020/01/06/members/: /wp-content/uploads/2020/01/escape.png: a symbolic link to a file outside the uploads folder",
    );
    expect(text).toMatch(/- \/2020\/01\/06\/members\/: \/wp-content\/uploads\/2020\/01\/shell\.php: a \.php file/);
    expect(readFileSync(path.join(content, "articles/news/members.md"), "utf8")).toContain(
      "(/media/wp-content/uploads/2020/01/alias.png)",
    );
  });

  it("skips a post nested 5,000 deep and one above the size limit, each with its line", () => {
    const text = reportOf(content);
    expect(text).toContain(
      "- /2020/02/01/deep/: not read: elements nested more than 256 deep (a broken or hostile page)",
    );
    expect(text).toMatch(/- \/2020\/02\/02\/big\/: not read: 4(\.\d)? MB, above the 4 MB limit for one page/);
  });
});
