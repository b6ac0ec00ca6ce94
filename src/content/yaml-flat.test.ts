import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseFlatMapping } from "./yaml-flat.ts";
import { parseYamlSource } from "./yaml-source.ts";

// Values as authors write them, tricky ones included. For each, the fast path must either give up or
// agree exactly with the full YAML parser (core schema) on the value and on where it stands.
const VALUES = [
  "Plain title",
  "工業品客戶的採購決策鏈",
  "2013-12-27 10:30:07",
  "2013-12-27T10:30:07+08:00",
  "2013-12-27",
  "8290",
  "-4",
  "+12",
  "0123",
  "1.5",
  "1e3",
  "-.5",
  ".inf",
  "-.Inf",
  ".nan",
  "0x1F",
  "0o17",
  "1,234",
  "1_000",
  "true",
  "False",
  "TRUE",
  "yes",
  "no",
  "on",
  "~",
  "null",
  "Null",
  "NULL",
  "nil",
  '"quoted \\"inner\\" text"',
  '"tab\\there"',
  '"\\u4e2d\\u6587"',
  '"unterminated',
  '"a" # comment',
  '"x\\/y"',
  "'single'",
  "'it''s'",
  "'lone ' quote'",
  "''",
  '""',
  "C# and F#",
  "a # comment",
  "key: value",
  "ends with colon:",
  "- item",
  "[a, b]",
  "{a: 1}",
  "&anchor x",
  "*alias",
  "!tag x",
  "|",
  ">",
  "%percent",
  "@at",
  "`tick`",
  "url http://x.example/a?b=c",
  "50%",
  "a:b",
  "?q",
  ":colon",
  "&",
  '<b>bold</b> & "quotes"',
  "emoji 😀 text",
];

describe("parseFlatMapping", () => {
  it.each(VALUES)("agrees with the full parser, or gives up, for %s", (raw) => {
    const text = `title: ${raw}\nviews: 3\n`;
    const flat = parseFlatMapping(text);
    expect(flat === null ? "gave up" : flat.value).toEqual(flat === null ? "gave up" : parse(text, { schema: "core" }));
  });

  it("reads most of those values itself (giving up on all would pass the test above)", () => {
    const read = VALUES.filter((raw) => parseFlatMapping(`title: ${raw}\nviews: 3\n`) !== null).length;
    expect(read).toBeGreaterThan(VALUES.length / 2);
  });

  it("reads a typical front-matter block", () => {
    const text =
      'title: "Pricing \\"value\\""\ncategory: industrial-marketing\ndate: 2016-03-08 09:00:00\nviews: 15402\n# a comment\n\nauthor: 陳思遠\n';
    expect(parseFlatMapping(text)?.value).toEqual({
      title: 'Pricing "value"',
      category: "industrial-marketing",
      date: "2016-03-08 09:00:00",
      views: 15402,
      author: "陳思遠",
    });
  });

  it("gives up on nesting, lists, block scalars, empty values and duplicate keys", () => {
    for (const text of [
      "a:\n  b: 1\n",
      "tags:\n  - x\n",
      "tags: [x, y]\n",
      'tags: ["x", y]\n',
      'tags: ["x",]\n',
      'tags: ["x", 1]\n',
      'tags: ["x"] # note\n',
      'tags: [["x"]]\n',
      "summary: |\n  text\n",
      "slug:\n",
      "a: 1\na: 2\n",
      "a: x\n  continued\n",
      "---\n",
    ]) {
      expect(parseFlatMapping(text), text).toBeNull();
    }
  });

  it.each(VALUES)("places %s where the full parser does, with the same source text", (raw) => {
    const text = `# note\ntitle: ${raw}\n\ncategory:   news\n`;
    const fast = parseYamlSource(text, "f.md", 1);
    const full = parseYamlSource(text, "f.md", 1, { fast: false });
    for (const key of ["title", "category", "missing"]) expect(fast.locate([key]), key).toEqual(full.locate([key]));
    expect(fast.locate([])).toEqual(full.locate([]));
    expect(fast.sourceText(["title"])).toEqual(full.sourceText(["title"]));
    expect(fast.value).toEqual(full.value);
  });
});

describe("parseFlatMapping and one-line lists of strings", () => {
  const LISTS = [
    '["工業營銷", "key accounts"]',
    '["a","b\\"c","d, e"]',
    "[]",
    '["x: y", "# z", "\\u4e2d"]',
    '[ "spaced" ]',
  ];

  it.each(LISTS)("reads %s as the full parser does, each item at the same place", (raw) => {
    const text = `title: T\ntags: ${raw}\nviews: 3\n`;
    const flat = parseFlatMapping(text);
    expect(flat).not.toBeNull();
    expect(flat!.value).toEqual(parse(text, { schema: "core" }));
    const fast = parseYamlSource(text, "f.md", 1);
    const full = parseYamlSource(text, "f.md", 1, { fast: false });
    const items = (full.value as { tags: string[] }).tags;
    for (let i = 0; i < items.length; i++)
      expect(fast.locate(["tags", i]), `${raw} ${i}`).toEqual(full.locate(["tags", i]));
    expect(fast.locate(["tags"])).toEqual(full.locate(["tags"]));
    expect(fast.sourceText(["tags"])).toEqual(full.sourceText(["tags"]));
  });
});

describe("parseFlatMapping and YAML aliases", () => {
  it("never reads an anchor, an alias or a merge key itself: those go to the full parser, which limits them", () => {
    expect(parseFlatMapping("a: &a x\nb: *a\n")).toBeNull();
    expect(parseFlatMapping("title: *a\n")).toBeNull();
    expect(parseFlatMapping("<<: *base\ntitle: x\n")).toBeNull();
    expect(parseFlatMapping("a: &a [x, x]\nb: [*a, *a]\n")).toBeNull();
  });

  it("lets an alias bomb in front-matter reach the full parser's limit through the default (fast) path", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const y = parseYamlSource(levels.join("\n"), "a.md");
    expect(y.value).toBeUndefined();
    expect(y.problems).toHaveLength(1);
    expect(y.problems[0]!.found).toMatch(/alias bomb/);
  });

  it("keeps `&` and `*` inside a plain value as text, as the full parser does", () => {
    const text = "title: R&D *and* more\n";
    expect(parseFlatMapping(text)?.value).toEqual(parse(text, { schema: "core" }));
  });
});
