// The generated archives the bench measures on, one folder per size, kept between benches.
import { promises as fs } from "node:fs";
import path from "node:path";
import { WenkuError } from "../content/problems.ts";
import { markdownFiles } from "./files.ts";
import { measure } from "./measure.ts";
import { PROJECT, type BenchContext } from "./runs.ts";

/**
 * Generates `<dir>/n<N>` (by `scripts/generate-archive.ts`, as its own process) unless it already
 * holds a complete archive of N articles with this seed.
 */
export async function ensureArchive(ctx: BenchContext, count: number): Promise<{ dir: string; reused: boolean }> {
  const dir = path.join(ctx.dir, `n${count}`);
  try {
    const marker = JSON.parse(await fs.readFile(path.join(dir, ".wenku-generated"), "utf8")) as {
      articles?: unknown;
      seed?: unknown;
    };
    // The marker is written first, so an interrupted generation also needs the article count to match.
    if (
      marker.articles === count &&
      marker.seed === ctx.seed &&
      (await markdownFiles(path.join(dir, "articles"))).length === count
    ) {
      return { dir, reused: true };
    }
  } catch {
    // absent or unreadable: generate
  }
  ctx.line(`generating ${count} articles (seed "${ctx.seed}") into ${ctx.shown(dir)} …`);
  const args = ["--import", "tsx", "scripts/generate-archive.ts", String(count), "--seed", ctx.seed, "--out", dir];
  const r = await measure(process.execPath, args, 600_000 + count * 20, process.env, PROJECT);
  if (r.code !== 0) {
    throw new WenkuError(
      "failed",
      `wenku bench: generating ${dir} failed (exit ${r.code ?? r.signal}${r.timedOut ? ", timed out" : ""}):\n${r.stderr || r.stdout}`,
    );
  }
  return { dir, reused: false };
}
