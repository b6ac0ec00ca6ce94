// content/public/ published at the site root as it is, the favicon and search engines' verification tags
// in the head, the 公安備案 line with its emblem in the footer; and the mistakes each can hold, reported
// with the file and line: a public file that takes a path the site writes, an emblem that is missing.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, build, fixture, listFiles, page, type BuildResult } from "./helpers/build.ts";

const FIXTURE = fixture("public-files");
const read = (output: string, file: string) => readFileSync(path.join(output, file));

/** A copy of the fixture to change; `change` gets the copy's folder. */
function variant(change: (dir: string) => void): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "wenku-public-")), "content");
  cpSync(FIXTURE, dir, { recursive: true });
  change(dir);
  return dir;
}

function editSite(dir: string, edit: (site: Record<string, unknown>) => void): void {
  const file = path.join(dir, "_data/site.json");
  const site = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  edit(site);
  writeFileSync(file, `${JSON.stringify(site, null, 2)}\n`);
}

let site: BuildResult;
let prefixed: BuildResult;
beforeAll(async () => {
  [site, prefixed] = await Promise.all([
    build(FIXTURE, { args: ["--no-search"] }),
    build(FIXTURE, { args: ["--no-search", "--path-prefix", "/archive/"] }),
  ]);
  if (site.code !== 0) throw new Error(site.stderr);
  if (prefixed.code !== 0) throw new Error(prefixed.stderr);
});

describe("content/public/", () => {
  it("is copied to the site root byte for byte, folders and .well-known/ included", () => {
    for (const file of [
      "favicon.png",
      "favicon.svg",
      "BingSiteAuth.xml",
      "google0123456789abcdef.html",
      "verify/baidu_verify_codeva-Fixture01.html",
      ".well-known/security.txt",
    ])
      expect(read(site.output, file).equals(readFileSync(path.join(FIXTURE, "public", file)))).toBe(true);
  });

  it("leaves hidden files out, with a warning naming them", () => {
    expect(existsSync(path.join(site.output, ".DS_Store"))).toBe(false);
    expect(site.stderr).toMatch(
      /tests\/fixtures\/public-files\/public\/\.DS_Store {2}public {2}not published: a hidden file/,
    );
  });

  it("keeps public files at the output's root under a path prefix (the root is the prefix's folder on the host)", () => {
    expect(read(prefixed.output, "BingSiteAuth.xml").toString()).toContain("0123456789ABCDEF");
  });

  it("counts its files in the build summary", () => {
    // 6 public files beside the pages; the summary's count is every file in the output but the marker.
    const files = listFiles(site.output).filter((f) => f !== ".wenku-site");
    expect(site.stdout).toContain(`${files.length} files`);
  });

  it("leaves no internal link unresolved, the emblem and the icons included", () => {
    expect(brokenLinks(site.output)).toEqual([]);
    expect(brokenLinks(prefixed.output, "/archive/")).toEqual([]);
  });
});

describe("the favicon", () => {
  it("is linked from every page's head with its type, .png before .svg", () => {
    const pages = listFiles(site.output).filter(
      (f) => f.endsWith(".html") && !existsSync(path.join(FIXTURE, "public", f)) && f !== "old/first.html",
    ); // the site's pages: not the public files, not the alias's redirect page (no site head)
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const $ = page(site.output, `/${file}`);
      const icons = $("link[rel=icon]")
        .map((_, el) => `${$(el).attr("href")} ${$(el).attr("type")}`)
        .get();
      expect(icons, file).toEqual(["/favicon.png image/png", "/favicon.svg image/svg+xml"]);
    }
  });

  it("carries the path prefix", () => {
    const $ = page(prefixed.output, "/notes/");
    expect($("link[rel=icon]").first().attr("href")).toBe("/archive/favicon.png");
  });

  it("is the feeds' icon, absolute with the prefix: Atom <icon>, JSON Feed favicon", () => {
    for (const [output, prefix] of [
      [site.output, "/"],
      [prefixed.output, "/archive/"],
    ] as const) {
      const url = JSON.parse(read(output, "feed.json").toString()).home_page_url as string;
      const expected = new URL(`${prefix}favicon.png`, url).href;
      expect(read(output, "feed.xml").toString()).toContain(`<icon>${expected}</icon>`);
      expect(JSON.parse(read(output, "feed.json").toString()).favicon).toBe(expected);
    }
  });

  it("is the empty data: icon when content/public/ has none", async () => {
    const bare = await build(
      variant((dir) => rmSync(path.join(dir, "public"), { recursive: true })),
      { args: ["--no-search"] },
    );
    expect(bare.code, bare.stderr).toBe(0);
    const $ = page(bare.output, "/");
    expect(
      $("link[rel=icon]")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["data:,"]);
  });
});

describe("site.verification", () => {
  it("writes each engine's own meta tag on the home page", () => {
    const $ = page(site.output, "/");
    const meta = (name: string) => $(`meta[name="${name}"]`).attr("content");
    expect(meta("baidu-site-verification")).toBe("codeva-Fixture01");
    expect(meta("msvalidate.01")).toBe("0123456789ABCDEF0123456789ABCDEF");
    expect(meta("google-site-verification")).toBe("fixture_Google-token_0123456789");
    expect(meta("360-site-verification")).toBe("0123456789abcdef0123456789abcdef");
    expect(meta("sogou_site_verification")).toBe("FixtureSogou1");
  });

  it("leaves them off the other pages", () => {
    const $ = page(site.output, "/notes/");
    expect($("meta[name$='verification'], meta[name='msvalidate.01']").length).toBe(0);
  });

  it("refuses a code with a quote or an angle bracket, naming site.json's line", async () => {
    const bad = await build(
      variant((dir) =>
        editSite(dir, (s) => {
          (s.verification as Record<string, string>).google = 'abc"><script>x</script>';
        }),
      ),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /_data\/site\.json:\d+:\d+ {2}verification\.google {2}.*script.* — the code the search engine gave/,
    );
  });
});

describe("footer.gongan", () => {
  it("links the number to the registry's query page, beside the ICP line on every page", () => {
    for (const p of ["/", "/notes/", "/archive/"]) {
      const $ = page(site.output, p);
      const link = $("footer .gongan a");
      expect(link.attr("href"), p).toBe("https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001");
      expect(link.text()).toBe("京公网安备11010502000001号");
      expect($("footer .icp").next().is(".gongan")).toBe(true);
    }
  });

  it("shows the emblem 16 px high, as wide as its proportions (40×36 → 18×16), with an alt", () => {
    const img = page(site.output, "/")("footer .gongan img");
    expect(img.attr("src")).toBe("/media/emblem.png");
    expect([img.attr("width"), img.attr("height")]).toEqual(["18", "16"]);
    expect(img.attr("alt")).toBe("");
    expect(page(prefixed.output, "/")("footer .gongan img").attr("src")).toBe("/archive/media/emblem.png");
  });

  it("takes the link from url, {code} filled in", async () => {
    const own = await build(
      variant((dir) =>
        editSite(dir, (s) => {
          const footer = s.footer as { gongan: Record<string, string> };
          footer.gongan.url = "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}";
        }),
      ),
      { args: ["--no-search"] },
    );
    expect(own.code, own.stderr).toBe(0);
    expect(page(own.output, "/")("footer .gongan a").attr("href")).toBe(
      "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502000001",
    );
  });

  it("reports a missing emblem, a code that is not 14 digits and a text without it, all at once with site.json's lines", async () => {
    const bad = await build(
      variant((dir) =>
        editSite(dir, (s) => {
          const footer = s.footer as { gongan: Record<string, string> };
          footer.gongan.icon = "/media/no-such-emblem.png";
        }),
      ),
    );
    expect(bad.code).toBe(1);
    const lines = bad.stderr.split("\n");
    const siteJson = readFileSync(path.join(FIXTURE, "_data/site.json"), "utf8").split("\n");
    const iconLine = siteJson.findIndex((l) => l.includes('"icon"')) + 1;
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `_data/site\\.json:${iconLine}:\\d+ {2}footer\\.gongan\\.icon {2}"/media/no-such-emblem\\.png": there is no file .*media/no-such-emblem\\.png — the site path of the emblem image`,
        ),
      ),
    );
    const worse = await build(
      variant((dir) =>
        editSite(dir, (s) => {
          const footer = s.footer as { gongan: Record<string, string> };
          Object.assign(footer.gongan, { code: "1101050200000", text: "京公网安备号", icon: "/no-such.svg" });
        }),
      ),
    );
    expect(worse.code).toBe(1);
    expect(worse.stderr).toMatch(/footer\.gongan\.code {2}"1101050200000" — the 14-digit filing number/);
    expect(worse.stderr).toMatch(/footer\.gongan\.text {2}"京公网安备号" — text that shows the number 1101050200000/);
    expect(worse.stderr).toMatch(/footer\.gongan\.icon {2}"\/no-such\.svg": there is no file .*public\/no-such\.svg/);
  });
});

describe("a public file that takes a path the site writes", () => {
  it("is an error naming the public file and what it collides with, every one at once", async () => {
    const bad = await build(
      variant((dir) => {
        const pub = path.join(dir, "public");
        writeFileSync(path.join(pub, "robots.txt"), "User-agent: *\n");
        writeFileSync(path.join(pub, "Index.html"), "<p>old home</p>");
        writeFileSync(path.join(pub, "sitemap.xml"), "<urlset/>");
        cpSync(path.join(pub, "favicon.png"), path.join(pub, "notes"));
        writeFileSync(path.join(pub, "_redirects"), "/a /b 301\n");
        cpSync(path.join(pub, "verify"), path.join(pub, "assets"), { recursive: true });
        cpSync(path.join(pub, "verify"), path.join(pub, "old", "first.html"), { recursive: true });
      }),
    );
    expect(bad.code).toBe(1);
    const expected = [
      /public\/robots\.txt {2}- {2}the public file \/robots\.txt is also written by the site file \/robots\.txt — a path of its own/,
      /public\/Index\.html {2}- {2}the public file \/Index\.html is also written by the home page/,
      /public\/sitemap\.xml {2}- {2}the public file \/sitemap\.xml is also written by the site file \/sitemap\.xml/,
      /public\/notes {2}- {2}the public file \/notes would be a file where a folder is needed by/,
      /public\/_redirects {2}- {2}the public file \/_redirects is also written by the site file \/_redirects/,
      /public\/assets\/baidu_verify_codeva-Fixture01\.html {2}- {2}the public file .* is inside \/assets\//,
      /public\/old\/first\.html\/baidu_verify_codeva-Fixture01\.html {2}- {2}the public file .* would need a folder where a file \(\/old\/first\.html\) is written by an alias/,
    ];
    for (const line of expected) expect(bad.stderr).toMatch(line);
  });

  it("publishes a symbolic link only when its target is inside the content folder", async () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), "wenku-outside-")), "secret.txt");
    writeFileSync(outside, "not for the site");
    const linked = await build(
      variant((dir) => {
        symlinkSync(outside, path.join(dir, "public", "secret.txt"));
        symlinkSync(path.join(dir, "media", "emblem.png"), path.join(dir, "public", "emblem.png"));
      }),
      { args: ["--no-search"] },
    );
    expect(linked.code, linked.stderr).toBe(0);
    expect(existsSync(path.join(linked.output, "secret.txt"))).toBe(false);
    expect(linked.stderr).toMatch(
      /public\/secret\.txt {2}public {2}not published: a symbolic link to .*outside the content folder/,
    );
    expect(read(linked.output, "emblem.png").equals(readFileSync(path.join(FIXTURE, "media/emblem.png")))).toBe(true);
  });
});
