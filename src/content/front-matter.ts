// Reads and writes an article file's front-matter. Splits an article into front-matter and body. gray-matter finds the block; our YAML engine parses it
// with positions and without timestamps. Only plain `---` YAML is accepted: gray-matter would evaluate
// `---js` front-matter as code, so any language tag is refused before gray-matter sees the text.
import matter from "gray-matter";
import { stringify } from "yaml";
import type { Problem } from "./problems.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";

export interface SplitArticle {
  frontMatter: YamlSource;
  body: string;
  /** Where the body starts in normaliseText(text), so a renderer can read it again later. */
  bodyStart: number;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*$/;

/**
 * The one normalisation of an article's decoded text: BOM dropped, CRLF and CR become LF, and
 * delimiter lines lose trailing blanks ("--- " would leave the blanks at the start of the body).
 */
export function normaliseText(decoded: string): string {
  return decoded
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/^---[ \t]+$/gm, "---");
}

export function splitFrontMatter(decoded: string, file: string): { split?: SplitArticle; problems: Problem[] } {
  const text = normaliseText(decoded);
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  const fail = (line: number, found: string, expected: string) => ({
    problems: [{ file, line, column: 1, field: "front-matter", found, expected }],
  });
  if (!OPEN.test(firstLine)) {
    if (/^---\s*\S/.test(firstLine)) {
      return fail(
        1,
        `"${firstLine.trim()}" (front-matter in another language, which would run as code)`,
        "YAML front-matter opened by a plain --- line",
      );
    }
    return fail(
      1,
      firstLine === "" ? "an empty first line" : `"${clip(firstLine)}"`,
      "front-matter starting on line 1 with ---",
    );
  }
  if (!/\n---[ \t]*(\n|$)/.test(text)) {
    return fail(1, "a --- line that is never closed", "a second --- line ending the front-matter");
  }

  let frontMatter: YamlSource | undefined;
  const parsed = matter(text, {
    language: "yaml",
    engines: {
      yaml: (block: string) => {
        // The block starts right after the opening "---", so its line 1 is the file's line 1.
        frontMatter = parseYamlSource(block, file, 0);
        return {};
      },
    },
  });
  const block = parsed.matter ?? "";
  const bodyLine = countNewlines(block) + 3;
  // An all-empty block is skipped by gray-matter; it is still a (empty) mapping for our purposes.
  frontMatter ??= parseYamlSource(block, file, 0);
  // gray-matter's content is a suffix of its input.
  return {
    split: { frontMatter, body: parsed.content, bodyStart: text.length - parsed.content.length, bodyLine },
    problems: [],
  };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/**
 * The text of an article file: `---`, the front-matter as YAML, `---`, the body as given. No line is
 * folded (lineWidth 0), so a long title stays on one line and imported files diff cleanly.
 */
export function articleFileText(frontMatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body}`;
}
