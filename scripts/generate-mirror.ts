// node --import tsx scripts/generate-mirror.ts N [--seed S] --out DIR
// Writes a synthetic legacy-CMS mirror of N article pages (src/bench/generate-mirror.ts) for
// measuring `npm run import -- legacy-html`, plus a manifest.json saying what each page is.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fail, parseCommand } from "../src/cli/command.ts";
import { userPath } from "../src/cli/command.ts";
import { generateMirror } from "../src/bench/generate-mirror.ts";

const USAGE = "usage: node --import tsx scripts/generate-mirror.ts N [--seed S] --out DIR";
const { values, positionals } = parseCommand("generate-mirror", USAGE, {
  allowPositionals: true,
  options: { seed: { type: "string", default: "1" }, out: { type: "string" } },
});
const n = Number(positionals[0]);
if (!Number.isSafeInteger(n) || n < 1 || !values.out) fail(USAGE, 2);
const out = userPath(values.out);
const mirror = generateMirror(n, values.seed!);
for (const [rel, bytes] of mirror.files) {
  const file = path.join(out, "site", ...rel.split("/"));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
const { files: _files, ...manifest } = mirror;
writeFileSync(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
console.log(
  `${mirror.files.size} pages (${mirror.articles.length} articles, ${mirror.hacked.length} hacked, ${mirror.lists.length} lists, ${mirror.spam.length} spam) → ${path.join(out, "site")}`,
);
