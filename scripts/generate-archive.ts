// tsx scripts/generate-archive.ts N [--seed S] --out DIR
// Writes a deterministic synthetic archive of N articles (see src/bench/generate.ts) into DIR, as a
// content folder Wenku can check and build. DIR is replaced only when it is absent, empty, or holds a
// previously generated archive (marked by DIR/.wenku-generated); anything else is refused.
import { promises as fs } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateArchive } from "../src/bench/generate.ts";
import { fail, parseCommand } from "../src/cli/command.ts";

const MARKER = ".wenku-generated";
const GENERATED_ENTRIES = new Set([MARKER, "_data", "articles"]);
const WRITE_CONCURRENCY = 64;
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
const outDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);

const started = performance.now();
await clearPreviousArchive(outDir);

const { files } = generateArchive(count, seed);
const marker = `${JSON.stringify({ generator: "wenku bench", articles: count, seed })}\n`;
const entries: [string, string][] = [...files, [MARKER, marker]];

// The marker goes down first: an interrupted run still leaves a folder this script may replace.
await fs.mkdir(outDir, { recursive: true });
await fs.writeFile(path.join(outDir, MARKER), marker);
const dirs = new Set([...files.keys()].map((file) => path.dirname(path.join(outDir, file))));
for (const dir of [...dirs].sort()) await fs.mkdir(dir, { recursive: true });

let bytes = 0;
let next = 0;
const queue = [...files];
const worker = async () => {
  while (next < queue.length) {
    const [file, text] = queue[next++]!;
    const data = Buffer.from(text, "utf8");
    bytes += data.length;
    await fs.writeFile(path.join(outDir, file), data);
  }
};
await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, queue.length) }, worker));
bytes += Buffer.byteLength(marker, "utf8");

const seconds = (performance.now() - started) / 1000;
const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), outDir);
const shown = relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? outDir : relative;
console.log(`wenku generate: ${count} articles, ${entries.length} files, ${bytes} bytes in ${seconds.toFixed(2)} s → ${shown} (seed "${seed}")`);

/** Removes `dir` when it holds only a generated archive; refuses (exit 1) when it holds anything else. */
async function clearPreviousArchive(dir: string): Promise<void> {
  let stat;
  try {
    stat = await fs.lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (!stat.isDirectory()) fail(`wenku generate: refusing to write into ${dir}: it exists and is not a folder.`);
  const names = await fs.readdir(dir);
  if (names.length === 0) return;
  if (!names.includes(MARKER)) {
    fail(`wenku generate: refusing to replace ${dir}: it is not empty and has no ${MARKER} marker, so it may hold your own files. Pick another --out.`);
  }
  const foreign = names.filter((name) => !GENERATED_ENTRIES.has(name));
  if (foreign.length > 0) {
    fail(`wenku generate: refusing to replace ${dir}: besides a generated archive it holds ${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", …" : ""}.`);
  }
  await fs.rm(dir, { recursive: true, force: true });
}
