import { describe, expect, it } from "vitest";
import { closest, editDistance } from "./closest.ts";

const KEYS = ["title", "category", "date", "views", "author", "source", "summary", "slug", "updated", "draft"];

describe("closest", () => {
  it("suggests title for the typo tittle", () => {
    expect(closest("tittle", KEYS)).toBe("title");
  });
  it("suggests category for catgory", () => {
    expect(closest("catgory", KEYS)).toBe("category");
  });
  it("compares case-insensitively and returns the candidate as written", () => {
    expect(closest("TITLE", KEYS)).toBe("title");
    expect(closest("industrial-marketin", ["Industrial-Marketing"])).toBe("Industrial-Marketing");
  });
  it("gives undefined for a word far from every candidate", () => {
    expect(closest("zzzzzz", KEYS)).toBeUndefined();
    expect(closest("publisher", KEYS)).toBeUndefined();
  });
  it("allows one edit for short words", () => {
    expect(closest("dat", KEYS)).toBe("date");
  });
  it("gives undefined when there are no candidates", () => {
    expect(closest("title", [])).toBeUndefined();
  });
  it("prefers the first candidate on a tie", () => {
    expect(closest("cat", ["bat", "hat"])).toBe("bat");
  });
});

describe("editDistance", () => {
  it("is 0 for equal words", () => {
    expect(editDistance("title", "title")).toBe(0);
  });
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("tittle", "title")).toBe(1);
  });
  it("is the other length against the empty string", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
  });
  it("is symmetric", () => {
    expect(editDistance("summary", "sumary")).toBe(editDistance("sumary", "summary"));
  });
});
