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
}

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${Math.max(p.column, 1)}` : p.file;
  return `${where}  ${p.field}  ${p.found} — ${p.expected}`;
}

/** Thrown when content cannot be built; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(unsorted: readonly Problem[]) {
    const problems = [...unsorted].sort(byPosition);
    const files = new Set(problems.map((p) => p.file)).size;
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}:\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
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
