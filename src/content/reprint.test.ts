import { describe, expect, it } from "vitest";
import { readArticle } from "./article.ts";
import { readRegistry } from "./categories.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { COPYRIGHT_EXPECTED, isReprint, OWN_SOURCE_WORDS, SOURCE_URL_EXPECTED } from "./reprint.ts";
import { parseYamlSource } from "./yaml-source.ts";

const FILE = "content/articles/notes/a.md";
const { registry } = readRegistry(parseYamlSource("- slug: notes\n  name: 筆記\n", "c.yaml"), "c.yaml", "zh-Hant");

/** Reads an article whose front-matter is the fixed head plus `lines`. */
function read(lines: string) {
  const { split } = splitFrontMatter(
    `---\ntitle: 標題\ncategory: notes\ndate: 2022-05-10\n${lines}---\n正文。\n`,
    FILE,
  );
  return readArticle(split!.frontMatter, split!.body, split!.bodyLine, {
    file: FILE,
    baseName: "a",
    timeZone: "Asia/Shanghai",
    registry,
  });
}

describe("isReprint", () => {
  it("calls no source and the words legacy CMSs print for the site itself the site's own", () => {
    for (const own of ["", "  ", "本站", "本網", "本网", "本社", "原創", "原创", "本站原創", "本站原创", "原創文章"])
      expect(isReprint(own), own).toBe(false);
    expect(isReprint("Original"), "Latin letters in any case").toBe(false);
    expect(isReprint(" This  Site "), "spaces trimmed and folded").toBe(false);
    expect(OWN_SOURCE_WORDS).toContain("");
  });
  it("calls the site's own names (its title, copyright.ownSources) the site's own, full-width forms folded", () => {
    expect(isReprint("衡石研究社", ["衡石研究文庫", "衡石研究社"])).toBe(false);
    expect(isReprint("ＡＢＣ Research", ["abc research"])).toBe(false);
  });
  it("calls a source holding one of the publisher's own names (ownSources) the site's own, and not the title", () => {
    expect(isReprint("《衡石通訊》第41期", ["衡石研究文庫"], ["衡石通訊"])).toBe(false);
    expect(isReprint("Hengshi Research Notes, no. 3", [], ["hengshi research notes"])).toBe(false);
    expect(isReprint("《航運月刊》第2期", ["衡石研究文庫"], ["衡石通訊"])).toBe(true);
    expect(isReprint("轉載自衡石研究文庫", ["衡石研究文庫"])).toBe(true);
    expect(isReprint("網絡", [], [" "]), "a blank own name matches nothing").toBe(true);
  });
  it("calls any other publisher a reprint, a near-miss of an own word included", () => {
    expect(isReprint("《航運月刊》")).toBe(true);
    expect(isReprint("網絡")).toBe(true);
    expect(isReprint("本站記者", ["衡石研究社"])).toBe(true);
    expect(isReprint("衡石研究社")).toBe(true);
  });
});

describe("copyright and source_url in front-matter", () => {
  it("default to the site's notice and no link", () => {
    const { article, problems } = read("");
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ copyright: null, sourceUrl: "" });
  });
  it("read false, true and an article's own text (trimmed)", () => {
    expect(read("copyright: false\n").article?.copyright).toBe(false);
    expect(read("copyright: true\n").article?.copyright).toBeNull();
    expect(read("copyright: '  經作者授權轉載。 '\n").article?.copyright).toBe("經作者授權轉載。");
  });
  it("read source_url as the URL parser normalises it, the Unicode path percent-encoded", () => {
    const { article, problems } = read("source: 《航運月刊》\nsource_url: https://shipping.example.com/港口.html\n");
    expect(problems).toEqual([]);
    expect(article?.sourceUrl).toBe("https://shipping.example.com/%E6%B8%AF%E5%8F%A3.html");
    expect(article?.source).toBe("《航運月刊》");
  });
  it("refuse a copyright that is neither true, false nor text, naming line and column", () => {
    const { article, problems } = read("copyright: 5\n");
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      { file: FILE, line: 5, column: 12, field: "copyright", found: "number 5", expected: COPYRIGHT_EXPECTED },
    ]);
    expect(read("copyright: [a]\n").problems).toMatchObject([
      { field: "copyright", found: expect.stringMatching(/list/) },
    ]);
    expect(read("copyright: ' '\n").problems).toMatchObject([{ field: "copyright", found: "an empty text" }]);
  });
  it("refuse a source_url that is not an http(s) address with a host", () => {
    for (const bad of [
      "javascript:alert(1)",
      "ftp://example.org/a",
      "/notes/a/",
      "https://exa mple.org/",
      "https://",
    ]) {
      const { article, problems } = read(`source: 某報\nsource_url: "${bad}"\n`);
      expect(article, bad).toBeUndefined();
      expect(problems, bad).toMatchObject([{ line: 6, field: "source_url", expected: SOURCE_URL_EXPECTED }]);
    }
    expect(read("source: 某報\nsource_url: 12\n").problems).toMatchObject([
      { field: "source_url", found: "number 12" },
    ]);
  });
  it("refuse a source_url with no source to put it on", () => {
    expect(read("source_url: https://shipping.example.com/a.html\n").problems).toMatchObject([
      { line: 5, field: "source_url", found: "a link with no source: to put it on" },
    ]);
  });
  it("suggest the right key for a misspelt one", () => {
    expect(read("source_ulr: https://a.example/\n").problems).toMatchObject([
      { field: "source_ulr", expected: 'did you mean "source_url"?' },
    ]);
  });
});
