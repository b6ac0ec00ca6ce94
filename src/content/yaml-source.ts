// YAML (and JSON, a subset of it) read with positions, so every problem can name its line and column.
// YAML 1.2's core schema has no timestamp type: dates arrive as text, never as UTC instants.
import { LineCounter, isPair, isScalar, parseDocument, visit, type Document } from "yaml";
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
 * How many nodes aliases may add when the document is turned into data. A few anchors reused in a
 * config are far below it; an alias bomb (`b: [*a, *a, …]`, `c: [*b, *b, …]`), which would take
 * exponential memory, stops at it with a problem instead of a crash.
 */
export const MAX_ALIAS_COUNT = 100;

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
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const problems: Problem[] = doc.errors.map((error) => {
    if (error.code === "DUPLICATE_KEY") {
      // The error points at the second key; name it, and say where the first one was.
      const [key, first] = duplicateKey(doc, error.pos[0]);
      return {
        file,
        ...at(error.pos[0]),
        field: key ?? "-",
        found:
          key === undefined
            ? "a key given twice"
            : `the key "${key}" again${first === undefined ? "" : ` (first on line ${at(first).line})`}`,
        expected: "each key once",
      };
    }
    return {
      file,
      ...at(error.pos[0]),
      field: "-",
      found: `YAML syntax error (${firstLine(error.message)})`,
      expected: "valid YAML",
    };
  });

  // Aliases are expanded only here, so a bomb or an alias without its anchor surfaces here, as a problem.
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push(aliasProblem(doc, file, at, error));
    }
  }

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

  return { value: problems.length > 0 ? undefined : value, problems, locate, sourceText };
}

function flatSource({ value, entries }: FlatMapping, lineOffset: number): YamlSource {
  const first = entries.values().next().value;
  const top = first ? { line: first.line + lineOffset, column: 1 } : { line: lineOffset + 1, column: 1 };
  return {
    value: entries.size === 0 ? null : value,
    problems: [],
    locate: (path) => {
      const entry = path.length >= 1 && typeof path[0] === "string" ? entries.get(path[0]) : undefined;
      if (!entry) return top;
      // An item of a one-line list stands at its own column; anything deeper, at the list's.
      const item = typeof path[1] === "number" ? entry.items?.[path[1]] : undefined;
      return { line: entry.line + lineOffset, column: path.length === 2 && item !== undefined ? item : entry.column };
    },
    sourceText: (path) => {
      const entry = path.length === 1 && typeof path[0] === "string" ? entries.get(path[0]) : undefined;
      return entry && !entry.items ? entry.source : undefined;
    },
  };
}

/** The key of the pair whose key starts at `offset`, and where the first pair with that key in the same mapping starts. */
function duplicateKey(doc: Document, offset: number): [string | undefined, number | undefined] {
  let found: [string | undefined, number | undefined] = [undefined, undefined];
  visit(doc, {
    Map(_, map) {
      const keyOf = (item: unknown) => (isPair(item) && isScalar(item.key) ? String(item.key.value) : undefined);
      const second = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.range?.[0] === offset);
      if (!second) return;
      const key = keyOf(second);
      const first = map.items.find((item) => item !== second && keyOf(item) === key);
      found = [key, isPair(first) && isScalar(first.key) ? first.key.range?.[0] : undefined];
      return visit.BREAK;
    },
  });
  return found;
}

/** toJS failed: an alias bomb (too many alias expansions) or an alias whose anchor is not set before it. */
function aliasProblem(
  doc: Document,
  file: string,
  at: (offset: number) => { line: number; column: number },
  error: unknown,
): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message)?.[1];
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      if (unresolved !== undefined && alias.source !== unresolved) return;
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (unresolved !== undefined)
    return {
      file,
      ...at(offset),
      field: "-",
      found: `the alias *${unresolved}, whose anchor &${unresolved} is not set before it`,
      expected: "an alias after its anchor",
    };
  if (/alias count/i.test(message)) {
    return {
      file,
      ...at(offset),
      field: "-",
      found: `aliases that expand past ${MAX_ALIAS_COUNT} nodes (an alias bomb?)`,
      expected: "the values written out, or a few aliases of small values",
    };
  }
  return {
    file,
    ...at(offset),
    field: "-",
    found: `YAML that cannot be read (${firstLine(message)})`,
    expected: "valid YAML",
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
