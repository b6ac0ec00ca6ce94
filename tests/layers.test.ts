// The folders of src/ depend one way: each may import only folders below it (or a sibling on its own
// level, never both ways). The order is the one the README's structure section describes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../src");

/** Bottom to top; folders on one level may use each other one way only. "." is src/index.ts. */
const LAYERS: readonly (readonly string[])[] = [
  ["types", "files", "i18n"],
  ["content"],
  ["config"],
  ["site"],
  ["render", "search"],
  ["eleventy"],
  ["build", "dev"],
  ["import", "submit"],
  ["bench"],
  ["cli"],
  ["."],
];

const levelOf = new Map(LAYERS.flatMap((folders, level) => folders.map((folder) => [folder, level] as const)));

/** Every import between two folders of src/, as "from → to" with one example file each. */
function folderImports(): Map<string, string> {
  const edges = new Map<string, string>();
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  for (const file of files) {
    const from = file.includes(path.sep) ? file.split(path.sep)[0]! : ".";
    for (const imported of ts.preProcessFile(readFileSync(path.join(SRC, file), "utf8"), true, true).importedFiles) {
      if (!imported.fileName.startsWith(".")) continue;
      const target = path.relative(SRC, path.resolve(SRC, path.dirname(file), imported.fileName));
      const to = target.includes(path.sep) ? target.split(path.sep)[0]! : ".";
      if (to !== from && !edges.has(`${from} → ${to}`)) edges.set(`${from} → ${to}`, `${file} imports ${target}`);
    }
  }
  return edges;
}

describe("src/ folders depend one way", () => {
  const edges = folderImports();

  it("every folder of src/ has a place in the layer order", () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((folder) => !levelOf.has(folder))).toEqual([]);
  });

  it("no folder imports one above it", () => {
    const upward = [...edges].filter(([edge]) => {
      const [from, to] = edge.split(" → ") as [string, string];
      return levelOf.get(to)! > levelOf.get(from)!;
    });
    expect(upward.map(([edge, example]) => `${edge} (${example})`)).toEqual([]);
  });

  it("no two folders import each other", () => {
    const both = [...edges].filter(([edge]) => edges.has(edge.split(" → ").reverse().join(" → ")));
    expect(both.map(([edge, example]) => `${edge} (${example})`)).toEqual([]);
  });

  it("sees the imports it checks (the eleventy adapter uses the site model)", () => {
    expect(edges.has("eleventy → site")).toBe(true);
  });
});
