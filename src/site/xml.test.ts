import { describe, expect, it } from "vitest";
import { assertWellFormedXml } from "../../tests/helpers/xml.ts";
import { xml } from "./xml.ts";

describe("xml", () => {
  it("escapes the five predefined entities", () => {
    expect(xml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });

  it("drops C0 control characters but keeps tab, line feed and carriage return", () => {
    expect(xml("a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg")).toBe("abcdefg");
    expect(xml("a\tb\nc\rd")).toBe("a\tb\nc\rd");
  });

  it("drops U+FFFE, U+FFFF and unpaired surrogates, and keeps paired ones (characters beyond U+FFFF)", () => {
    expect(xml("a\uFFFEb\uFFFFc")).toBe("abc");
    expect(xml("x\uD800y\uDC00z\uD83D")).toBe("xyz");
    expect(xml("😀 𠀋")).toBe("😀 𠀋");
  });

  it("keeps Chinese text and other printable characters as they are", () => {
    expect(xml("工業品客戶的採購決策鏈 \u00A0\u0080\u2028")).toBe("工業品客戶的採購決策鏈 \u00A0\u0080\u2028");
  });

  it("always gives well-formed XML, whatever the input", () => {
    let all = "";
    for (let c = 0; c < 0x10000; c += 1) all += String.fromCharCode(c);
    const doc = `<?xml version="1.0" encoding="utf-8"?><t a="${xml(all)}">${xml(all)}</t>`;
    expect(() => assertWellFormedXml(doc)).not.toThrow();
    // The checker itself is strict: the same text unescaped is refused.
    expect(() => assertWellFormedXml(`<t>a\u0001b</t>`)).toThrow(/U\+1/);
    expect(() => assertWellFormedXml(`<t>\uD800</t>`)).toThrow(/U\+D800/);
  });
});
