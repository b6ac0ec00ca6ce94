import { describe, expect, it } from "vitest";
import { ogLocale } from "./og-locale.ts";

describe("ogLocale", () => {
  it("maps the site locales and the languages an article is told to be in to language_TERRITORY", () => {
    expect(ogLocale("zh-Hant")).toBe("zh_TW");
    expect(ogLocale("zh-Hans")).toBe("zh_CN");
    expect(ogLocale("en")).toBe("en_US");
    expect(ogLocale("zh")).toBe("zh_CN");
  });

  it("is Open Graph's default, en_US, for anything else", () => {
    expect(ogLocale("fr")).toBe("en_US");
  });
});
