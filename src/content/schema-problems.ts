// Zod issues as Wenku problems: `file:line:column  field  found — expected`, positions from the source
// locator. Unknown keys are reported at every depth with "did you mean"; the value rules that need
// Wenku's own wording stay in the readers, so only the shape (which keys exist where) comes from here.
import type { z } from "zod";
import { closest } from "./closest.ts";
import type { Problem } from "./problems.ts";
import type { KeyPath } from "./yaml-source.ts";

type Locate = (path: KeyPath) => { line: number; column: number };

interface Issue {
  code: string;
  path: PropertyKey[];
  keys?: string[];
  errors?: Issue[][];
}

/** Every unknown key in `value` by `schema` (a strict object at every depth), as problems of `file`. */
export function unknownKeyProblems(
  schema: z.ZodType,
  value: unknown,
  file: string,
  locate: Locate,
  options: { skipTop?: boolean; minDepth?: number; fieldOf?: (path: KeyPath) => string } = {},
): Problem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of flatten(result.error.issues as unknown as Issue[])) {
    if (issue.code !== "unrecognized_keys") continue;
    const base = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    // Shallower keys a reader already reports in its own words are left to it.
    if (base.length < (options.minDepth ?? (options.skipTop ? 1 : 0))) continue;
    const known = keysAt(schema, base);
    for (const key of issue.keys ?? []) {
      const path = [...base, key];
      const field = (options.fieldOf ?? fieldName)(path);
      if (seen.has(field)) continue;
      seen.add(field);
      // A nested mapping has a handful of keys: a wider miss ("copyrite") is still plainly meant.
      const guess = closest(key, known, Math.max(1, Math.floor(key.length / 2)));
      problems.push({
        file,
        ...locate(path),
        field,
        found: `unknown key "${key}"`,
        expected: guess ? `did you mean "${guess}"?` : `one of ${known.join(", ")}`,
      });
    }
  }
  return problems;
}

/** A union reports each branch's issues inside its own, with paths relative to it: made absolute here. */
function flatten(issues: Issue[], prefix: PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    return issue.code === "invalid_union" && issue.errors ? flatten(issue.errors.flat(), path) : [{ ...issue, path }];
  });
}

/** `["comments", 1, "autor"]` → `comments[1].autor`, as the readers name fields. */
export function fieldName(path: KeyPath): string {
  return path.reduce<string>(
    (name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    "",
  );
}

/** The keys the object schema at `path` allows (through unions, arrays, records, optional and nullable). */
export function keysAt(schema: z.ZodType, path: KeyPath): string[] {
  const objects = objectsAt(schema, path);
  return [...new Set(objects.flatMap((s) => Object.keys(s)))];
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
};

function objectsAt(schema: z.ZodType, path: KeyPath): Record<string, z.ZodType>[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.options) return def.options.flatMap((o) => objectsAt(o, path));
  if (def.innerType) return objectsAt(def.innerType, path);
  if (def.in) return objectsAt(def.in, path);
  if (path.length === 0) return def.type === "object" && def.shape ? [def.shape] : [];
  const [head, ...rest] = path;
  if (def.type === "object" && def.shape && typeof head === "string" && def.shape[head])
    return objectsAt(def.shape[head]!, rest);
  if (def.type === "array" && def.element && typeof head === "number") return objectsAt(def.element, rest);
  if (def.type === "record" && def.valueType) return objectsAt(def.valueType, rest);
  return [];
}
