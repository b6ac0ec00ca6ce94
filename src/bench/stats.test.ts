import { describe, expect, it } from "vitest";
import { markdownTable, median, minMax, summarise } from "./stats.ts";

describe("median", () => {
  it("takes the middle value of an odd count, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([9, 2, 7, 4, 1])).toBe(4);
  });

  it("averages the middle two of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it("returns a single value unchanged", () => {
    expect(median([42])).toBe(42);
  });

  it("does not reorder its input", () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("minMax", () => {
  it("finds both ends of odd and even counts", () => {
    expect(minMax([3, -1, 8])).toEqual({ min: -1, max: 8 });
    expect(minMax([2, 9, 4, 1])).toEqual({ min: 1, max: 9 });
  });

  it("gives one value as both ends", () => {
    expect(minMax([7])).toEqual({ min: 7, max: 7 });
  });

  it("refuses an empty list", () => {
    expect(() => minMax([])).toThrow(RangeError);
  });
});

describe("summarise", () => {
  it("combines median and range", () => {
    expect(summarise([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10 });
  });
});

describe("markdownTable", () => {
  it("pads columns, right-aligns where asked and escapes pipes", () => {
    const table = markdownTable(
      ["size", "step", "wall"],
      [
        ["1000", "floor", "1.2 s"],
        ["1000", "a|b"],
      ],
      ["right", "left", "right"],
    );
    expect(table.split("\n")).toEqual([
      "| size | step  |  wall |",
      "| ---: | ----- | ----: |",
      "| 1000 | floor | 1.2 s |",
      "| 1000 | a\\|b  |       |",
    ]);
  });

  it("writes a header and rule even without rows", () => {
    expect(markdownTable(["a"], [])).toBe("| a   |\n| --- |");
  });
});
