import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "./front-matter.ts";
import { MediaNames, mediaImages, mediaName, missingImages } from "./images.ts";
import { formatProblem } from "./problems.ts";

describe("mediaName", () => {
  it("is the decoded path below /media/ of a root-relative target, without query or fragment", () => {
    expect(mediaName("/media/2019/a.jpg")).toBe("2019/a.jpg");
    expect(mediaName("/media/%E5%BB%A0%E6%88%BF.png")).toBe("廠房.png");
    expect(mediaName("/media/a.png?v=2#top")).toBe("a.png");
    expect(mediaName("/media/a%.png")).toBe("a%.png");
  });

  it("is null for remote, relative, data: and other site paths, and for a path that climbs out", () => {
    for (const src of [
      "https://img.example.org/media/a.jpg",
      "//cdn.example.org/media/a.jpg",
      "media/a.jpg",
      "../media/a.jpg",
      "data:image/png;base64,iVBORw0KGgo=",
      "/assets/logo.png",
      "/media/",
      "/media/../secret.jpg",
      "/media/%2e%2e/secret.jpg",
    ])
      expect(mediaName(src), src).toBeNull();
  });
});

const FILE = `---
title: 照片
category: notes
date: 2021-04-12
---
![a](/media/a.jpg) 文字 ![a](/media/a.jpg)

- 列表 ![b](/media/子/b.png "說明")
  續行 ![c](/media/c.gif)

> 引文
> ![d][ref]

| 甲 | 乙 |
|---|---|
| x | ![e](/media/e.webp) |

\`![不是](/media/code.jpg)\`

    ![不是](/media/block.jpg)

[![f](/media/f.svg)](/media/big.svg)
![遠端](https://img.example.org/media/r.jpg) ![相對](media/x.jpg)

[ref]: /media/d.jpg
`;

describe("mediaImages", () => {
  const { split } = splitFrontMatter(FILE, "photos.md");
  const found = mediaImages(split!.body, split!.bodyLine);

  it("finds every image under /media/ with its line and column in the file, front-matter counted", () => {
    expect(found.map(({ name, line, column }) => `${line}:${column} ${name}`)).toEqual([
      "6:1 a.jpg",
      "6:23 a.jpg",
      "8:6 子/b.png",
      "9:6 c.gif",
      "12:3 d.jpg",
      "16:7 e.webp",
      "22:2 f.svg",
    ]);
  });

  it("keeps each image's alt as plain text, emphasis and code marks left out", () => {
    expect(found.map((i) => i.alt)).toEqual(["a", "a", "b", "c", "d", "e", "f"]);
    expect(mediaImages("![廠房 *外觀*，`A` 棟](/media/p.jpg)\n", 1)[0]!.alt).toBe("廠房 外觀，A 棟");
  });

  it("keeps the src as markdown-it normalised it: the renderer's key", () => {
    expect(found[2]!.src).toBe("/media/%E5%AD%90/b.png");
  });

  it("skips images in code, remote and relative ones, and bodies without /media/ at all", () => {
    expect(found.map((i) => i.name)).not.toContain("code.jpg");
    expect(found.map((i) => i.name)).not.toContain("block.jpg");
    expect(mediaImages("![a](https://img.example.org/a.jpg)\n", 6)).toEqual([]);
  });

  it("counts lines inside a paragraph of several lines and a setext heading", () => {
    const body = "第一行\n第二行 ![x](/media/x.png)\n\n標題 ![y](/media/y.png)\n===\n";
    expect(mediaImages(body, 10).map((i) => [i.line, i.column])).toEqual([
      [11, 5],
      [13, 4],
    ]);
  });
});

const media = new MediaNames(
  ["2019/photo.jpg", "2019/chart.png", "logo.svg"],
  new Map([["bad.svg", "an SVG that is not a passive picture: a <script> element"]]),
);

describe("missingImages", () => {
  const at = (name: string, line: number) => ({ src: `/media/${name}`, name, line, column: 1, alt: "" });

  it("passes images that are published", () => {
    expect(missingImages("a.md", [at("2019/photo.jpg", 6), at("logo.svg", 7)], media)).toEqual([]);
  });

  it("reports each missing one with its line, the body field, what was found and a near name", () => {
    const problems = missingImages("articles/a.md", [at("2019/photo.jpeg", 6), at("2019/chrat.png", 9)], media);
    expect(problems.map(formatProblem)).toEqual([
      'articles/a.md:6:1  body  image "/media/2019/photo.jpeg", which is not in content/media/ — a file under content/media/ — did you mean "/media/2019/photo.jpg"?',
      'articles/a.md:9:1  body  image "/media/2019/chrat.png", which is not in content/media/ — a file under content/media/ — did you mean "/media/2019/chart.png"?',
    ]);
  });

  it("says where images are published when no name is near", () => {
    const [problem] = missingImages("a.md", [at("2020/far-away-name.jpg", 6)], media);
    expect(problem!.expected).toBe(
      "a file under content/media/ (the image is published at /media/ and its path below it)",
    );
  });

  it("suggests the same file name in another folder when none in its own is near", () => {
    const [problem] = missingImages("a.md", [at("2013/logo.svg", 6)], media);
    expect(problem!.expected).toBe('a file under content/media/ — did you mean "/media/logo.svg"?');
  });

  it("reports every one of thousands of missing images among thousands of files (suggestions within a budget)", () => {
    const many = new MediaNames(Array.from({ length: 5000 }, (_, i) => `2019/img-${i}.jpg`));
    const missing = Array.from({ length: 2000 }, (_, i) => at(`2019/img-${i}.jpeg`, i + 6));
    expect(missingImages("a.md", missing, many)).toHaveLength(2000);
  });

  it("names the field a share image is written in (front-matter image), not the body", () => {
    const [problem] = missingImages("a.md", [{ ...at("2019/cover.png", 5), field: "image" }], media);
    expect(formatProblem(problem!)).toBe(
      'a.md:5:1  image  image "/media/2019/cover.png", which is not in content/media/ — a file under content/media/ (the image is published at /media/ and its path below it)',
    );
  });

  it("names the reason when the file is there but not published", () => {
    const [problem] = missingImages("a.md", [at("bad.svg", 6)], media);
    expect(problem!.found).toBe(
      'image "/media/bad.svg", a file that is not published: an SVG that is not a passive picture: a <script> element',
    );
  });
});
