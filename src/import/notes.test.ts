import { describe, expect, it } from "vitest";
import { siteOf, tally } from "./notes.ts";

describe("tally", () => {
  it("keeps each note once, in order of first appearance, with its count when repeated", () => {
    expect(tally(["b", "a", "b", "b"])).toEqual(["b (3 times)", "a"]);
    expect(tally([])).toEqual([]);
  });
});

describe("siteOf", () => {
  it("names the site without www., and gives back what is no address", () => {
    expect(siteOf("https://www.youtube.com/embed/x")).toBe("youtube.com");
    expect(siteOf("not an address")).toBe("not an address");
  });
});
