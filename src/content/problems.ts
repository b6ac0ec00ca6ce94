// One shape for every content mistake, so the build and (later) `npm run check` report alike:
// `path:line:column  field  what was found — what is expected`.

export interface Problem {
  /** Path of the offending file, relative to the working directory when printed. */
  file: string;
  /** 1-based line in the file itself (not in the front-matter block); 0 when unknown. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** Front-matter key, config key or registry slug the problem concerns ("-" for the whole file). */
  field: string;
  found: string;
  expected: string;
  /** Another file involved (the first owner of a colliding URL), printed after `found`. */
  also?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${Math.max(p.column, 1)}` : p.file;
  return `${where}  ${p.field}  ${p.found}${p.also ? ` ${p.also}` : ""} — ${p.expected}`;
}

/** Thrown when content cannot be built; carries every problem found, not just the first. */
/**
 * Any failure of a Wenku call that is not a content problem: a refused output folder, a failed render,
 * a source that cannot be read. `code` tells callers apart without parsing the message.
 */
export class WenkuError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WenkuError";
    this.code = code;
  }
}

/** The content has problems (every one of them, sorted by position): nothing was written. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  /** How many files were checked. */
  readonly fileCount: number;
  constructor(unsorted: readonly Problem[], fileCount: number) {
    const problems = [...unsorted].sort(byPosition);
    super(`${summary(problems, fileCount)}\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
    this.fileCount = fileCount;
  }
}

/** "3 errors in 2 of 31 files" / "no errors in 31 files". */
export function summary(problems: readonly Problem[], fileCount: number): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return problems.length === 0
    ? `no errors in ${plural(fileCount, "file")}`
    : `${plural(problems.length, "error")} in ${files} of ${plural(Math.max(fileCount, files), "file")}`;
}

/** Short, printable rendering of a found value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null || value === "") return "an empty value";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "…" : value);
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return "a list";
  return "a mapping";
}

/** File, then line, then column: the order an author fixes them in. */
export function byPosition(a: Problem, b: Problem): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}

/** An error and its causes (Eleventy wraps template errors two or three deep), one line each. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    const err = e as { name?: string; message?: string; cause?: unknown; originalError?: unknown };
    lines.push(`${depth === 0 ? "" : "  caused by: "}${err.name ?? "Error"}: ${err.message ?? String(e)}`);
    e = err.originalError ?? err.cause;
  }
  return lines.join("\n");
}
