import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { attached, count, firstTag, hasTag, textLength, textStart, textWithout, within } from "./dom.ts";

const html = `<div id="a"><p>第一段<a href="/1">一</a></p><div id="b"><p>第二段<a href="/2">二</a></p><script>var x;</script></div></div><p id="out"><a href="/3">外</a></p>`;

describe("within", () => {
  it("finds what scope.find finds: the matches below the scope, in document order, never the scope itself", () => {
    const $ = load(html);
    expect(
      within($, $("#a"), "a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["/1", "/2"]);
    expect(
      within($, $("#b"), "div, a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["/2"]);
    expect(within($, $("#a"), "p").length).toBe($("#a").find("p").length);
  });
});

describe("walks without recursion", () => {
  const $ = load(html);
  const a = $("#a")[0]!;
  it("count, hasTag and firstTag look below the node", () => {
    expect(count(a, "a")).toBe(2);
    expect(hasTag(a, "script")).toBe(true);
    expect(hasTag($("#out")[0]!, "p")).toBe(false);
    expect($(firstTag(a, "p") as typeof a).text()).toBe("第一段一");
  });
  it("text: its start, its length, and without scripts, as cheerio's text() would give it", () => {
    expect(textStart(a, 4)).toBe("第一段一");
    expect(textLength(a)).toBe($("#a").text().length);
    expect(textWithout(a, new Set(["script"]))).toBe("第一段一第二段二");
  });
  it("attached: false for a node inside a removed block", () => {
    const inner = $("#b a")[0]!;
    expect(attached(inner)).toBe(true);
    $("#b").remove();
    expect(attached(inner)).toBe(false);
  });
});
