// A `.json` data file (site.json, categories.json) read as JSON — not as YAML, which would accept a
// trailing comma, comments or single quotes that every other JSON tool rejects — with positions, so
// each problem names its line and column. jsonc-parser (the VS Code JSON scanner) finds the first
// syntax error and every node's offset; JSON.parse gives the value, so JSON's own semantics hold.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Problem } from "./problems.ts";
import type { KeyPath, YamlSource } from "./yaml-source.ts";

const STRICT = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false } as const;

export function parseJsonSource(text: string, file: string): YamlSource {
  const lines = lineStarts(text);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lines[lo]! + 1 };
  };
  const problem = (offset: number, field: string, found: string, expected: string): Problem => ({
    file,
    ...position(offset),
    field,
    found,
    expected,
  });

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  const problems: Problem[] = [];
  // Only the first syntax error: the ones after it are mostly echoes of it, as with JSON.parse.
  if (errors.length > 0) problems.push(syntaxProblem(text, errors[0]!, problem));
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push(problem(0, "-", `JSON syntax error (${(error as Error).message.split("\n")[0]})`, "valid JSON"));
    }
  }
  if (problems.length === 0 && root) problems.push(...duplicateKeys(root, problem, (offset) => position(offset).line));

  const locate = (path: KeyPath) => {
    for (let n = path.length; n >= 0 && root; n--) {
      const node = n === 0 ? root : findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
      if (node) return position(node.offset);
    }
    return { line: 1, column: 1 };
  };
  const sourceText = (path: KeyPath) => {
    const node = root ? findNodeAtLocation(root, path as (string | number)[]) : undefined;
    if (!node) return undefined;
    if (node.type === "string") return node.value as string;
    if (node.type === "number" || node.type === "boolean" || node.type === "null")
      return text.slice(node.offset, node.offset + node.length);
    return undefined;
  };
  return { value: problems.length > 0 ? undefined : value, problems, locate, sourceText };
}

type MakeProblem = (offset: number, field: string, found: string, expected: string) => Problem;

function syntaxProblem(text: string, error: ParseError, problem: MakeProblem): Problem {
  const at = error.offset;
  const token = text.slice(at, at + Math.max(error.length, 1));
  const before = text.slice(0, at).trimEnd();
  const closing = token === "]" || token === "}";
  // The error codes by name: jsonc-parser's enum is a const enum, which this project's TypeScript settings cannot import.
  const code = printParseErrorCode(error.error);
  // A trailing comma ("[ …, ]") is the mistake YAML used to let through: say so in those words.
  if (closing && before.endsWith(",") && (code === "ValueExpected" || code === "PropertyNameExpected")) {
    return problem(
      before.length - 1,
      "-",
      `a comma before "${token}"`,
      "no comma after the last item (JSON allows no trailing comma)",
    );
  }
  const shown =
    at >= text.length ? "the end of the file" : JSON.stringify(token.length > 20 ? `${token.slice(0, 17)}…` : token);
  const expected: Record<string, string> = {
    InvalidSymbol: "JSON values: text in double quotes, numbers, true, false, null, [ ] and { }",
    InvalidCharacter: "no control characters inside text (write \\n, \\t or \\u0000 escapes)",
    InvalidCommentToken: "no comments (JSON has none; a .yaml file may have them)",
    PropertyNameExpected: "a key in double quotes",
    ValueExpected: "a value",
    ColonExpected: 'a ":" after the key',
    CommaExpected: "a comma between items",
    CloseBraceExpected: 'a "}" closing the mapping',
    CloseBracketExpected: 'a "]" closing the list',
    EndOfFileExpected: "nothing after the end of the JSON value",
    UnexpectedEndOfString: 'a " closing the text',
    InvalidEscapeCharacter: 'a JSON escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX',
    InvalidUnicode: "a \\u escape with four hex digits",
  };
  if (text.trim() === "") return problem(0, "-", "an empty file", "a JSON value (a mapping { … } or a list [ … ])");
  return problem(
    at,
    "-",
    `JSON syntax error: ${shown} (${code})`,
    `valid JSON: ${expected[code] ?? "see the JSON syntax"}`,
  );
}

/** JSON.parse keeps the last of two equal keys without a word; a config must say each key once. */
function duplicateKeys(root: Node, problem: MakeProblem, lineOf: (offset: number) => number): Problem[] {
  const problems: Problem[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "object") {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = key.value as string;
        const first = seen.get(name);
        if (first !== undefined)
          problems.push(problem(key.offset, name, `the key "${name}" again (first on line ${first})`, "each key once"));
        else seen.set(name, lineOf(key.offset));
      }
    }
    for (const child of node.children ?? [])
      if (child.type === "object" || child.type === "array" || child.type === "property") stack.push(child);
  }
  return problems;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
