import { describe, expect, it } from "vitest";
import { delimiterFor, parseAnalyticsCsv, parseCount } from "./analytics-csv.ts";

describe("delimiterFor", () => {
  it("takes tab for .tsv whatever the first line holds", () => {
    expect(delimiterFor("pages.TSV", "Page,Title\tViews\n")).toBe("\t");
  });
  it("sniffs the header line of any other file, ignoring delimiters inside quotes and comment lines", () => {
    expect(delimiterFor("pages.csv", "Page\tViews\n/a/\t1,234\n")).toBe("\t");
    expect(delimiterFor("pages.csv", '# from, the, export\n"Page;with;semicolons",Views\n')).toBe(",");
    expect(delimiterFor("export.csv", "\uFEFFSeite;Aufrufe\n/a/;1\n")).toBe(";");
  });
});

describe("parseCount", () => {
  it("reads whole numbers with thousands separators of one kind", () => {
    expect(parseCount("1234")).toEqual({ count: 1234 });
    expect(parseCount(" 1,234,567 ")).toEqual({ count: 1234567 });
    expect(parseCount("1 234")).toEqual({ count: 1234 });
    expect(parseCount("1\u00a0234")).toEqual({ count: 1234 });
    expect(parseCount(String(Number.MAX_SAFE_INTEGER))).toEqual({ count: Number.MAX_SAFE_INTEGER });
  });
  it("refuses decimals, signs, exponents, misplaced separators and counts above MAX_SAFE_INTEGER", () => {
    for (const cell of ["1.5", "-3", "1e20", "12,34", "1,234 567", "", "abc"])
      expect("expected" in parseCount(cell), cell).toBe(true);
    expect(parseCount("100000000000000000000")).toEqual({
      expected: expect.stringContaining(String(Number.MAX_SAFE_INTEGER)),
    });
    expect(parseCount("9007199254740992")).toEqual({ expected: expect.stringContaining("at most") });
  });
});

describe("parseAnalyticsCsv", () => {
  it("takes the URL column and the header's views column, skipping comments, headers and totals", () => {
    const csv =
      '\uFEFF# report\n"Page","Title","Views"\n/a/,"A, b",1\n"https://x.example/%E6%96%87/","t","2,345"\nTotal,,2346\n';
    const { rows, problems } = parseAnalyticsCsv(csv, "pages.csv");
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { path: "/a/", count: 1, line: 3 },
      { path: "/文/", count: 2345, line: 4 },
    ]);
  });
  it("reads a TSV row's count with a thousands comma as one number", () => {
    expect(parseAnalyticsCsv("Page\tViews\n/a/b/\t1,234\n", "pages.tsv").rows).toEqual([
      { path: "/a/b/", count: 1234, line: 2 },
    ]);
  });
  it("keeps a row whose quoted title holds a newline, numbering lines as the file does (CRLF too)", () => {
    const csv = 'Page,Title,Views\r\n/a/,"two\r\nlines",5\r\n/b/,t,6\r\n';
    expect(parseAnalyticsCsv(csv, "pages.csv").rows).toEqual([
      { path: "/a/", count: 5, line: 2 },
      { path: "/b/", count: 6, line: 4 },
    ]);
  });
  it("uses the Views column even when a title looks like a number", () => {
    expect(parseAnalyticsCsv('Page,Title,Views,Users\n/618/,"618",120,88\n', "p.csv").rows).toEqual([
      { path: "/618/", count: 120, line: 2 },
    ]);
  });
  it("without a header takes the first cell holding a count", () => {
    expect(parseAnalyticsCsv("/a/,Title,7,3\n", "p.csv").rows).toEqual([{ path: "/a/", count: 7, line: 1 }]);
  });
  it("names file, line, column, what was found and what was expected for a bad count", () => {
    const { rows, problems } = parseAnalyticsCsv(
      "Page,Views\n/a/,3\n/b/,1e20\n/c/,100000000000000000000\n/d/\n",
      "pages.csv",
    );
    expect(rows).toEqual([{ path: "/a/", count: 3, line: 2 }]);
    expect(problems).toEqual([
      {
        file: "pages.csv",
        line: 3,
        column: 0,
        field: '"Views" (column 2)',
        found: '"1e20"',
        expected: expect.stringContaining("a whole number"),
      },
      {
        file: "pages.csv",
        line: 4,
        column: 0,
        field: '"Views" (column 2)',
        found: '"100000000000000000000"',
        expected: expect.stringContaining(`at most ${Number.MAX_SAFE_INTEGER}`),
      },
      {
        file: "pages.csv",
        line: 5,
        column: 0,
        field: '"Views" (column 2)',
        found: "nothing (the row is too short)",
        expected: expect.stringContaining("a whole number"),
      },
    ]);
  });
  it("reports a quote left open as a problem with its line, not a crash", () => {
    const { problems } = parseAnalyticsCsv('Page,Views\n/a/,3\n/b/,"4\n', "pages.csv");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "pages.csv", field: "csv", found: expect.stringContaining("Quote") });
    expect(problems[0]!.line).toBeGreaterThan(0);
  });
});
