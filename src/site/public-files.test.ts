import { describe, expect, it } from "vitest";
import { faviconOf, faviconsOf, GONGAN_ICON_HEIGHT, iconDisplaySize } from "./public-files.ts";

describe("faviconsOf", () => {
  it("finds favicon.ico, .png and .svg at the root only, in that order, with their types", () => {
    expect(faviconsOf(["/favicon.svg", "/a/favicon.png", "/favicon.ico", "/Favicon.png", "/robots.txt"])).toEqual([
      { path: "/favicon.ico", type: "image/x-icon" },
      { path: "/favicon.svg", type: "image/svg+xml" },
    ]);
    expect(faviconsOf(["/BingSiteAuth.xml"])).toEqual([]);
  });
});

describe("faviconOf (for feeds)", () => {
  it("prefers PNG, then ICO, then SVG", () => {
    expect(faviconOf(["/favicon.svg", "/favicon.ico", "/favicon.png"])?.path).toBe("/favicon.png");
    expect(faviconOf(["/favicon.svg", "/favicon.ico"])?.path).toBe("/favicon.ico");
    expect(faviconOf(["/favicon.svg"])?.type).toBe("image/svg+xml");
    expect(faviconOf([])).toBeNull();
  });
});

describe("iconDisplaySize", () => {
  it("keeps the line's height and the emblem's proportions", () => {
    expect(iconDisplaySize({ width: 20, height: 20 })).toEqual({ width: GONGAN_ICON_HEIGHT, height: 16 });
    expect(iconDisplaySize({ width: 40, height: 36 })).toEqual({ width: 18, height: 16 });
    expect(iconDisplaySize({ width: 1, height: 500 })).toEqual({ width: 1, height: 16 });
  });
});
