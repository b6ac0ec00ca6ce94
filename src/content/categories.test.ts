import { describe, expect, it } from "vitest";
import { readRegistry } from "./categories.ts";
import { parseJsonSource } from "./json-source.ts";
import { parseYamlSource } from "./yaml-source.ts";

const FILE = "content/_data/categories.yaml";

function registryOf(yaml: string, locale: "zh-Hant" | "zh-Hans" | "en" = "zh-Hant") {
  return readRegistry(parseYamlSource(yaml, FILE), FILE, locale);
}

const TREE = `- slug: research
  name: { zh-Hant: 研究, zh-Hans: 研究, en: Research }
  description: 專題研究
- slug: marketing
  name: { zh-Hant: 行銷研究, zh-Hans: 营销研究, en: Marketing Research }
  parent: research
- slug: industrial-marketing
  name: { zh-Hant: 工業營銷, zh-Hans: 工业营销, en: Industrial Marketing }
  parent: marketing
- slug: news
  name: 新聞
- slug: consumer-insight
  name: 消費者洞察
  parent: marketing
`;

describe("readRegistry", () => {
  it("reads a valid tree without problems", () => {
    expect(registryOf(TREE).problems).toEqual([]);
  });
  it("gives each category its path from the top-level ancestor", () => {
    const { registry } = registryOf(TREE);
    expect(registry.bySlug.get("industrial-marketing")!.path).toEqual([
      "research",
      "marketing",
      "industrial-marketing",
    ]);
    expect(registry.bySlug.get("marketing")!.path).toEqual(["research", "marketing"]);
    expect(registry.bySlug.get("research")!.path).toEqual(["research"]);
  });
  it("lists children in file order", () => {
    const { registry } = registryOf(TREE);
    expect(registry.bySlug.get("marketing")!.children).toEqual(["industrial-marketing", "consumer-insight"]);
    expect(registry.bySlug.get("research")!.children).toEqual(["marketing"]);
    expect(registry.bySlug.get("news")!.children).toEqual([]);
  });
  it("lists top-level categories and all categories in file order", () => {
    const { registry } = registryOf(TREE);
    expect(registry.top.map((c) => c.slug)).toEqual(["research", "news"]);
    expect(registry.all.map((c) => c.slug)).toEqual([
      "research",
      "marketing",
      "industrial-marketing",
      "news",
      "consumer-insight",
    ]);
    expect(registry.all.map((c) => c.order)).toEqual([0, 1, 2, 3, 4]);
  });
  it("keeps parent, description, and an empty description when absent", () => {
    const { registry } = registryOf(TREE);
    expect(registry.bySlug.get("marketing")!.parent).toBe("research");
    expect(registry.bySlug.get("research")!.parent).toBeNull();
    expect(registry.bySlug.get("research")!.description).toBe("專題研究");
    expect(registry.bySlug.get("news")!.description).toBe("");
  });
  it("picks the name for the site locale from a per-locale object", () => {
    expect(registryOf(TREE, "zh-Hant").registry.bySlug.get("marketing")!.name).toBe("行銷研究");
    expect(registryOf(TREE, "zh-Hans").registry.bySlug.get("marketing")!.name).toBe("营销研究");
    expect(registryOf(TREE, "en").registry.bySlug.get("marketing")!.name).toBe("Marketing Research");
  });
  it("uses a plain-text name in every locale", () => {
    expect(registryOf(TREE, "en").registry.bySlug.get("news")!.name).toBe("新聞");
  });
  it("reports a per-locale name that lacks the site locale", () => {
    const { problems } = registryOf("- slug: a\n  name: { en: A }\n", "zh-Hant");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "a.name", line: 2 });
    expect(problems[0]!.expected).toContain("zh-Hant");
  });
  it("reads the JSON registry form", () => {
    const json = '[{"slug": "a", "name": "A"}, {"slug": "b", "name": "B", "parent": "a"}]';
    const { registry, problems } = readRegistry(parseYamlSource(json, "c.json"), "c.json", "en");
    expect(problems).toEqual([]);
    expect(registry.bySlug.get("b")!.path).toEqual(["a", "b"]);
  });
  it("reports a duplicate slug on the second entry, naming the slug", () => {
    const { registry, problems } = registryOf("- slug: a\n  name: A\n- slug: b\n  name: B\n- slug: a\n  name: A2\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, field: "a.slug", line: 5, expected: "each slug once" });
    expect(problems[0]!.found).toContain('"a"');
    expect(registry.bySlug.get("a")!.name).toBe("A");
  });
  it("reports a parent that is not in the registry", () => {
    const { registry, problems } = registryOf("- slug: a\n  name: A\n- slug: b\n  name: B\n  parent: nope\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "b.parent", line: 5 });
    expect(problems[0]!.found).toContain('"nope"');
    expect(registry.bySlug.get("b")!.path).toEqual(["b"]);
  });
  it("reports a category that is its own parent", () => {
    const { registry, problems } = registryOf("- slug: a\n  name: A\n  parent: a\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "a.parent", line: 3 });
    expect(problems[0]!.found).toContain("a → a");
    expect(registry.bySlug.get("a")!.path).toEqual(["a"]);
  });
  it("reports a two-category cycle once, naming both slugs", () => {
    const { registry, problems } = registryOf("- slug: a\n  name: A\n  parent: b\n- slug: b\n  name: B\n  parent: a\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe("a.parent");
    expect(problems[0]!.found).toContain("a → b → a");
    expect(registry.bySlug.get("a")!.path).toEqual(["a"]);
    expect(registry.bySlug.get("b")!.path).toEqual(["b"]);
  });
  it("reports a cycle on its own first member, not on a descendant listed before it", () => {
    const { problems } = registryOf(
      "- slug: c\n  name: C\n  parent: a\n- slug: a\n  name: A\n  parent: b\n- slug: b\n  name: B\n  parent: a\n",
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "a.parent", line: 6 });
    expect(problems[0]!.found).toContain("a → b → a");
  });
  it("reports a slug with a space and capitals as not URL-safe", () => {
    const { registry, problems } = registryOf("- slug: Research Notes\n  name: R\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "Research Notes.slug", line: 1, found: '"Research Notes"' });
    expect(registry.all).toEqual([]);
  });
  it("reports a Chinese slug as not URL-safe", () => {
    const { problems } = registryOf("- slug: 研究\n  name: 研究\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "研究.slug", found: '"研究"' });
  });
  it("reports a missing slug by entry index", () => {
    const { problems } = registryOf("- name: A\n");
    expect(problems[0]).toMatchObject({ field: "[0].slug", found: "nothing" });
  });
  it("reports an unknown key in an entry", () => {
    const { problems } = registryOf("- slug: a\n  name: A\n  colour: red\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "a.colour", line: 3, found: 'unknown key "colour"' });
  });
  it("reports a registry that is not a list", () => {
    const { problems } = registryOf("slug: a\nname: A\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "-", found: "a mapping" });
  });
  it("reports every problem at once", () => {
    const { problems } = registryOf(
      "- slug: a\n  name: A\n  parent: zz\n- slug: Bad\n  name: B\n- slug: a\n  name: A\n",
    );
    expect(problems.map((p) => p.field).sort()).toEqual(["Bad.slug", "a.parent", "a.slug"]);
  });
});

describe("readRegistry: characters no output can carry", () => {
  it("refuses a control character in a name or description, naming the slug, field and line", () => {
    const { problems } = readRegistry(
      parseJsonSource(
        '[\n  { "slug": "research", "name": { "en": "Re\\u0008search" } },\n  { "slug": "news", "name": "News", "description": "a\\uffffb" }\n]',
        "categories.json",
      ),
      "categories.json",
      "en",
    );
    expect(problems.map((p) => [p.field, p.line, p.found])).toEqual([
      ["research.name.en", 2, '"Re\\bsearch", which holds U+0008 at character 3'],
      ["news.description", 3, '"a\\uffffb", which holds U+FFFF at character 2'],
    ]);
    expect(problems[0]!.file).toBe("categories.json");
  });
  it("names the entry by index when the slug itself holds one", () => {
    const { problems } = registryOf('- slug: "a\\x01"\n  name: A\n');
    expect(problems.map((p) => p.field)).toEqual(["[0].slug", "[0].slug"]);
    expect(problems[0]!.found).toContain("U+0001");
  });
});

describe("unknown nested keys in the registry", () => {
  it("a per-locale name with an unknown locale is an error naming the entry, line and the locale meant", () => {
    const { problems } = registryOf(`- slug: research
  name:
    zh-Hant: 研究
    zh-hans: 研究
`);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FILE,
        line: 4,
        field: "research.name.zh-hans",
        found: 'unknown key "zh-hans"',
        expected: 'did you mean "zh-Hans"?',
      }),
    );
  });
});
