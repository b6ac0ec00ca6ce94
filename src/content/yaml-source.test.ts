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
    expect(y.problems[0]).toMatchObject({ file: "a.md", line: 13, column: 1, found: "a key given twice", expected: "each key once" });
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
