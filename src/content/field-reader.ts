// What the readers of nested front-matter values (tags.ts, comments.ts) need from article.ts: where a
// value is written, its exact source text, the site's zone, and one way to report a problem.
import type { KeyPath, YamlSource } from "./yaml-source.ts";

export interface FieldReader {
  /** The parsed front-matter, for positions and exact scalar text. */
  source: Pick<YamlSource, "locate" | "sourceText">;
  /** The site's time zone, in which dates without an offset are read. */
  timeZone: string;
  /** Records a problem at the node `path` names (or its nearest ancestor), under `field`. */
  report(path: KeyPath, field: string, found: string, expected: string): void;
}

/**
 * A scalar as the text an author wrote: strings as they are, numbers and booleans as written
 * (`2013` stays "2013", `1.10` stays "1.10"). Undefined for anything else (null, a list, a mapping).
 */
export function exactText(value: unknown, path: KeyPath, source: FieldReader["source"]): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return source.sourceText(path) ?? String(value);
  return undefined;
}
