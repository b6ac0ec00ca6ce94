import { describe, expect, it } from "vitest";
import { describeForbidden, forbiddenCharacter, stringsIn } from "./characters.ts";

describe("forbiddenCharacter", () => {
  it("finds a C0 control character and says where", () => {
    expect(forbiddenCharacter("abc\u0007d")).toEqual({ position: 4, codePoint: "U+0007" });
    expect(forbiddenCharacter("\u0000")).toEqual({ position: 1, codePoint: "U+0000" });
    expect(forbiddenCharacter("a\u001bb")).toEqual({ position: 2, codePoint: "U+001B" });
  });

  it("allows tab, line feed and carriage return, and every printable character", () => {
    expect(forbiddenCharacter("a\tb\nc\rd 工業 😀 \u00A0\u2028\uFFFD")).toBeNull();
  });

  it("finds U+FFFE, U+FFFF and unpaired surrogates", () => {
    expect(forbiddenCharacter("x\uFFFE")).toEqual({ position: 2, codePoint: "U+FFFE" });
    expect(forbiddenCharacter("x\uFFFF")).toEqual({ position: 2, codePoint: "U+FFFF" });
    expect(forbiddenCharacter("ab\uD800")).toEqual({ position: 3, codePoint: "U+D800" });
    expect(forbiddenCharacter("\uDC00ab")).toEqual({ position: 1, codePoint: "U+DC00" });
    expect(forbiddenCharacter("\uD83D\uDE00")).toBeNull();
  });

  it("gives the same answer when called again (no regex state left behind)", () => {
    expect(forbiddenCharacter("a\u0001")).toEqual(forbiddenCharacter("a\u0001"));
    expect(forbiddenCharacter("\u0001")).toEqual({ position: 1, codePoint: "U+0001" });
  });
});

describe("stringsIn", () => {
  it("lists every string with its key path, in document order", () => {
    const found = [...stringsIn({ title: "t", footer: { links: [{ text: "a", href: "/b" }] }, n: 3, ok: true })];
    expect(found).toEqual([
      { path: ["title"], text: "t" },
      { path: ["footer", "links", 0, "text"], text: "a" },
      { path: ["footer", "links", 0, "href"], text: "/b" },
    ]);
  });

  it("lists a mapping key that holds a forbidden character", () => {
    expect([...stringsIn({ "a\u0001": 1 })]).toEqual([{ path: ["a\u0001"], text: "a\u0001" }]);
  });

  it("walks very deep nesting without overflowing the stack", () => {
    let deep: unknown = "\u0002";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [first] = [...stringsIn(deep)];
    expect(first!.path).toHaveLength(100_000);
  });
});

describe("describeForbidden", () => {
  it("shows the text printably, with the character and its position", () => {
    const text = "Bad\u0007title";
    expect(describeForbidden(text, forbiddenCharacter(text)!)).toBe(
      '"Bad\\u0007title", which holds U+0007 at character 4',
    );
    const ffff = "a\uFFFF";
    expect(describeForbidden(ffff, forbiddenCharacter(ffff)!)).toBe('"a\\uffff", which holds U+FFFF at character 2');
  });
});
