// Body images built for real: those in content/media/ carry the width and height read from their files
// (sides swapped for a turned JPEG), remote ones and SVGs without a size carry none, and an article
// pointing at images that are not there fails the check with every one of them, each with its line.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { check, formatProblem } from "../src/index.ts";
import { brokenLinks, build, fixture, page, PROJECT, type BuildResult } from "./helpers/build.ts";

let site: BuildResult;
beforeAll(async () => {
  site = await build(fixture("image-sizes"), { args: ["--no-search"] });
  if (site.code !== 0) throw new Error(site.stderr);
}, 60_000);

describe("image sizes, in a built site", () => {
  it("writes width and height on every body image found in content/media/", () => {
    const $ = page(site.output, "/notes/photos/");
    const images = $(".article-body img")
      .map((_, el) => ({ src: $(el).attr("src"), width: $(el).attr("width"), height: $(el).attr("height") }))
      .get();
    expect(images).toEqual([
      { src: "/media/2019/photo.jpg", width: "640", height: "480" },
      { src: "/media/chart.png", width: "320", height: "200" },
      { src: "/media/%E5%BB%A0%E6%88%BF.png", width: "24", height: "18" },
      { src: "/media/pic.webp", width: "50", height: "40" },
      { src: "/media/anim.gif", width: "16", height: "12" },
      { src: "/media/diagram.svg", width: "120", height: "80" },
      // Stored 40 × 30 with EXIF orientation 6: shown turned.
      { src: "/media/rotated.jpg", width: "30", height: "40" },
      // width="100%" and no viewBox: no size to give.
      { src: "/media/fluid.svg", width: undefined, height: undefined },
      { src: "https://img.example.org/plant/outside.jpg", width: undefined, height: undefined },
    ]);
  });

  it("keeps the first image eager and the later ones lazy, the caption on its figure", () => {
    const $ = page(site.output, "/notes/photos/");
    expect($(".article-body img").first().attr("loading")).toBeUndefined();
    expect($(".article-body img[loading=lazy][decoding=async]").length).toBe(8);
    expect($("figure img").attr("width")).toBe("320");
    expect($("figure figcaption").text()).toBe("二〇二〇年各季產量");
  });

  it("leaves `![…](…)` in code as text and every image link working", () => {
    const $ = page(site.output, "/notes/photos/");
    expect($(".article-body code").text()).toBe("![例子](/media/none.jpg)");
    expect(brokenLinks(site.output)).toEqual([]);
  });
});

describe("images that are not in content/media/", () => {
  it("fail the build, every one reported with its file, line, field and a near name", async () => {
    const failed = await build(fixture("missing-images"));
    expect(failed.code).toBe(1);
    const lines = failed.stderr.trim().split("\n");
    const file = "tests/fixtures/missing-images/articles/broken.md";
    expect(lines).toContain(
      `${file}:10:12  body  image "/media/2019/photo.jpeg", which is not in content/media/ — a file under content/media/ — did you mean "/media/2019/photo.jpg"?`,
    );
    expect(lines).toContain(
      `${file}:13:1  body  image "/media/2020/warehouse-north.jpg", which is not in content/media/ — a file under content/media/ (the image is published at /media/ and its path below it)`,
    );
    expect(lines.at(-1)).toBe("wenku: 4 errors in 2 of 4 files; nothing was written.");
  });

  it("are reported by check with the other mistakes of an article whose front-matter is wrong too", async () => {
    const result = await check({ content: fixture("missing-images") });
    expect(result.ok).toBe(false);
    const shown = result.problems.map((p) => formatProblem({ ...p, file: path.relative(PROJECT, p.file) }));
    const typo = "tests/fixtures/missing-images/articles/typo-too.md";
    expect(shown).toContainEqual(expect.stringMatching(new RegExp(`^${typo}:3:\\d+  category  "nots"`)));
    expect(shown).toContainEqual(
      `${typo}:6:1  body  image "/media/side-door.png", which is not in content/media/ — a file under content/media/ (the image is published at /media/ and its path below it)`,
    );
    expect(result.problems.filter((p) => p.field === "body").map((p) => p.line)).toEqual([10, 13, 6]);
  });
});
