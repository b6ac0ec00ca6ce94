// A manifest of a built site: every output file with the SHA-256 of its bytes, in path order. Recorded
// once from a known-good build (tests/fixtures/output-manifest/), compared by tests/output-manifest.test.ts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Manifest = Record<string, string>;

export function manifestOf(dir: string): Manifest {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

// Records a manifest: node --import tsx tests/helpers/manifest.ts SITE_DIR > manifest.json
if (process.argv[1] === import.meta.filename) console.log(JSON.stringify(manifestOf(process.argv[2]!), null, 1));
