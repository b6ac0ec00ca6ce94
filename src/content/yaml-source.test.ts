import { describe, expect, it } from "vitest";
import { parseYamlSource } from "./yaml-source.ts";

describe("parseYamlSource", () => {
  it("keeps dates as strings, never instants", () => {
    const y = parseYamlSource("date: 2013-12-27 10:30:07\nday: 2013-12-27\nz: 2013-12-27T02:30:07Z", "a.md");
    expect(y.problems).toEqual([]);
    expect(y.value).toEqual({ date: "2013-12-27 10:30:07", day: "2013-12-27", z: "2013-12-27T02:30:07Z" });
  });
  it("reads numbers, booleans and null with the core schema", () => {
    const y = parseYamlSource("n: 12\nf: 1.5\nt: true\nnothing: null\nyes: yes", "a.yaml");
    expect(y.value).toEqual({ n: 12, f: 1.5, t: true, nothing: null, yes: "yes" });
  });
  it("reads JSON", () => {
    const y = parseYamlSource('[{"slug": "a", "name": "A"}]', "categories.json");
    expect(y.problems).toEqual([]);
    expect(y.value).toEqual([{ slug: "a", name: "A" }]);
  });
  it("reports a duplicate key on its line, with the line offset added", () => {
    const y = parseYamlSource("a: 1\nb: 2\na: 3", "a.md", 10);
    expect(y.problems).toHaveLength(1);
    expect(y.problems[0]).toEqual({
      file: "a.md",
      line: 13,
      column: 1,
      field: "a",
      found: 'the key "a" again (first on line 11)',
      expected: "each key once",
    });
    expect(y.value).toBeUndefined();
  });
  it("reports a duplicate key on its own line without an offset", () => {
    const y = parseYamlSource("title: a\nviews: 1\ntitle: b", "a.md");
    expect(y.problems.map((p) => p.line)).toEqual([3]);
  });
  it("reports a syntax error at block line plus offset", () => {
    const y = parseYamlSource("a: 1\nb: c: d\n", "a.md", 10);
    expect(y.problems.length).toBeGreaterThan(0);
    expect(y.problems[0]).toMatchObject({ file: "a.md", line: 12, field: "-", expected: "valid YAML" });
    expect(y.problems[0]!.found).toMatch(/^YAML syntax error \(/);
    expect(y.value).toBeUndefined();
  });
  it("reports tab indentation as a syntax error", () => {
    const y = parseYamlSource("a: b\n\tc: d", "a.md", 1);
    expect(y.problems[0]).toMatchObject({ line: 3, expected: "valid YAML" });
  });
  it("never throws on garbage", () => {
    expect(() => parseYamlSource("]][[: : :\n\t- {", "a.md")).not.toThrow();
  });
  it("locates a nested key on its line, with the offset", () => {
    const y = parseYamlSource("title: x\nsite:\n  footer:\n    icp: abc\n", "site.yaml", 3);
    expect(y.locate(["site", "footer", "icp"]).line).toBe(7);
    expect(y.locate(["title"]).line).toBe(4);
  });
  it("locates an item of a list by index", () => {
    const y = parseYamlSource("- slug: a\n- slug: b\n  name: B\n", "c.yaml");
    expect(y.locate([1, "name"]).line).toBe(3);
    expect(y.locate([1]).line).toBe(2);
  });
  it("falls back to the nearest existing ancestor for a missing path", () => {
    const y = parseYamlSource("a: 1\nb: { c: 2 }\n", "a.yaml", 5);
    expect(y.locate(["b", "missing"]).line).toBe(7);
    expect(y.locate(["missing"]).line).toBe(6);
  });
  it("falls back to the first line for an empty document", () => {
    const y = parseYamlSource("", "a.yaml", 4);
    expect(y.locate(["title"])).toEqual({ line: 5, column: 1 });
  });
  it("keeps the exact source text of a number-like scalar", () => {
    const y = parseYamlSource("title: 1.1\nv: 1.10\nh: 0x1F", "a.md");
    expect(y.value).toEqual({ title: 1.1, v: 1.1, h: 31 });
    expect(y.sourceText(["title"])).toBe("1.1");
    expect(y.sourceText(["v"])).toBe("1.10");
    expect(y.sourceText(["h"])).toBe("0x1F");
  });
  it("gives no source text for a mapping or a missing key", () => {
    const y = parseYamlSource("site:\n  a: 1\n", "a.yaml");
    expect(y.sourceText(["site"])).toBeUndefined();
    expect(y.sourceText(["nope"])).toBeUndefined();
  });
});

describe("parseYamlSource on hostile YAML", () => {
  // Each level multiplies the one before by ten: 10^5 nodes from a few hundred bytes, 10^9 with nine levels.
  const bomb = (levels: number) =>
    [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: levels }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        const prev = String.fromCharCode(97 + i);
        return `${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`;
      }),
    ].join("\n") + "\n";

  it("reports an alias bomb as a problem with its file and line instead of expanding it", () => {
    const y = parseYamlSource(bomb(8), "content/_data/site.yaml");
    expect(y.value).toBeUndefined();
    expect(y.problems).toEqual([
      {
        file: "content/_data/site.yaml",
        line: 2,
        column: 8,
        field: "-",
        found: "aliases that expand past 100 nodes (an alias bomb?)",
        expected: "the values written out, or a few aliases of small values",
      },
    ]);
  });

  it("adds the front-matter's line offset to the alias bomb's line", () => {
    const y = parseYamlSource(bomb(4), "a.md", 1);
    expect(y.problems).toHaveLength(1);
    expect(y.problems[0]).toMatchObject({ file: "a.md", line: 3 });
  });

  it("still reads a few aliases of small values", () => {
    const y = parseYamlSource("base: &b { text: Home, href: / }\nlinks: [*b, *b]\n", "site.yaml");
    expect(y.problems).toEqual([]);
    expect(y.value).toEqual({
      base: { text: "Home", href: "/" },
      links: [
        { text: "Home", href: "/" },
        { text: "Home", href: "/" },
      ],
    });
  });

  it("reports an alias whose anchor is not set before it, naming it", () => {
    const y = parseYamlSource("title: A\nauthor: *who\n", "a.md");
    expect(y.value).toBeUndefined();
    expect(y.problems).toEqual([
      {
        file: "a.md",
        line: 2,
        column: 9,
        field: "-",
        found: "the alias *who, whose anchor &who is not set before it",
        expected: "an alias after its anchor",
      },
    ]);
  });

  it("names a duplicate key inside a nested mapping, with both lines", () => {
    const y = parseYamlSource("footer:\n  icp: a\n  copyright: c\n  icp: b\n", "site.yaml");
    expect(y.problems).toEqual([
      {
        file: "site.yaml",
        line: 4,
        column: 3,
        field: "icp",
        found: 'the key "icp" again (first on line 2)',
        expected: "each key once",
      },
    ]);
  });
});
