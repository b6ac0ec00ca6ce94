// YAML (and JSON, a subset of it) read with positions, so every problem can name its line and column.
// YAML 1.2's core schema has no timestamp type: dates arrive as text, never as UTC instants.
import { LineCounter, isScalar, parseDocument, type Document } from "yaml";
import type { Problem } from "./problems.ts";

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
 * Duplicate keys are problems, as are all syntax errors; parsing never throws.
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): YamlSource {
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
        // Point at the key for mapping entries: a pair's key precedes its value on the same line.
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

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
