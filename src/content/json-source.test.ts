import { describe, expect, it } from "vitest";
import { parseJsonSource } from "./json-source.ts";

const FILE = "content/_data/categories.json";

describe("parseJsonSource", () => {
  it("reads valid JSON with the positions of its nodes", () => {
    const source = parseJsonSource(
      '[\n  { "slug": "research", "name": "Research" },\n  { "slug": "news",\n    "name": "News" }\n]\n',
      FILE,
    );
    expect(source.problems).toEqual([]);
    expect(source.value).toEqual([
      { slug: "research", name: "Research" },
      { slug: "news", name: "News" },
    ]);
    expect(source.locate([1, "name"])).toEqual({ line: 4, column: 13 });
    expect(source.locate([0, "slug"])).toEqual({ line: 2, column: 13 });
    // A path that does not exist is placed at its nearest ancestor.
    expect(source.locate([1, "parent"])).toEqual({ line: 3, column: 3 });
  });

  it("refuses a trailing comma in a list, naming its line and column", () => {
    const source = parseJsonSource('[\n  { "slug": "research", "name": "Research" },\n]\n', FILE);
    expect(source.value).toBeUndefined();
    expect(source.problems).toEqual([
      {
        file: FILE,
        line: 2,
        column: 45,
        field: "-",
        found: 'a comma before "]"',
        expected: "no comma after the last item (JSON allows no trailing comma)",
      },
    ]);
  });

  it("refuses a trailing comma in a mapping", () => {
    const { problems } = parseJsonSource('{ "title": "A",\n  "locale": "en", }', "site.json");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 17, found: 'a comma before "}"' });
  });

  it("refuses comments, single quotes and bare words that YAML would read", () => {
    expect(parseJsonSource('{ "a": 1 // note\n}', FILE).problems[0]).toMatchObject({
      line: 1,
      column: 10,
      expected: expect.stringContaining("no comments"),
    });
    expect(parseJsonSource("{ 'a': 1 }", FILE).problems[0]).toMatchObject({
      line: 1,
      column: 3,
      found: expect.stringContaining("InvalidSymbol"),
    });
    expect(parseJsonSource('{ "a": yes }', FILE).problems[0]).toMatchObject({
      line: 1,
      column: 8,
      found: 'JSON syntax error: "yes" (InvalidSymbol)',
    });
  });

  it("refuses an unclosed file, saying it ended too early", () => {
    const { problems } = parseJsonSource('{ "a": 1', FILE);
    expect(problems).toEqual([
      {
        file: FILE,
        line: 1,
        column: 9,
        field: "-",
        found: "JSON syntax error: the end of the file (CloseBraceExpected)",
        expected: 'valid JSON: a "}" closing the mapping',
      },
    ]);
  });

  it("refuses an empty file and text after the value", () => {
    expect(parseJsonSource("  \n", FILE).problems[0]).toMatchObject({ line: 1, column: 1, found: "an empty file" });
    expect(parseJsonSource("[]\n[]", FILE).problems[0]).toMatchObject({
      line: 2,
      column: 1,
      found: expect.stringContaining("EndOfFileExpected"),
    });
  });

  it("reports a key given twice with its name and both lines", () => {
    const { problems, value } = parseJsonSource(
      '{\n  "title": "A",\n  "footer": { "icp": "x", "icp": "y" },\n  "title": "B"\n}',
      FILE,
    );
    expect(value).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: FILE,
          line: 4,
          column: 3,
          field: "title",
          found: 'the key "title" again (first on line 2)',
          expected: "each key once",
        },
        {
          file: FILE,
          line: 3,
          column: 27,
          field: "icp",
          found: 'the key "icp" again (first on line 3)',
          expected: "each key once",
        },
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it("keeps __proto__ as an ordinary key (JSON.parse semantics), never as a prototype", () => {
    const { value, problems } = parseJsonSource('{ "__proto__": { "polluted": true } }', FILE);
    expect(problems).toEqual([]);
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("gives the exact source text of numbers", () => {
    const source = parseJsonSource('{ "title": 1.10, "name": "x" }', FILE);
    expect(source.sourceText(["title"])).toBe("1.10");
    expect(source.sourceText(["name"])).toBe("x");
  });
});
