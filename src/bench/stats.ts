// Small, pure helpers for the benchmark report: median, range and a Markdown table.

/** The median of `xs` (mean of the middle two for an even count). Throws on an empty list. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The smallest and largest of `xs`. Throws on an empty list. */
export function minMax(xs: readonly number[]): { min: number; max: number } {
  if (xs.length === 0) throw new RangeError("minMax of an empty list");
  let min = xs[0]!;
  let max = xs[0]!;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}

/** Median plus range, the shape every measured quantity is summarised in. */
export function summarise(xs: readonly number[]): { median: number; min: number; max: number } {
  return { median: median(xs), ...minMax(xs) };
}

export type Align = "left" | "right";

/**
 * A GitHub-flavoured Markdown table. Cells are padded to their column's width so the table also reads
 * as plain text; `|` inside a cell is escaped. Rows shorter than the header are padded with empty cells.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const head = headers.map(escape);
  const body = rows.map((row) => headers.map((_, i) => escape(row[i] ?? "")));
  const widths = head.map((h, i) => Math.max(3, h.length, ...body.map((row) => row[i]!.length)));
  const pad = (cell: string, i: number) => (align[i] === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!));
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === "right" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(head), rule, ...body.map(line)].join("\n");
}
