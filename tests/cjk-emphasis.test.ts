// Bold next to Chinese punctuation, built for real: the article page shows it bold (Traditional and
// Simplified), and the summary in lists and feeds, like the search text, carries no asterisks. And the
// body's images after its first load lazily.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, page, type BuildResult } from "./helpers/build.ts";

let site: BuildResult;
beforeAll(async () => {
  site = await build(fixture("cjk-emphasis"), { args: ["--no-search"] });
  if (site.code !== 0) throw new Error(site.stderr);
}, 60_000);

describe("emphasis next to CJK punctuation, in a built site", () => {
  it("is bold on the article page, in Traditional and Simplified", () => {
    const hant = page(site.output, "/notes/hant/");
    expect(
      hant(".article-body strong")
        .map((_, el) => hant(el).text())
        .get(),
    ).toEqual(["結論：", "「交期」", "重要。"]);
    expect(hant(".article-body").text()).not.toContain("**");
    const hans = page(site.output, "/notes/hans/");
    expect(
      hans(".article-body strong")
        .map((_, el) => hans(el).text())
        .get(),
    ).toEqual(["结论：", "“安全库存”"]);
  });

  it("leaves no asterisks in the summaries of lists and feeds", () => {
    const list = page(site.output, "/notes/");
    expect(list(".article-list-summary").text()).toContain("結論：周轉很快");
    expect(list(".article-list-summary").text()).not.toContain("*");
    const feed = readFileSync(path.join(site.output, "feed.xml"), "utf8");
    expect(feed).toContain("结论：渠道里压着两个月的货");
    expect(feed).not.toContain("**");
  });
});

describe("images in a built article", () => {
  it("load the first at once and every later one lazily, decoded off the main thread", () => {
    const $ = page(site.output, "/notes/photos/");
    const images = $(".article-body img")
      .map((_, el) => ({ src: $(el).attr("src"), loading: $(el).attr("loading"), decoding: $(el).attr("decoding") }))
      .get();
    expect(images).toEqual([
      { src: "https://img.example.org/plant/outside.jpg", loading: undefined, decoding: undefined },
      { src: "https://img.example.org/plant/line.jpg", loading: "lazy", decoding: "async" },
      { src: "https://img.example.org/plant/store.jpg", loading: "lazy", decoding: "async" },
    ]);
  });
});
