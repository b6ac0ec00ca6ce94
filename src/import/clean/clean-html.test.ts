// The cleaning both importers share: stylesheets' hiding rules read as an attacker writes them, and a
// body cleaned of hidden blocks, spam links, trackers and handlers, each sign of spam kept.
import { describe, expect, it } from "vitest";
import { GENERIC } from "../legacy/profile.ts";
import { cleanHtml, hidingSelectors } from "./clean-html.ts";

describe("hidingSelectors", () => {
  it("finds the simple class and id selectors a stylesheet hides", () => {
    expect(
      hidingSelectors(".a{display:none}#b,.c{position:absolute;left:-9999px}.d{color:red}div .e{display:none}"),
    ).toEqual([".a", "#b", ".c"]);
  });
});

describe("hidingSelectors, on stylesheets an attacker writes", () => {
  it("reads rules inside @media and after comments, and ignores an unclosed comment or rule", () => {
    expect(
      hidingSelectors("/* x { } */@media screen { .a{display:none} } .b{height:0;overflow:hidden} .f{color:red}"),
    ).toEqual([".a", ".b"]);
    expect(hidingSelectors(".c{display:none} /* never closed .d{display:none}")).toEqual([".c"]);
    expect(hidingSelectors(`${"a".repeat(100_000)} .e{display:none`)).toEqual([]);
  });
});

describe("cleanHtml", () => {
  it("removes a block the body's own stylesheet hides, a spam link, a tracking pixel and handlers, and names the spam", () => {
    const cleaned = cleanHtml(
      '<style>.k9{display:none}</style><p onclick="x()" style="color:red">正文。<img src="https://hm.baidu.com/p.gif"></p><div class="k9"><a href="https://spam.example/">澳门葡京</a></div><p><a href="https://casino.example/">casino bonus</a></p>',
      GENERIC,
    );
    if ("refused" in cleaned) throw new Error(cleaned.refused);
    expect(cleaned.html).not.toMatch(/k9|葡京|casino|hm\.baidu|onclick|style="/);
    expect(cleaned.html).toContain("<p>正文。</p>");
    expect(cleaned.signs).toEqual([
      "hidden block with 1 link(s) (澳门葡京)",
      "spam link (casino): https://casino.example/",
    ]);
  });

  it("refuses a body nested too deep to walk", () => {
    expect(cleanHtml("<div>".repeat(5000), GENERIC)).toHaveProperty("refused");
  });
});
