// The category registry: `content/_data/categories.json` (or .yaml), an array in display order of
// { slug, name, parent?, description? }. Any depth; `name` may be text or { locale: text }.
import { z } from "zod";
import { LOCALES } from "../i18n/labels.ts";
import { unknownKeyProblems } from "./schema-problems.ts";
import type { Locale } from "../i18n/labels.ts";
import { describeForbidden, forbiddenCharacter, PRINTABLE_TEXT, stringsIn } from "./characters.ts";
import { describeValue, type Problem } from "./problems.ts";
import { CATEGORY_SLUG } from "./slug.ts";
import type { YamlSource } from "./yaml-source.ts";

export interface Category {
  slug: string;
  /** Name in the site's locale. */
  name: string;
  description: string;
  parent: string | null;
  /** Slugs from the top-level ancestor down to this category itself. */
  path: readonly string[];
  /** Direct children, in registry order. */
  children: readonly string[];
  /** Position in the registry file, for display order. */
  order: number;
}

export interface Registry {
  bySlug: ReadonlyMap<string, Category>;
  /** Top-level categories in display order. */
  top: readonly Category[];
  /** Every category in registry order. */
  all: readonly Category[];
}

const KNOWN_KEYS = ["slug", "name", "parent", "description"];

// The registry's shape, strict at every depth: an unknown key in a per-locale name ("zh-hant") is an error.
const REGISTRY_SCHEMA = z.array(
  z.strictObject({
    slug: z.unknown().optional(),
    name: z
      .union([z.string(), z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, z.unknown().optional()])))])
      .optional(),
    parent: z.unknown().optional(),
    description: z.unknown().optional(),
  }),
);

/** Builds the registry; every duplicate, unknown parent and cycle is reported, none is fatal alone. */
export function readRegistry(
  source: YamlSource,
  file: string,
  locale: Locale,
): { registry: Registry; problems: Problem[] } {
  const problems: Problem[] = [...source.problems];
  const report = (path: (string | number)[], field: string, found: string, expected: string) =>
    problems.push({ file, ...source.locate(path), field, found, expected });

  const raw = source.value;
  const entries: Entry[] = [];
  if (source.problems.length === 0 && !Array.isArray(raw)) {
    report([], "-", describeValue(raw), "a list of categories: [{ slug, name, parent?, description? }, …]");
  }
  // Names and descriptions reach pages and feeds: a character XML cannot carry is refused, by entry.
  for (const { path, text } of stringsIn(raw)) {
    const bad = forbiddenCharacter(text);
    if (!bad) continue;
    const [index, ...rest] = path;
    const slug = Array.isArray(raw) ? (raw[index as number] as { slug?: unknown } | null)?.slug : undefined;
    const label = typeof slug === "string" && !forbiddenCharacter(slug) ? slug : `[${String(index)}]`;
    report(path, [label, ...rest].join("."), describeForbidden(text, bad), PRINTABLE_TEXT);
  }
  // Keys of an entry itself are reported below; the schema finds unknown keys deeper down.
  const entryLabel = (index: unknown) => {
    const slug = Array.isArray(raw) ? (raw[index as number] as { slug?: unknown } | null)?.slug : undefined;
    return typeof slug === "string" && !forbiddenCharacter(slug) ? slug : `[${String(index)}]`;
  };
  const fieldOf = ([index, ...rest]: readonly (string | number)[]) => [entryLabel(index), ...rest].join(".");
  if (Array.isArray(raw))
    problems.push(...unknownKeyProblems(REGISTRY_SCHEMA, raw, file, source.locate, { minDepth: 2, fieldOf }));
  const seen = new Map<string, number>();
  (Array.isArray(raw) ? raw : []).forEach((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      report([index], `[${index}]`, describeValue(item), "a mapping { slug, name, parent?, description? }");
      return;
    }
    const c = item as Record<string, unknown>;
    // A slug holding a control character would carry it into every message: the entry's index names it then.
    const label = typeof c.slug === "string" && !forbiddenCharacter(c.slug) ? c.slug : `[${index}]`;
    for (const key of Object.keys(c)) {
      if (!KNOWN_KEYS.includes(key))
        report([index, key], `${label}.${key}`, `unknown key "${key}"`, `one of ${KNOWN_KEYS.join(", ")}`);
    }
    if (typeof c.slug !== "string" || !CATEGORY_SLUG.test(c.slug)) {
      report(
        [index, "slug"],
        `${label}.slug`,
        describeValue(c.slug),
        "a URL-safe slug: lowercase a–z, 0–9 and single hyphens",
      );
      return;
    }
    if (seen.has(c.slug)) {
      report(
        [index, "slug"],
        `${c.slug}.slug`,
        `"${c.slug}" again (first at entry ${seen.get(c.slug)! + 1})`,
        "each slug once",
      );
      return;
    }
    seen.set(c.slug, index);
    const name = pickName(c.name, locale);
    if (name === undefined)
      report(
        [index, "name"],
        `${c.slug}.name`,
        describeValue(c.name),
        `text, or names per locale including "${locale}"`,
      );
    if (c.description !== undefined && typeof c.description !== "string")
      report([index, "description"], `${c.slug}.description`, describeValue(c.description), "text");
    if (c.parent !== undefined && c.parent !== null && typeof c.parent !== "string")
      report(
        [index, "parent"],
        `${c.slug}.parent`,
        describeValue(c.parent),
        "a category slug, or null for a top-level category",
      );
    entries.push({
      slug: c.slug,
      name: name ?? c.slug,
      description: typeof c.description === "string" ? c.description : "",
      parent: typeof c.parent === "string" ? c.parent : null,
      index,
    });
  });

  checkParents(entries, report);

  return { registry: buildTree(entries), problems };
}

function pickName(name: unknown, locale: Locale): string | undefined {
  if (typeof name === "string" && name.trim() !== "") return name;
  if (typeof name === "object" && name !== null) {
    const value = (name as Record<string, unknown>)[locale];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

function buildTree(
  entries: readonly { slug: string; name: string; description: string; parent: string | null }[],
): Registry {
  const children = new Map<string, string[]>();
  for (const e of entries)
    if (e.parent !== null) (children.get(e.parent) ?? children.set(e.parent, []).get(e.parent)!).push(e.slug);
  const parentOf = new Map(entries.map((e) => [e.slug, e.parent]));
  const pathOf = (slug: string): string[] => {
    const path: string[] = [];
    for (let cur: string | null | undefined = slug; cur; cur = parentOf.get(cur)) path.unshift(cur);
    return path;
  };
  const all: Category[] = entries.map((e, order) => ({
    slug: e.slug,
    name: e.name,
    description: e.description,
    parent: e.parent,
    path: pathOf(e.slug),
    children: children.get(e.slug) ?? [],
    order,
  }));
  return { bySlug: new Map(all.map((c) => [c.slug, c])), top: all.filter((c) => c.parent === null), all };
}

type Entry = { slug: string; name: string; description: string; parent: string | null; index: number };

/** An unknown parent and every parent cycle is reported (a cycle once) and cut, so the rest is a tree. */
function checkParents(
  entries: Entry[],
  report: (path: (string | number)[], field: string, found: string, expected: string) => void,
): void {
  const bySlugRaw = new Map(entries.map((e) => [e.slug, e]));
  for (const e of entries) {
    if (e.parent !== null && !bySlugRaw.has(e.parent)) {
      report(
        [e.index, "parent"],
        `${e.slug}.parent`,
        `"${e.parent}", which is not in the registry`,
        "the slug of a category listed in this file",
      );
      e.parent = null;
    }
  }
  // Cycles: walk up from each entry; a walk that revisits a slug is a cycle (self-parent included).
  const cyclic = new Set<string>();
  for (const e of entries) {
    const trail: string[] = [];
    let cur: string | null = e.slug;
    while (cur !== null && !trail.includes(cur)) {
      trail.push(cur);
      cur = bySlugRaw.get(cur)?.parent ?? null;
    }
    if (cur !== null) {
      const loop = trail.slice(trail.indexOf(cur));
      if (!loop.some((s) => cyclic.has(s))) {
        // Reported once, on the cycle's first member in the file (not on a descendant that led here).
        const at = loop.map((s) => bySlugRaw.get(s)!).reduce((a, b) => (b.index < a.index ? b : a));
        const from = loop.indexOf(at.slug);
        const cycle = [...loop.slice(from), ...loop.slice(0, from), at.slug];
        report(
          [at.index, "parent"],
          `${at.slug}.parent`,
          `a parent cycle ${cycle.join(" → ")}`,
          "a tree: no category may be its own ancestor",
        );
      }
      loop.forEach((s) => cyclic.add(s));
    }
  }
  for (const slug of cyclic) bySlugRaw.get(slug)!.parent = null;
}
