import { describe, expect, it } from "vitest";
import { parseYamlSource } from "../content/yaml-source.ts";
import { readSiteConfig } from "../config/site.ts";
import {
  deadLinkLines,
  deadLinkRecordText,
  MAX_LINES,
  moveLines,
  numberedFiles,
  oldBase,
  oldUrl,
  readDeadLinkRecord,
  seoFiles,
  type MoveAlias,
} from "./seo-move.ts";

const SITE = { url: "https://archive.example.org", pathPrefix: "/" };
const alias = (file: string, path: string, canonical: string): MoveAlias => ({ file, alias: path, canonical });

describe("oldBase: where old addresses are", () => {
  it("is the site itself when it keeps its address", () => {
    expect(oldBase(SITE, null)).toBe("https://archive.example.org");
  });
  it("includes the path prefix of a GitHub Pages project site, whose alias pages answer under it", () => {
    expect(oldBase({ url: "https://user.github.io", pathPrefix: "/archive/" }, null)).toBe(
      "https://user.github.io/archive",
    );
  });
  it("is move.from when the old site had another address, prefix or not", () => {
    expect(oldBase({ url: "https://user.github.io", pathPrefix: "/archive/" }, "https://www.old.example")).toBe(
      "https://www.old.example",
    );
    expect(oldBase(SITE, "https://www.old.example/bbs/")).toBe("https://www.old.example/bbs");
  });
});

describe("oldUrl: an old address as an absolute, percent-encoded URL", () => {
  it("encodes a Chinese path segment by segment, as UTF-8", () => {
    expect(oldUrl("https://a.example", "/新闻/2013/一.html")).toBe(
      "https://a.example/%E6%96%B0%E9%97%BB/2013/%E4%B8%80.html",
    );
  });
  it("keeps a query's own punctuation and encodes what a query may not hold", () => {
    expect(oldUrl("https://a.example", "/plus/view.php?aid=12&type=1")).toBe(
      "https://a.example/plus/view.php?aid=12&type=1",
    );
    expect(oldUrl("https://a.example", "/search.php?q=研究 方法")).toBe(
      "https://a.example/search.php?q=%E7%A0%94%E7%A9%B6%20%E6%96%B9%E6%B3%95",
    );
  });
  it("reads a decoded path: a percent sign is itself, and a space is encoded", () => {
    expect(oldUrl("https://a.example", "/100%/a b.html")).toBe("https://a.example/100%25/a%20b.html");
  });
  it("gives addresses a URL parser reads back to the same path", () => {
    const url = new URL(oldUrl("https://a.example/archive", "/研究/a b.html"));
    expect(decodeURIComponent(url.pathname)).toBe("/archive/研究/a b.html");
  });
});

describe("moveLines: one old URL per new one", () => {
  const aliases = [
    alias("a.md", "/a/1.html", "https://new.example/news/a/"),
    alias("a.md", "/plus/a-1.html", "https://new.example/news/a/"),
    alias("a.md", "/a/1_2.html", "https://new.example/news/a/"),
    alias("b.md", "/b/2.html", "https://new.example/news/b/"),
  ];
  it("puts each article's first alias in the move list, old URL, one space, new URL", () => {
    expect(moveLines(aliases, "https://old.example").move).toEqual([
      "https://old.example/a/1.html https://new.example/news/a/",
      "https://old.example/b/2.html https://new.example/news/b/",
    ]);
  });
  it("puts the other aliases in the second list, in front-matter order", () => {
    expect(moveLines(aliases, "https://old.example").extra).toEqual([
      "https://old.example/plus/a-1.html https://new.example/news/a/",
      "https://old.example/a/1_2.html https://new.example/news/a/",
    ]);
  });
  it("never names a new URL twice in the move list", () => {
    const news = moveLines(aliases, "https://old.example").move.map((l) => l.split(" ")[1]);
    expect(new Set(news).size).toBe(news.length);
  });
  it("writes Chinese aliases percent-encoded, each line exactly two URLs", () => {
    const [line] = moveLines(
      [alias("c.md", "/研究/舊文.html", "https://new.example/yj/%E8%88%8A/")],
      "https://x.example",
    ).move;
    expect(line).toBe("https://x.example/%E7%A0%94%E7%A9%B6/%E8%88%8A%E6%96%87.html https://new.example/yj/%E8%88%8A/");
    expect(line!.split(" ")).toHaveLength(2);
  });
});

describe("deadLinkLines", () => {
  it("lists each recorded address once, absolute and sorted", () => {
    expect(
      deadLinkLines(["/plus/view.php?aid=2", "/spam.html", "/plus/view.php?aid=2"], "https://old.example", []),
    ).toEqual(["https://old.example/plus/view.php?aid=2", "https://old.example/spam.html"]);
  });
  it("leaves out addresses the site now answers (a host ignores the query)", () => {
    const served = ["/", "/news/a/", "/plus/index.html", "/old/x/"];
    expect(
      deadLinkLines(
        ["/news/a", "/plus/?aid=1", "/old/x", "/news/a/index.html", "/gone.html"],
        "https://o.example",
        served,
      ),
    ).toEqual(["https://o.example/gone.html"]);
  });
});

describe("readDeadLinkRecord", () => {
  it("reads one path a line, skipping comments and blank lines, trailing spaces dropped", () => {
    const { paths, problems } = readDeadLinkRecord(
      "# a comment\n\n/plus/view.php?aid=12  \r\n/old page.html\n",
      "f.txt",
    );
    expect(problems).toEqual([]);
    expect(paths).toEqual(["/plus/view.php?aid=12", "/old page.html"]);
  });
  it("names the file and line of a line that is not a site path", () => {
    const { problems } = readDeadLinkRecord("/ok\nhttps://old.example/a\n//host/x\n", "_import/own-dead-links.txt");
    expect(problems.map((p) => [p.file, p.line, p.found])).toEqual([
      ["_import/own-dead-links.txt", 2, '"https://old.example/a"'],
      ["_import/own-dead-links.txt", 3, '"//host/x"'],
    ]);
    expect(problems[0]!.expected).toContain('"/plus/view.php?aid=12"');
  });
  it("reads back what an import writes", () => {
    const text = deadLinkRecordText("legacy-html", ["/b?x=1", "/a b.html", "/b?x=1"]);
    expect(readDeadLinkRecord(text, "r.txt")).toEqual({ paths: ["/a b.html", "/b?x=1"], problems: [] });
  });
});

describe("numberedFiles: at most so many lines a file", () => {
  const lines = Array.from({ length: 7 }, (_, i) => `https://o.example/${i} https://n.example/${i}/`);
  it("cuts at the injected limit, numbering from 1, every line kept in order", () => {
    const files = numberedFiles("baidu-move", lines, { lines: 3, bytes: 1e6 });
    expect(files.map((f) => [f.name, f.lines])).toEqual([
      ["baidu-move-1.txt", 3],
      ["baidu-move-2.txt", 3],
      ["baidu-move-3.txt", 1],
    ]);
    expect(files.flatMap((f) => f.text.trimEnd().split("\n"))).toEqual(lines);
  });
  it("cuts by bytes too (the 10 MB limit), counting UTF-8 bytes and newlines", () => {
    const files = numberedFiles("dead-links", ["aaaa", "bbbb", "cccc"], { lines: 100, bytes: 10 });
    expect(files.map((f) => f.text)).toEqual(["aaaa\nbbbb\n", "cccc\n"]);
  });
  it("writes no file for no lines", () => {
    expect(numberedFiles("dead-links", [])).toEqual([]);
  });
  it("holds 50,000 lines in one file and starts a second at the 50,001st", () => {
    expect(MAX_LINES).toBe(50_000);
    const pairs = Array.from({ length: 50_001 }, (_, i) => `https://o.example/a/${i}.html https://n.example/a/${i}/`);
    const files = numberedFiles("baidu-move", pairs);
    expect(files.map((f) => [f.name, f.lines])).toEqual([
      ["baidu-move-1.txt", 50_000],
      ["baidu-move-2.txt", 1],
    ]);
    expect(files[0]!.text.split("\n")).toHaveLength(50_001); // 50,000 lines and the final newline
    expect(files[1]!.text).toBe("https://o.example/a/50000.html https://n.example/a/50000/\n");
  });
});

describe("seoFiles", () => {
  it("makes the move, extra and dead-link files, each family numbered on its own", () => {
    const files = seoFiles(
      {
        aliases: [
          alias("a.md", "/a.html", "https://n.example/a/"),
          alias("a.md", "/a2.html", "https://n.example/a/"),
          alias("b.md", "/b.html", "https://n.example/b/"),
        ],
        deadPaths: ["/x?id=1", "/y?id=2", "/z?id=3"],
        served: [],
        base: "https://o.example",
      },
      { lines: 2, bytes: 1e6 },
    );
    expect(files.map((f) => [f.name, f.lines])).toEqual([
      ["baidu-move-1.txt", 2],
      ["baidu-move-extra-1.txt", 1],
      ["dead-links-1.txt", 2],
      ["dead-links-2.txt", 1],
    ]);
  });
});

describe("move.from in site config", () => {
  const read = (yaml: string) => readSiteConfig(parseYamlSource(yaml, "site.yaml"), "site.yaml");
  it("is null by default: the site keeps its address", () => {
    expect(read("title: x").config.move).toEqual({ from: null });
  });
  it("takes an http(s) address, a path allowed, the final slash dropped", () => {
    expect(read("move: { from: 'https://www.old.example/bbs/' }").config.move).toEqual({
      from: "https://www.old.example/bbs",
    });
  });
  it("refuses what is not such an address, naming the field and line", () => {
    const { problems } = read("title: x\nmove:\n  from: ftp://old.example/?a=1\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "move.from", line: 3, found: '"ftp://old.example/?a=1"' });
    expect(read("move: https://old.example").problems[0]).toMatchObject({ field: "move" });
    expect(read("move: { to: x }").problems[0]!.field).toBe("move.to");
  });
});
