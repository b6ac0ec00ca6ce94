// YAML (and JSON, a subset of it) read with positions, so every problem can name its line and column.
// YAML 1.2's core schema has no timestamp type: dates arrive as text, never as UTC instants.
import { LineCounter, isScalar, parseDocument, type Document } from "yaml";
import type { Problem } from "./problems.ts";
import { parseFlatMapping, type FlatMapping } from "./yaml-flat.ts";

export type KeyPath = readonly (string | number)[];

export interface YamlSource {
  /** The document as plain JS (strings, numbers, booleans, null, arrays, objects). */
  value: unknown;
  /** Syntax problems, with positions in the file (`lineOffset` already added). */
  problems: Problem[];
  /** 1-based line and column of the node at `path` (or of the nearest ancestor that exists). */
  locate(path: KeyPath): { line: number; column: number };
  /** The exact source text of a plain scalar at `path` (`1.1` stays "1.1"), or undefined. */
  sourceText(path: KeyPath): string | undefined;
}

/**
 * Parses `text`, whose first line is line `lineOffset + 1` of `file`.
 * Duplicate keys are problems, as are all syntax errors; parsing never throws. Flat `key: value`
 * blocks take a fast path (yaml-flat.ts) unless `fast` is false.
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0, { fast = true } = {}): YamlSource {
  const flat = fast ? parseFlatMapping(text) : null;
  if (flat) return flatSource(flat, lineOffset);
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, schema: "core", prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      field: "-",
      found: error.code === "DUPLICATE_KEY" ? "a key given twice" : `YAML syntax error (${firstLine(error.message)})`,
      expected: error.code === "DUPLICATE_KEY" ? "each key once" : "valid YAML",
    };
  });

  const locate = (path: KeyPath) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) {
        // A mapping entry's value starts on its key's line: the position names line and value column.
        const pos = lineCounter.linePos(range[0]);
        return { line: pos.line + lineOffset, column: pos.col };
      }
    }
    return { line: lineOffset + 1, column: 1 };
  };

  const sourceText = (path: KeyPath) => {
    const node = doc.getIn(path, true);
    return isScalar(node) && typeof node.source === "string" ? node.source : undefined;
  };

  return { value: problems.length > 0 ? undefined : doc.toJS(), problems, locate, sourceText };
}

function flatSource({ value, entries }: FlatMapping, lineOffset: number): YamlSource {
  const first = entries.values().next().value;
  const top = first ? { line: first.line + lineOffset, column: 1 } : { line: lineOffset + 1, column: 1 };
  return {
    value: entries.size === 0 ? null : value,
    problems: [],
    locate: (path) => {
      const entry = path.length >= 1 && typeof path[0] === "string" ? entries.get(path[0]) : undefined;
      return entry ? { line: entry.line + lineOffset, column: entry.column } : top;
    },
    sourceText: (path) => (path.length === 1 && typeof path[0] === "string" ? entries.get(path[0])?.source : undefined),
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
