// tsx scripts/generate-archive.ts N [--seed S] --out DIR
// Writes a deterministic synthetic archive of N articles (src/bench/write-archive.ts) into DIR, as a
// content folder Wenku can check and build. DIR is replaced only when it is absent, empty, or holds a
// previously generated archive (marked by DIR/.wenku-generated); anything else is refused.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { shownPath } from "../src/bench/options.ts";
import { writeArchive } from "../src/bench/write-archive.ts";
import { WenkuError } from "../src/content/problems.ts";
import { fail, parseCommand, startedIn } from "../src/cli/command.ts";

const USAGE = "usage: tsx scripts/generate-archive.ts N [--seed S] --out DIR";

const { values, positionals } = parseCommand("generate", USAGE, {
  allowPositionals: true,
  options: {
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!) || !values.out) fail(USAGE, 2);
const count = Number(positionals[0]);
if (count < 1 || count > 999_999) fail(`wenku generate: N is ${count}; expected 1 to 999999`, 2);
const seed = values.seed!;
const outDir = path.resolve(startedIn(), values.out);

const started = performance.now();
try {
  const { files, bytes } = await writeArchive(count, seed, outDir);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `wenku generate: ${count} articles, ${files} files, ${bytes} bytes in ${seconds.toFixed(2)} s → ${shownPath(startedIn(), outDir)} (seed "${seed}")`,
  );
} catch (error) {
  if (!(error instanceof WenkuError)) throw error;
  fail(`wenku generate: ${error.message}`);
}
