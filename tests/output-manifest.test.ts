// The build writes byte for byte what the recorded manifests say: the sample archive and a generated
// 2,500-article archive (two workers). First recorded at a0ec052, before issue 12 restructured the build;
// recorded again only by changes meant to change the output (tests/fixtures/output-manifest/README.md).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/index.ts";
import { generateArchive } from "../src/bench/generate.ts";
import { manifestOf, type Manifest } from "./helpers/manifest.ts";
import { PROJECT } from "./helpers/build.ts";

const recorded = (name: string): Manifest =>
  JSON.parse(readFileSync(path.join(PROJECT, "tests/fixtures/output-manifest", name), "utf8"));

/** Files whose bytes differ, or that only one side has. */
function differences(built: Manifest, expected: Manifest): string[] {
  const files = new Set([...Object.keys(built), ...Object.keys(expected)]);
  return [...files].filter((file) => built[file] !== expected[file]).sort();
}

describe("the output is byte-identical to the recorded manifests", () => {
  it("the sample archive", async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "wenku-manifest-")), "site");
    await build({ content: path.join(PROJECT, "content"), output });
    const expected = recorded("sample.json");
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    expect(differences(manifestOf(output), expected)).toEqual([]);
  });

  it("a generated archive of 2,500 articles, rendered by two workers", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "wenku-manifest-"));
    const content = path.join(root, "content");
    for (const [file, text] of generateArchive(2500, "1").files) {
      mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
      writeFileSync(path.join(content, file), text);
    }
    const result = await build({ content, output: path.join(root, "site"), workers: 2 });
    expect(result.workers).toBe(2);
    expect(differences(manifestOf(result.output), recorded("generated-2500.json"))).toEqual([]);
  }, 240_000);
});
