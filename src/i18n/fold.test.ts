import { describe, expect, it } from "vitest";
import { fold, foldTable } from "./fold.ts";

describe("fold", () => {
  it("folds Traditional to Simplified character by character", () => {
    expect(fold("工業營銷的關鍵客戶")).toBe("工业营销的关键客户");
  });

  it("folds both scripts of a word to the same text, including one-to-many characters", () => {
    // 髮 (hair) and 發 (issue) are both 发 in Simplified: the Simplified query must find either.
    expect(fold("頭髮")).toBe(fold("头发"));
    expect(fold("發展")).toBe(fold("发展"));
  });

  it("is idempotent, so both scripts of every word meet (什麼 / 什么, 薴 / 苧 / 苎)", () => {
    expect(fold("什麼")).toBe(fold("什么"));
    expect(fold("怎麼")).toBe(fold("怎么"));
    expect(fold("薴")).toBe(fold("苎"));
    const { to } = foldTable();
    for (const c of to) expect(fold(c), c).toBe(c);
  });

  it("folds Taiwan and Hong Kong variant forms first", () => {
    expect(fold("綫")).toBe(fold("線"));
  });

  it("leaves Simplified text, Latin text and punctuation unchanged", () => {
    const text = "工业营销 Key Account Management，2013年。";
    expect(fold(text)).toBe(text);
  });

  it("folds full-width letters and digits to ASCII", () => {
    expect(fold("ＫＡＭ２０１３")).toBe("KAM2013");
  });

  it("never changes the length, so positions carry over to the original", () => {
    const text = "學術研究 𠀋 㗲 工業營銷 ＡＢＣ";
    expect(fold(text).length).toBe(text.length);
  });

  it("exports the same fold as two aligned strings for the search page", () => {
    const { from, to } = foldTable();
    const keys = [...from];
    const values = [...to];
    expect(keys.length).toBe(values.length);
    expect(keys.length).toBeGreaterThan(3000);
    const map = new Map(keys.map((k, i) => [k, values[i]!]));
    const browserFold = (s: string) => [...s].map((c) => map.get(c) ?? c).join("");
    for (const s of ["工業營銷", "頭髮", "綫", "ＡＢＣ", "已经是简体"]) expect(browserFold(s)).toBe(fold(s));
  });

  it("gives what the reference fold (a Map looked up per code point) gives, on every table entry and mixed text", () => {
    // The reference is fold's former implementation, kept here so the code-point lookup cannot drift from it.
    const { from, to } = foldTable();
    const map = new Map([...from].map((k, i) => [k, [...to][i]!]));
    const reference = (s: string) => {
      let out = "";
      for (const c of s) out += map.get(c) ?? c;
      return out;
    };
    const astralKeys = [...from].filter((c) => c.length === 2);
    expect(astralKeys.length).toBeGreaterThan(0);
    const samples = [
      from,
      to,
      [...from].reverse().join(" "),
      "工業營銷的關鍵客戶，頭髮發展，什麼怎麼。", // Traditional
      "工业营销的关键客户，头发发展，什么怎么。", // Simplified
      "綫 衞 着 裏 峯 爲 眞 僞 説 衆", // Taiwan and Hong Kong variants
      `學術 𠀋 𪚥 ${astralKeys.slice(0, 20).join("")} 😀 end`, // surrogate pairs, folded and not
      "\ud800 lone \udc00 high\ud83d", // lone surrogates stay as they are
      "Key Account Management, 2013. ＫＡＭ２０１３ ｋａｍ",
      "",
    ];
    for (const s of samples) expect(fold(s), s.slice(0, 20)).toBe(reference(s));
  });
});
