// Reading the content folder's files: text with its problems (encoding, size), and the article listing.
// Shared by the content loader, the body reader and the importers.
import { promises as fs } from "node:fs";
import path from "node:path";
import { normaliseText } from "./front-matter.ts";
import type { Problem } from "./problems.ts";

const DECODER = new TextDecoder("utf-8", { fatal: true });

/**
 * Strict UTF-8, normalised (normaliseText), with the size and mtime the file had when read — an
 * article's body is read again when its page is rendered, and must not have changed meanwhile.
 */
export async function readText(
  file: string,
): Promise<{ ok: true; text: string; size: number; mtimeMs: number } | { ok: false; problem: Problem }> {
  const { bytes, stat } = await readWithStat(file);
  try {
    const text = decodeText(bytes);
    return { ok: true, text, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    const line = firstBadLine(bytes);
    return {
      ok: false,
      problem: {
        file,
        line,
        column: 1,
        field: "-",
        found: "bytes that are not UTF-8 (GBK, Big5 or UTF-16?)",
        expected: `UTF-8 text; convert it, e.g. iconv -f GBK -t UTF-8 "${file}"`,
      },
    };
  }
}

/** Strict UTF-8 (throws on anything else), normalised: the one way article text is decoded. */
export function decodeText(bytes: Uint8Array): string {
  return normaliseText(DECODER.decode(bytes));
}

/** A file's bytes and its stat from one open: fstat, then a single read of that many bytes. */
export async function readWithStat(file: string): Promise<{ bytes: Buffer; stat: { size: number; mtimeMs: number } }> {
  const handle = await fs.open(file);
  try {
    const stat = await handle.stat();
    const buffer = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const { bytesRead } = await handle.read(buffer, filled, stat.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, filled), stat };
  } finally {
    await handle.close();
  }
}

function firstBadLine(bytes: Buffer): number {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        DECODER.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return 1;
}

/** Editor leftovers and dotfiles are never articles. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith(".") || name.endsWith("~") || name.startsWith("#") || /\.(swp|swo|tmp|bak)$/.test(name);
}

/**
 * Every `.md` under `root`, sorted. Symbolic links are followed only when they resolve inside `boundary`
 * (the content folder); each real folder is visited once, so a link loop cannot hang the walk.
 */
export async function listArticleFiles(root: string, boundary: string, problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  let realRoot: string;
  let realBoundary: string;
  try {
    realRoot = await fs.realpath(root);
    realBoundary = await fs.realpath(boundary);
  } catch {
    problems.push({
      file: root,
      line: 0,
      column: 0,
      field: "-",
      found: "no articles folder",
      expected: "a folder of Markdown articles",
    });
    return out;
  }
  const visited = new Set<string>();
  const walk = async (dir: string, realDir: string): Promise<void> => {
    if (visited.has(realDir)) return;
    visited.add(realDir);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = path.join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          real = await fs.realpath(full);
        } catch {
          problems.push({
            file: full,
            line: 0,
            column: 0,
            field: "-",
            found: "a broken symbolic link",
            expected: "a file or folder inside the content folder",
          });
          continue;
        }
        if (real !== realBoundary && !real.startsWith(realBoundary + path.sep)) {
          problems.push({
            file: full,
            line: 0,
            column: 0,
            field: "-",
            found: `a symbolic link to ${real}, outside the content folder`,
            expected: "links that stay inside the content folder",
          });
          continue;
        }
        const stat = await fs.stat(real);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDir) await walk(full, real);
      else if (isFile && entry.name.endsWith(".md")) out.push(full);
    }
  };
  await walk(root, realRoot);
  return out.sort();
}
