import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Category } from "./categories.ts";
import { articlePath, categoryPath, href, outputFile } from "./permalink.ts";

const leaf: Category = {
  slug: "industrial-marketing",
  name: "工業營銷",
  description: "",
  parent: "marketing",
  path: ["research", "marketing", "industrial-marketing"],
  children: [],
  order: 2,
};
const date = DateTime.fromISO("2013-12-27T10:30:07", { zone: "Asia/Shanghai" });

describe("articlePath", () => {
  it("fills the default pattern with the category path and slug", () => {
    expect(articlePath("/{category-path}/{slug}/", { category: leaf, slug: "buying-centre", date })).toBe(
      "/research/marketing/industrial-marketing/buying-centre/",
    );
  });
  it("fills the leaf category and date parts", () => {
    expect(articlePath("/{category}/{yyyy}/{MM}{dd}/{slug}.html", { category: leaf, slug: "123", date })).toBe(
      "/industrial-marketing/2013/1227/123.html",
    );
  });
  it("keeps Chinese slugs as they are (links encode them)", () => {
    expect(articlePath("/{slug}/", { category: leaf, slug: "渠道衝突", date })).toBe("/渠道衝突/");
  });
});

describe("categoryPath", () => {
  it("puts page 1 at the category's own address", () => {
    expect(categoryPath(leaf)).toBe("/research/marketing/industrial-marketing/");
    expect(categoryPath(leaf, 1)).toBe("/research/marketing/industrial-marketing/");
  });
  it("puts page n under page/n/", () => {
    expect(categoryPath(leaf, 3)).toBe("/research/marketing/industrial-marketing/page/3/");
  });
});

describe("outputFile", () => {
  it("writes directory paths as index.html", () => {
    expect(outputFile("/a/b/")).toBe("a/b/index.html");
    expect(outputFile("/")).toBe("index.html");
  });
  it("writes .html paths as given", () => {
    expect(outputFile("/a/2013/123.html")).toBe("a/2013/123.html");
  });
});

describe("href", () => {
  it("adds the path prefix and percent-encodes", () => {
    expect(href("/archive/", "/研究/a/")).toBe("/archive/%E7%A0%94%E7%A9%B6/a/");
  });
  it("leaves the root prefix alone", () => {
    expect(href("/", "/a/")).toBe("/a/");
  });
  it("appends an encoded fragment", () => {
    expect(href("/", "/a/page/2/", "entry-a--渠道")).toBe("/a/page/2/#entry-a--%E6%B8%A0%E9%81%93");
  });
});
