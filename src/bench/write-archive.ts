// Writes a generated archive (src/bench/generate.ts) to disk as a content folder Wenku can check and
// build. The folder is replaced only when it is absent, empty, or holds a previously generated archive
// (marked by .wenku-generated); anything else is refused, as it may hold the owner's own files.
import { promises as fs } from "node:fs";
import path from "node:path";
import { WenkuError } from "../content/problems.ts";
import { generateArchive } from "./generate.ts";

export const MARKER = ".wenku-generated";
const GENERATED_ENTRIES = new Set([MARKER, "_data", "articles"]);
const WRITE_CONCURRENCY = 64;

/** Generates N articles with `seed` into `outDir` (absolute). Throws WenkuError "refused" for a folder it must not replace. */
export async function writeArchive(
  count: number,
  seed: string,
  outDir: string,
): Promise<{ files: number; bytes: number }> {
  await clearPreviousArchive(outDir);
  const { files } = generateArchive(count, seed);
  const marker = `${JSON.stringify({ generator: "wenku bench", articles: count, seed })}\n`;

  // The marker goes down first: an interrupted run still leaves a folder this may replace.
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
  return { files: files.size + 1, bytes };
}

/** Removes `dir` when it holds only a generated archive; refuses when it holds anything else. */
async function clearPreviousArchive(dir: string): Promise<void> {
  let stat;
  try {
    stat = await fs.lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (!stat.isDirectory())
    throw new WenkuError("refused", `refusing to write into ${dir}: it exists and is not a folder.`);
  const names = await fs.readdir(dir);
  if (names.length === 0) return;
  if (!names.includes(MARKER)) {
    throw new WenkuError(
      "refused",
      `refusing to replace ${dir}: it is not empty and has no ${MARKER} marker, so it may hold your own files. Pick another --out.`,
    );
  }
  const foreign = names.filter((name) => !GENERATED_ENTRIES.has(name));
  if (foreign.length > 0) {
    throw new WenkuError(
      "refused",
      `refusing to replace ${dir}: besides a generated archive it holds ${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", …" : ""}.`,
    );
  }
  await fs.rm(dir, { recursive: true, force: true });
}
