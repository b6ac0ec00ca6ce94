import { describe, expect, it } from "vitest";
import { GONGAN_URL, readGongan, readVerification, verificationMeta } from "./beian.ts";

/** Runs a reader, collecting its problems as "field: expected". */
function run<T>(read: (problem: (path: (string | number)[], found: unknown, expected: string) => void) => T) {
  const problems: string[] = [];
  const value = read((path, _found, expected) => problems.push(`${path.join(".")}: ${expected}`));
  return { value, problems };
}

describe("readGongan", () => {
  it("links a well-formed number to the registry's query page", () => {
    const { value, problems } = run((p) =>
      readGongan({ text: "京公网安备11010502053948号", code: "11010502053948", icon: "/media/ga.png" }, p),
    );
    expect(problems).toEqual([]);
    expect(value).toEqual({
      text: "京公网安备11010502053948号",
      code: "11010502053948",
      icon: "/media/ga.png",
      href: "https://beian.mps.gov.cn/#/query/webSearch?code=11010502053948",
    });
    expect(GONGAN_URL).toContain("{code}");
  });

  it("fills {code} into an owner's url", () => {
    const { value } = run((p) =>
      readGongan(
        { text: "粤公网安备44030702000678号", code: "44030702000678", url: "https://x.example/q?c={code}" },
        p,
      ),
    );
    expect(value?.href).toBe("https://x.example/q?c=44030702000678");
    expect(value?.icon).toBe("");
  });

  it("reports a short code, a text without it, a relative icon and a javascript: url at once", () => {
    const { problems } = run((p) =>
      readGongan(
        { text: "京公网安备号", code: "1101050205394", icon: "media/ga.png", url: "javascript:alert({code})" },
        p,
      ),
    );
    expect(problems.map((line) => line.split(":")[0])).toEqual([
      "footer.gongan.code",
      "footer.gongan.text",
      "footer.gongan.icon",
      "footer.gongan.url",
    ]);
  });

  it("refuses a code with letters or spaces, and a number instead of text", () => {
    expect(
      run((p) => readGongan({ text: "京公网安备1101 0502053948号", code: "1101 0502053948" }, p)).problems,
    ).toHaveLength(1);
    expect(run((p) => readGongan({ text: "x", code: 11010502053948 }, p)).problems[0]).toMatch(/^footer\.gongan\.code/);
  });

  it("is off when absent or null, and a mistake when not a mapping", () => {
    expect(run((p) => readGongan(undefined, p)).value).toBeNull();
    expect(run((p) => readGongan(null, p)).value).toBeNull();
    expect(run((p) => readGongan("京公网安备11010502053948号", p)).problems).toHaveLength(1);
  });
});

describe("readVerification", () => {
  it("keeps each engine's code, trimmed", () => {
    const { value, problems } = run((p) => readVerification({ baidu: " codeva-AbC12 ", google: "a_B-c=" }, p));
    expect(problems).toEqual([]);
    expect(value).toEqual({ baidu: "codeva-AbC12", google: "a_B-c=" });
  });

  it("refuses quotes, angle brackets, spaces and empty codes", () => {
    for (const code of ['a"b', "a<b", "a>b", "a b", "a&b", "", 5])
      expect(run((p) => readVerification({ bing: code }, p)).problems, String(code)).toHaveLength(1);
  });
});

describe("verificationMeta", () => {
  it("names each engine's tag as its webmaster tools ask, in a fixed order", () => {
    expect(verificationMeta({ sogou: "s", so: "q", google: "g", bing: "b", baidu: "d" })).toEqual([
      { name: "baidu-site-verification", content: "d" },
      { name: "msvalidate.01", content: "b" },
      { name: "google-site-verification", content: "g" },
      { name: "360-site-verification", content: "q" },
      { name: "sogou_site_verification", content: "s" },
    ]);
  });
});
