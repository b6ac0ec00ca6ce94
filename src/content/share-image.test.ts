import { describe, expect, it } from "vitest";
import { isShareType, readShareImage, shareImageProblem, shareMediaImage } from "./share-image.ts";

const read = (value: unknown) => {
  const problems: string[] = [];
  const image = readShareImage(value, (path, found, expected) =>
    problems.push(`${path.join(".")}|${found}|${expected}`),
  );
  return { image, problems };
};

describe("shareImageProblem", () => {
  it("accepts PNG, JPEG, GIF and WebP under /media/ and https URLs, extensionless ones included", () => {
    for (const src of [
      "/media/a.png",
      "/media/2024/封面.JPG",
      "/media/a.jpeg?v=2",
      "/media/b.gif",
      "/media/c.webp",
      "https://cdn.example.net/x.png",
      "https://cdn.example.net/render?id=3",
      "https://cdn.example.net/分享/圖.jpg",
    ])
      expect(shareImageProblem(src), src).toBeNull();
  });

  it("refuses SVG and other formats previews do not show, at /media/ and at a URL", () => {
    expect(shareImageProblem("/media/a.svg")).toBe("a .svg file, which link previews do not show");
    expect(shareImageProblem("/media/a.avif")).toBe("a .avif file, which link previews do not show");
    expect(shareImageProblem("/media/a")).toBe("a extensionless file, which link previews do not show");
    expect(shareImageProblem("https://cdn.example.net/logo.svg?x=1")).toBe(
      "a .svg image, which link previews do not show",
    );
  });

  it("refuses relative paths, other site paths, plain http, other schemes and hidden characters", () => {
    for (const src of [
      "cover.png",
      "../media/a.png",
      "/assets/a.png",
      "http://x.example/a.png",
      "javascript:alert(1)",
      "//x.example/a.png",
    ])
      expect(shareImageProblem(src), src).toBe("neither a path under /media/ nor an https:// URL");
    expect(shareImageProblem("/media/a b.png")).toMatch(/whitespace/);
    expect(shareImageProblem("https://x.example/a\u200b.png")).toMatch(/control character/);
    expect(shareImageProblem("")).toBe("an empty path");
  });
});

describe("readShareImage", () => {
  it("reads a text as the src without alt, and { src, alt }, trimmed", () => {
    expect(read(" /media/a.png ")).toEqual({ image: { src: "/media/a.png", alt: "" }, problems: [] });
    expect(read({ src: "/media/a.png", alt: " 廠房外觀 " })).toEqual({
      image: { src: "/media/a.png", alt: "廠房外觀" },
      problems: [],
    });
    expect(read(undefined)).toEqual({ image: null, problems: [] });
    expect(read(null)).toEqual({ image: null, problems: [] });
  });

  it("reports an unknown key, a missing or non-text src, a non-text alt, each at its own path", () => {
    expect(read({ src: "/media/a.png", caption: "x" }).problems).toEqual([
      'caption|unknown key "caption"|src and alt only',
    ]);
    expect(read({ alt: "x" }).problems[0]).toMatch(/^src\|nothing\|a PNG, JPEG, GIF or WebP image/);
    expect(read({ src: "/media/a.png", alt: 3 }).problems).toEqual(["alt|number 3|text: what the image shows"]);
    expect(read(["/media/a.png"]).problems[0]).toMatch(/^\|a list\|/);
    expect(read({ src: "/media/a.svg" }).problems[0]).toMatch(/^src\|"\/media\/a\.svg" \(a \.svg file/);
  });
});

describe("shareMediaImage", () => {
  it("is a media image of field image for a /media/ path, with its decoded name; null for a URL", () => {
    const at = { alt: "封面", file: "a.md", line: 5, column: 8 };
    expect(shareMediaImage({ src: "/media/2024/%E5%B0%81.png", ...at })).toEqual({
      src: "/media/2024/%E5%B0%81.png",
      name: "2024/封.png",
      line: 5,
      column: 8,
      alt: "封面",
      field: "image",
    });
    expect(shareMediaImage({ src: "https://cdn.example.net/a.png", ...at })).toBeNull();
  });

  it("isShareType tells the formats previews show by extension, in any case", () => {
    expect(["a.png", "b.JPG", "c.jpeg", "d.gif", "e.webp"].every(isShareType)).toBe(true);
    expect(["a.svg", "b.avif", "c.bmp", "d", "e.png.txt"].some(isShareType)).toBe(false);
  });
});
