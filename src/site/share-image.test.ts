import { describe, expect, it } from "vitest";
import { href } from "../content/permalink.ts";
import type { MediaImage } from "../content/images.ts";
import { articleShareImage, shareImage } from "./share-image.ts";

const ctx = { origin: "https://x.example", link: (p: string) => href("/archive/", p) };
const body = (src: string, name: string, alt = ""): MediaImage => ({ src, name, alt, line: 7, column: 1 });
const site = shareImage({ src: "/media/site.png", alt: "站" }, { width: 1200, height: 630 }, ctx);

describe("shareImage", () => {
  it("makes a /media/ path absolute with origin and prefix, percent-encoded, with its size", () => {
    expect(shareImage({ src: "/media/2024/封面.png", alt: "" }, { width: 10, height: 5 }, ctx)).toEqual({
      url: "https://x.example/archive/media/2024/%E5%B0%81%E9%9D%A2.png",
      alt: "",
      width: 10,
      height: 5,
    });
  });

  it("keeps an https URL, percent-encoded, without a size", () => {
    expect(shareImage({ src: "https://cdn.example.net/圖 a.jpg", alt: "a" }, undefined, ctx)).toEqual({
      url: "https://cdn.example.net/%E5%9C%96%20a.jpg",
      alt: "a",
      width: null,
      height: null,
    });
  });
});

describe("articleShareImage", () => {
  const own = { src: "/media/own.png", alt: "自己的", file: "a.md", line: 5, column: 8 };
  const images = [body("/media/d.svg", "d.svg", "diagram"), body("/media/%E5%9C%96.jpg", "圖.jpg", "照片")];
  const sizes = { "/media/own.png": { width: 800, height: 400 }, "/media/%E5%9C%96.jpg": { width: 640, height: 480 } };

  it("prefers the front-matter image, with its size", () => {
    expect(articleShareImage(own, images, sizes, site, ctx)).toEqual({
      url: "https://x.example/archive/media/own.png",
      alt: "自己的",
      width: 800,
      height: 400,
    });
  });

  it("else takes the body's first image a preview shows (an SVG skipped), with its alt and size", () => {
    expect(articleShareImage(null, images, sizes, site, ctx)).toEqual({
      url: "https://x.example/archive/media/%E5%9C%96.jpg",
      alt: "照片",
      width: 640,
      height: 480,
    });
  });

  it("never takes the front-matter image's own entry as a body image, and falls back to the site's", () => {
    const onlyOwn = [{ ...body("/media/own.png", "own.png"), field: "image" }];
    expect(articleShareImage(null, onlyOwn, sizes, site, ctx)).toBe(site);
    expect(articleShareImage(null, [body("/media/d.svg", "d.svg")], {}, site, ctx)).toBe(site);
    expect(articleShareImage(null, [], {}, null, ctx)).toBeNull();
  });
});
