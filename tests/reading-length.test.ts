// The reading length on a built article page: each Chinese character one, minutes at the site's speed,
// in the site's locale (src/content/reading-length.ts counts; the meta line shows it).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, fixture, page } from "./helpers/build.ts";

describe("the reading length in the meta line", () => {
  it("counts the characters of the body and gives minutes, in Traditional Chinese", async () => {
    const site = await build(fixture("cjk-emphasis"), { args: ["--no-search"] });
    expect(site.code, site.stderr).toBe(0);
    expect(page(site.output, "/notes/hant/")(".article-meta .reading-length").text()).toBe("全文約 42 字 · 約 1 分鐘");
    expect(page(site.output, "/notes/hans/")(".article-meta .reading-length").text()).toBe("全文約 25 字 · 約 1 分鐘");
  });

  it("follows readingSpeed and the English labels", async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "wenku-length-")), "content");
    cpSync(fixture("cjk-emphasis"), content, { recursive: true });
    const config = path.join(content, "_data/site.json");
    writeFileSync(
      config,
      JSON.stringify({ ...JSON.parse(readFileSync(config, "utf8")), locale: "en", readingSpeed: { cjk: 20 } }),
    );
    const site = await build(content, { args: ["--no-search"] });
    expect(site.code, site.stderr).toBe(0);
    expect(page(site.output, "/notes/hant/")(".article-meta .reading-length").text()).toBe("42 words · about 2 min");
  });
});
